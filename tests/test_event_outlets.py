"""Mechanisms found on outlets the event rules were never tuned on (Saudi dailies): words
that name no act in their context, an interview formula, a verb that wages what a noun names
with its subject between them. Every sentence here is written for the test; each negative
has a positive twin so that a fix cannot pass by dropping the trigger altogether."""

import re

from khabar.extract.event_frames import light_verb
from seeded import processed


def _types(pipeline, text: str) -> list[str]:
    return [e.event for e in processed(pipeline, text).events]


def test_event_outlets_waging_verb_with_its_subject_between(pipeline) -> None:
    text = "وخاضت القوات الحكومية اشتباكات عنيفة مع المسلحين قرب المطار أمس."
    assert "ASSAULT" in _types(pipeline, text)


def test_event_outlets_light_verb_reaches_over_a_subject() -> None:
    for before, expected in (
        ("وشنت مقاتلات التحالف العربي ", True),
        ("وعاودت الطائرات الحربية ", True),
        ("إما أن تنفذ مطالبهم أو ", False),  # another verb, not a subject, stands between
        ("وقال الوزير في كلمته إن ", False),
    ):
        text = before + "غارات"
        assert light_verb(text, 0, len(before)) is expected, before


def test_event_outlets_interview_by_phone_is_no_meeting(pipeline) -> None:
    text = 'وقال المتحدث في اتصال هاتفي أجرته معه "الصحيفة" إن الهدنة انهارت.'
    assert "CONSULT" not in _types(pipeline, text)
    text = "وأجرى وزير الخارجية الأردني اتصالا هاتفيا مع نظيره الإيراني أمس."
    assert "CONSULT" in _types(pipeline, text)


def test_event_outlets_ceasefire_with_the_long_verbal_noun(pipeline) -> None:
    text = "وطالب الوزير بإيقاف إطلاق النار في المدينة فورا."
    assert "ASSAULT" not in _types(pipeline, text)
    assert "ASSAULT" in _types(pipeline, "وأطلق مسلحون النار على دورية للشرطة في المدينة أمس.")


def test_event_outlets_area_of_control_is_no_seizure(pipeline) -> None:
    text = "ونقل المهربون الوقود إلى خارج منطقة سيطرتهم عبر الحدود."
    assert "COERCE" not in _types(pipeline, text)


def test_event_outlets_showing_is_no_opposing(pipeline) -> None:
    text = "وأضافت الشرطة أن الموقوف زار جاره عارضا عليه صورا للمعسكر."
    assert "REJECT" not in _types(pipeline, text)
    assert "REJECT" in _types(pipeline, "وعارض البرلمان العراقي قرار الحكومة بشدة أمس.")


def test_event_outlets_professing_a_faith_is_no_condemnation(pipeline) -> None:
    text = "ونقلت الميليشيات مقاتلين أجانب يدينون بالمذهب ذاته إلى الجبهة."
    assert "ACCUSE" not in _types(pipeline, text)
    assert "ACCUSE" in _types(pipeline, "وتدين الحكومة الأردنية بشدة الهجوم على السفارة.")


def test_event_outlets_conforming_is_no_agreement(pipeline) -> None:
    text = "وقال المدعي العسكري إن العملية تتفق مع القانون الدولي."
    assert "AGREE" not in _types(pipeline, text)


def test_event_outlets_seeking_shelter_is_no_request(pipeline) -> None:
    text = "وهرع السكان إلى الملاجئ طلبا للحماية من القصف."
    assert "REQUEST" not in _types(pipeline, text)


def test_event_outlets_halting_an_advance_is_no_arrest(pipeline) -> None:
    text = "وقصفت الطائرات مواقع المسلحين في الجبل، وأوقفت تقدمهم نحو المدينة."
    assert "COERCE" not in _types(pipeline, text)
    assert "COERCE" in _types(pipeline, "وأوقفت الشرطة التركية ثلاثة مشتبه بهم في إسطنبول أمس.")


def test_event_outlets_a_gathering_of_troops_is_no_protest(pipeline) -> None:
    text = "واستهدف الانتحاري تجمعا للجنود قرب المعسكر."
    assert "PROTEST" not in _types(pipeline, text)
    text = "واحتشد آلاف المتظاهرين أمام البرلمان احتجاجا على القانون الجديد."
    assert "PROTEST" in _types(pipeline, text)


def test_event_outlets_in_return_for_is_no_meeting(pipeline) -> None:
    text = "وأفرجت العصابة عن الرهينة لقاء مبلغ مالي كبير."
    assert "CONSULT" not in _types(pipeline, text)


def test_event_outlets_driving_fighters_out_of_a_town_is_no_expulsion(pipeline) -> None:
    text = "وتمكنت القوات من طرد المسلحين من أحياء المدينة بعد معارك عنيفة."
    assert "SANCTION" not in _types(pipeline, text)
    text = "وقررت الحكومة الهولندية طرد دبلوماسيين روسيين من البلاد."
    assert "SANCTION" in _types(pipeline, text)


def test_event_outlets_endangering_a_reputation_is_no_threat(pipeline) -> None:
    text = "وقال الكاتب إن حملة المقاطعة باتت تهدد سمعة الشركة."
    assert "THREATEN" not in _types(pipeline, text)


def test_event_outlets_uneasy_calm_is_no_warning(pipeline) -> None:
    text = "وتشهد المدينة هدوءا حذرا منذ يومين بعد المعارك."
    assert "THREATEN" not in _types(pipeline, text)
    assert "THREATEN" in _types(pipeline, "وحذر وزير الخارجية الإيراني واشنطن من أي هجوم.")


def test_event_outlets_figurative_abduction(pipeline) -> None:
    text = "وقال النائب إن اختطاف العقول من قبل الجماعات المتطرفة خطر على المجتمع."
    assert "ASSAULT" not in _types(pipeline, text)


def test_event_outlets_a_student_is_no_request(pipeline) -> None:
    text = "واعتقلت الشرطة الأمريكية طالبا أجنبيا في ولاية كنتاكي."
    assert "REQUEST" not in _types(pipeline, text)


def test_event_outlets_recapturing_ground_is_an_attack(pipeline) -> None:
    text = "واستعادت القوات الحكومية السيطرة على البلدة بعد معارك مع المسلحين."
    assert "ASSAULT" in _types(pipeline, text)
    text = "وقال الوزير إن الحكومة استعادت ثقة المستثمرين."
    assert "ASSAULT" not in _types(pipeline, text)


def test_event_outlets_a_condition_is_no_act(pipeline) -> None:
    text = "ويمهد القرار الطريق لرفع الحظر بشرط التزام الحكومة بالاتفاق."
    assert "AGREE" not in _types(pipeline, text)


def test_event_outlets_notes_quote_no_publisher() -> None:
    """The new data rows carry a provenance note (H16) and no long quotation."""
    from khabar.kb.tsv import data_path

    for name in ("event_cues.tsv", "event_senses.tsv", "triggers.tsv"):
        for line in data_path(name).read_text(encoding="utf-8").splitlines():
            if "H16" in line:
                for quoted in re.findall(r"«([^»]*)»", line):
                    assert len(quoted.split()) <= 8, (name, quoted)
