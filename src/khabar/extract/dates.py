"""Temporal expressions, resolved against the publication date.

The text is cut into atoms — absolute dates (khabar.text.calendar), temporal words from
temporal.tsv (weekdays, «أمس», «الأسبوع الماضي», «نهاية», «الماضي» …), counted spans («قبل ثلاثة
أيام», «في غضون 14 شهرا»), bare years, decades — and each atom becomes one letter of a symbol
string, the gaps between atoms one more letter (space, comma, «من», «و», «إلى»). A small grammar of
regular expressions over that string joins atoms into one mention («نهاية شباط/فبراير من العام
الماضي» = fuzzy + date + «من» + period), and a resolver per rule gives its value.

Values: "YYYY-MM-DD" (granularity day), "YYYY-MM" (month), "YYYY" (year), "start/end" (range,
and week for «الأسبوع الماضي», Monday to Sunday), "P…" (duration, ISO 8601). A part of a month
or year («نهاية شباط», «مطلع 2017») keeps the month as its value — "2020-02", "2017-01" — and says
which part in the granularity: early-month, mid-month, late-month, early-year, mid-year,
late-year. Without a publication date relative expressions get value None, resolved False.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from hijridate import Gregorian, Hijri

from ..doc import DateMention, Document
from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..pipeline import BaseStage
from ..text.calendar import (
    AbsoluteDate,
    find_absolute_dates_folded,
    hijri_to_gregorian,
    month_end,
    parse_iso_date,
    shift_months,
    week_range,
    year_for,
)
from ..text.matcher import PhraseMatcher
from ..text.normalize import OffsetMap, fold, fold_text

_KINDS = {
    "weekday": "W", "relday": "D", "relperiod": "P", "period_word": "B", "part": "R", "fuzzy": "F", "half": "H",
    "season": "S", "qualifier": "Q", "decade": "X", "unit": "", "count_before": "",
    "approx": "", "future": "", "general_noun": "",
}  # fmt: skip
_DIRECTIONS = {"past": "past", "next": "next", "current": "current"}
_FUZZY_MONTH = {"early": 1, "mid": 6, "late": 12}

# the grammar: rule name -> pattern over the symbol string (atoms at even positions)
_RULES: list[tuple[str, re.Pattern[str]]] = [
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
class _Atom:
    start: int
    end: int
    sym: str
    data: Any


@dataclass(slots=True)
class _Lexicon:
    matcher: PhraseMatcher
    count: re.Pattern[str]
    units: dict[str, tuple[str, int, bool]]
    numbers: dict[str, int]
    future: re.Pattern[str]
    general: re.Pattern[str]


# a year may carry one proclitic («و2013», «ب2011») but must not sit inside a longer token
_YEAR = re.compile(
    r"(?<![\d.,/\-])(?:(?<!\w)|(?<=(?<!\w)[وبلف]))((?:19|20)\d\d)(?![\d.,/\-]?\d)(?!\s*(?:%|٪))"
)
_YEAR_RANGE = re.compile(r"(?<![\w.,/\-])((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?![\d.,/\-]?\d)")
_DEFINITE_NEXT = re.compile(r"\s+ال\w")
# a future verb only reaches a weekday in its own clause: «وسيستمر الجدل لأن الحكم الصادر الخميس»
_CLAUSE_START = re.compile(
    r"[.!?؟\n؛]|(?<!\w)(?:لان|بعد ان|الذي|التي|الذين|حيث|عندما|بينما|لكن|غير ان)(?!\w)"
)
_FUTURE_VERB = r"(?<!\w)[وف]?س[يتن](?!يطر|ينا|يد|يف|تار|نغافور|ويسر)[^\sاوي]{2,}"
_RANGE_DAY = re.compile(r"(?:(?:بين|من|يومي|ليله|ليل)\s+)?(?:ال)?(\d{1,2})\s*(?:و|الي|حتي|-|–)\s*$")
_BETWEEN = re.compile(r"(?:^|\s)[وف]?(?:بين|ما بين)\s*$")
_FROM = re.compile(r"(?:^|\s)[وف]?(?:من|منذ)\s*$")


def _load_lexicon() -> _Lexicon:
    path = data_path("temporal.tsv")
    matcher = PhraseMatcher()
    units: dict[str, tuple[str, int, bool]] = {}
    words: dict[str, list[str]] = {
        "count_before": [],
        "approx": [],
        "future": [],
        "general_noun": [],
    }
    for number, row in read_tsv(path, ("phrase", "kind", "value"), non_empty=("phrase", "kind")):
        kind, key = row["kind"], " ".join(fold_text(row["phrase"]).split())
        if kind not in _KINDS:
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
    numbers = _cardinals()
    alt = _alternation
    count = re.compile(
        rf"(?<!\w)[وف]?({alt(words['count_before'])})\s+(?:({alt(words['approx'])})\s+)?"
        rf"(?:(\d+|{alt(numbers)})\s+)?({alt(units)})(?!\w)"
    )
    future = re.compile(rf"(?<!\w)[وف]?(?:{alt(words['future'])})(?!\w)|{_FUTURE_VERB}")
    general = re.compile(rf"(?<!\w)(?:{alt(words['general_noun'])})\s+$")
    return _Lexicon(matcher, count, units, numbers, future, general)


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


def _cardinals() -> dict[str, int]:
    out: dict[str, int] = {}
    for _, row in read_tsv(data_path("numbers.tsv"), ("word", "value", "kind")):
        if row["kind"] == "cardinal" and int(row["value"]) <= 100:
            out[" ".join(fold_text(row["word"]).split())] = int(row["value"])
    return out


class DateStage(BaseStage):
    """Finds temporal expressions in `doc.text` and resolves them against the publication date."""

    name: ClassVar[str] = "dates"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "source"})
    assigns: ClassVar[frozenset[str]] = frozenset({"dates"})

    def __init__(self, *, bare_years: bool = True, durations: bool = True):
        self.bare_years = bare_years
        self.durations = durations
        self._lexicon: _Lexicon | None = None

    def setup(self) -> None:
        if self._lexicon is None:
            self._lexicon = _load_lexicon()

    def __call__(self, doc: Document) -> Document:
        self.setup()
        published = parse_iso_date(doc.source.published or "")
        pub = date.fromisoformat(published) if published else None
        doc.dates = self.find(doc.text, pub)
        return doc

    def find(self, text: str, published: date | None) -> list[DateMention]:
        """Every temporal expression of `text`, offsets into `text`."""
        assert self._lexicon is not None
        folded, mapping = fold(text)
        atoms = self._atoms(folded)
        resolver = _Resolver(folded, published, self._lexicon, atoms)
        out: list[DateMention] = []
        for mention in resolver.run():
            if mention.kind == "duration" and not self.durations:
                continue
            _to_original(mention, text, mapping)
            out.append(mention)
        return out

    def _atoms(self, folded: str) -> list[_Atom]:
        assert self._lexicon is not None
        atoms = [
            _Atom(d.start, d.end, "A", d)
            for d in find_absolute_dates_folded(folded, bare_months=True, ambiguous_months=True)
        ]
        for match in self._lexicon.matcher.find(folded):
            kind, value = match.payloads[0]
            if (
                kind == "relperiod"
                and match.key.startswith("العام")
                and self._lexicon.general.search(folded, max(0, match.start - 20), match.start)
            ):
                continue  # «الأمين العام الحالي»: the secretary general, not this year
            atoms.append(_Atom(match.start, match.end, _KINDS[kind], value))
        for match in self._lexicon.count.finditer(folded):
            atoms.append(_Atom(match.start(1), match.end(), "C", match))
        for match in _YEAR_RANGE.finditer(folded):
            first, last = int(match.group(1)), int(match.group(2))
            if first < last:
                atoms.append(_Atom(match.start(), match.end(), "Z", (first, last)))
        if self.bare_years:
            for match in _YEAR.finditer(folded):
                atoms.append(_Atom(match.start(), match.end(), "Y", int(match.group(1))))
        # a hashtag («#اليمن_اليوم») is a name, not a date
        atoms = [
            a
            for a in atoms
            if folded[a.start - 1 : a.start] != "_" and folded[a.end : a.end + 1] != "_"
        ]
        return _without_overlaps(atoms)


def _without_overlaps(atoms: list[_Atom]) -> list[_Atom]:
    # longer atoms win; at equal length an absolute date wins over a word of the lexicon
    atoms.sort(key=lambda a: (-(a.end - a.start), a.sym != "A", a.start))
    taken = bytearray(max((a.end for a in atoms), default=0))
    kept: list[_Atom] = []
    for atom in atoms:
        if any(taken[atom.start : atom.end]):
            continue
        taken[atom.start : atom.end] = b"\x01" * (atom.end - atom.start)
        kept.append(atom)
    kept.sort(key=lambda a: a.start)
    return kept


def _gap_symbol(gap: str) -> str:
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


def _to_original(mention: DateMention, text: str, mapping: OffsetMap) -> None:
    mention.start, mention.end = mapping.span(mention.start, mention.end)
    # keep trailing marks that folding deleted («غداً», «1442 هـ») inside the span
    while mention.end < len(text) and text[mention.end] != " " and not fold_text(text[mention.end]):
        mention.end += 1
    mention.text = text[mention.start : mention.end]


def _iso(day: date) -> str:
    return day.isoformat()


def _span(first: date, last: date) -> str:
    return f"{first.isoformat()}/{last.isoformat()}"


class _Resolver:
    """Applies the grammar to the atom sequence and resolves each mention."""

    def __init__(self, folded: str, published: date | None, lexicon: _Lexicon, atoms: list[_Atom]):
        self.folded = folded
        self.pub = published
        self.lexicon = lexicon
        self.atoms = atoms
        self.seq = "".join(
            atom.sym
            + (_gap_symbol(folded[atom.end : atoms[i + 1].start]) if i + 1 < len(atoms) else "")
            for i, atom in enumerate(atoms)
        )
        self.years: dict[
            tuple[int, int], int
        ] = {}  # (month, day) -> year, from dates written in full

    def run(self) -> list[DateMention]:
        out: list[DateMention] = []
        i = 0
        while i < len(self.atoms):
            mention, last = self._longest(i)
            if mention is None:
                i += 1
                continue
            out.append(mention)
            i = last + 1
        return out

    def _longest(self, i: int) -> tuple[DateMention | None, int]:
        candidates = []
        for name, pattern in _RULES:
            match = pattern.match(self.seq, 2 * i)
            if match:
                candidates.append((match.end(), name))
        for end, name in sorted(candidates, key=lambda c: -c[0]):
            last = (end - 1) // 2
            mention = getattr(self, "_" + name)(self.atoms[i : last + 1])
            if mention is not None:
                # a resolver may use fewer atoms than the rule matched
                while last > i and self.atoms[last].start >= mention.end:
                    last -= 1
                return mention, last
        return None, i

    def _mention(self, atoms: list[_Atom], value: str | None, granularity: str | None, kind: str,
                 start: int | None = None) -> DateMention:  # fmt: skip
        first = atoms[0].start if start is None else start
        resolved = value is not None
        return DateMention(
            first,
            atoms[-1].end,
            self.folded[first : atoms[-1].end],
            value,
            granularity,
            kind,
            resolved,
        )

    # --- absolute dates, possibly partial, fuzzy or qualified ---------------------------

    def _absolute(
        self, atoms: list[_Atom], *, day_range: bool = True, year: int | None = None
    ) -> DateMention | None:
        fuzzy = atoms[0].data if atoms[0].sym == "F" else None
        core = next(a for a in atoms if a.sym == "A")
        tail = atoms[-1] if atoms[-1] is not core else None
        item: AbsoluteDate = core.data
        if item.ambiguous and (tail is None or tail.sym not in "QP"):
            return None  # «مارس» alone is the verb; «مارس الماضي» is March
        if item.calendar == "hijri":
            return self._hijri(atoms, item, tail)
        start = self._range_day_start(core) if fuzzy is None and day_range else None
        if start is not None:
            return self._day_range(atoms, core, start)
        year = (
            item.year
            if item.year is not None
            else year
            if year is not None
            else self._year(item, tail)
        )
        kind = "hijri" if item.calendar == "hijri" else ("fuzzy" if fuzzy else "absolute")
        if year is None:
            return self._mention(atoms, None, _granularity(item, fuzzy), kind)
        if item.day is not None and item.year is None and item.month is not None:
            item = _with_year(item, year)
        if item.month is None:
            if fuzzy:
                return self._mention(
                    atoms, f"{year:04d}-{_FUZZY_MONTH[fuzzy]:02d}", f"{fuzzy}-year", kind
                )
            return self._mention(atoms, f"{year:04d}", "year", kind)
        if item.day is not None and fuzzy is None:
            self.years.setdefault((item.month, item.day), year)
            self.years.setdefault((item.month, 0), year)
            return self._mention(atoms, f"{year:04d}-{item.month:02d}-{item.day:02d}", "day", kind)
        return self._mention(atoms, f"{year:04d}-{item.month:02d}", _granularity(item, fuzzy), kind)

    def _year(self, item: AbsoluteDate, tail: _Atom | None) -> int | None:
        if item.year is not None:
            if item.day is None and item.month is not None:
                self.years.setdefault((item.month, 0), item.year)
            return item.year
        if item.month is None:
            return None
        if item.day is not None and (item.month, 0) in self.years and tail is None:
            return self.years[(item.month, 0)]
        if self.pub is None:
            return None
        if tail is not None and tail.sym == "P" and tail.data[0] == "year":
            return self.pub.year + tail.data[1]
        direction = _DIRECTIONS.get(tail.data) if tail is not None and tail.sym == "Q" else None
        return year_for(self.pub, item.month, item.day, direction)

    def _hijri(self, atoms: list[_Atom], item: AbsoluteDate, tail: _Atom | None) -> DateMention:
        """A Hijri date; a month without a day is the range of Gregorian days it covers."""
        hyear, hmonth, hday = item.hijri or (None, None, None)
        if hmonth is None:
            value = f"{item.year:04d}" if item.year is not None else None
            return self._mention(atoms, value, "year", "hijri")
        if hyear is None and self.pub is not None:
            direction = _DIRECTIONS.get(tail.data) if tail is not None and tail.sym == "Q" else None
            hyear = _hijri_year_for(self.pub, hmonth, hday, direction)
        first = hijri_to_gregorian(hyear, hmonth, hday or 1) if hyear is not None else None
        if first is None:
            return self._mention(atoms, None, "day" if hday else "month", "hijri")
        if hday is not None:
            return self._mention(atoms, _iso(first), "day", "hijri")
        last = first + timedelta(days=Hijri(hyear, hmonth, 1).month_length() - 1)
        return self._mention(atoms, _span(first, last), "month", "hijri")

    def _range_day_start(self, core: _Atom) -> int | None:
        """Start of «15 إلى 17 حزيران» / «29 و30 أيار» / «يومي 4 و5 جوان» before a dated atom."""
        if core.data.day is None:
            return None
        match = _RANGE_DAY.search(self.folded, max(0, core.start - 24), core.start)
        return match.start() if match else None

    def _day_range(self, atoms: list[_Atom], core: _Atom, start: int) -> DateMention:
        match = _RANGE_DAY.search(self.folded, max(0, core.start - 24), core.start)
        assert match is not None
        first_day = int(match.group(1))
        last = self._absolute([core, *atoms[atoms.index(core) + 1 :]], day_range=False)
        mention = self._mention(atoms, None, "range", "range", start=start)
        if last is not None and last.value is not None and len(last.value) == 10:
            end = date.fromisoformat(last.value)
            if 1 <= first_day < end.day:
                mention.value = _span(end.replace(day=first_day), end)
                mention.resolved = True
        return mention

    def _range(self, atoms: list[_Atom]) -> DateMention | None:
        split = next(
            k for k in range(1, len(atoms)) if atoms[k].sym in "AF" and atoms[k - 1].sym in "AQ"
        )
        connector = self.seq[2 * self.atoms.index(atoms[split]) - 1]
        before = self.folded[max(0, atoms[0].start - 12) : atoms[0].start]
        if connector == "w" and not _BETWEEN.search(before):
            return None
        right = self._absolute(atoms[split:], day_range=False)
        right_item: AbsoluteDate = next(a for a in atoms[split:] if a.sym == "A").data
        left_item: AbsoluteDate = next(a for a in atoms[:split] if a.sym == "A").data
        shared = None
        if (
            right is not None
            and right.value
            and left_item.year is None
            and right_item.month is not None
        ):
            shared = int(right.value[:4])
            if left_item.month is not None and left_item.month > right_item.month:
                shared -= 1
        left = self._absolute(atoms[:split], day_range=False, year=shared)
        if left is None or right is None:
            return None
        start = atoms[0].start
        opener = _BETWEEN.search(before) or _FROM.search(before)
        if opener:
            start -= len(before) - opener.start() - (1 if before[opener.start()].isspace() else 0)
        mention = self._mention(atoms, None, "range", "range", start=start)
        first, last = _bounds(left), _bounds(right)
        if first and last and first[0] <= last[1]:
            mention.value = _span(first[0], last[1])
            mention.resolved = True
        return mention

    # --- weekdays and relative days ----------------------------------------------------

    def _weekday(self, atoms: list[_Atom]) -> DateMention | None:
        absolute = next((a for a in atoms if a.sym == "A"), None)
        if absolute is not None:
            inner = self._absolute([absolute], day_range=False)
            if inner is not None and inner.value is not None:
                return self._mention(atoms, inner.value, inner.granularity, "weekday")
        if self.pub is None:
            return self._mention(atoms, None, "day", "weekday")
        relday = next((a for a in atoms if a.sym == "D"), None)
        if relday is not None:
            return self._mention(
                atoms, _iso(self.pub + timedelta(days=relday.data)), "day", "weekday"
            )
        weekday = next(a for a in atoms if a.sym == "W")
        tail = atoms[-1].data if atoms[-1].sym == "Q" else None
        return self._mention(atoms, _iso(self._weekday_date(weekday, tail)), "day", "weekday")

    def _weekday_date(self, weekday: _Atom, qualifier: str | None) -> date:
        assert self.pub is not None
        back = (self.pub.isoweekday() - weekday.data) % 7
        forward = (weekday.data - self.pub.isoweekday()) % 7
        if qualifier == "past":
            return self.pub - timedelta(days=back or 7)
        if qualifier == "next":
            return self.pub + timedelta(days=forward or 7)
        if qualifier is None and forward and self._future_context(weekday.start):
            return self.pub + timedelta(days=forward)
        return self.pub - timedelta(days=back)

    def _future_context(self, position: int) -> bool:
        window = self.folded[max(0, position - 160) : position]
        clause = _CLAUSE_START.split(window)[-1]
        return bool(self.lexicon.future.search(clause))

    def _atom_at_next_word(self, atom: _Atom) -> bool:
        index = self.atoms.index(atom)
        return index + 1 < len(self.atoms) and self.seq[2 * index + 1] == " "

    def _weekday_range(self, atoms: list[_Atom]) -> DateMention | None:
        first, second = (a for a in atoms if a.sym == "W")
        if self.pub is None:
            return self._mention(atoms, None, "range", "range")
        end = self._weekday_date(second, None)
        begin = end - timedelta(days=(second.data - first.data) % 7)
        return self._mention(atoms, _span(begin, end), "range", "range")

    def _relday(self, atoms: list[_Atom]) -> DateMention | None:
        head = atoms[-1]
        # «اليوم الوطني», «اليوم التالي»: a named or event-relative day, not today
        if (
            len(atoms) == 1
            and self.folded[head.start : head.end] == "اليوم"
            and _DEFINITE_NEXT.match(self.folded, head.end)
            and not self._atom_at_next_word(head)
        ):
            return None
        if self.pub is None:
            return self._mention(atoms, None, "day", "relative")
        return self._mention(
            atoms, _iso(self.pub + timedelta(days=atoms[-1].data)), "day", "relative"
        )

    # --- periods, parts of periods, counts ---------------------------------------------

    def _period(self, atoms: list[_Atom]) -> DateMention | None:
        unit, offset = atoms[0].data
        if self.pub is None:
            return self._mention(atoms, None, unit, "relative")
        value, granularity = _period_value(self.pub, unit, offset)
        return self._mention(atoms, value, granularity, "relative")

    def _part(self, atoms: list[_Atom]) -> DateMention | None:
        head, target = atoms[0], atoms[-1]
        year = self._target_year(target)
        if head.sym == "F":
            if target.sym in "PB" and target.data[0] == "month" and self.pub is not None:
                y, m = shift_months(self.pub, target.data[1])
                return self._mention(atoms, f"{y:04d}-{m:02d}", f"{head.data}-month", "fuzzy")
            if year is None:
                return (
                    self._mention(atoms, None, f"{head.data}-year", "fuzzy")
                    if self.pub is None
                    else None
                )
            return self._mention(
                atoms, f"{year:04d}-{_FUZZY_MONTH[head.data]:02d}", f"{head.data}-year", "fuzzy"
            )
        if year is None:
            return None
        first_month, last_month = head.data
        first_year = year - 1 if first_month > last_month else year
        value = _span(date(first_year, first_month, 1), month_end(year, last_month))
        return self._mention(atoms, value, "range", "range")

    def _target_year(self, target: _Atom) -> int | None:
        if target.sym == "Y":
            return target.data
        if target.sym in "PB" and target.data[0] == "year" and self.pub is not None:
            return self.pub.year + target.data[1]
        return None

    def _count(self, atoms: list[_Atom]) -> DateMention | None:
        match: re.Match[str] = atoms[0].data
        word, approx, number, unit_word = match.groups()
        letter, per_word, plural = self.lexicon.units[unit_word]
        index = self.atoms.index(atoms[0])
        named = index + 1 < len(self.atoms) and self.seq[2 * index + 1 : 2 * index + 3] == " A"
        if number is None and (plural or named):
            return None  # «منذ سنوات»: no count, nothing to resolve
        count = (int(number) if number.isdigit() else self.lexicon.numbers[number]) if number else 1
        count *= per_word
        if word in ("قبل", "منذ") and not (word == "منذ" and approx):
            return self._ago(atoms, letter, count)
        prefix = "PT" if letter == "H" else "P"
        return self._mention(atoms, f"{prefix}{count}{letter}", "duration", "duration")

    def _ago(self, atoms: list[_Atom], letter: str, count: int) -> DateMention:
        if self.pub is None:
            return self._mention(atoms, None, None, "relative")
        if letter in "DWH":
            days = {"D": count, "W": 7 * count, "H": 0}[letter]
            return self._mention(atoms, _iso(self.pub - timedelta(days=days)), "day", "relative")
        if letter == "M":
            y, m = shift_months(self.pub, -count)
            return self._mention(atoms, f"{y:04d}-{m:02d}", "month", "relative")
        return self._mention(atoms, f"{self.pub.year - count:04d}", "year", "relative")

    # --- years -------------------------------------------------------------------------

    def _years(self, atoms: list[_Atom]) -> DateMention | None:
        if len(atoms) == 1:
            return self._mention(atoms, f"{atoms[0].data:04d}", "year", "absolute")
        connector = self.seq[2 * self.atoms.index(atoms[1]) - 1]
        before = self.folded[max(0, atoms[0].start - 12) : atoms[0].start]
        if (connector == "w" and not _BETWEEN.search(before)) or atoms[0].data >= atoms[1].data:
            return self._mention(atoms[:1], f"{atoms[0].data:04d}", "year", "absolute")
        value = _span(date(atoms[0].data, 1, 1), date(atoms[1].data, 12, 31))
        return self._mention(atoms, value, "range", "range")

    def _year_range(self, atoms: list[_Atom]) -> DateMention | None:
        first, last = atoms[0].data
        return self._mention(atoms, _span(date(first, 1, 1), date(last, 12, 31)), "range", "range")

    def _decades(self, atoms: list[_Atom]) -> DateMention | None:
        first, last = atoms[0].data, atoms[-1].data
        if last < first:
            return None
        return self._mention(
            atoms, _span(date(first, 1, 1), date(last + 9, 12, 31)), "range", "range"
        )


def _granularity(item: AbsoluteDate, fuzzy: str | None) -> str:
    if fuzzy:
        return f"{fuzzy}-month" if item.month is not None else f"{fuzzy}-year"
    if item.day is not None:
        return "day"
    return "month" if item.month is not None else "year"


def _with_year(item: AbsoluteDate, year: int) -> AbsoluteDate:
    return AbsoluteDate(
        item.start, item.end, year, item.month, item.day, item.calendar, item.text, item.hijri
    )


def _bounds(mention: DateMention | None) -> tuple[date, date] | None:
    """First and last day a resolved date covers."""
    if (
        mention is None
        or mention.value is None
        or "/" in mention.value
        or mention.value.startswith("P")
    ):
        return None
    parts = [int(p) for p in mention.value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), month_end(parts[0], parts[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _hijri_year_for(pub: date, month: int, day: int | None, direction: str | None) -> int | None:
    """The Hijri year of a Hijri month written without one (same rules as `year_for`)."""
    now = Gregorian(pub.year, pub.month, pub.day).to_hijri()
    if direction == "past":
        return now.year if month < now.month else now.year - 1
    if direction == "next":
        return now.year if month > now.month else now.year + 1
    if direction == "current":
        return now.year
    best, best_cost = None, float("inf")
    for year in (now.year - 1, now.year, now.year + 1):
        target = hijri_to_gregorian(year, month, day or 15)
        if target is None:
            continue
        delta = (target - pub).days
        cost = delta * 1.5 if delta > 0 else -delta
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def _period_value(pub: date, unit: str, offset: int) -> tuple[str, str]:
    if unit == "week":
        first, last = week_range(pub, offset)
        return _span(first, last), "week"
    if unit == "month":
        y, m = shift_months(pub, offset)
        return f"{y:04d}-{m:02d}", "month"
    if unit == "year":
        return f"{pub.year + offset:04d}", "year"
    if unit == "days":
        return _span(pub + timedelta(days=offset), pub), "range"
    y, m = shift_months(pub, offset)  # "months": a span of whole months up to publication
    return _span(date(y, m, 1), pub), "range"
