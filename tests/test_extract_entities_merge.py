"""Merging the CRF tagger's spans with dictionary mentions (spans given by hand)."""

from __future__ import annotations

from khabar.extract.entity_found import Seed
from khabar.extract.entity_link import Located, assemble, confirmed, merge_model_spans

FORMS = {"العراق": ["IRQ"], "الصين": ["CHN"]}


def place(start: int, end: int, ident: str = "geonames:1", kind: str = "place") -> Located:
    return Located(start, end, Seed(ident, "City", None, "LOC", "ESP", kind=kind), "gazetteer")


def test_extract_entities_merge_overlap_keeps_the_dictionary_link() -> None:
    text = "زار الوفد العراق أمس"
    located = [
        Located(10, 16, Seed("IRQ", "Iraq", "العراق", "LOC", "IRQ", kind="country"), "gazetteer")
    ]
    merged = merge_model_spans(text, located, [(9, 16, "LOC")], FORMS)
    assert [(x.start, x.end, x.seed.id) for x in merged] == [(10, 16, "IRQ")]


def test_extract_entities_merge_longer_person_span_extends_the_name() -> None:
    text = "قال ناصر الحمداني إن"
    seed = Seed("per:الحمداني", "الحمداني", "الحمداني", "PER", kind="person")
    merged = merge_model_spans(text, [Located(9, 17, seed, "pattern")], [(4, 17, "PER")], FORMS)
    (entity,) = assemble(text, merged)
    assert [m.text for m in entity.mentions] == ["ناصر الحمداني"]
    assert entity.id == "per:الحمداني"


def test_extract_entities_merge_model_only_span_strips_known_clitic() -> None:
    text = "وصل الوفد والعراق"
    merged = merge_model_spans(text, [], [(10, 17, "LOC")], FORMS)
    (entity,) = assemble(text, merged)
    assert entity.id == "ner:LOC:العراق"
    assert [m.text for m in entity.mentions] == ["العراق"]


def test_extract_entities_merge_organisation_over_a_city_is_the_club() -> None:
    text = "فاز ريال مدريد"
    merged = merge_model_spans(text, [place(9, 14)], [(4, 14, "ORG")], FORMS)
    entities = assemble(text, merged)
    assert [(e.id, e.type, [m.text for m in e.mentions]) for e in entities] == [
        ("ner:ORG:ريال مدريد", "ORG", ["ريال مدريد"])
    ]


def test_extract_entities_merge_weak_guess_needs_the_tagger() -> None:
    guess = Located(0, 9, Seed("per:x", "x", None, "PER"), "pattern")
    assert confirmed([guess], [(0, 4, "PER")]) == [guess]
    assert confirmed([guess], [(0, 4, "LOC")]) == []
