"""Wire-copy groups in the store: signatures kept per article, stories recomputed on demand.

`update_stories` computes the MinHash signature of each article that has none yet (so a second
run after a new ingest only hashes the new articles), then groups the whole store again and
rewrites the `stories` table in one transaction: a story can gain copies from a later ingest.
The countries an article's lead names, which tell formulaic items apart, come from its stored
entities.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..dedup.stories import Article, StoryParams, group, signatures
from ..kb.tsv import data_path, read_tsv
from .derived import BATCH, missing_texts, open_for_update

LEAD_CHARS = 300  # the lead: where a cable names whom it congratulates

SCHEMA = """
CREATE TABLE IF NOT EXISTS signatures (content_hash TEXT PRIMARY KEY, minhash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    content_hash TEXT PRIMARY KEY,
    story TEXT NOT NULL,
    size INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_story ON stories(story);
"""


@dataclass(frozen=True, slots=True)
class StoriesReport:
    articles: int
    hashed: int  # signatures computed by this run
    stories: int
    copied: int  # stories with more than one article


def update_stories(
    path: str | Path, params: StoryParams, progress: Callable[[int], None] | None = None
) -> StoriesReport:
    db = open_for_update(path)
    try:
        db.executescript(SCHEMA)
        hashed = _hash_missing(db, params, progress)
        rows = db.execute(
            "SELECT a.content_hash, a.published, s.minhash FROM articles a"
            " JOIN signatures s USING (content_hash)"
        ).fetchall()
        articles = [
            Article(h, published, np.frombuffer(blob, dtype="<u8")) for h, published, blob in rows
        ]
        story = group(articles, params, lambda keys: lead_countries(db, keys))
        sizes: dict[str, int] = {}
        for value in story.values():
            sizes[value] = sizes.get(value, 0) + 1
        with db:
            db.execute("DELETE FROM stories")
            db.executemany(
                "INSERT INTO stories VALUES (?,?,?)",
                [(key, value, sizes[value]) for key, value in story.items()],
            )
        copied = sum(1 for n in sizes.values() if n > 1)
        return StoriesReport(len(articles), hashed, len(sizes), copied)
    finally:
        db.close()


def lead_countries(db: sqlite3.Connection, keys: list[str]) -> dict[str, frozenset[str]]:
    """The countries named in each article's lead: the country of every stored entity (a
    country, a head of state, a ministry…) with a mention in the first LEAD_CHARS characters."""
    known = _country_codes()
    leads: dict[str, frozenset[str]] = {}
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        rows = db.execute(
            "SELECT content_hash, json_extract(document, '$.entities') FROM articles"
            f" WHERE content_hash IN ({','.join('?' * len(batch))})",
            batch,
        )
        for key, entities in rows:
            leads[key] = frozenset(
                entity["country"]
                for entity in json.loads(entities or "[]")
                if entity.get("country") in known
                and any(m.get("start", LEAD_CHARS) < LEAD_CHARS for m in entity.get("mentions", []))
            )
    return leads


@functools.lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    path = data_path("countries.tsv")
    return frozenset(row["id"] for _, row in read_tsv(path, ("id",), non_empty=("id",)))


def _hash_missing(
    db: sqlite3.Connection, params: StoryParams, progress: Callable[[int], None] | None
) -> int:
    stored = db.execute("SELECT value FROM meta WHERE key = 'signatures'").fetchone()
    if stored is None or stored[0] != params.key():
        with db:  # other hash functions: the old signatures cannot be compared with new ones
            db.execute("DELETE FROM signatures")
            db.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('signatures', ?)", (params.key(),)
            )
    hashed = 0
    for batch in missing_texts(db, "signatures"):
        values = signatures([text for _, text in batch], params)
        with db:
            db.executemany(
                "INSERT OR REPLACE INTO signatures VALUES (?, ?)",
                [(h, v.astype("<u8").tobytes()) for (h, _), v in zip(batch, values, strict=True)],
            )
        hashed += len(batch)
        if progress is not None:
            progress(len(batch))
    return hashed


def largest(path: str | Path, top: int) -> list[tuple[str, int, str, str]]:
    """(story, copies, outlets, title of the first article) of the largest stories."""
    from .query import connect

    db = connect(path)
    try:
        if not db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'"
        ).fetchone():
            return []
        return db.execute(
            "SELECT s.story, s.size, group_concat(DISTINCT a.outlet),"
            " (SELECT title FROM articles WHERE content_hash = s.story)"
            " FROM stories s JOIN articles a USING (content_hash) WHERE s.size > 1"
            " GROUP BY s.story ORDER BY s.size DESC, s.story LIMIT ?",
            (top,),
        ).fetchall()
    finally:
        db.close()
