"""The embedded store: articles, their extractions, and failures, in one SQLite file.

Idempotent by content hash: ingesting the same article twice keeps one row. Writes go in
one transaction per batch, in WAL mode, so a killed run never loses what was stored.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..doc import Failure
from ..engines.base import Processed

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    inputs TEXT NOT NULL,
    stages TEXT NOT NULL,
    documents INTEGER DEFAULT 0,
    new_documents INTEGER DEFAULT 0,
    failures INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    content_hash TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    title TEXT,
    published TEXT,
    outlet TEXT,
    agency TEXT,
    dateline TEXT,
    url TEXT,
    language TEXT,
    path TEXT,
    line INTEGER,
    n_entities INTEGER DEFAULT 0,
    n_events INTEGER DEFAULT 0,
    document TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS entities (
    content_hash TEXT NOT NULL REFERENCES articles(content_hash),
    entity_id TEXT NOT NULL,
    name TEXT, type TEXT, country TEXT, sector TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (content_hash, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_entity ON entities(entity_id);
CREATE TABLE IF NOT EXISTS events (
    content_hash TEXT NOT NULL REFERENCES articles(content_hash),
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    date TEXT,
    actor_code TEXT,
    recipient_code TEXT,
    country TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (content_hash, event_id)
);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE TABLE IF NOT EXISTS quotes (
    content_hash TEXT NOT NULL REFERENCES articles(content_hash),
    n INTEGER NOT NULL,
    speaker_id TEXT, speaker_name TEXT, speaker_text TEXT,
    verb TEXT, direct INTEGER, start INTEGER, "end" INTEGER, text TEXT NOT NULL,
    PRIMARY KEY (content_hash, n)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);
CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    code TEXT,
    message TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    line INTEGER NOT NULL DEFAULT 0,
    doc_id TEXT NOT NULL DEFAULT '',
    run_id INTEGER REFERENCES runs(id),
    at TEXT NOT NULL,
    UNIQUE (path, line, doc_id, kind)
);
"""


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Store:
    """A khabar SQLite database. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.db.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        self.db.commit()
        self._fill_quotes()
        self.run_id: int | None = None
        self.new_documents = 0
        self.seen_documents = 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def start_run(self, inputs: list[str], stages: list[str]) -> int:
        cursor = self.db.execute(
            "INSERT INTO runs(started, inputs, stages) VALUES (?, ?, ?)",
            (_now(), json.dumps(inputs, ensure_ascii=False), json.dumps(stages)),
        )
        self.db.commit()
        self.run_id = cursor.lastrowid
        return self.run_id

    def finish_run(self, failures: int) -> None:
        self.db.execute(
            "UPDATE runs SET finished=?, documents=?, new_documents=?, failures=? WHERE id=?",
            (_now(), self.seen_documents, self.new_documents, failures, self.run_id),
        )
        self.db.commit()

    def add(self, item: Processed) -> None:
        """Store one pipeline result; a document already stored (same content) is left as is."""
        if item.failure is not None:
            self.add_failure(item.failure)
        if item.document is not None:
            self.seen_documents += 1
            self._add_document(item.content_hash or "", json.loads(item.document), item.document)

    def commit(self) -> None:
        self.db.commit()

    def _add_document(self, content_hash: str, doc: dict[str, Any], raw_json: str) -> None:
        source = doc.get("source") or {}
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO articles(content_hash, id, title, published, outlet, agency, dateline,"
            " url, language, path, line, n_entities, n_events, document, run_id, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                content_hash,
                doc["id"],
                doc.get("title"),
                source.get("published"),
                source.get("outlet"),
                source.get("agency"),
                source.get("dateline"),
                source.get("url"),
                source.get("language"),
                source.get("path"),
                source.get("line"),
                len(doc.get("entities") or []),
                len(doc.get("events") or []),
                raw_json,
                self.run_id,
                _now(),
            ),
        )
        if cursor.rowcount == 0:
            return
        self.new_documents += 1
        self.db.executemany(
            "INSERT OR IGNORE INTO entities VALUES (?,?,?,?,?,?,?)",
            [
                (
                    content_hash,
                    e["id"],
                    e.get("name"),
                    e.get("type"),
                    e.get("country"),
                    e.get("sector"),
                    len(e.get("mentions") or []),
                )
                for e in doc.get("entities") or []
            ],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO events VALUES (?,?,?,?,?,?,?,?)",
            [_event_row(content_hash, event) for event in doc.get("events") or []],
        )
        self._add_quotes(content_hash, doc)

    def _add_quotes(self, content_hash: str, doc: dict[str, Any]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
            [_quote_row(content_hash, n, quote) for n, quote in enumerate(doc.get("quotes") or [])],
        )

    def _fill_quotes(self) -> None:
        """Databases made before the quotes table get it filled once from the stored documents."""
        if self.db.execute("SELECT 1 FROM meta WHERE key = 'quotes'").fetchone():
            return
        # streamed: the documents of a large database do not fit in memory at once
        reader = self.db.cursor()
        for content_hash, document in reader.execute("SELECT content_hash, document FROM articles"):
            self._add_quotes(content_hash, json.loads(document))
        self.db.execute("INSERT INTO meta(key, value) VALUES ('quotes', '1')")
        self.db.commit()

    def add_failure(self, failure: Failure) -> None:
        self.db.execute(
            "INSERT INTO failures(kind, code, message, path, line, doc_id, run_id, at)"
            " VALUES (?,?,?,?,?,?,?,?)"
            " ON CONFLICT(path, line, doc_id, kind) DO UPDATE SET"
            " message=excluded.message, code=excluded.code, run_id=excluded.run_id, at=excluded.at",
            (
                failure.kind,
                failure.code,
                failure.message,
                failure.path or "",
                failure.line or 0,
                failure.doc_id or "",
                self.run_id,
                _now(),
            ),
        )

    def counts(self) -> dict[str, int]:
        tables = ("articles", "entities", "events", "failures", "runs")
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    def failures(self) -> Iterator[Failure]:
        for row in self.db.execute(
            "SELECT kind, message, path, line, code, doc_id FROM failures ORDER BY id"
        ):
            kind, message, path, line, code, doc_id = row
            yield Failure(kind, message, path or None, line or None, code, doc_id or None)


def _event_row(content_hash: str, event: dict[str, Any]) -> tuple[Any, ...]:
    def first_code(refs: list[dict[str, Any]] | None) -> str | None:
        return refs[0].get("code") if refs else None

    location = event.get("event_loc") or {}
    return (
        content_hash,
        event["id"],
        event["event"],
        event.get("date"),
        first_code(event.get("actor")),
        first_code(event.get("recipient")),
        location.get("country"),
        json.dumps(event, ensure_ascii=False),
    )


def _quote_row(content_hash: str, n: int, quote: dict[str, Any]) -> tuple[Any, ...]:
    speaker = quote.get("speaker") or {}
    return (
        content_hash, n, speaker.get("entity"), speaker.get("name"), speaker.get("text"),
        quote.get("verb"), int(bool(quote.get("direct"))), quote.get("start"), quote.get("end"),
        quote.get("text") or "",
    )  # fmt: skip
