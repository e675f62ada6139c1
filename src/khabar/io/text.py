"""Plain text files (one article a file, optionally gzipped) and standard input."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..doc import Document, Failure, Source
from ..errors import EmptyInput, InputTooLarge, KhabarError, TruncatedInput, UnreadableInput
from .base import ReadOptions, Shard, content_id
from .directory import SNIFF_BYTES, file_id, is_gzip, sniff
from .encoding import decode


class TextReader:
    name = "text"
    batchable = True  # the planner may put several small files in one shard

    def shards(
        self, path: str, options: ReadOptions, target_bytes: int
    ) -> Iterator[Shard | Failure]:
        yield file_shard(self.name, path, options.max_bytes)

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        for path in shard.paths or [shard.path]:
            try:
                data = read_bytes(path, options.max_bytes)
                yield text_document(data, path, options, self.name, file_id(path, shard.root))
            except KhabarError as exc:
                yield exc.to_failure()


def file_shard(reader: str, path: str, max_bytes: int | None) -> Shard | Failure:
    """A whole-file shard, or the failure that makes reading it pointless."""
    size = os.path.getsize(path)
    if size == 0:
        return EmptyInput("empty file", path=path).to_failure()
    if max_bytes is not None and size > max_bytes and not is_gzip(path):
        return _too_large(path, size, max_bytes).to_failure()
    return Shard(reader, path, size=size)


def read_bytes(path: str, max_bytes: int | None) -> bytes:
    """A whole file (gunzipped when it is gzip); InputTooLarge past `max_bytes`."""
    try:
        opener = gzip.open if is_gzip(path) else open
        with opener(path, "rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise TruncatedInput(f"broken or truncated gzip stream ({exc})", path=path) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}", path=path) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    return data


def text_document(
    data: bytes, path: str, options: ReadOptions, fmt: str, ident: str | None = None
) -> Document:
    """A document whose raw text is the whole input, decoded with the detected encoding."""
    if not data.strip():
        raise EmptyInput("empty input", path=path)
    text, encoding = decode(data, forced=options.encoding, path=path)
    # Windows and old Mac line ends, so later stages see one kind of newline
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("no text after decoding", path=path)
    source = Source(encoding=encoding, path=path, format=fmt)
    return Document(id=ident or content_id(text), raw=text, source=source)


def _too_large(path: str, size: int, limit: int) -> InputTooLarge:
    return InputTooLarge(
        f"{size}+ bytes is over the {limit}-byte limit for one article",
        hint="raise --max-bytes if this is really one article",
        path=path,
    )


class StdinReader:
    """Standard input ("-"): JSON Lines are streamed in batches; anything else is one input."""

    name = "stdin"

    def __init__(self, stream: BinaryIO | None = None):
        self.stream = stream

    def shards(
        self, path: str, options: ReadOptions, target_bytes: int
    ) -> Iterator[Shard | Failure]:
        stream = self.stream if self.stream is not None else sys.stdin.buffer
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)  # type: ignore[arg-type]
        fmt = options.format or sniff(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
        if fmt == "jsonl":
            from .jsonl import record_shards

            yield from record_shards(stream, "-", options, target_bytes)
            return
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            yield _too_large("-", len(data), options.max_bytes).to_failure()
        elif not data.strip():
            yield EmptyInput("empty standard input", path="-").to_failure()
        elif fmt == "rss":
            from .rss import feed_shards

            yield from feed_shards(data, "-", target_bytes)
        elif fmt in ("text", "html"):
            reader = self.name if fmt == "text" else fmt
            yield Shard(reader, "-", records=[data], size=len(data))
        else:
            message = f"cannot read {fmt} from standard input"
            yield UnreadableInput(message, hint="pass the file path instead", path="-").to_failure()

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        for data in shard.records or []:
            try:
                yield text_document(data, shard.path, options, self.name)
            except KhabarError as exc:
                yield exc.to_failure()
