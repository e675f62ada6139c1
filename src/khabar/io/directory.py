"""Which files to read and with which reader: directory walks, extensions, sniffing."""

from __future__ import annotations

import fnmatch
import os
import zlib
from collections.abc import Iterator

from .encoding import bom_encoding

# longest suffix first, so ".rss.xml" wins over ".xml" and ".jsonl.gz" over ".gz"
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"),
    (".json.gz", "jsonl"),
    (".warc.gz", "warc"),
    (".arc.gz", "warc"),
    (".rss.xml", "rss"),
    (".ndjson", "jsonl"),
    (".jsonl", "jsonl"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".text", "text"),
    (".txt", "text"),
    (".atom", "rss"),
    (".rss", "rss"),
    (".xml", "rss"),
)
_GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 4096


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def is_gzip(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(2) == _GZIP_MAGIC
    except OSError:
        return False


def walk(root: str, glob: str = "*") -> Iterator[str]:
    """Files under `root` whose name matches `glob`, in sorted path order (as `find | sort`).

    Hidden files and folders (".git", ".DS_Store") are not inputs; links to folders are
    not followed, so a loop of links cannot trap the walk.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path, glob)
        elif fnmatch.fnmatch(entry.name, glob):
            yield entry.path


def format_from_name(path: str) -> str | None:
    lowered = path.lower()
    for suffix, reader in _SUFFIXES:
        if lowered.endswith(suffix):
            return reader
    return None


def guess_format(path: str) -> str:
    """The reader for a file: from its name, else from its first bytes."""
    return format_from_name(path) or sniff_file(path)


def sniff_file(path: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    return sniff(head)


def sniff(head: bytes) -> str:
    """Guess the reader from the first bytes of an input; plain text when nothing fits."""
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
        except zlib.error:
            return "text"
        if not head.lstrip().startswith((b"WARC/", b"{")):
            return "text"
    text = head.decode(bom_encoding(head) or "utf-8", "replace").lstrip("\ufeff \t\r\n")
    lowered = text[:SNIFF_BYTES].lower()
    if lowered.startswith("warc/"):
        return "warc"
    if lowered.startswith("{"):
        return "jsonl"
    if lowered.startswith("<?xml") or lowered.startswith(("<rss", "<feed", "<rdf:rdf")):
        if any(tag in lowered for tag in ("<rss", "<feed", "<rdf:rdf", "<channel")):
            return "rss"
        return "html" if "<html" in lowered else "text"
    if lowered.startswith(("<!doctype html", "<html", "<head", "<body", "<!--")) or (
        "<html" in lowered and "</" in lowered
    ):
        return "html"
    return "text"


def file_id(path: str, root: str | None) -> str:
    """A file's document id: its `stem`, or under a folder the user named, its path below that
    folder without the suffix («2021/07/index»), so every «index.html» of a site stays apart."""
    if root is None:
        return stem(path)
    folder = os.path.dirname(os.path.relpath(path, root))
    return "/".join([*folder.split(os.sep), stem(path)]) if folder else stem(path)


def stem(path: str) -> str:
    """The file name without its reader suffix: "a/b.jsonl.gz" -> "b", "c.txt.gz" -> "c"."""
    name = os.path.basename(path)
    if name.lower().endswith(".gz") and format_from_name(name) is None:
        name = name[:-3]
    lowered = name.lower()
    for suffix, _reader in _SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return os.path.splitext(name)[0] or name
