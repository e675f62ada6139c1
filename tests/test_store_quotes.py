"""Quotations in the store: filled at ingest, filled once for older databases, queried."""

from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from khabar.cli import app
from khabar.engines.base import Processed
from khabar.store.query import QuoteFilter, connect, quotes
from khabar.store.sqlite import Store

runner = CliRunner()
TEXT = "قال الوزير إن المحادثات ستستأنف الأسبوع المقبل. وأكد مصدر أن الوفد وصل."


def _doc(key: str, published: str) -> Processed:
    doc = {"id": key, "title": key, "text": TEXT, "source": {"published": published},
           "quotes": [
               {"start": 12, "end": 46, "text": TEXT[12:46], "verb": "قال", "direct": False,
                "speaker": {"entity": "person:minister", "name": "Ahmad Example", "text": "الوزير"}},
               {"start": 58, "end": 70, "text": TEXT[58:70], "verb": "أكد", "direct": False,
                "speaker": {"entity": None, "name": None, "text": "مصدر"}},
           ]}  # fmt: skip
    return Processed(key, json.dumps(doc, ensure_ascii=False), None, f"h-{key}")


def test_quotes_are_stored_and_filtered(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        store.add(_doc("old", "2020-01-05"))
        store.add(_doc("new", "2021-03-01"))
    db = connect(path)
    found = quotes(db, QuoteFilter(speaker="example"))
    assert [(q["article"]["id"], q["text"]) for q in found] == [
        ("new", TEXT[12:46]), ("old", TEXT[12:46])]  # fmt: skip
    assert [q["article"]["id"] for q in quotes(db, QuoteFilter(speaker="person:minister",
                                                                since="2021"))] == ["new"]  # fmt: skip
    assert [q["speaker"]["text"] for q in quotes(db, QuoteFilter(until="2020"))] == [
        "الوزير",
        "مصدر",
    ]
    db.close()


def test_an_older_database_gets_its_quotes_once(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        store.add(_doc("a", "2021-01-01"))
    with sqlite3.connect(path) as db:  # as a database from before the quotes table
        db.execute("DELETE FROM quotes")
        db.execute("DELETE FROM meta WHERE key = 'quotes'")
    Store(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 2


def test_cli_quotes(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        store.add(_doc("a", "2021-01-01"))
    result = runner.invoke(app, ["quotes", str(path), "--speaker", "مصدر", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert json.loads(line)["speaker"] == {"entity": None, "name": None, "text": "مصدر"}
