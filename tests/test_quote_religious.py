"""Religious quoting, objects read as subjects and quoted titles (H23).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from khabar.extract.quotes import QuoteStage
from seeded import quote_speakers as _speakers
from seeded import quoted_document


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    stage = QuoteStage()
    stage.setup()
    return stage


KHATIB = {"صالح العمري": ("per:omari", "PER")}


def test_verse_after_qawlihi_taala(stage: QuoteStage) -> None:
    text = (
        "وأوضح الشيخ صالح العمري أن الصبر من أعظم العبادات، مستشهدا بقوله تعالى: "
        '"واصبر وما صبرك إلا بالله".'
    )
    found = _speakers(stage, quoted_document(text, KHATIB))
    verse = [f for f in found if f[0].startswith("واصبر")]
    assert verse == [("واصبر وما صبرك إلا بالله", None, "تعالى")], found


def test_qala_taala_and_god_as_subject(stage: QuoteStage) -> None:
    text = (
        "وقال الشيخ صالح العمري إن الأمانة ثقيلة. قال الله تعالى: «إنا عرضنا الأمانة». "
        "وقد أخبر الله عن حال المتقين فقال: «إن المتقين في جنات»."
    )
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert [(q[:10], e, s) for q, e, s in found] == [
        ("الأمانة ثق", "per:omari", "الشيخ صالح العمري"),
        ("إنا عرضنا ", None, "الله تعالى"),
        ("إن المتقين", None, "الله"),
    ], found


def test_hadith_in_relative_clause(stage: QuoteStage) -> None:
    text = (
        "وتحدث الشيخ صالح العمري عن بر الوالدين الذي أخبر عنه النبي صلى الله عليه وسلم "
        "بقوله: «الجنة تحت أقدام الأمهات»، وأكد فضيلته أن البر لا ينقطع بالموت."
    )
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert [(q[:10], e) for q, e, _ in found] == [
        ("الجنة تحت ", None),
        ("البر لا ين", "per:omari"),
    ], found
    assert found[0][2].startswith("النبي"), found


def test_book_title_is_no_quote(stage: QuoteStage) -> None:
    text = (
        "وأعلن صالح العمري صدور كتابه الجديد بعنوان «رحلة في ذاكرة المدن القديمة» "
        'وأضاف صالح العمري أن فيلم "أيام الصيف الطويلة جدا" سيعرض قريبا.'
    )
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert [q[:10] for q, _, _ in found] == ['فيلم "أيام'], found


def test_in_shita_is_no_speech(stage: QuoteStage) -> None:
    text = "وقال صالح العمري: هذه تجربة فريدة، أو قل إن شئت مغامرة كبيرة."
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert [q[:9] for q, _, _ in found] == ["هذه تجربة"], found


def test_shown_verb_skips_other_verbs_an(stage: QuoteStage) -> None:
    text = "وأظهرت الصور رجالا يعتقد أنهم من المهربين. وأظهرت الدراسة أن المرض ينتشر."
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert [q[:10] for q, _, _ in found] == ["المرض ينتش"], found


def test_object_of_denial_is_no_speaker(stage: QuoteStage) -> None:
    text = "وتحدث صالح العمري عن المشروع. ونفى ما أشيع عن تأجيله، مؤكدا أن العمل مستمر."
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert all(e == "per:omari" for _, e, _ in found), found


def test_verse_named_before_colon(stage: QuoteStage) -> None:
    text = (
        "ودعا صالح العمري إلى العدل بين الناس امتثالا لقول الله تعالى: "
        '"وإذا حكمتم بين الناس أن تحكموا بالعدل". وأضاف صالح العمري أن الظلم ظلمات.'
    )
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert [(q[:8], e, s) for q, e, s in found] == [
        ("وإذا حكم", None, "الله تعالى"),
        ("الظلم ظل", "per:omari", "صالح العمري"),
    ], found


def test_fima_qala_is_no_subject(stage: QuoteStage) -> None:
    text = "وجمع صالح العمري الطلاب وقال لهم فيما قال: «لا تتركوا أماكنكم مهما حدث»."
    found = _speakers(stage, quoted_document(text, KHATIB))
    assert [(q[:8], e) for q, e, _ in found] == [("لا تتركو", "per:omari")], found


ORGS = {
    "صالح العمري": ("per:omari", "PER"),
    "منظمة الصحة العالمية": ("org:who", "ORG"),
}


def test_pronoun_subject_wahiya(stage: QuoteStage) -> None:
    text = (
        "ونشرت منظمة الصحة العالمية تقريرها السنوي بحضور صالح العمري، وهي تحذر من أن العدوى"
        " تنتشر بسرعة."
    )
    found = _speakers(stage, quoted_document(text, ORGS))
    assert [(q[:6], e) for q, e, _ in found] == [("العدوى", "org:who")], found


def test_object_after_annahu_is_no_speaker(stage: QuoteStage) -> None:
    text = "وذكر مصدر مقرب من صالح العمري أنه نفى الاستقالة، مؤكدا أن العمل مستمر."
    found = _speakers(stage, quoted_document(text, ORGS))
    assert all(s != "الاستقالة" for _, _, s in found), found
