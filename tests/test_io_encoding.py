"""Encodings: BOMs, UTF-8, Windows-1256 detection, forced encodings, binary and undecodable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from khabar.doc import Document, Failure
from khabar.errors import BinaryInput, DecodeError
from khabar.io.base import ReadOptions
from khabar.io.encoding import decode
from khabar.io.readers import read_inputs

RES = Path(__file__).parent / "resources" / "io"
EXPECTED_START = "أعلنت وزارة الصحة اليوم الخميس"
EXPECTED_SECOND_LINE = "وقال المتحدث باسم الوزارة إن الفرق الطبية ستزور المدارس والقرى البعيدة."


def read_all(paths: list[str], options: ReadOptions | None = None) -> list[Document | Failure]:
    return list(read_inputs(paths, options))


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("news_utf8.txt", "utf-8"),
        ("news_utf8_bom.txt", "utf-8-sig"),
        ("news_utf16.txt", "utf-16"),
        ("news_cp1256.txt", "cp1256"),
    ],
)
def test_io_encoding_detected_and_recorded(name: str, encoding: str) -> None:
    (doc,) = read_all([str(RES / name)])
    assert isinstance(doc, Document)
    assert doc.source.encoding == encoding
    assert doc.raw.startswith(EXPECTED_START)  # no BOM left at the start
    assert doc.raw.split("\n")[1] == EXPECTED_SECOND_LINE  # CRLF became LF
    assert doc.id == name.removesuffix(".txt")
    assert doc.source.format == "text"


def test_io_encoding_cp1256_preferred_over_other_arabic_guesses() -> None:
    short = "قال الوزير إن الاجتماع كان مثمرا".encode("cp1256")
    assert decode(short) == ("قال الوزير إن الاجتماع كان مثمرا", "cp1256")


def test_io_encoding_forced_encoding_is_used(tmp_path: Path) -> None:
    path = tmp_path / "forced.txt"
    path.write_bytes("مرحبا بكم".encode("iso8859_6"))
    (doc,) = read_all([str(path)], ReadOptions(encoding="ISO-8859-6"))
    assert isinstance(doc, Document)
    assert (doc.raw, doc.source.encoding) == ("مرحبا بكم", "iso8859-6")


def test_io_encoding_forced_wrong_encoding_is_a_decode_failure() -> None:
    (failure,) = read_all([str(RES / "news_cp1256.txt")], ReadOptions(encoding="utf-8"))
    assert isinstance(failure, Failure)
    assert failure.kind == "decode" and failure.code == "K101"
    assert failure.message.startswith("K101 cannot decode") and "try --encoding" in failure.message
    assert failure.path == str(RES / "news_cp1256.txt")


def test_io_encoding_unknown_encoding_name_is_a_decode_failure() -> None:
    (failure,) = read_all([str(RES / "news_utf8.txt")], ReadOptions(encoding="no-such-codec"))
    assert isinstance(failure, Failure)
    assert failure.kind == "decode" and "no-such-codec" in failure.message


def test_io_encoding_utf8_with_a_cut_character_stays_utf8() -> None:
    data = ("أعلنت اللجنة نتائج المسابقة " * 20).encode("utf-8")[:-1]
    text, encoding = decode(data)
    assert encoding == "utf-8" and text.startswith("أعلنت اللجنة")


def test_io_encoding_binary_and_undecodable() -> None:
    with pytest.raises(BinaryInput):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(64))
    with pytest.raises(DecodeError):
        decode("نص".encode("cp1256"), forced="utf-8")


def test_io_encoding_binary_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 500)
    (failure,) = read_all([str(path)])
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.code, failure.path) == ("binary", "K103", str(path))
