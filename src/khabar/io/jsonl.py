"""JSON Lines: one article a line, plain (sharded by byte range) or gzip / stdin (batched).

Plain files are cut into byte ranges aligned on newlines; the planner counts newlines on
the way (`bytes.count` runs at memory speed), so every shard knows the line number it
starts at and workers can report `path:line` without reading what comes before. Streams
that cannot be sought (gzip, stdin) are read once by the planner and handed out as
batches of raw lines. Lines are read with a size cap: an oversized line is skipped, not
built into a string.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..doc import Document, Failure, Source
from ..errors import (
    DecodeError,
    EmptyInput,
    InputTooLarge,
    KhabarError,
    MalformedRecord,
    TruncatedInput,
    UnreadableInput,
)
from .base import DEFAULT_FIELDS, ReadOptions, Shard, content_id, iso_date
from .directory import SNIFF_BYTES, is_gzip
from .encoding import canonical, check_binary

_SKIP_CHUNK = 1 << 20
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
# what a broken gzip stream raises part-way
STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


class JsonlReader:
    name = "jsonl"

    def shards(
        self, path: str, options: ReadOptions, target_bytes: int
    ) -> Iterator[Shard | Failure]:
        if is_gzip(path):
            with gzip.open(path, "rb") as stream:
                yield from record_shards(stream, path, options, target_bytes)
            return
        size = os.path.getsize(path)
        if size == 0:
            yield EmptyInput("empty file", path=path).to_failure()
            return
        with open(path, "rb") as handle:
            check_binary(handle.read(SNIFF_BYTES), path)  # one failure, not one a "line"
            handle.seek(0)
            for start, end, line in byte_ranges(handle, size, target_bytes):
                yield Shard(self.name, path, start, end, line, size=end - start)

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        parser = RecordParser(shard.path, options)
        if shard.records is not None:
            for offset, raw in enumerate(shard.records):
                item = parser.parse(raw, shard.first_line + offset)
                if item is not None:
                    yield item
            return
        try:
            handle = open(shard.path, "rb")  # noqa: SIM115 - closed below, generator body
        except OSError as exc:
            yield UnreadableInput(f"cannot open: {exc.strerror}", path=shard.path).to_failure()
            return
        with handle:
            yield from self._read_range(handle, shard, options, parser)

    def _read_range(
        self, handle: BinaryIO, shard: Shard, options: ReadOptions, parser: RecordParser
    ) -> Iterator[Document | Failure]:
        handle.seek(shard.start)
        position, line = shard.start, shard.first_line
        end = shard.end if shard.end is not None else float("inf")
        while position < end:
            raw, consumed = read_line(handle, options.max_bytes)
            if not consumed:
                break
            position += consumed
            if raw is None:
                yield too_large(shard.path, line, consumed, options.max_bytes)
            else:
                item = parser.parse(raw, line)
                if item is not None:
                    yield item
            line += 1


def byte_ranges(handle: BinaryIO, size: int, target: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, first_line) of newline-aligned ranges of about `target` bytes."""
    start, line = 0, 1
    target = max(1, target)
    while start < size:
        block = handle.read(target)
        if not block:
            break
        end, newlines = start + len(block), block.count(b"\n")
        if not block.endswith(b"\n"):
            while True:  # finish the line the block cut, in bounded chunks
                chunk = handle.readline(_SKIP_CHUNK)
                end += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    newlines += bool(chunk)
                    break
        yield start, end, line
        line += newlines
        start = end


def read_line(handle: BinaryIO, max_bytes: int) -> tuple[bytes | None, int]:
    """(line, bytes consumed); the line is None when over `max_bytes`, and then skipped."""
    raw = handle.readline(max_bytes + 1)
    consumed = len(raw)
    if consumed <= max_bytes or raw.endswith(b"\n"):
        return raw, consumed
    del raw
    while True:
        chunk = handle.readline(_SKIP_CHUNK)
        consumed += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return None, consumed


def too_large(path: str, line: int | None, size: int, limit: int) -> Failure:
    return InputTooLarge(
        f"record of {size} bytes is over the {limit}-byte limit; skipped",
        hint="raise --max-bytes if this is really one article",
        path=path,
        line=line,
    ).to_failure()


def record_shards(
    stream: BinaryIO, path: str, options: ReadOptions, target: int, reader: str = "jsonl"
) -> Iterator[Shard | Failure]:
    """Batch the lines of a stream that cannot be sought into record shards.

    Every line keeps its slot (blank or skipped lines as b"") so line numbers stay right.
    """
    records: list[bytes] = []
    first, line, size, seen = 1, 1, 0, 0
    try:
        while True:
            raw, consumed = read_line(stream, options.max_bytes)
            if not consumed:
                break
            seen += consumed
            if raw is None:
                yield too_large(path, line, consumed, options.max_bytes)
                raw = b""
            records.append(raw)
            size += len(raw)
            line += 1
            if size >= target:
                yield Shard(reader, path, first - 1, None, first, records, size)
                records, first, size = [], line, 0
    except STREAM_ERRORS as exc:
        if records:
            yield Shard(reader, path, first - 1, None, first, records, size)
            records = []
        message = f"input ends early after line {line - 1} ({exc}); records before it were read"
        yield TruncatedInput(message, path=path, line=line).to_failure()
    if records:
        yield Shard(reader, path, first - 1, None, first, records, size)
    elif seen == 0:
        yield EmptyInput("empty input", path=path).to_failure()


class RecordParser:
    """One JSON line into a Document, with the user's field names."""

    def __init__(self, path: str, options: ReadOptions, source_format: str = "jsonl"):
        self.path = path
        self.fields = {**DEFAULT_FIELDS, **options.fields}
        self.encoding = canonical(options.encoding, path) if options.encoding else None
        self.format = source_format

    def parse(self, raw: bytes, line: int) -> Document | Failure | None:
        """A document, a failure, or None for a blank line."""
        raw = raw.strip()
        if not raw:
            return None
        try:
            return self._document(self._load(raw, line), line)
        except KhabarError as exc:
            return exc.to_failure()

    def _load(self, raw: bytes, line: int) -> dict:
        try:
            record = json.loads(
                raw.decode(self.encoding).lstrip("\ufeff") if self.encoding else raw
            )
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"cannot decode line (byte {exc.start})",
                hint="try --encoding",
                path=self.path,
                line=line,
            ) from None
        except ValueError as exc:
            message = (
                f"invalid JSON: {getattr(exc, 'msg', exc)} at column {getattr(exc, 'colno', '?')}"
            )
            raise MalformedRecord(message, path=self.path, line=line) from None
        if not isinstance(record, dict):
            raise MalformedRecord("line is not a JSON object", path=self.path, line=line)
        return record

    def _document(self, record: dict, line: int) -> Document:
        fields = self.fields
        text = record.get(fields["text"])
        if not isinstance(text, str):
            raise MalformedRecord(
                f"no text field {fields['text']!r}",
                hint="map it with --field text=NAME",
                path=self.path,
                line=line,
            )
        if not text or text.isspace():  # not text.strip(), without copying the text
            raise EmptyInput("record has empty text", path=self.path, line=line)
        ident = record.get(fields["id"])
        published = iso_date(record.get(fields["published"]))
        source = Source(
            url=_string(record.get(fields["url"])),
            published=published,
            published_from="reader" if published else None,
            encoding=self.encoding or "utf-8",
            path=self.path,
            line=line,
            format=self.format,
        )
        return Document(
            id=str(ident) if ident not in (None, "") else content_id(text),
            raw=_unescaped(text),
            title=_unescaped(_string(record.get(fields["title"]))),
            source=source,
        )


def _string(value: object) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def _unescaped(value: str | None) -> str | None:
    """Scrapers often store a title as its HTML source had it («&quot;سيناء&quot;»): character
    references are the characters they name."""
    if value is None or "&" not in value or not _ENTITY.search(value):
        return value
    return html.unescape(value)
