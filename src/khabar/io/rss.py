"""RSS and Atom feeds (file, standard input, or a URL the user gave): one document an entry.

The planner parses the feed once (a URL is fetched once, by feedparser, only because the
user named it) and hands workers the entries as small JSON records.
"""

from __future__ import annotations

import codecs
import json
import time
from collections.abc import Iterator
from typing import Any

from ..doc import Document, Failure, Source
from ..errors import (
    EmptyInput,
    InputTooLarge,
    KhabarError,
    MalformedRecord,
    UnreadableInput,
    failure_from_exception,
)
from .base import ReadOptions, Shard, content_id, iso_date
from .directory import is_url
from .html import fragment_text
from .text import read_bytes


class RssReader:
    name = "rss"

    def shards(
        self, path: str, options: ReadOptions, target_bytes: int
    ) -> Iterator[Shard | Failure]:
        source: str | bytes = path if is_url(path) else read_bytes(path, None)
        yield from feed_shards(source, path, target_bytes)

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        for raw in shard.records or []:
            try:
                yield entry_document(json.loads(raw), shard.path, options)
            except Exception as exc:  # one bad entry must not end the feed
                yield failure_from_exception(exc, path=shard.path)


def feed_shards(source: str | bytes, path: str, target: int) -> Iterator[Shard | Failure]:
    """Parse a feed (bytes, or a URL to fetch) and batch its entries into record shards."""
    import feedparser

    parsed = feedparser.parse(source)
    entries = parsed.get("entries") or []
    if not entries:
        yield _no_entries(parsed, path).to_failure()
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    encoding = _codec_name(parsed.get("encoding"))
    records: list[bytes] = []
    size, first = 0, 0
    for index, entry in enumerate(entries):
        record = json.dumps(_entry_record(entry, outlet, encoding), ensure_ascii=False)
        records.append(record.encode("utf-8"))
        size += len(records[-1])
        if size >= target:
            yield Shard("rss", path, first, None, first + 1, records, size)
            records, size, first = [], 0, index + 1
    if records:
        yield Shard("rss", path, first, None, first + 1, records, size)


def _codec_name(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return name


def _no_entries(parsed: Any, path: str) -> KhabarError:
    problem = parsed.get("bozo_exception")
    if problem is not None and not parsed.get("version"):
        message = f"not an RSS/Atom feed ({str(problem).splitlines()[0][:200]})"
        if isinstance(problem, OSError | ValueError) and path.startswith("http"):
            return UnreadableInput(message, path=path)
        return MalformedRecord(message, path=path)
    return EmptyInput("feed has no entries", path=path)


def _entry_record(entry: Any, outlet: str | None, encoding: str | None) -> dict[str, Any]:
    """What a worker needs of one entry, as plain JSON."""
    stamp = entry.get("published") or entry.get("updated")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "id": entry.get("id") or entry.get("link"),
        "title": entry.get("title"),
        "link": entry.get("link"),
        "date": iso_date(stamp) or (time.strftime("%Y-%m-%d", parsed) if parsed else None),
        "content": _content(entry),
        "outlet": outlet,
        "encoding": encoding,
    }


def _content(entry: Any) -> str:
    """The full content when the feed has it, else the summary (the longest either way)."""
    values = [item.get("value") or "" for item in entry.get("content") or []]
    best = max(values, key=len, default="")
    return best or entry.get("summary") or ""


def entry_document(record: dict[str, Any], path: str, options: ReadOptions) -> Document:
    text = fragment_text(record.get("content") or "")
    if not text:
        raise EmptyInput(f"feed entry {record.get('id')!r} has no content", path=path)
    if len(text) > options.max_bytes:
        raise InputTooLarge(f"feed entry {record.get('id')!r} is over the size limit", path=path)
    published = record.get("date")
    source = Source(
        outlet=record.get("outlet"),
        published=published,
        published_from="reader" if published else None,
        url=record.get("link"),
        encoding=record.get("encoding"),
        path=path,
        format="rss",
    )
    title = fragment_text(record.get("title") or "") or None
    return Document(id=record.get("id") or content_id(text), raw=text, title=title, source=source)
