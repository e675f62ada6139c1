"""WARC / ARC crawl archives: every successful HTML response or resource is one page.

A .warc.gz holds one gzip member per record, so a big one is cut into byte ranges of
whole members: the planner finds member ends by inflating and discarding (zlib runs in C,
far faster than the HTML extraction the shards spread over workers). Plain WARC and ARC
files are one shard each.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..doc import Document, Failure
from ..errors import InputTooLarge, TruncatedInput, UnreadableInput, failure_from_exception
from .base import ReadOptions, Shard
from .directory import is_gzip, sniff_file
from .html import html_document
from .text import file_shard

_CHUNK = 1 << 16
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcReader:
    name = "warc"

    def shards(
        self, path: str, options: ReadOptions, target_bytes: int
    ) -> Iterator[Shard | Failure]:
        size = os.path.getsize(path)
        if size <= target_bytes or sniff_file(path) != "warc" or not is_gzip(path):
            yield file_shard(self.name, path, None)  # the size limit is per page, not per file
            return
        with open(path, "rb") as handle:
            for start, end in member_ranges(handle, size, target_bytes):
                yield Shard(self.name, path, start, end, size=end - start)

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        try:
            handle = open(shard.path, "rb")  # noqa: SIM115 - closed below, generator body
        except OSError as exc:
            yield UnreadableInput(f"cannot open: {exc.strerror}", path=shard.path).to_failure()
            return
        with handle:
            end = shard.end if shard.end is not None else os.fstat(handle.fileno()).st_size
            window = io.BufferedReader(_Window(handle, shard.start, end), 1 << 16)
            yield from _pages(window, end - shard.start, shard.path, options)


def member_ranges(handle: BinaryIO, size: int, target: int) -> Iterator[tuple[int, int]]:
    """Byte ranges of whole gzip members, each about `target` bytes; the last runs to the end."""
    start = 0
    for end in _member_ends(handle):
        if end - start >= target:
            yield start, end
            start = end
    if start < size:
        yield start, size


def _member_ends(handle: BinaryIO) -> Iterator[int]:
    """Offsets where gzip members end; stops quietly at a cut or garbled member."""
    offset, data = 0, handle.read(_CHUNK)
    try:
        while data:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while True:
                fed = len(data)
                tail = data
                while tail and not inflater.eof:  # inflate and discard, in bounded steps
                    inflater.decompress(tail, _CHUNK)
                    tail = inflater.unconsumed_tail
                if inflater.eof:
                    data = inflater.unused_data or handle.read(_CHUNK)
                    offset += fed - len(inflater.unused_data)
                    break
                offset += fed
                data = handle.read(_CHUNK)
                if not data:
                    return
            yield offset
    except zlib.error:
        return


class _Window(io.RawIOBase):
    """A byte range of a file, seen as a file of its own (what warcio reads)."""

    def __init__(self, handle: BinaryIO, start: int, end: int):
        handle.seek(start)
        self._handle, self._start, self._left = handle, start, end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._handle.read(min(len(buffer), self._left))
        buffer[: len(data)] = data
        self._left -= len(data)
        return len(data)

    def tell(self) -> int:
        return self._handle.tell() - self._start


def _pages(
    handle: BinaryIO, length: int, path: str, options: ReadOptions
) -> Iterator[Document | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        records = ArchiveIterator(handle, arc2warc=True)
        for record in records:
            item = _page(record, path, options)
            if _cut_short(record):
                raise EOFError(f"record {count + 1} is cut short")
            count += 1
            if item is not None:
                yield item
        # warcio stops quietly at a record whose headers are cut: bytes are left over
        if records.offset < length:
            raise EOFError(f"unreadable bytes after byte {records.offset}")
    except Exception as exc:  # warcio fails on cut or garbled bytes in many ways
        message = f"archive ends early or is broken after {count} records ({_first_line(exc)})"
        yield TruncatedInput(message, path=path).to_failure()


def _page(record: Any, path: str, options: ReadOptions) -> Document | Failure | None:
    """The document in one archive record, or None for records that are not HTML pages."""
    content_type = _content_type(record)
    if content_type is None or not content_type.lower().startswith(_HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return InputTooLarge(
            f"page {url} is over the {options.max_bytes}-byte limit", path=path
        ).to_failure()
    try:
        return html_document(
            data, path, options, fmt="warc", url=url, charset=_charset(content_type)
        )
    except Exception as exc:  # one bad page must not end the archive
        return failure_from_exception(exc, path=path)


def _cut_short(record: Any) -> bool:
    """Whether the archive ended before the record's declared length.

    warcio reads a truncated gzip member or a short final record without complaint, so
    drain the record and look at what its length reader still expected.
    """
    if record.length is None:  # headers cut before Content-Length: not a record at all
        return True
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


def _content_type(record: Any) -> str | None:
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        return headers.get_header("Content-Type") if status.startswith("2") else None
    if record.rec_type == "resource":
        return record.rec_headers.get_header("Content-Type")
    return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]
