"""What readers share: read options, shards, and the reader protocol.

Engines never see documents being read: they hand each worker a `Shard` (a file, a byte
range of a file, or a small batch of raw records that cannot be sought to, such as lines
of a gzip stream or stdin), and the worker reads it into documents itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..doc import Document, Failure

DEFAULT_FIELDS = {"id": "id", "title": "title", "text": "text", "url": "url", "published": "published"}
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


class Reader(Protocol):
    name: str

    def shards(self, path: str, options: ReadOptions, target_bytes: int) -> Iterator[Shard | Failure]:
        """Split one input into shards; a failure here concerns the whole input."""
        ...

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        """Read one shard into documents; a bad record yields a failure, never raises."""
        ...


def content_id(text: str) -> str:
    """A stable id from content, for inputs that carry none."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
