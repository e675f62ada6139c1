"""Event stage on documents built by hand (no other stage needed)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from khabar.doc import Document
from khabar.errors import KnowledgeBaseError
from khabar.extract.event_lexicon import PLOVER_TYPES, load_event_lexicon, verb_forms
from khabar.extract.events import EventStage
from khabar.kb.tsv import DATA_DIR
from seeded import codes, seeded_document

SCHEMA = Path(__file__).resolve().parents[1] / "src/khabar/export/schema/plover_event.schema.json"

# entity seeds: surface -> (id, type, kind, country, sector)
ENTITIES = {
    "الولايات المتحدة": ("USA", "LOC", "country", "USA", None),
    "حركة طالبان": ("org:taliban", "ORG", "armed", "AFG", "REB"),
    "الدوحة": ("geonames:290030", "LOC", "place", "QAT", None),
    "روسيا": ("RUS", "LOC", "country", "RUS", None),
    "الصين": ("CHN", "LOC", "country", "CHN", None),
    "باكستان": ("PAK", "LOC", "country", "PAK", None),
    "إيران": ("IRN", "LOC", "country", "IRN", None),
    "القوات الأفغانية": ("agent:AFG:MIL", "ORG", "agent", "AFG", "MIL"),
    "مسلحون": ("agent:UAF", "ORG", "agent", None, "UAF"),
    "الشرطة": ("agent:COP", "ORG", "agent", None, "COP"),
    "كابول": ("geonames:1138958", "LOC", "place", "AFG", None),
}


def make_doc(text: str, published: str | None = "2021-07-02") -> Document:
    return seeded_document(text, ENTITIES, published=published, by_period=False)


@pytest.fixture(scope="module")
def stage() -> EventStage:
    s = EventStage()
    s.setup()
    return s


def test_lexicon_covers_all_plover_types() -> None:
    lexicon = load_event_lexicon()
    assert {e.type for e in lexicon.entries} == set(PLOVER_TYPES)
    assert set(lexicon.types) == set(PLOVER_TYPES)
    assert lexicon.types["ASSAULT"].quad_code == 4 and lexicon.types["CONSULT"].quad_code == 1


def test_verb_forms_perfect_imperfect() -> None:
    forms = verb_forms("قصف", "قصف")
    for form in ("قصف", "قصفت", "قصفوا", "قصفن", "يقصف", "تقصف", "نقصف", "يقصفون"):
        assert form in forms
    assert "اعتدت" in verb_forms("اعتدى", "عتدي")


def test_bad_trigger_row_reports_file_and_line(tmp_path: Path) -> None:
    for name in ("plover.tsv", "event_cues.tsv"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text("utf-8"), "utf-8")
    header = (DATA_DIR / "triggers.tsv").read_text("utf-8").splitlines()[0]
    row = "\t".join(["ATTACK", "", "noun", "هجوم", "", "", "", "", "0.5", "", "", "bad"])
    (tmp_path / "triggers.tsv").write_text(f"{header}\n{row}\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"triggers.tsv:2"):
        load_event_lexicon.__wrapped__(tmp_path)


def test_events_vso_sign_with_coordinated_actors_and_place(stage: EventStage) -> None:
    doc = stage(make_doc("وقعت الولايات المتحدة وحركة طالبان على اتفاق السلام في الدوحة أمس."))
    agree = [e for e in doc.events if e.event == "AGREE"]
    assert agree, doc.events
    event = agree[0]
    assert codes(event.actor) == {"USA", "AFGREB"}
    assert "sign" in event.mode
    assert event.event_loc is not None and event.event_loc["country"] == "QAT"
    assert event.quad_code == 1 and event.date == "2021-07-02"


def test_events_svo_consult_with_partner(stage: EventStage) -> None:
    doc = stage(make_doc("روسيا تتشاور مع الصين وباكستان حول الوضع في كابول اليوم."))
    consult = [e for e in doc.events if e.event == "CONSULT"]
    assert consult
    assert codes(consult[0].actor) == {"RUS"}
    assert codes(consult[0].recipient) == {"CHN", "PAK"}


def test_events_assault_actor_and_target(stage: EventStage) -> None:
    doc = stage(make_doc("هاجم مسلحون القوات الأفغانية أمس في كابول."))
    assault = [e for e in doc.events if e.event == "ASSAULT"]
    assert assault
    # gunmen of no stated nationality take the country of the place of the report
    assert {(a.sector, a.country) for a in assault[0].actor} == {("UAF", "AFG")}
    assert "AFGMIL" in codes(assault[0].recipient)
    assert assault[0].cameo_root in ("18", "19")


def test_events_negated_and_ceasefire_and_names_are_not_assaults(stage: EventStage) -> None:
    negated = stage(make_doc("لم تقصف القوات الأفغانية أي موقع في كابول أمس."))
    assert not [e for e in negated.events if e.event == "ASSAULT"]
    ceasefire = stage(make_doc("أعلنت حركة طالبان التزامها بوقف إطلاق النار في كابول."))
    assert not [e for e in ceasefire.events if e.event == "ASSAULT"]
    riot_police = stage(make_doc("انتشرت شرطة مكافحة الشغب في شوارع كابول."))
    assert not [e for e in riot_police.events if e.event == "PROTEST"]


def test_events_keep_negated_marks_aux_mode() -> None:
    stage = EventStage(keep_negated=True, threshold=0.0)
    doc = stage(make_doc("لم تهاجم القوات الأفغانية مسلحون في كابول أمس."))
    assault = [e for e in doc.events if e.event == "ASSAULT"]
    assert assault and "negated" in assault[0].aux_mode


def test_events_protest_and_schema(stage: EventStage) -> None:
    doc = stage(make_doc("تظاهر آلاف المواطنين أمس في كابول احتجاجا على رفع الأسعار."))
    protest = [e for e in doc.events if e.event == "PROTEST"]
    assert protest and "demo" in protest[0].mode
    schema = json.loads(SCHEMA.read_text("utf-8"))
    for event in doc.to_dict()["events"]:
        jsonschema.validate(event, schema)
    assert doc.text[protest[0].trigger.start : protest[0].trigger.end] == protest[0].event_text
