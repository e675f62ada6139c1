"""What readers share: read options, shards, and the reader protocol.

Engines never see documents being read: they hand each worker a `Shard` (a file, a byte
range of a file, or a small batch of raw records that cannot be sought to, such as lines
of a gzip stream or stdin), and the worker reads it into documents itself.
"""

from __future__ import annotations

import email.utils
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

from ..doc import Document, Failure

DEFAULT_FIELDS = {
    "id": "id",
    "title": "title",
    "text": "text",
    "url": "url",
    "published": "published",
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # one article bigger than this is not an article


@dataclass(slots=True)
class ReadOptions:
    fields: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    glob: str = "*"
    encoding: str | None = None  # force an encoding instead of detecting one
    max_bytes: int = DEFAULT_MAX_BYTES
    format: str | None = None  # force a reader instead of guessing from the name


@dataclass(slots=True)
class Shard:
    """A unit of input work, small to pickle: where to read, not what was read."""

    reader: str
    path: str
    start: int = 0  # byte offset (seekable files) or index of the first record
    end: int | None = None  # byte offset, exclusive; None = to the end
    first_line: int = 1  # line number of the first record (JSONL)
    records: list[bytes] | None = None  # raw records, when the source cannot be sought
    size: int = 0  # bytes of input, for progress
    paths: list[str] | None = None  # several small whole files read as one shard (text, html)
    root: str | None = None  # the folder the user named, when the files were found under it


class Reader(Protocol):
    name: str

    def shards(
        self, path: str, options: ReadOptions, target_bytes: int
    ) -> Iterator[Shard | Failure]:
        """Split one input into shards; a failure here concerns the whole input."""
        ...

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        """Read one shard into documents; a bad record yields a failure, never raises."""
        ...


def content_id(text: str) -> str:
    """A stable id from content, for inputs that carry none."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_ISO_DATE = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from what inputs carry: ISO-like strings, RFC 2822 dates, epoch seconds.

    The date is the one written in the input (its own time zone), not converted to UTC:
    an article dated 00:30+03:00 was published that day where it was written.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if not 1e8 < value < 1e11:
            return None
        return datetime.fromtimestamp(value, UTC).date().isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DATE.match(value)
    if match:
        return _valid(*(int(part) for part in match.groups()))
    try:
        parsed = email.utils.parsedate_tz(value)
    except (TypeError, ValueError):
        return None
    return _valid(parsed[0], parsed[1], parsed[2]) if parsed else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
