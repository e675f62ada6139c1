"""JSON Lines: fields, remapping, gzip, byte-range sharding, bad lines, oversized lines."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from khabar.doc import Document, Failure
from khabar.io.base import ReadOptions, Shard
from khabar.io.readers import plan_shards, read_inputs, read_shard

RES = Path(__file__).parent / "resources" / "io"
REMAP = {"id": "doc", "title": "headline", "text": "body", "url": "link", "published": "date"}


def read_all(
    paths: list[str], options: ReadOptions | None = None, target: int = 4 << 20
) -> list[Document | Failure]:
    return list(read_inputs(paths, options, target))


def test_io_jsonl_reads_corpus_fields(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    record = {
        "id": "x:1",
        "source_dataset": "demo",
        "category": "politics",
        "title": "اجتماع وزراء الخارجية العرب",
        "text": "اجتمع وزراء الخارجية العرب في القاهرة لبحث الأوضاع الإقليمية.",
        "url": "https://example.org/x1",
        "published": "2018-05-31T03:50:20+00:00",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.raw) == ("x:1", record["title"], record["text"])
    source = doc.source
    assert (source.url, source.published, source.published_from) == (
        "https://example.org/x1",
        "2018-05-31",
        "reader",
    )
    assert (source.path, source.line, source.format, source.encoding) == (
        str(path),
        1,
        "jsonl",
        "utf-8",
    )


def test_io_jsonl_field_remapping_plain_and_gzip(tmp_path: Path) -> None:
    gz = tmp_path / "remapped.jsonl.gz"
    gz.write_bytes(gzip.compress((RES / "remapped.jsonl").read_bytes()))
    options = ReadOptions(fields={"id": "doc", "title": "headline", "text": "body"})
    options.fields.update(url="link", published="date")
    for path in (RES / "remapped.jsonl", gz):
        docs = read_all([str(path)], options)
        assert [d.id for d in docs] == ["r1", "r2", "r3"]
        assert all(isinstance(d, Document) for d in docs)
        assert docs[0].title == "انطلاق موسم الحصاد في السهول الشرقية"
        assert docs[0].raw == "بدأ المزارعون في السهول الشرقية حصاد القمح بعد موسم أمطار جيد."
        assert [d.source.published for d in docs] == ["2022-06-14", None, "2022-06-20"]
        assert [d.source.published_from for d in docs] == ["reader", None, "reader"]
        assert [d.source.line for d in docs] == [1, 2, 3]
        assert docs[2].source.url == "https://example.org/r3"


def test_io_jsonl_partial_field_mapping_keeps_defaults(tmp_path: Path) -> None:
    path = tmp_path / "body.jsonl"
    path.write_text('{"id": "b1", "title": "عنوان", "body": "نص الخبر هنا"}\n', encoding="utf-8")
    (doc,) = read_all([str(path)], ReadOptions(fields={"text": "body"}))
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.raw) == ("b1", "عنوان", "نص الخبر هنا")


def test_io_jsonl_bad_lines_are_failures_and_reading_goes_on() -> None:
    items = read_all([str(RES / "mixed.jsonl")])
    kinds = [(type(i).__name__, i.id if isinstance(i, Document) else i.kind) for i in items]
    assert kinds == [
        ("Document", "a1"),
        ("Failure", "malformed"),
        ("Failure", "malformed"),
        ("Document", "a5"),
    ]
    broken, no_text = items[1], items[2]
    assert isinstance(broken, Failure) and isinstance(no_text, Failure)
    assert (broken.path, broken.line, broken.code) == (str(RES / "mixed.jsonl"), 2, "K105")
    assert "invalid JSON" in broken.message
    assert no_text.line == 3 and "no text field 'text'" in no_text.message
    assert items[3].source.line == 5  # the blank line 4 is counted, not reported


def _numbered_lines(count: int) -> list[str]:
    lines = []
    for i in range(count):
        record = {"id": f"n{i}", "text": "خبر " * (i % 7 + 1) + str(i)}
        lines.append(json.dumps(record, ensure_ascii=False))
        if i % 5 == 3:
            lines.append("")  # blank lines must not shift line numbers
    return lines


@pytest.mark.parametrize("target", [1, 37, 100, 512, 4096, 1 << 20])
def test_io_jsonl_shards_cover_every_record_once_in_order(tmp_path: Path, target: int) -> None:
    lines = _numbered_lines(60)
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    expected = [(json.loads(line)["id"], n) for n, line in enumerate(lines, 1) if line]
    shards = list(plan_shards([str(path)], ReadOptions(), target))
    assert all(isinstance(s, Shard) and s.records is None for s in shards)
    got = [(d.id, d.source.line) for s in shards for d in read_shard(s, ReadOptions())]
    assert got == expected
    if target == 1:
        assert len(shards) == len(lines)  # every line is its own shard


def test_io_jsonl_gzip_shards_are_record_batches(tmp_path: Path) -> None:
    lines = _numbered_lines(40)
    path = tmp_path / "many.json.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    shards = list(plan_shards([str(path)], ReadOptions(), 200))
    assert len(shards) > 3 and all(isinstance(s, Shard) and s.records for s in shards)
    got = [(d.id, d.source.line) for s in shards for d in read_shard(s, ReadOptions())]
    assert got == [(json.loads(line)["id"], n) for n, line in enumerate(lines, 1) if line]


def test_io_jsonl_truncated_gzip_keeps_records_before_the_break(tmp_path: Path) -> None:
    lines = _numbered_lines(400)
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read_all([str(path)], target=500)
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) > 10
    assert [d.id for d in docs] == [f"n{i}" for i in range(len(docs))]
    assert isinstance(items[-1], Failure)
    assert (items[-1].kind, items[-1].code, items[-1].path) == ("truncated", "K104", str(path))
    assert items[-1].line is not None


def test_io_jsonl_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"id": "before", "text": "\xd9\x86\xd8\xb5"}\n')
        handle.write(b'{"id": "huge", "text": "')
        chunk = b"a" * (1 << 20)
        for _ in range(50):
            handle.write(chunk)
        handle.write(b'"}\n{"id": "after", "text": "\xd9\x86\xd8\xb5"}\n')
    items = read_all([str(path)])
    assert [getattr(i, "id", None) for i in items] == ["before", None, "after"]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.code, failure.line) == ("too-large", "K106", 2)
    assert items[2].source.line == 3


def test_io_jsonl_long_line_in_gzip_with_small_limit(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "s", "text": "قصير"}), json.dumps({"id": "l", "text": "x" * 5000})]
    lines.append(json.dumps({"id": "t", "text": "قصير أيضا"}))
    path = tmp_path / "long.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    items = read_all([str(path)], ReadOptions(max_bytes=1000))
    assert [(type(i).__name__, i.line if isinstance(i, Failure) else i.id) for i in items] == [
        ("Failure", 2),  # the planner reports it while it batches
        ("Document", "s"),
        ("Document", "t"),
    ]
    assert items[2].source.line == 3


def test_io_jsonl_empty_text_not_object_and_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_bytes(
        b'{"id": "e", "text": "   "}\n[1, 2]\n{"id": "w", "text": "'
        + "نص".encode("cp1256")
        + b'"}\n'
    )
    items = read_all([str(path)])
    assert [(i.kind, i.line) for i in items if isinstance(i, Failure)] == [
        ("empty", 1),
        ("malformed", 2),
        ("decode", 3),
    ]


def test_io_jsonl_empty_file_and_empty_gzip(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    empty_gz = tmp_path / "empty.jsonl.gz"
    empty_gz.write_bytes(gzip.compress(b""))
    items = read_all([str(empty), str(empty_gz)])
    assert [(i.kind, i.path) for i in items] == [("empty", str(empty)), ("empty", str(empty_gz))]


def test_io_jsonl_binary_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\n" * 100)
    (failure,) = read_all([str(path)])
    assert (failure.kind, failure.path) == ("binary", str(path))


def test_io_jsonl_without_id_uses_content_id(tmp_path: Path) -> None:
    path = tmp_path / "noid.jsonl"
    path.write_text('{"text": "خبر بلا معرف"}\n{"text": "خبر بلا معرف"}\n', encoding="utf-8")
    first, second = read_all([str(path)])
    assert first.id == second.id and len(first.id) == 16


def test_io_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (RES / "remapped.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    options = ReadOptions(fields=dict(REMAP))
    shards = list(plan_shards(["-"], options, 300))
    assert all(isinstance(s, Shard) and s.reader == "jsonl" and s.records for s in shards)
    docs = [d for s in shards for d in read_shard(s, options)]
    assert [(d.id, d.source.line, d.source.path) for d in docs] == [
        ("r1", 1, "-"),
        ("r2", 2, "-"),
        ("r3", 3, "-"),
    ]


def test_io_jsonl_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.data"
    shutil.copy(RES / "remapped.jsonl", path)
    docs = read_all([str(path)], ReadOptions(fields=dict(REMAP)))
    assert [d.source.format for d in docs] == ["jsonl"] * 3


def test_io_jsonl_character_references_are_characters(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    record = {
        "id": "x:2",
        "title": "مصر تمدد حالة الطوارئ في شمال &#39;سيناء&#39; و&quot;العريش&quot;",
        "text": "قال المتحدث إن &quot;الوضع هادئ&quot; في المدينة، وإن الطرق R&D مفتوحة.",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.title == "مصر تمدد حالة الطوارئ في شمال 'سيناء' و\"العريش\""
    assert doc.raw == 'قال المتحدث إن "الوضع هادئ" في المدينة، وإن الطرق R&D مفتوحة.'
