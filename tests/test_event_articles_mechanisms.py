"""Whole-article event mechanisms: subheadings, word senses chosen by what surrounds the
trigger, verbal forms the lexicon lacked, background acts that took place, re-mentions.
Every sentence here is written for the test."""

from khabar.extract.events import is_heading
from seeded import processed


def _events(pipeline, text: str) -> list[tuple[str, str, list[str]]]:
    doc = processed(pipeline, text)
    return [(e.event, doc.text[e.trigger.start : e.trigger.end], e.aux_mode) for e in doc.events]


def _types(pipeline, text: str) -> list[str]:
    return [kind for kind, _, _ in _events(pipeline, text)]


def test_subheading_is_no_event(pipeline) -> None:
    body = (
        "أعلنت الحكومة المصرية أمس خطة جديدة للنقل العام في القاهرة.\n"
        "مصر تدين بشدة الهجوم على السفارة\n"
        "وقال المتحدث باسم الوزارة إن الخطة تبدأ الشهر المقبل."
    )
    assert "ACCUSE" not in _types(pipeline, body)
    # the same words as a sentence of the body are an event
    prose = "وقال المتحدث إن القاهرة تدين بشدة الهجوم على السفارة في العاصمة الليبية."
    assert "ACCUSE" in _types(pipeline, prose)


def test_is_heading_needs_prose_around() -> None:
    text = "فقرة أولى تنتهي بنقطة.\nعنوان فرعي قصير\nفقرة ثانية."
    start = text.index("عنوان")
    assert is_heading(text, start, start + len("عنوان فرعي قصير"))
    assert not is_heading(text, 0, text.index("\n"))  # ends with a stop
    last = text.rindex("\n") + 1
    assert not is_heading(text, last, len(text))  # the last paragraph


def test_first_person_condemnation(pipeline) -> None:
    text = 'وقال الأمين العام للمنظمة: "أدين بشدة الاعتداء على المدنيين في المدينة".'
    assert "ACCUSE" in _types(pipeline, text)
    # the passive «أُدين … بـ» is a conviction, not a condemnation
    text = "وأدين الوزير السابق بالفساد أمام محكمة الجنايات في العاصمة."
    types = _types(pipeline, text)
    assert "ACCUSE" not in types


def test_refuting_claims_is_a_rejection(pipeline) -> None:
    text = "وفندت وزارة الخارجية الأردنية الثلاثاء ادعاءات الحكومة السورية بشأن الحدود."
    assert "REJECT" in _types(pipeline, text)


def test_conviction_in_a_case_is_a_sanction(pipeline) -> None:
    text = "وقدم الحزب المعارض الجمعة مذكرة للبرلمان غداة إعلان إدانة الحزب الحاكم في قضية فساد."
    types = _types(pipeline, text)
    assert "SANCTION" in types
    assert "ACCUSE" not in types
    text = "وأعلنت الحكومة الفرنسية إدانتها للهجوم على الكنيسة في الإسكندرية."
    types = _types(pipeline, text)
    assert "ACCUSE" in types
    assert "SANCTION" not in types


def test_consent_needs_what_another_side_put_forward(pipeline) -> None:
    text = "ووافق مجلس بلدية المدينة الأربعاء على منح الكاتب جائزة الإبداع السنوية."
    assert "AGREE" not in _types(pipeline, text)
    text = "ووافقت الحكومة اليمنية الأحد على المقترح الأممي لتبادل الأسرى مع الحوثيين."
    assert "AGREE" in _types(pipeline, text)


def test_agreement_heading_a_relative_clause_is_signed(pipeline) -> None:
    text = "وأوضح الوزير أن الاتفاقية التي تم التوقيع عليها بين تونس والجزائر تشمل التجارة."
    assert "AGREE" in _types(pipeline, text)


def test_attributive_participle_is_no_act(pipeline) -> None:
    text = "وقال الوزير إن المواقف الدولية المنددة بالقرار أظهرت عزلة الحكومة."
    assert "ACCUSE" not in _types(pipeline, text)


def test_weapons_depot_is_no_aid(pipeline) -> None:
    text = "وقال المرصد إن صواريخ استهدفت مستودع أسلحة قرب المطار العسكري جنوب دمشق."
    assert "AID" not in _types(pipeline, text)


def test_leaving_a_treaty_is_no_retreat(pipeline) -> None:
    text = "وأعلن الرئيس الأمريكي الثلاثاء انسحاب بلاده من الاتفاق النووي مع إيران."
    assert "RETREAT" not in _types(pipeline, text)
    text = "وأعلن الجيش الإسرائيلي الثلاثاء انسحاب قواته من بلدة حدودية جنوب لبنان."
    assert "RETREAT" in _types(pipeline, text)


def test_retracting_a_confession_is_no_concession(pipeline) -> None:
    text = "وقال المحامي إن المتهمة تراجعت عن اعترافاتها أمام القاضي الأسبوع الماضي."
    assert "CONCEDE" not in _types(pipeline, text)


def test_comma_ma_is_which_not_a_negation(pipeline) -> None:
    text = "وقصفت طائرات حربية مطارا عسكريا في وسط البلاد، ما تسبب بمقتل سبعة جنود."
    events = _events(pipeline, text)
    assert any(kind == "ASSAULT" and "negated" not in aux for kind, _, aux in events)


def test_perpetrators_of_an_attack_recall_it(pipeline) -> None:
    text = "ورفضت الشركة طلب المحققين فتح هاتف يعود لأحد منفذي هجوم المدينة العام الماضي."
    events = _events(pipeline, text)
    assert any(kind == "ASSAULT" for kind, _, _ in events)


def test_summit_naming_its_parties_is_an_encounter(pipeline) -> None:
    text = (
        "التقى الرئيس الصيني نظيره الروسي في بكين الثلاثاء.\n"
        "ويأتي اللقاء بعد القمة التاريخية التي جمعت الرئيس الروسي مع نظيره الأمريكي في "
        "هلسنكي الشهر الماضي."
    )
    triggers = [t for kind, t, _ in _events(pipeline, text) if kind == "CONSULT"]
    assert "القمة" in triggers


def test_meal_that_brings_sides_together_is_a_meeting(pipeline) -> None:
    text = "وقال رئيس الوزراء خلال غداء جمعه الأحد بممثلي النقابات في العاصمة إن الإصلاح مستمر."
    assert "CONSULT" in _types(pipeline, text)


def test_consent_to_talks_is_an_agreement(pipeline) -> None:
    text = "وقال زعيم المعارضة الأرمينية إن رئيس الوزراء وافق على إجراء محادثات مع المعارضة."
    assert "AGREE" in _types(pipeline, text)


def test_fire_breaking_out_is_no_gunfire(pipeline) -> None:
    text = "واندلعت النيران مساء الأحد في مستودع للأخشاب قرب ميناء المدينة دون إصابات."
    assert "ASSAULT" not in _types(pipeline, text)


def test_province_after_an_attack_is_no_boycott(pipeline) -> None:
    text = "وكشفت الشرطة الكندية هوية منفذ هجوم المسجد في مقاطعة كيبيك أمس الاثنين."
    assert "PROTEST" not in _types(pipeline, text)
