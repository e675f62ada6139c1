"""Recall of the hand-weighted event types: verb forms, verbal nouns, discontinuous phrases."""

import pytest

from khabar.extract.event_lexicon import load_event_lexicon
from khabar.extract.event_sentence import _satisfies
from seeded import processed


def _types(pipeline, text: str) -> set[str]:
    return {e.event for e in processed(pipeline, text, "2023-03-06").events}


def test_a_required_proclitic_must_open_a_longer_word():
    assert _satisfies("بسحب", "ب-")
    assert _satisfies("بالافراج", "ب-")
    assert not _satisfies("بين", "ب-")
    assert not _satisfies("سحب", "ب-")
    assert _satisfies("العقوبات", "عقوبات")


def test_the_lexicon_keeps_the_proclitic_mark_when_folding():
    lexicon = load_event_lexicon()
    demand = [e for e in lexicon.entries if e.lemma == "طالب" and e.requires]
    assert demand and demand[0].requires == ("ب-",)


def test_imperfect_forms_of_a_demand_are_generated():
    forms = load_event_lexicon().forms
    for form in ("أطالب", "يطالبان", "تطالبون"):
        assert any(r.entry.type == "REQUEST" for r in forms.get(form, [])), form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 3ms perfect «طالب» with the thing demanded after «ب», the actor between
        (
            "طالب الاتحاد الأوروبي الحكومة الصربية يوم الخميس بالإفراج عن الصحفيين المعتقلين.",
            "REQUEST",
        ),
        # a verbal noun after «ب», carried out by «ردت»
        ("وردت الحكومة الفرنسية بطرد ثلاثة دبلوماسيين إيرانيين.", "SANCTION"),
        # «حمّل … المسؤولية» with the held side between verb and object
        (
            "وحملت وزارة الخارجية الأردنية الحكومة الإسرائيلية المسؤولية الكاملة عن التصعيد.",
            "ACCUSE",
        ),
        # «أكد على ضرورة …» is an appeal
        (
            "وأكد وزير الخارجية المصري على ضرورة وقف إطلاق النار في السودان فورا.",
            "REQUEST",
        ),
    ],
)
def test_hand_weighted_types_are_found(pipeline, text: str, expected: str):
    assert expected in _types(pipeline, text)


def test_a_student_is_no_demand(pipeline):
    text = "وأصيب طالب في الجامعة الأردنية خلال شجار في عمان يوم الأحد."
    assert "REQUEST" not in _types(pipeline, text)


def test_a_passive_conviction_is_a_sanction_and_manner_is_no_object(pipeline):
    convicted = "وأدين الوزير السابق بتلقي أموال من شركة أجنبية مقابل عقود حكومية."
    assert "SANCTION" in _types(pipeline, convicted)
    quoted = 'وقال الأمين العام: "أدين بشدة كل الهجمات على المدنيين".'
    assert "SANCTION" not in _types(pipeline, quoted)
