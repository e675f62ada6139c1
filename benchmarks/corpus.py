"""Corpus-layer costs on an ingested database: search index, wire-copy groups, queries.

    python benchmarks/corpus.py khabar.db [--keep]

Works on a copy of the database without its search index and signatures (so both are built
from scratch), then times typical queries. Prints wall seconds and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from khabar.dedup.stories import StoryParams
from khabar.store.query import EventFilter, QuoteFilter, connect, count, entities, events, quotes
from khabar.store.search import update_index
from khabar.store.stories import update_stories


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    print(f"{label:38s} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the copy and print its path")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp()) / "bench.db"
    shutil.copy(args.db, work)
    with sqlite3.connect(work) as db:
        db.execute("DROP TABLE IF EXISTS search")
        db.execute("DROP TABLE IF EXISTS signatures")
        db.execute("DROP TABLE IF EXISTS stories")
        db.execute("DELETE FROM meta WHERE key = 'signatures'")
        articles, stored_events = (
            db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events")
        )
    print(f"{articles} articles, {stored_events} events")
    timed("khabar index (from scratch)", lambda: update_index(work))
    report = timed("khabar stories (from scratch)", lambda: update_stories(work, StoryParams()))
    print(f"  {report.stories} stories, {report.copied} with copies")
    timed("khabar stories (nothing new)", lambda: update_stories(work, StoryParams()))
    db = connect(work)
    timed("count by type", lambda: count(db, "type", EventFilter()))
    timed("count by actor (json_each)", lambda: count(db, "actor", EventFilter(), top=20))
    timed("count by day, PROTEST", lambda: count(db, "day", EventFilter(types=("PROTEST",))))
    timed("count by type, per story", lambda: count(db, "type", EventFilter(), per_story=True))
    timed("100 events, country IRQ", lambda: list(events(db, EventFilter(country="IRQ"), 100)))
    timed("100 events, words «الحوثي»", lambda: list(events(db, EventFilter(query="الحوثي"), 100)))
    timed("50 quotes of «Trump»", lambda: quotes(db, QuoteFilter(speaker="Trump"), 50))
    timed("top 50 people", lambda: entities(db, "PER"))
    db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    if args.keep:
        print("copy kept at", work)
    else:
        shutil.rmtree(work.parent)


if __name__ == "__main__":
    main()
