"""What the corpus indexes (search words, MinHash signatures) share: opening a database for
writing derived tables, and reading, batch by batch, the articles a table has no row for."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import KhabarError

BATCH = 500


def open_for_update(path: str | Path) -> sqlite3.Connection:
    """A writable connection to an existing khabar database, its own tables brought up to
    date first (a database from an older khabar gets its missing ones filled)."""
    if not Path(path).is_file():
        raise KhabarError(f"{path}: no such khabar database (make one with `khabar ingest`)")
    from .sqlite import Store

    Store(path).close()
    return sqlite3.connect(str(path))


def missing_texts(
    db: sqlite3.Connection, table: str, *, with_title: bool = False
) -> Iterator[list[tuple[str, str]]]:
    """Batches of (content hash, text) of the articles that `table` holds no row for; the
    title first, on its own line, when `with_title`."""
    missing = [
        h
        for (h,) in db.execute(
            "SELECT content_hash FROM articles WHERE content_hash NOT IN"
            f" (SELECT content_hash FROM {table})"
        )
    ]
    text = "coalesce(json_extract(document, '$.text'), '')"
    if with_title:
        text = f"coalesce(title, '') || char(10) || {text}"
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        marks = ",".join("?" * len(batch))
        found = dict(
            db.execute(
                f"SELECT content_hash, {text} FROM articles WHERE content_hash IN ({marks})",
                batch,
            ).fetchall()
        )
        yield [(h, found[h]) for h in batch]
