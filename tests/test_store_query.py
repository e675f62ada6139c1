"""Reading stored events back: filters, counts, CSV/JSONL export, the `events`/`count` commands."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.engines.base import Processed
from khabar.errors import KhabarError
from khabar.store.query import CSV_COLUMNS, EventFilter, connect, count, entities, events, flat
from khabar.store.sqlite import Store

runner = CliRunner()
TEXT = "احتج مئات في بغداد اليوم. والتقى وزير الخارجية الروسي نظيره الصيني في موسكو."


def _party(text: str, code: str, country: str, entity_id: str = "") -> dict:
    return {"entity_text": text, "entity_id": entity_id or country, "code": code,
            "sector": code[3:] or None, "country": country}  # fmt: skip


def _event(n: int, kind: str, date: str, actors: list, recipients: list, place: str | None):
    start, end = (0, 25) if kind == "PROTEST" else (26, len(TEXT))
    return {
        "id": f"a{n}:0", "event": kind, "mode": [], "aux_mode": [], "context": [], "date": date,
        "actor": actors, "recipient": recipients,
        "event_loc": {"name": "Baghdad", "country": place} if place else None,
        "event_text": TEXT[start : start + 4], "text_info": {"start": start, "end": end},
        "quad_code": 1, "cameo_root": "14", "dead": None, "injured": None, "confidence": 0.9,
    }  # fmt: skip


def _doc(n: int, outlet: str, event: dict) -> Processed:
    doc = {"id": f"a{n}", "title": "t", "text": TEXT, "events": [event],
           "source": {"outlet": outlet, "published": event["date"][:10], "url": f"http://x/{n}"}}  # fmt: skip
    return Processed(f"a{n}", json.dumps(doc, ensure_ascii=False), None, f"hash{n}")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "events.db"
    with Store(path) as store:
        store.start_run(["fixture"], ["events"])
        store.add(_doc(1, "Outlet A", _event(1, "PROTEST", "2021-03-05",
                                             [_party("محتجون", "IRQCVL", "IRQ", "agent:CVL")], [], "IRQ")))  # fmt: skip
        store.add(_doc(2, "Outlet B", _event(2, "CONSULT", "2021-03-20",
                                             [_party("وزير الخارجية الروسي", "RUSGOV", "RUS", "kb:lavrov"),
                                              _party("الصيني", "CHN", "CHN")],
                                             [_party("موسكو", "RUS", "RUS")], None)))  # fmt: skip
        store.add(_doc(3, "Outlet A", _event(3, "PROTEST", "2021-04-02",
                                             [_party("طلاب", "EGYEDU", "EGY")], [], "EGY")))  # fmt: skip
        store.finish_run(0)
    return path


@pytest.fixture
def db(db_path):
    connection = connect(db_path)
    yield connection
    connection.close()


def _ids(found) -> list[str]:
    return [event["id"] for event in found]


def test_filters_combine(db):
    assert _ids(events(db, EventFilter())) == ["a1:0", "a2:0", "a3:0"]  # date order
    assert _ids(events(db, EventFilter(types=("protest",)))) == ["a1:0", "a3:0"]
    assert _ids(events(db, EventFilter(country="irq"))) == ["a1:0"]  # the place's country
    assert _ids(events(db, EventFilter(country="CHN"))) == ["a2:0"]  # the second actor's
    assert _ids(events(db, EventFilter(actor="RUS"))) == ["a2:0"]  # a code prefix
    assert _ids(events(db, EventFilter(actor="kb:lavrov"))) == ["a2:0"]  # an entity id
    assert _ids(events(db, EventFilter(actor="RUSMIL"))) == []
    assert _ids(events(db, EventFilter(recipient="RUS"))) == ["a2:0"]
    assert _ids(events(db, EventFilter(since="2021-03-10", until="2021-03"))) == ["a2:0"]
    assert _ids(events(db, EventFilter(until="2021-04"))) == ["a1:0", "a2:0", "a3:0"]
    assert _ids(events(db, EventFilter(outlet="Outlet A", types=("PROTEST",)))) == ["a1:0", "a3:0"]
    assert _ids(events(db, EventFilter(), limit=1)) == ["a1:0"]


def test_events_carry_article_and_evidence(db):
    (event,) = events(db, EventFilter(types=("CONSULT",)))
    assert event["article"] == {"id": "a2", "outlet": "Outlet B", "url": "http://x/2",
                                "published": "2021-03-20"}  # fmt: skip
    assert event["evidence"] == TEXT[26:]
    row = flat(event)
    assert set(row) == set(CSV_COLUMNS)
    assert row["actor_codes"] == "RUSGOV;CHN" and row["recipient_codes"] == "RUS"


def test_counts(db):
    assert count(db, "type", EventFilter()) == [("PROTEST", 2), ("CONSULT", 1)]
    # an event with two actors counts once for each of them
    assert count(db, "actor_country", EventFilter()) == [
        ("CHN", 1), ("EGY", 1), ("IRQ", 1), ("RUS", 1)]  # fmt: skip
    assert count(db, "month", EventFilter()) == [("2021-03", 2), ("2021-04", 1)]
    assert count(db, "outlet", EventFilter(types=("PROTEST",))) == [("Outlet A", 2)]
    assert count(db, "actor", EventFilter(), top=1) == [("CHN", 1)]
    with pytest.raises(KhabarError):
        count(db, "colour", EventFilter())


def test_connect_never_creates_or_accepts_other_files(tmp_path):
    with pytest.raises(KhabarError, match="no such"):
        connect(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(KhabarError, match="not a khabar database"):
        connect(other)


def test_read_only(db_path):
    connection = connect(db_path)
    with pytest.raises(sqlite3.OperationalError):
        connection.execute("DELETE FROM events")
    connection.close()


def test_cli_csv_and_jsonl(db_path, tmp_path):
    out = tmp_path / "protests.csv"
    result = runner.invoke(
        app, ["events", str(db_path), "-t", "PROTEST", "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["event_id"] for r in rows] == ["a1:0", "a3:0"]
    assert rows[0]["evidence"] == TEXT[:25] and rows[0]["place_country"] == "IRQ"
    result = runner.invoke(app, ["events", str(db_path), "--country", "RUS", "--format", "jsonl"])
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert json.loads(line)["event"] == "CONSULT"


def test_cli_count_and_table(db_path):
    result = runner.invoke(app, ["count", str(db_path), "--by", "type", "--format", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["type,events", "PROTEST,2", "CONSULT,1"]
    result = runner.invoke(app, ["events", str(db_path)])
    assert result.exit_code == 0 and "CONSULT" in result.output
    result = runner.invoke(app, ["count", str(db_path), "--by", "colour"])
    assert result.exit_code == 2


def test_newest_first_and_undated_last(db_path, tmp_path):
    db = connect(db_path)
    assert _ids(events(db, EventFilter(), newest_first=True)) == ["a3:0", "a2:0", "a1:0"]
    db.close()


def test_entities_ranked_by_articles(tmp_path):
    path = tmp_path / "e.db"

    def doc(key: str, people: list[tuple[str, str, int]]) -> Processed:
        ents = [{"id": i, "name": n, "type": "PER", "country": "RUS", "sector": "GOV",
                 "mentions": [{"start": 0, "end": 1, "text": "x"}] * m} for i, n, m in people]  # fmt: skip
        body = {"id": key, "text": "x", "entities": ents, "source": {}}
        return Processed(key, json.dumps(body), None, f"h-{key}")

    with Store(path) as store:
        store.add(doc("1", [("p:a", "Sergey Lavrov", 3), ("p:b", "Vladimir Putin", 1)]))
        store.add(doc("2", [("p:b", "Vladimir Putin", 2)]))
    db = connect(path)
    assert [(e["id"], e["articles"], e["mentions"]) for e in entities(db)] == [
        ("p:b", 2, 3), ("p:a", 1, 3)]  # fmt: skip
    assert [e["id"] for e in entities(db, name="LAVROV")] == ["p:a"]
    assert entities(db, type_="ORG") == []
    db.close()
