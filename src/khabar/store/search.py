"""Full-text search over stored articles: an SQLite FTS5 index of folded, clitic-stripped words.

Arabic search fails on spelling and clitics: «الحكومة» should find «والحكومه» and «للحكومة».
Every word of an article's title and text is folded (`fold_text`: alef, ya, ta marbuta,
diacritics, digits) and stripped of its article and conjunction (`norm_word`), and the query is
treated the same way, so both sides meet on one form. `khabar index` adds the articles that
are not indexed yet; queries are plain words, all of which must occur (a `*` suffix is a prefix).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..errors import KhabarError
from ..extract.event_context import norm_word
from ..text.normalize import fold_text
from .derived import missing_texts, open_for_update

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS search
    USING fts5(content_hash UNINDEXED, words, tokenize = 'unicode61 remove_diacritics 0');
"""
_WORD = re.compile(r"\w+")
_PREFIX = re.compile(r"(\w+)\*")


def index_words(text: str) -> str:
    """The searchable form of a text: its words folded and without article or «و+ال»."""
    return " ".join(map(norm_word, _WORD.findall(fold_text(text))))


def match_expression(query: str) -> str:
    """An FTS5 expression for a user's query: every word must occur; «word*» is a prefix.
    Words are quoted, so FTS5 operators typed by a user are searched as words."""
    terms = []
    for token in query.split():
        prefix = token.endswith("*")
        for word in _WORD.findall(fold_text(token)):
            terms.append(f'"{norm_word(word)}"' + ("*" if prefix else ""))
    if not terms:
        raise KhabarError(f"nothing to search for in {query!r}")
    return " ".join(terms)


def has_index(db: sqlite3.Connection) -> bool:
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search'")
    return found.fetchone() is not None


def update_index(
    path: str | Path, progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Index the articles not indexed yet: (newly indexed, indexed in all)."""
    db = open_for_update(path)
    try:
        db.executescript(SCHEMA)
        added = 0
        for batch in missing_texts(db, "search", with_title=True):
            with db:
                db.executemany(
                    "INSERT INTO search(content_hash, words) VALUES (?, ?)",
                    [(h, index_words(text)) for h, text in batch],
                )
            added += len(batch)
            if progress is not None:
                progress(len(batch))
        (total,) = db.execute("SELECT count(*) FROM search").fetchone()
        return added, total
    finally:
        db.close()
