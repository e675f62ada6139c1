"""The atoms of temporal expressions and the grammar that joins them.

The text is cut into atoms — absolute dates (khabar.text.calendar), temporal words from
temporal.tsv (weekdays, «أمس», «الأسبوع الماضي», «نهاية», «الماضي» …), counted spans («قبل ثلاثة
أيام», «في غضون 14 شهرا»), bare years, decades — and each atom becomes one letter of a symbol
string, the gaps between atoms one more letter (space, comma, «من», «و», «إلى»). `RULES`, a small
grammar of regular expressions over that string, joins atoms into one mention («نهاية شباط/فبراير
من العام الماضي» = fuzzy + date + «من» + period); khabar.extract.date_resolve gives its value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..text.calendar import find_absolute_dates_folded, month_names, prefiltered
from ..text.matcher import PhraseMatcher
from ..text.normalize import fold_text
from .date_names import NamedDates, load_named_dates

__all__ = ["KINDS", "RULES", "Atom", "Lexicon", "find_atoms", "gap_symbol", "load_lexicon"]

KINDS = {
    "weekday": "W", "relday": "D", "relperiod": "P", "period_word": "B", "part": "R", "fuzzy": "F", "half": "H",
    "season": "S", "qualifier": "Q", "decade": "X", "unit": "", "count_before": "",
    "approx": "", "future": "", "general_noun": "", "not_temporal": "N",
    "quantity_before": "", "year_before": "", "counted_noun": "", "measure_after": "",
}  # fmt: skip

# the grammar: rule name -> pattern over the symbol string (atoms at even positions)
RULES: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern))
    for name, pattern in (
        ("range", r"(?:F[ m])?A(?: Q)?[tw](?:F[ m])?A(?: Q|mP| P)?"),
        ("weekday_range", r"(?:R )?W[ tw]W"),
        ("weekday", r"(?:R )?(?:D )?W(?:[ ,]A)?(?: Q)?"),
        ("absolute", r"(?:F[ m])?A(?: Q|mP| P)?"),
        ("part", r"[FHS][ m]?(?:P|Y|Z)|[FH][ m]?B"),
        ("decades", r"X(?:[wt]X)*"),
        ("relday", r"(?:R )?D"),
        ("period", r"P"),
        ("count", r"C"),
        ("years", r"Y(?:[tw]Y)?"),
        ("year_range", r"Z"),
    )
]


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    sym: str
    data: Any


@dataclass(slots=True)
class Lexicon:
    matcher: PhraseMatcher
    count: re.Pattern[str]
    units: dict[str, tuple[str, int, bool]]
    numbers: dict[str, int]
    future: re.Pattern[str]
    general: re.Pattern[str]
    named: NamedDates = field(default_factory=NamedDates)
    # a bare four-digit number after these words, or before a counted noun, is a quantity
    quantity: re.Pattern[str] | None = None
    year_before: frozenset[str] = frozenset()
    counted: frozenset[str] = frozenset()
    measures: frozenset[str] = frozenset()  # «2000 ريال», «1500 كيلومتر»: never a year


# a year may carry one proclitic («و2013», «ب2011») but must not sit inside a longer token
_YEAR = re.compile(
    r"(?<![\d.,/\-])(?:(?<!\w)|(?<=(?<!\w)[وبلف]))((?:19|20)\d\d)(?![\d.,/\-]?\d)(?!\s*(?:%|٪))"
)
_YEAR_START = re.compile(r"(?:19|20)\d\d")  # where _YEAR and _YEAR_RANGE can start
_YEAR_RANGE = re.compile(r"(?<![\w.,/\-])((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?![\d.,/\-]?\d)")
# the exclusions follow «س»: «سيطرة», «سيناء», «سيدة», «سيف», «ستار», «سنغافورة» are no «سـ»
# (hollow stems, «ستكون», are listed in temporal.tsv: «سيكانفند» must not count)
_FUTURE_VERB = r"(?<!\w)[وف]?س(?!يطر(?![حدق])|ينا|يد|يف|تار|نغافور)[يتن][^\sاوي]{2,}"


def load_lexicon(
    *,
    temporal_path: Path | None = None,
    numbers_path: Path | None = None,
    named_path: Path | None = None,
) -> Lexicon:
    """temporal.tsv, named_dates.tsv and the cardinals of numbers.tsv (default: the shipped
    files)."""
    path = temporal_path or data_path("temporal.tsv")
    matcher = PhraseMatcher()
    units: dict[str, tuple[str, int, bool]] = {}
    words: dict[str, list[str]] = {
        "count_before": [],
        "approx": [],
        "future": [],
        "general_noun": [],
        "quantity_before": [],
        "year_before": [],
        "counted_noun": [],
        "measure_after": [],
    }
    for number, row in read_tsv(path, ("phrase", "kind", "value"), non_empty=("phrase", "kind")):
        kind, key = row["kind"], " ".join(fold_text(row["phrase"]).split())
        if kind not in KINDS:
            raise KnowledgeBaseError(f"{path}:{number}: unknown kind {kind!r}")
        if kind == "unit":
            letter, count, *plural = [*row["value"].split(":"), ""]
            if letter not in "DWMYH" or not count.isdigit() or plural[0] not in ("", "plural"):
                raise KnowledgeBaseError(
                    f"{path}:{number}: unit value must be like Y:1 or Y:1:plural"
                )
            units[key] = (letter, int(count), plural[0] == "plural")
        elif kind in words:
            words[kind].append(key)
        else:
            matcher.add(key, (kind, _parse_value(kind, row["value"], path, number)))
    matcher.build()
    numbers = _cardinals(numbers_path)
    alt = _alternation
    count = re.compile(
        rf"(?<!\w)[وف]?({alt(words['count_before'])})\s+(?:({alt(words['approx'])})\s+)?"
        rf"(?:(\d+|{alt(numbers)})\s+)?({alt(units)})(?!\w)"
    )
    future = re.compile(rf"(?<!\w)[وف]?(?:{alt(words['future'])})(?!\w)|{_FUTURE_VERB}")
    general = re.compile(rf"(?<!\w)(?:{alt(words['general_noun'])})\s+$")
    quantity = re.compile(rf"(?<!\w)[وف]?(?:{alt(words['quantity_before'])})\s+$")
    return Lexicon(
        matcher, count, units, numbers, future, general, load_named_dates(named_path),
        quantity, frozenset(words["year_before"]), frozenset(words["counted_noun"]),
        frozenset(words["measure_after"]),
    )  # fmt: skip


def _alternation(keys: Any) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def _parse_value(kind: str, value: str, path: Any, number: int) -> Any:
    try:
        if kind in ("weekday", "relday", "decade"):
            return int(value)
        if kind == "period_word":
            return value, 0
        if kind in ("half", "season"):
            first, last = value.split("-")
            return int(first), int(last)
        if kind == "relperiod":
            unit, _, offset = value.partition(":")
            return unit, int(offset)
    except ValueError:
        raise KnowledgeBaseError(f"{path}:{number}: bad value {value!r} for {kind}") from None
    return value


def _cardinals(path: Path | None = None) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, row in read_tsv(path or data_path("numbers.tsv"), ("word", "value", "kind")):
        if row["kind"] == "cardinal" and int(row["value"]) <= 100:
            out[" ".join(fold_text(row["word"]).split())] = int(row["value"])
    return out


def find_atoms(
    folded: str, lexicon: Lexicon, *, bare_years: bool = True, published: date | None = None
) -> list[Atom]:
    """Absolute dates, temporal words, counted spans and years of `folded`, without overlaps.
    A date naming a past event («هجمات 11 سبتمبر») gets the event's year when `published` is
    not older than the event."""
    absolute = find_absolute_dates_folded(folded, bare_months=True, ambiguous_months=True)
    atoms = [Atom(d.start, d.end, "A", lexicon.named.apply(d, folded, published)) for d in absolute]
    for match in lexicon.matcher.find(folded):
        kind, value = match.payloads[0]
        if (
            kind == "relperiod"
            and match.key.startswith("العام")
            and lexicon.general.search(folded, max(0, match.start - 20), match.start)
        ):
            continue  # «الأمين العام الحالي»: the secretary general, not this year
        atoms.append(Atom(match.start, match.end, KINDS[kind], value))
    for match in lexicon.count.finditer(folded):
        atoms.append(Atom(match.start(1), match.end(), "C", match))
    for match in prefiltered(_YEAR_RANGE, _YEAR_START, folded):
        first, last = int(match.group(1)), int(match.group(2))
        if first < last:
            atoms.append(Atom(match.start(), match.end(), "Z", (first, last)))
    if bare_years:
        for match in prefiltered(_YEAR, _YEAR_START, folded):
            if not _quantity(folded, match.start(), match.end(), lexicon):
                atoms.append(Atom(match.start(), match.end(), "Y", int(match.group(1))))
    # a hashtag («#اليمن_اليوم») is a name, not a date
    atoms = [
        a
        for a in atoms
        if folded[a.start - 1 : a.start] != "_" and folded[a.end : a.end + 1] != "_"
    ]
    # an idiom or a name holding a temporal word («بالأمس القريب», «قوى 14 آذار») blocks the
    # atoms inside it, then goes
    return [a for a in _without_overlaps(atoms) if a.sym != "N"]


_NEXT_WORD = re.compile(r"\s+(\w+)")
_LAST_TOKEN = re.compile(r"(?<![^\W\d])\d*([^\W\d]+|\d+)\s*$")


@functools.cache
def _months() -> frozenset[str]:
    return frozenset(month_names())


def _quantity(folded: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a bare four-digit number counts things: «مقتل 2076 مقاتلا», «نحو 1500 شخص».
    A counted noun (`counted_noun` in temporal.tsv) after numbers that end in 11-99 takes the
    accusative «ـا» («مقاتلا», «سجينا»); after a preposition, a month or a word such as «عام»
    or «مطلع» the number is a year whatever follows («في 2022 شخصا» does not occur)."""
    if lexicon.quantity is not None and lexicon.quantity.search(folded, max(0, start - 40), start):
        return True
    before = _LAST_TOKEN.search(folded, max(0, start - 30), start)
    if before is None or before.group(1).isdigit():
        return False  # text start, or a second year («بين 2014 و2015»)
    word = _strip_clitics(before.group(1))
    if word in lexicon.year_before or word in _months():
        return False
    after = _NEXT_WORD.match(folded, end)
    if after is None:
        return False
    noun = after.group(1)
    return (noun.endswith("ا") and noun[:-1] in lexicon.counted) or noun in lexicon.measures


def _strip_clitics(word: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def _without_overlaps(atoms: list[Atom]) -> list[Atom]:
    # longer atoms win; at equal length an absolute date wins over a word of the lexicon
    atoms.sort(key=lambda a: (-(a.end - a.start), a.sym != "A", a.start))
    taken = bytearray(max((a.end for a in atoms), default=0))
    kept: list[Atom] = []
    for atom in atoms:
        if any(taken[atom.start : atom.end]):
            continue
        taken[atom.start : atom.end] = b"\x01" * (atom.end - atom.start)
        kept.append(atom)
    kept.sort(key=lambda a: a.start)
    return kept


def gap_symbol(gap: str) -> str:
    gap = gap.strip()
    if gap in ("", "/"):
        return " "
    if gap in ("،", ","):
        return ","
    if gap == "من":
        return "m"
    if gap == "و":
        return "w"
    if gap in ("الي", "حتي", "-", "–", "وحتي", "والي"):
        return "t"
    return "|"
