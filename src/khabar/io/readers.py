"""Planning input into shards (main process) and reading one shard (any worker).

`plan_shards` walks the user's paths, picks a reader for each input and asks it for
shards; whole-file shards of small text and HTML files are packed together so a worker
gets a useful amount of work. `read_shard` turns one shard into documents. Neither ever
raises for bad input: a problem becomes a `Failure` and the rest of the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from ..doc import Document, Failure
from ..errors import UnreadableInput, failure_from_exception
from .base import ReadOptions, Shard
from .directory import guess_format, is_url, walk

DEFAULT_TARGET_BYTES = 4 << 20
MAX_FILES_PER_SHARD = 256


def plan_shards(
    paths: list[str], options: ReadOptions, target_bytes: int = DEFAULT_TARGET_BYTES
) -> Iterator[Shard | Failure]:
    """Shards of every input under `paths`, in a deterministic order, with failures inline."""
    return _pack(_shards(paths, options, target_bytes), target_bytes)


def read_shard(shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
    """The documents of one shard; a failure ends only the part it concerns."""
    try:
        yield from _reader(shard.reader).read(shard, options)
    except Exception as exc:
        yield failure_from_exception(exc, path=shard.path)


def read_inputs(
    paths: list[str], options: ReadOptions | None = None, target_bytes: int = 4 << 20
) -> Iterator[Document | Failure]:
    """Every document (or failure) of `paths`, read in this process, in input order."""
    options = options or ReadOptions()
    for shard in plan_shards(paths, options, target_bytes):
        if isinstance(shard, Failure):
            yield shard
        else:
            yield from read_shard(shard, options)


@cache
def _reader(name: str) -> Any:
    from ..registry import make_reader

    return make_reader(name)


def _shards(paths: list[str], options: ReadOptions, target: int) -> Iterator[Shard | Failure]:
    for path, fmt, root in _inputs(paths, options):
        if isinstance(fmt, Failure):
            yield fmt
            continue
        try:
            for shard in _reader(fmt).shards(path, options, target):
                if isinstance(shard, Shard):
                    shard.root = root
                yield shard
        except Exception as exc:
            yield _failure(exc, path)


def _inputs(
    paths: list[str], options: ReadOptions
) -> Iterator[tuple[str, str | Failure, str | None]]:
    """(path, reader name or the failure that stops it, the folder it was found under)."""
    for path in paths:
        if path == "-":
            yield path, "stdin", None
        elif is_url(path):
            yield path, _url_format(path, options), None
        elif os.path.isdir(path):
            for name in walk(path, options.glob):
                yield name, _file_format(name, options), path
        else:
            yield path, _file_format(path, options), None


def _url_format(url: str, options: ReadOptions) -> str | Failure:
    if options.format in (None, "rss"):
        return "rss"
    return UnreadableInput(
        f"URLs are read only as RSS/Atom feeds, not as {options.format}",
        hint="download the page and pass the file",
        path=url,
    ).to_failure()


def _file_format(path: str, options: ReadOptions) -> str | Failure:
    try:
        if not os.path.exists(path):
            raise UnreadableInput("no such file or folder", path=path)
        return options.format or guess_format(path)
    except Exception as exc:
        return _failure(exc, path)


def _failure(exc: BaseException, path: str) -> Failure:
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return UnreadableInput(f"cannot read: {reason}", path=path).to_failure()
    return failure_from_exception(exc, path=path)


def _pack(items: Iterable[Shard | Failure], target: int) -> Iterator[Shard | Failure]:
    """Merge consecutive whole-file shards of a batchable reader into multi-file shards."""
    batch: list[Shard] = []
    size = 0
    for item in items:
        packable = _packable(item)
        if batch and not (
            packable and item.reader == batch[0].reader and item.root == batch[0].root
        ):
            yield _merged(batch, size)
            batch, size = [], 0
        if not packable:
            yield item
            continue
        batch.append(item)
        size += item.size
        if size >= target or len(batch) >= MAX_FILES_PER_SHARD:
            yield _merged(batch, size)
            batch, size = [], 0
    if batch:
        yield _merged(batch, size)


def _packable(item: Shard | Failure) -> bool:
    return (
        isinstance(item, Shard)
        and item.records is None
        and item.paths is None
        and getattr(_reader(item.reader), "batchable", False)
    )


def _merged(batch: list[Shard], size: int) -> Shard:
    if len(batch) == 1:
        return batch[0]
    first = batch[0]
    return Shard(first.reader, first.path, size=size, paths=[s.path for s in batch], root=first.root)
