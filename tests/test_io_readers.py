"""Planning: directories, globs, reader choice, packing small files, stdin, bad inputs."""

from __future__ import annotations

import gzip
import io
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from khabar.doc import Document, Failure
from khabar.io.base import ReadOptions, Shard, iso_date
from khabar.io.directory import guess_format, sniff, stem
from khabar.io.readers import plan_shards, read_inputs, read_shard

RES = Path(__file__).parent / "resources" / "io"


def read_all(
    paths: list[str], options: ReadOptions | None = None, target: int = 4 << 20
) -> list[Document | Failure]:
    return list(read_inputs(paths, options, target))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text("خبر أخير عن الطقس", encoding="utf-8")
    (root / "a.txt").write_text("خبر أول عن الاقتصاد", encoding="utf-8")
    (root / "b" / "m.text").write_text("خبر أوسط عن الرياضة", encoding="utf-8")
    (root / "b" / "deeper" / "page.html").write_bytes((RES / "article.html").read_bytes())
    (root / "b" / "notes.md").write_text("ملاحظة", encoding="utf-8")
    (root / ".hidden" / "secret.txt").write_text("لا يقرأ", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    return root


def test_io_readers_directory_is_walked_sorted_and_recursively(tree: Path) -> None:
    docs = read_all([str(tree)])
    assert all(isinstance(d, Document) for d in docs)
    assert [(d.id, d.source.format) for d in docs] == [
        ("a", "text"),
        ("b/deeper/page", "html"),  # b/deeper/page.html sorts before b/m.text
        ("b/m", "text"),
        ("b/notes", "text"),  # unknown extension, sniffed as text
        ("z", "text"),
    ]
    assert docs[0].raw == "خبر أول عن الاقتصاد"
    assert docs[0].source.path == str(tree / "a.txt")


def test_io_readers_glob_filters_directory_files(tree: Path) -> None:
    docs = read_all([str(tree)], ReadOptions(glob="*.txt"))
    assert [d.id for d in docs] == ["a", "z"]
    assert [d.id for d in read_all([str(tree)], ReadOptions(glob="*.htm*"))] == ["b/deeper/page"]


def test_io_readers_same_file_name_in_two_folders_gets_two_ids(tree: Path) -> None:
    (tree / "b" / "a.txt").write_text("خبر آخر في مجلد آخر", encoding="utf-8")
    docs = read_all([str(tree)], ReadOptions(glob="a.txt"))
    assert [d.id for d in docs] == ["a", "b/a"]
    named = read_all([str(tree / "b" / "a.txt"), str(tree / "b" / "m.text")])
    assert [d.id for d in named] == ["a", "m"]  # files named one by one keep their stem


def test_io_readers_small_files_share_a_shard(tree: Path) -> None:
    shards = list(plan_shards([str(tree)], ReadOptions(glob="*.t*")))
    assert [(s.reader, s.paths) for s in shards] == [
        ("text", [str(tree / "a.txt"), str(tree / "b" / "m.text"), str(tree / "z.txt")])
    ]
    one_each = list(plan_shards([str(tree)], ReadOptions(glob="*.t*"), target_bytes=1))
    assert [s.paths for s in one_each] == [None, None, None]


def test_io_readers_shards_pickle_small(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = '{"id": "x", "text": "' + "ن" * 2000 + '"}\n'
    path.write_text(line * 2000, encoding="utf-8")
    shards = list(plan_shards([str(path)], ReadOptions(), 1 << 20))
    assert len(shards) == 8
    assert all(len(pickle.dumps(s)) < 500 for s in shards)


def test_io_readers_extension_and_sniffing(tmp_path: Path) -> None:
    assert guess_format("x.rss.xml") == "rss"
    assert guess_format("x.ndjson") == "jsonl"
    assert guess_format("x.arc.gz") == "warc"
    assert guess_format("x.HTM") == "html"
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo")) == "warc"
    assert sniff(gzip.compress(b'{"id": 1}\n')) == "jsonl"
    assert sniff(b'<?xml version="1.0"?>\n<rss version="2.0">') == "rss"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>") == "html"
    assert sniff("<feed xmlns='http://www.w3.org/2005/Atom'>".encode("utf-16")) == "rss"
    assert sniff("خبر عادي".encode()) == "text"
    page = tmp_path / "download.bin"
    shutil.copy(RES / "article.html", page)
    feed = tmp_path / "feed"
    shutil.copy(RES / "feed_atom.xml", feed)
    assert [d.source.format for d in read_all([str(page), str(feed)])] == ["html", "rss", "rss"]


def test_io_readers_forced_format(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    shutil.copy(RES / "article.html", path)
    (doc,) = read_all([str(path)], ReadOptions(format="html"))
    assert doc.source.format == "html" and "<p>" not in doc.raw


def test_io_readers_stem() -> None:
    assert stem("/a/b/news.jsonl.gz") == "news"
    assert stem("c.txt.gz") == "c"
    assert stem("2021.07.02-report.txt") == "2021.07.02-report"
    assert stem("README") == "README"


def test_io_readers_bad_inputs_become_failures_and_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n ", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress("خبر مقطوع ".encode() * 500)[:-40])
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("خبر سليم", encoding="utf-8")
    paths = [empty, blank, binary, cut, missing, good]
    items = read_all([str(p) for p in paths], target=1)
    assert [
        (getattr(i, "kind", "doc"), i.path if isinstance(i, Failure) else i.id) for i in items
    ] == [
        ("empty", str(empty)),
        ("empty", str(blank)),
        ("binary", str(binary)),
        ("truncated", str(cut)),
        ("unreadable", str(missing)),
        ("doc", "good"),
    ]
    for failure in items[:-1]:
        assert failure.message.startswith(failure.code + " ") and "\n" not in failure.message


def test_io_readers_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("ن" * 3000, encoding="utf-8")
    (failure,) = read_all([str(path)], ReadOptions(max_bytes=1000))
    assert (failure.kind, failure.code) == ("too-large", "K106")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_io_readers_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("سري", encoding="utf-8")
    path.chmod(0)
    (failure,) = read_all([str(path)])
    assert failure.kind == "unreadable"


def test_io_readers_read_shard_never_raises() -> None:
    (failure,) = list(read_shard(Shard("nope", "x"), ReadOptions()))
    assert failure.kind == "config"
    (failure,) = list(read_shard(Shard("jsonl", "/no/such/file.jsonl"), ReadOptions()))
    assert failure.kind == "unreadable"


@pytest.mark.parametrize(
    ("data", "fmt", "expected_format"),
    [
        ("خبر من الإدخال القياسي\r\nسطر ثان".encode("cp1256"), None, "stdin"),
        ((RES / "article.html").read_bytes(), None, "html"),
        ((RES / "feed_rss2.xml").read_bytes(), None, "rss"),
        ("نص عادي".encode(), "text", "stdin"),
    ],
)
def test_io_readers_stdin(
    monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str | None, expected_format: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = read_all(["-"], ReadOptions(format=fmt))
    assert docs and all(isinstance(d, Document) for d in docs)
    assert {d.source.format for d in docs} == {expected_format}
    assert {d.source.path for d in docs} == {"-"}
    if expected_format == "stdin" and fmt is None:
        assert docs[0].raw == "خبر من الإدخال القياسي\nسطر ثان"
        assert docs[0].source.encoding == "cp1256"


def test_io_readers_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (failure,) = read_all(["-"])
    assert (failure.kind, failure.path) == ("empty", "-")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-01-20T21:43:00+01:00", "2017-01-20"),
        ("2021/7/2", "2021-07-02"),
        ("Fri, 02 Jul 2021 23:30:00 +0300", "2021-07-02"),
        (1625212800, "2021-07-02"),
        ("2021-13-01", None),
        ("2021-07", None),
        ("أمس", None),
        (None, None),
        (True, None),
    ],
)
def test_io_readers_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected
