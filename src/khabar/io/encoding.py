"""Bytes to text: BOMs, UTF-8, Windows-1256 and what charset-normalizer guesses.

Arabic news files that are not UTF-8 are nearly always Windows-1256. Statistical
detectors often call such bytes ISO-8859-6, CP720 or even a Cyrillic code page, so when
the bytes are not UTF-8 and read as Arabic under cp1256, cp1256 wins.
"""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInput, DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# code pages detectors give for Arabic bytes that are really Windows-1256
_ARABIC_GUESSES = frozenset({"cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic", "cp1255"})
_SAMPLE = 64 * 1024
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def check_binary(data: bytes, path: str | None = None) -> None:
    """Raise BinaryInput for NUL bytes or a head that is mostly control bytes."""
    head = data[:_SAMPLE]
    if b"\x00" in head or len(_CONTROL.findall(head)) > len(head) * 0.05:
        raise BinaryInput("binary data, not text", hint="is this the right file?", path=path)


def decode(
    data: bytes,
    *,
    forced: str | None = None,
    declared: str | None = None,
    path: str | None = None,
) -> tuple[str, str]:
    """Decode `data` and say which encoding was used; raise DecodeError or BinaryInput.

    `declared` is what the input claims (HTTP header, <meta charset>): valid UTF-8 still
    wins over it, because pages mislabelled as windows-1256 are common and the reverse
    cannot happen by chance.
    """
    if forced:
        encoding = canonical(forced, path)
        return _decode_as(data, encoding, path), encoding
    bom = bom_encoding(data)
    if bom:
        return _decode_as(data, bom, path), bom
    check_binary(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _nearly_utf8(data)
    if text is not None:
        return text, "utf-8"
    if declared:
        try:
            name = canonical(declared)
            return data.decode(name), name
        except (DecodeError, UnicodeDecodeError):
            pass  # a wrong or unknown label: detect instead
    encoding = guess_encoding(data)
    if encoding is None:
        raise DecodeError(
            "cannot decode: not UTF-8 and no encoding fits", hint="try --encoding", path=path
        )
    return _decode_as(data, encoding, path), encoding


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a stray bad byte or a character cut at the end is still UTF-8.

    Bytes in another encoding make nearly every high byte invalid, so demanding that
    valid multi-byte characters outnumber the bad ones twenty to one tells them apart.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(_NON_ASCII.findall(text)) - bad
    return text if good >= 20 * bad else None


def guess_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not valid UTF-8, or None."""
    sample = data[:_SAMPLE]
    if looks_cp1256(sample):
        return "cp1256"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    name = canonical(best.encoding)
    return "cp1256" if name in _ARABIC_GUESSES else name


def looks_cp1256(sample: bytes) -> bool:
    """Most high bytes read as Arabic letters under Windows-1256."""
    high = len(_HIGH_BYTE.findall(sample))
    if not high:
        return False
    text = sample.decode("cp1256", "replace")
    return len(_ARABIC_LETTER.findall(text)) >= high * 0.6


def canonical(name: str, path: str | None = None) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise DecodeError(
            f"unknown encoding {name!r}", hint="try --encoding with a Python codec name", path=path
        ) from None


def _decode_as(data: bytes, encoding: str, path: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot decode as {encoding} (byte {exc.start})", hint="try --encoding", path=path
        ) from None
