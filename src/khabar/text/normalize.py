"""Arabic folding for matching, with a map back to offsets in the original text.

Matching runs on folded text (one spelling per letter); results are reported on the
original text. `fold()` returns the folded string and an `OffsetMap` that turns any
folded offset back into an original one, exactly, even where characters were deleted
(tatweel, diacritics) or expanded (lam-alef ligatures).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

# fmt: off
# one-to-one letter folding: spelling variants that readers treat as the same letter
_ONE_TO_ONE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۃ": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ێ": "ي", "ۍ": "ي", "ے": "ي",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ۓ": "ي", "ٶ": "ؤ", "ٸ": "ئ",
    "۔": ".", "٫": ".", "٬": ",", "٪": "%", "؍": "/",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200f": " ", "\u200e": " ",
    "ـ": "",  # tatweel, deleted
    "#": "",  # a hashtag mark is not part of the word («دونالد #ترمب»)
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)  # Persian / Urdu digits

# combining marks: harakat, tanwin, shadda, sukun, dagger alef, Quranic marks
_DELETED = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + ["\u06E7", "\u06E8"]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + ["\u0610", "\u0611", "\u0612", "\u0613", "\u0614", "\u0615", "\u0616", "\u0617", "\u0618",
       "\u0619", "\u061A", "\u200b", "\u200c", "\u200d", "\ufeff"]
)
for _ch in _DELETED:
    _ONE_TO_ONE[_ch] = ""

# presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF): decompose with NFKC then fold
_EXPANSIONS: dict[str, str] = {}
for _cp in list(range(0xFB50, 0xFDFF)) + list(range(0xFE70, 0xFEFF)):
    _ch = chr(_cp)
    _nfkc = unicodedata.normalize("NFKC", _ch)
    if _nfkc != _ch and _nfkc.strip():
        _EXPANSIONS[_ch] = "".join(_ONE_TO_ONE.get(c, c) for c in _nfkc)

# fmt: on
_TABLE = str.maketrans({**_ONE_TO_ONE, **_EXPANSIONS})
# str.translate takes a slow path for every character its table lacks: list the common ones
# (ASCII, Arabic block, general punctuation) as mapping to themselves; the output is the same
_IDENTITY = [
    *range(0x20, 0x7F),
    *range(0x0600, 0x0700),
    *range(0x2000, 0x2070),
    0x0A,
    0x09,
    0xAB,
    0xBB,
]
for _cp in _IDENTITY:
    _TABLE.setdefault(_cp, _cp)
# str.translate looks a character up faster in a list than in a dict; characters beyond the
# list (outside the BMP, none of them folded) raise IndexError and are kept, as with the dict
_FAST_TABLE: list[int | str | None] = [_TABLE.get(_cp, _cp) for _cp in range(0x10000)]
# str.translate still looks up every character. Arabic news text holds few of the characters
# folding changes, most often these (ة أ ى إ, shadda, آ, tatweel, damma, fathatan): replacing
# each one present is faster, and the rest only need a pass when one of them occurs. No
# replacement is itself changed by folding, so the order does not matter.
_CHANGES = {
    chr(code): (value if isinstance(value, str) else "" if value is None else chr(value))
    for code, value in _TABLE.items()
    if value != code
}
_COMMON_CHANGES = "\u0629\u0623\u0649\u0625\u0651\u0622\u0640\u064f\u064b"
_RARE_CHANGING = re.compile(
    "[" + "".join(re.escape(char) for char in _CHANGES if char not in _COMMON_CHANGES) + "]"
)
_LENGTH_CHANGING = re.compile(
    "["
    + "".join(re.escape(c) for c, v in {**_ONE_TO_ONE, **_EXPANSIONS}.items() if len(v) != 1)
    + "]"
)


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets in folded text back to the original text.

    Stored sparsely: `points[k]` is a folded offset from which `shifts[k]` must be added.
    Text without deletions or expansions has no points at all.
    """

    length: int  # length of the original text
    points: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    def to_original(self, offset: int) -> int:
        k = bisect.bisect_right(self.points, offset) - 1
        return min(offset + (self.shifts[k] if k >= 0 else 0), self.length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of a folded span; the end is exclusive and never cuts a character."""
        if end <= start:
            point = self.to_original(start)
            return point, point
        return self.to_original(start), self.to_original(end - 1) + 1


def fold_char_table() -> dict[int, str]:
    """The folding table (for tools that need it, e.g. building gazetteer keys)."""
    return dict(_TABLE)


def fold_text(text: str) -> str:
    """Fold without keeping offsets (for dictionary keys and lookups)."""
    for char in _COMMON_CHANGES:
        if char in text:
            text = text.replace(char, _CHANGES[char])
    if _RARE_CHANGING.search(text) is not None:
        return text.translate(_FAST_TABLE)
    return text


def fold(text: str) -> tuple[str, OffsetMap]:
    """Fold `text` for matching and return the map from folded offsets to original ones.

    The returned map is shared with other callers folding the same text: do not change it."""
    if len(text) < _CACHE_MIN_LENGTH:
        return _fold(text)
    return _fold_cached(text)


# most stages fold the whole `doc.text` again: a small cache of whole texts saves a pass each
_CACHE_MIN_LENGTH = 200


@functools.lru_cache(maxsize=4)
def _fold_cached(text: str) -> tuple[str, OffsetMap]:
    return _fold(text)


def _fold(text: str) -> tuple[str, OffsetMap]:
    folded = fold_text(text)
    mapping = OffsetMap(len(text))
    if len(folded) == len(text) and not _LENGTH_CHANGING.search(text):
        return folded, mapping
    shift = 0
    out_pos = 0
    for match in _LENGTH_CHANGING.finditer(text):
        pos = match.start()
        out_pos = pos - shift
        replacement = match.group().translate(_TABLE)
        if not replacement:
            shift += 1
            mapping.points.append(out_pos)
            mapping.shifts.append(shift)
        else:
            # an expansion: every produced character maps to the single original one
            for k in range(1, len(replacement)):
                mapping.points.append(out_pos + k)
                mapping.shifts.append(shift - k)
            shift -= len(replacement) - 1
            mapping.points.append(out_pos + len(replacement))
            mapping.shifts.append(shift)
    _compact(mapping)
    return folded, mapping


def _compact(mapping: OffsetMap) -> None:
    """Keep only the last shift per point (deletions in a row share a folded offset)."""
    points: list[int] = []
    shifts: list[int] = []
    for point, shift in zip(mapping.points, mapping.shifts, strict=True):
        if points and points[-1] == point:
            shifts[-1] = shift
        else:
            points.append(point)
            shifts.append(shift)
    mapping.points, mapping.shifts = points, shifts


ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
