"""Golden test: the seed article through the full pipeline codes its key events."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.doc import Document, Source
from khabar.registry import available_stages, build_pipeline

SEED = (
    Path(__file__).resolve().parents[1]
    / "src/khabar/examples/urdupoint_sputnik_2021-07-02_lavrov_csto.txt"
)


@pytest.fixture(scope="module")
def events():
    names = available_stages()
    if "entities" not in names or "events" not in names:
        pytest.skip("the full pipeline is not available")
    raw = SEED.read_text("utf-8")
    doc = Document(id="seed", raw=raw, source=Source(path=str(SEED), format="text"))
    outcome = build_pipeline(names).run_one(doc)
    assert outcome.document is not None, outcome.failure
    return outcome.document.events


def find(events, event_type, actor_country=None):
    for event in events:
        countries = {a.country for a in event.actor}
        if event.event == event_type and (actor_country is None or actor_country in countries):
            return event
    raise AssertionError(f"no {event_type} by {actor_country}: {[e.event for e in events]}")


def test_seed_russia_consults_csto(events) -> None:
    event = find(events, "CONSULT", "RUS")
    assert {r.country for r in event.recipient} == {"IGO"}
    assert "multilateral" in event.mode


def test_seed_us_taliban_sign_in_qatar(events) -> None:
    event = find(events, "AGREE", "USA")
    assert "AFG" in {a.country for a in event.actor}
    assert "sign" in event.mode
    assert event.date and event.date.startswith("2020-02")
    assert event.event_loc and event.event_loc["country"] == "QAT"
    assert "historical" in event.aux_mode


def test_seed_bagram_seized(events) -> None:
    event = find(events, "COERCE", "AFG")
    assert "seize" in event.mode and event.date == "2021-07-02"
    assert event.actor[0].code == "AFGMIL"


def test_seed_withdrawal(events) -> None:
    retreat = find(events, "RETREAT", "USA")
    assert "withdraw" in retreat.mode and retreat.date == "2021-05-01"


def test_seed_fighting(events) -> None:
    fighting = find(events, "ASSAULT")
    assert fighting.quad_code == 4
    # government forces against the Taliban («ومسلحي حركة "طالبان"»), not generic gunmen
    assert [a.code for a in fighting.actor] == ["AFGMIL"]
    assert [(r.code, r.entity_id) for r in fighting.recipient] == [("AFGREB", "org:taliban")]
