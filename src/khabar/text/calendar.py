"""Absolute calendar dates in Arabic text: month names of every family, Hijri, numeric dates.

Public API:

- `find_absolute_dates(text, *, bare_months=False) -> list[AbsoluteDate]`: every written
  calendar date with offsets into `text` (matching runs on `fold(text)` and is mapped back).
  Forms: day-month-year, month-year, day-month («11 أيلول/سبتمبر»), ordinal days («الأول من
  أيار»), years with a marker («عام 2001», «2021م», «2021ء», «1442هـ», «1442 هجرية»), numeric
  dates (02/07/2021 read day/month/year, 2021-07-02). Month names come from months.tsv:
  Levantine (كانون الثاني…), Egyptian/Gulf (يناير…), Maghrebi (جانفي…), Moroccan, Hijri; paired
  names «شباط/فبراير», «فبراير (شباط)» are one mention. `bare_months=True` also returns a month
  name alone (no day, no year) — what relative-date resolution needs («في آذار الماضي»).
- `find_absolute_dates_folded(folded, *, bare_months=False)`: the same on already folded text,
  offsets and `text` in the folded string (for stages that fold once).
- `parse_iso_date(value) -> "YYYY-MM-DD" | None`: normalises a date given as metadata
  (ISO 8601 with or without time, 20210702, 2021/07/02, RFC 2822 from feeds, or Arabic text).
- `month_names() -> dict[str, tuple[int, str, bool]]`: folded month name -> (month, calendar,
  ambiguous).

`AbsoluteDate.year/month/day` are always Gregorian. A Hijri date is converted with hijridate;
its original reading is kept in `hijri` (year, month, day). A Hijri month without a day maps to
the Gregorian month of its 15th day; a Hijri year alone to the Gregorian year of its middle.
Fields that the text does not give stay None.
"""

from __future__ import annotations

import calendar as _gregorian
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from .matcher import Match, PhraseMatcher
from .normalize import fold, fold_text

CALENDARS = ("gregorian", "hijri")


@dataclass(slots=True)
class AbsoluteDate:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    calendar: str  # gregorian | hijri (the calendar the text is written in)
    text: str
    hijri: tuple[int | None, int | None, int | None] | None = None
    ambiguous: bool = False  # a bare month name that is also a common word («مارس», «رمضان»)

    @property
    def iso(self) -> str | None:
        """YYYY-MM-DD, YYYY-MM or YYYY, as far as the date is known; None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(slots=True, frozen=True)
class _Month:
    month: int
    calendar: str
    ambiguous: bool


@dataclass(slots=True)
class _Tables:
    months: dict[str, _Month]
    matcher: PhraseMatcher
    ordinals: dict[str, int]
    left_day: re.Pattern[str]


_YEAR_SUFFIX = r"(?:ء|م|ه|هجريه|ميلاديه|للميلاد|للهجره)(?!\w)"
_RIGHT_YEAR = re.compile(
    r"\s*[,،]?\s*(?:من\s+)?(?:(?:ال|ل|لل)?(?:عام|سنه)\s+)?(\d{4})(?!\d)(\s*" + _YEAR_SUFFIX + ")?"
)
_PAIR_GAP = re.compile(r"\s*[/(\\\-–]?\s*")
_PAIR_CLOSE = re.compile(r"\s*\)")
_LEFT_SHAHR = re.compile(r"(?<!\w)[وبل]?شهر\s+$")
# a four-digit number is found first (fast), then its marker is checked around it
_FOUR_DIGITS = re.compile(r"(?<![\d/.\-])\d{4}(?!\d)")
_YEAR_WORD_BEFORE = re.compile(r"(?<!\w)[وبلف]?(?:ال|ل|لل)?(?:عام|سنه)\s+$")
_YEAR_SUFFIX_AFTER = re.compile(r"\s?" + _YEAR_SUFFIX)
# «للعام الدراسي 1436 / 1437هـ»: the mark after the second year of a pair dates both
_HIJRI_PAIR_AFTER = re.compile(r"\s*/\s*1[34]\d\d\s?ه")
# day/month/year or year-month-day, told apart by which end has four digits
# («1 /9 /2015»: a slash may have a space on one side, the same each time)
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,4})( ?/ ?|[.\-])(\d{1,2})\2(\d{1,4})(?![\d/.\-]?\d)")
# where a match of the pattern above can start (see `prefiltered`)
_FOUR_DIGITS_START = re.compile(r"\d{4}")
_NUMERIC_START = re.compile(r"\d+(?= ?[/.\-] ?\d)")


def prefiltered(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, found faster.

    A pattern that opens with a lookbehind is tried at every position of the text; `starts`
    (no lookbehind, so the regex engine can skip ahead) must match wherever `pattern` can
    start, and where it starts inside an earlier match of `starts`, `pattern` must fail:
    e.g. `\\d{4}` for a number that must not follow a digit."""
    end = 0
    for candidate in starts.finditer(text):
        position = candidate.start()
        if position < end:
            continue
        match = pattern.match(text, position)
        if match is not None:
            yield match
            end = max(match.end(), position + 1)


def _load_tables(*, months_path: Path | None = None, numbers_path: Path | None = None) -> _Tables:
    months: dict[str, _Month] = {}
    path = months_path or data_path("months.tsv")
    for number, row in read_tsv(
        path, ("month", "calendar", "name", "ambiguous"), non_empty=("month", "calendar", "name")
    ):
        if (
            row["calendar"] not in CALENDARS
            or not row["month"].isdigit()
            or not 1 <= int(row["month"]) <= 12
        ):
            raise KnowledgeBaseError(
                f"{path}:{number}: bad month or calendar {row['month']!r} {row['calendar']!r}"
            )
        key = " ".join(fold_text(row["name"]).split())
        entry = _Month(int(row["month"]), row["calendar"], row["ambiguous"] == "1")
        old = months.get(key)
        if old is not None and (old.month, old.calendar) != (entry.month, entry.calendar):
            raise KnowledgeBaseError(
                f"{path}:{number}: {row['name']!r} already names another month"
            )
        if old is None or entry.ambiguous:
            months[key] = entry
    # «ديسمبرمن»: a preposition glued to the month name is a common typo
    matcher = PhraseMatcher(suffixes=("من",))
    for key, entry in months.items():
        matcher.add(key, entry)
    matcher.build()
    ordinals = _load_ordinals(path=numbers_path)
    alternation = "|".join(sorted((re.escape(k) for k in ordinals), key=len, reverse=True))
    left_day = re.compile(
        r"(?:(?<![\d/.\-])(\d{1,2})|(?<!\w)(" + alternation + r"))\s*(?:من\s+)?(?:شهر\s+)?$"
    )
    return _Tables(months, matcher, ordinals, left_day)


def _load_ordinals(*, path: Path | None = None) -> dict[str, int]:
    path = path or data_path("numbers.tsv")
    out: dict[str, int] = {}
    for number, row in read_tsv(path, ("word", "value", "kind"), non_empty=("word", "kind")):
        if row["kind"] != "ordinal":
            continue
        if not row["value"].isdigit() or not 1 <= int(row["value"]) <= 31:
            raise KnowledgeBaseError(
                f"{path}:{number}: ordinal day must be 1-31, got {row['value']!r}"
            )
        out[" ".join(fold_text(row["word"]).split())] = int(row["value"])
    return out


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    return _load_tables()


def month_names() -> dict[str, tuple[int, str, bool]]:
    """Folded month name -> (month number, calendar, ambiguous)."""
    return {k: (v.month, v.calendar, v.ambiguous) for k, v in _tables().months.items()}


def find_absolute_dates(text: str, *, bare_months: bool = False) -> list[AbsoluteDate]:
    """Every absolute date written in `text`, with offsets into `text`, in text order."""
    folded, mapping = fold(text)
    out = find_absolute_dates_folded(folded, bare_months=bare_months)
    for item in out:
        item.start, item.end = mapping.span(item.start, item.end)
        while item.end < len(text) and not fold_text(text[item.end]):
            item.end += 1  # trailing marks that folding deleted («هـ», tanwin)
        item.text = text[item.start : item.end]
    return out


def find_absolute_dates_folded(
    folded: str, *, bare_months: bool = False, ambiguous_months: bool = False
) -> list[AbsoluteDate]:
    """Like `find_absolute_dates` on folded text; offsets and text are the folded ones.

    `ambiguous_months=True` (with `bare_months`) also returns bare month names that are common
    words, flagged `ambiguous`, for a caller that checks the context («رمضان المقبل»).
    """
    tables = _tables()
    found: list[AbsoluteDate] = []
    for group in _month_groups(folded, tables.matcher.find(folded)):
        item = _month_date(folded, group, tables, bare_months, ambiguous_months)
        if item is not None:
            found.append(item)
    found.extend(_numeric_dates(folded))
    found.extend(_year_only(folded))
    return _without_overlaps(found)


def _month_groups(folded: str, matches: list[Match]) -> list[list[Match]]:
    """Month names written as a pair («شباط/فبراير», «فبراير (شباط)») form one group."""
    groups: list[list[Match]] = []
    for match in matches:
        if groups and len(groups[-1]) == 1:
            prev = groups[-1][0]
            same = prev.payloads[0].calendar == match.payloads[0].calendar
            gap = _PAIR_GAP.fullmatch(folded, prev.end, match.word_start)
            if same and gap and prev.payloads[0].month == match.payloads[0].month:
                groups[-1].append(match)
                continue
        groups.append([match])
    return groups


def _month_date(
    folded: str, group: list[Match], tables: _Tables, bare_months: bool, ambiguous_months: bool
) -> AbsoluteDate | None:
    entry: _Month = group[0].payloads[0]
    start, end = group[0].start, group[-1].end
    if len(group) > 1 and "(" in folded[group[0].end : group[1].start]:
        close = _PAIR_CLOSE.match(folded, end)
        end = close.end() if close else end
    day = None
    left = tables.left_day.search(folded, max(0, start - 40), start)
    if left:
        day = int(left.group(1)) if left.group(1) else tables.ordinals[left.group(2)]
        start = left.start(1) if left.group(1) else left.start(2)
    year = None
    right = _RIGHT_YEAR.match(folded, end)
    if right and _plausible_year(int(right.group(1)), entry.calendar, bool(right.group(2))):
        year = int(right.group(1))
        end = right.end()
    if day is None and year is None:
        shahr = _LEFT_SHAHR.search(folded, max(0, start - 10), start)
        unsure = entry.ambiguous and len(group) == 1 and not shahr
        if not bare_months or (unsure and not ambiguous_months):
            return None
        if unsure:
            item = _build(folded, start, end, entry.calendar, year, entry.month, day)
            if item is not None:
                item.ambiguous = True
            return item
    return _build(folded, start, end, entry.calendar, year, entry.month, day)


def _plausible_year(year: int, calendar: str, marked: bool) -> bool:
    if calendar == "hijri":
        return 1300 <= year <= 1600
    return 1000 <= year <= 2999 if marked else 1900 <= year <= 2099


def _build(
    folded: str,
    start: int,
    end: int,
    calendar: str,
    year: int | None,
    month: int | None,
    day: int | None,
) -> AbsoluteDate | None:
    text = folded[start:end]
    if calendar == "hijri":
        return _from_hijri(start, end, text, year, month, day)
    if day is not None and not 1 <= day <= _days_in(year, month):
        return None
    return AbsoluteDate(start, end, year, month, day, "gregorian", text)


def _days_in(year: int | None, month: int | None) -> int:
    if month is None:
        return 31
    return _gregorian.monthrange(year if year is not None else 2000, month)[1]


def _from_hijri(
    start: int, end: int, text: str, year: int | None, month: int | None, day: int | None
) -> AbsoluteDate | None:
    if day is not None and not 1 <= day <= 30:
        return None
    item = AbsoluteDate(start, end, None, None, None, "hijri", text, (year, month, day))
    if year is None:
        return item
    gregorian = hijri_to_gregorian(year, month or 6, day or 15)
    if gregorian is not None:
        item.year = gregorian.year
        if month is not None:
            item.month = gregorian.month
            item.day = gregorian.day if day is not None else None
    return item


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date, or None outside hijridate's range."""
    from hijridate import Hijri

    try:
        return date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _numeric_dates(folded: str) -> list[AbsoluteDate]:
    out: list[AbsoluteDate] = []
    for match in prefiltered(_NUMERIC, _NUMERIC_START, folded):
        first, last = match.group(1), match.group(4)
        if len(first) == 4 and len(last) <= 2:
            year, month, day = int(first), int(match.group(3)), int(last)
        elif len(last) == 4 and len(first) <= 2:
            year, month, day = int(last), int(match.group(3)), int(first)
        else:
            continue
        if 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= _days_in(year, month):
            item = AbsoluteDate(match.start(), match.end(), year, month, day, "gregorian", "")
            item.text = match.group()
            out.append(item)
    return out


def _year_only(folded: str) -> list[AbsoluteDate]:
    out: list[AbsoluteDate] = []
    for digits in prefiltered(_FOUR_DIGITS, _FOUR_DIGITS_START, folded):
        word = _YEAR_WORD_BEFORE.search(folded, max(0, digits.start() - 12), digits.start())
        after = _YEAR_SUFFIX_AFTER.match(folded, digits.end())
        if word is None and after is None:
            continue
        start = word.start() if word else digits.start()
        end = after.end() if after else digits.end()
        year, suffix = int(digits.group()), (after.group().strip() if after else "")
        hijri = suffix.startswith("ه") or suffix == "للهجره"
        hijri = hijri or (not suffix and _HIJRI_PAIR_AFTER.match(folded, digits.end()) is not None)
        if hijri and 1300 <= year <= 1600:
            item = _from_hijri(start, end, folded[start:end], year, None, None)
        elif not hijri and _plausible_year(year, "gregorian", True):
            item = AbsoluteDate(start, end, year, None, None, "gregorian", folded[start:end])
        else:
            continue
        if item is not None:
            out.append(item)
    return out


def _without_overlaps(items: list[AbsoluteDate]) -> list[AbsoluteDate]:
    items.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[AbsoluteDate] = []
    for item in items:
        if out and item.start < out[-1].end:
            if item.end - item.start > out[-1].end - out[-1].start:
                out[-1] = item
            continue
        out.append(item)
    return out


_ISO = re.compile(r"^\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s_])")


def parse_iso_date(value: str) -> str | None:
    """`value` as YYYY-MM-DD, or None when it holds no complete, valid date."""
    if not value or not value.strip():
        return None
    match = _ISO.match(value)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        pass
    for item in find_absolute_dates(value):
        if item.day is not None and item.year is not None:
            return item.iso
    return None


# --- arithmetic used to resolve relative dates ------------------------------------------


def shift_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) `months` months away from the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, _gregorian.monthrange(year, month)[1])


def week_range(day: date, weeks: int) -> tuple[date, date]:
    """Monday and Sunday of the ISO week `weeks` weeks away from the week of `day`."""
    from datetime import timedelta

    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return monday, monday + timedelta(days=6)


def year_for(
    published: date, month: int, day: int | None = None, direction: str | None = None
) -> int:
    """The year of a month (and day) written without one, as news reports mean it.

    direction "past" («الماضي»): the last such month before the current one; "next" («المقبل»):
    the first after it; "current" («الجاري»): this year. Otherwise the occurrence nearest to
    publication, a future one counting 1.5 times as far, since news mostly reports the past.
    """

    def target(year: int) -> date:
        return date(year, month, min(day or 15, _gregorian.monthrange(year, month)[1]))

    year = nearest_year(published, (published.year, published.month), month, direction, target)
    return published.year if year is None else year


def nearest_year(
    published: date,
    current: tuple[int, int],
    month: int,
    direction: str | None,
    target: Callable[[int], date | None],
) -> int | None:
    """`year_for` in any calendar: `current` is (year, month) of publication in that calendar,
    `target(year)` the Gregorian day a candidate year puts the month on (None: no such day)."""
    year, now_month = current
    if direction == "past":
        return year if month < now_month else year - 1
    if direction == "next":
        return year if month > now_month else year + 1
    if direction == "current":
        return year
    best, best_cost = None, float("inf")
    for candidate in (year - 1, year, year + 1):
        day = target(candidate)
        if day is None:
            continue
        delta = (day - published).days
        cost = delta * 1.5 if delta > 0 else -delta
        if cost < best_cost:
            best, best_cost = candidate, cost
    return best
