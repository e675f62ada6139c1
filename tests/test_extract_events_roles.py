"""Roles and detection mechanisms of the event stage, on hand-built documents.

Every sentence is written for this test; entities are seeded by hand so that only the
event stage runs.
"""

from __future__ import annotations

import pytest

from khabar.doc import Document, Event
from khabar.extract.event_country import CountryFiller
from khabar.extract.event_triggers import DetectorModel
from khabar.extract.events import EventStage
from seeded import seeded_document

# surface -> (id, type, kind, country, sector)
SEEDS = {
    "إدلب": ("geonames:idlib", "LOC", "place", "SYR", None),
    "بغداد": ("geonames:baghdad", "LOC", "place", "IRQ", None),
    "القاهرة": ("geonames:cairo", "LOC", "place", "EGY", None),
    "موسكو": ("geonames:moscow", "LOC", "place", "RUS", None),
    "باكستان": ("PAK", "LOC", "country", "PAK", None),
    "الشرطة": ("agent:COP", "ORG", "agent", None, "COP"),
    "مسلحون": ("agent:UAF", "ORG", "agent", None, "UAF"),
    "مسلحين": ("agent:UAF2", "ORG", "agent", None, "UAF"),
    "مدنيين": ("agent:CVL", "ORG", "agent", None, "CVL"),
    "جنديا": ("agent:MIL", "ORG", "agent", None, "MIL"),
    "سيرغي لافروف": ("person:lavrov", "PER", "person", "RUS", "GOV"),
    "نظيره الإيراني": ("role:iran_fm", "PER", "role", "IRN", "GOV"),
}


def build(text: str) -> Document:
    return seeded_document(text, SEEDS)


@pytest.fixture(scope="module")
def stage() -> EventStage:
    built = EventStage()
    built.setup()
    return built


def first(doc: Document, kind: str) -> Event:
    found = [e for e in doc.events if e.event == kind]
    assert found, [(e.event, e.event_text, e.confidence) for e in doc.events]
    return found[0]


def pairs(refs) -> set[tuple[str | None, str | None]]:
    return {(r.country, r.sector) for r in refs}


def test_nisba_after_a_noun_trigger_is_its_actor(stage: EventStage) -> None:
    doc = stage(build("قتل خمسة مدنيين أمس في غارة جوية روسية على قرية قرب إدلب."))
    event = first(doc, "ASSAULT")
    assert ("RUS", "MIL") in pairs(event.actor)
    # «قتل خمسة مدنيين» is a passive: the counted civilians are the victims, in Syria
    assert ("SYR", "CVL") in pairs(event.recipient)
    assert "aerial" in event.mode


def test_counted_victims_and_place_country(stage: EventStage) -> None:
    doc = stage(build("قتل 12 جنديا أمس في هجوم على حاجز عسكري في بغداد."))
    event = first(doc, "ASSAULT")
    assert ("IRQ", "MIL") in pairs(event.recipient)
    assert not any(a.sector == "MIL" for a in event.actor)


def test_setting_place_is_no_actor_and_gunmen_take_its_country(stage: EventStage) -> None:
    doc = stage(build("اشتبك مسلحون أمس مع الشرطة في شمال غرب باكستان."))
    event = first(doc, "ASSAULT")
    assert pairs(event.actor) == {("PAK", "UAF")}
    assert ("PAK", "COP") in pairs(event.recipient)


def test_protest_without_named_sides_uses_the_place(stage: EventStage) -> None:
    doc = stage(build("تظاهر آلاف الأشخاص أمس في القاهرة احتجاجا على ارتفاع الأسعار."))
    event = first(doc, "PROTEST")
    assert ("EGY", "CVL") in pairs(event.actor)
    assert ("EGY", "GOV") in pairs(event.recipient)


def test_capital_as_government(stage: EventStage) -> None:
    doc = stage(build("نددت موسكو أمس بشدة بالعقوبات الأخيرة."))
    assert ("RUS", "GOV") in pairs(first(doc, "ACCUSE").actor)


def test_dropped_subject_is_the_last_actor(stage: EventStage) -> None:
    doc = stage(
        build("التقى سيرغي لافروف نظيره الإيراني أمس في موسكو. وانتقد بشدة العقوبات الأخيرة.")
    )
    assert {a.country for a in first(doc, "ACCUSE").actor} == {"RUS"}


def test_kama_is_no_negation_and_hands_are_no_support(stage: EventStage) -> None:
    doc = stage(build("كما هاجم مسلحون مركزا للشرطة في بغداد أمس."))
    assert "negated" not in first(doc, "ASSAULT").aux_mode
    doc = stage(build("قتل شرطي أمس على أيدي مسلحين في بغداد."))
    assert not [e for e in doc.events if e.event == "SUPPORT"]


def test_clash_between_two_armed_sides(stage: EventStage) -> None:
    doc = stage(build("واستمرت المواجهات العنيفة بين الشرطة ومسلحين في بغداد."))
    event = first(doc, "ASSAULT")
    assert "firefight" in event.mode


def test_country_filler_reads_inflected_nisba() -> None:
    filler = CountryFiller({"فرنسي": "FRA", "الامريكيه": "USA"})
    text = "خطف مسلحون مصورا فرنسيا أمس"
    assert filler.after(text, text.index("مصورا") + len("مصورا"), len(text)) == "FRA"
    assert filler.lookup("الأمريكية") == "USA"


def test_sentence_words_are_scored_once_per_type() -> None:
    model = DetectorModel(
        {"s:ASSAULT:قتل": 0.5, "verb": 1.0}, bias=-1.0, types=frozenset({"ASSAULT"})
    )
    assert model.bag_score("ASSAULT", frozenset({"قتل", "امس"})) == 0.5
    assert model.bag_score("PROTEST", frozenset({"قتل"})) == 0.0
    high = model.probability({"verb": 1.0}, "ASSAULT", extra=0.5)
    assert high > model.probability({"verb": 1.0}, "ASSAULT")
