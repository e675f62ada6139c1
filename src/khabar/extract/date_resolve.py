"""Resolution of temporal expressions against the publication date.

`Resolver` applies the grammar (khabar.extract.date_grammar) to the atom sequence of one text,
takes the longest rule that resolves at each atom, and gives the mention its value.

Values: "YYYY-MM-DD" (granularity day), "YYYY-MM" (month), "YYYY" (year), "start/end" (range,
and week for «الأسبوع الماضي», Monday to Sunday), "P…" (duration, ISO 8601). A part of a month
or year («نهاية شباط», «مطلع 2017») keeps the month as its value — "2020-02", "2017-01" — and says
which part in the granularity: early-month, mid-month, late-month, early-year, mid-year,
late-year. Without a publication date relative expressions get value None, resolved False.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from hijridate import Hijri

from ..doc import DateMention
from ..text.calendar import AbsoluteDate, hijri_to_gregorian, month_end, shift_months, year_for
from .date_grammar import RULES, Atom, Lexicon, gap_symbol
from .date_values import (
    bounds,
    granularity_of,
    hijri_year_for,
    iso_day,
    iso_range,
    period_value,
    with_year,
)

_DIRECTIONS = {"past": "past", "next": "next", "current": "current"}
_FUZZY_MONTH = {"early": 1, "mid": 6, "late": 12}
_DEFINITE_NEXT = re.compile(r"\s+ال\w")
# a future verb only reaches a weekday in its own clause: «وسيستمر الجدل لأن الحكم الصادر الخميس»
_CLAUSE_START = re.compile(
    r"[.!?؟\n؛]|(?<!\w)(?:لان|بعد ان|الذي|التي|الذين|حيث|عندما|بينما|لكن|غير ان)(?!\w)"
)
_RANGE_DAY = re.compile(r"(?:(?:بين|من|يومي|ليله|ليل)\s+)?(?:ال)?(\d{1,2})\s*(?:و|الي|حتي|-|–)\s*$")
_AGE_AFTER = re.compile(r"\s+من\s+(?:ال)?عمر")
_BETWEEN = re.compile(r"(?:^|\s)[وف]?(?:بين|ما بين)\s*$")
_FROM = re.compile(r"(?:^|\s)[وف]?(?:من|منذ)\s*$")


class Resolver:
    """Applies the grammar to the atom sequence and resolves each mention."""

    def __init__(
        self,
        folded: str,
        published: date | None,
        lexicon: Lexicon,
        atoms: list[Atom],
        in_name: Callable[[int], bool] | None = None,
    ):
        """`in_name(offset)`: whether a folded offset lies inside a name («سيرخيو» is no verb)."""
        self.folded = folded
        self.in_name = in_name
        self.pub = published
        self.lexicon = lexicon
        self.atoms = atoms
        self.seq = "".join(
            atom.sym
            + (gap_symbol(folded[atom.end : atoms[i + 1].start]) if i + 1 < len(atoms) else "")
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
        for name, pattern in RULES:
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

    def _mention(self, atoms: list[Atom], value: str | None, granularity: str | None, kind: str,
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
        self, atoms: list[Atom], *, day_range: bool = True, year: int | None = None
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
            return self._mention(atoms, None, granularity_of(item, fuzzy), kind)
        if item.day is not None and item.year is None and item.month is not None:
            item = with_year(item, year)
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
        return self._mention(
            atoms, f"{year:04d}-{item.month:02d}", granularity_of(item, fuzzy), kind
        )

    def _year(self, item: AbsoluteDate, tail: Atom | None) -> int | None:
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

    def _hijri(self, atoms: list[Atom], item: AbsoluteDate, tail: Atom | None) -> DateMention:
        """A Hijri date; a month without a day is the range of Gregorian days it covers."""
        hyear, hmonth, hday = item.hijri or (None, None, None)
        if hmonth is None:
            value = f"{item.year:04d}" if item.year is not None else None
            return self._mention(atoms, value, "year", "hijri")
        if hyear is None and self.pub is not None:
            direction = _DIRECTIONS.get(tail.data) if tail is not None and tail.sym == "Q" else None
            hyear = hijri_year_for(self.pub, hmonth, hday, direction)
        first = hijri_to_gregorian(hyear, hmonth, hday or 1) if hyear is not None else None
        if first is None:
            return self._mention(atoms, None, "day" if hday else "month", "hijri")
        if hday is not None:
            return self._mention(atoms, iso_day(first), "day", "hijri")
        last = first + timedelta(days=Hijri(hyear, hmonth, 1).month_length() - 1)
        return self._mention(atoms, iso_range(first, last), "month", "hijri")

    def _range_day_start(self, core: Atom) -> int | None:
        """Start of «15 إلى 17 حزيران» / «29 و30 أيار» / «يومي 4 و5 جوان» before a dated atom."""
        if core.data.day is None:
            return None
        match = _RANGE_DAY.search(self.folded, max(0, core.start - 24), core.start)
        return match.start() if match else None

    def _day_range(self, atoms: list[Atom], core: Atom, start: int) -> DateMention:
        match = _RANGE_DAY.search(self.folded, max(0, core.start - 24), core.start)
        assert match is not None
        first_day = int(match.group(1))
        last = self._absolute([core, *atoms[atoms.index(core) + 1 :]], day_range=False)
        mention = self._mention(atoms, None, "range", "range", start=start)
        if last is not None and last.value is not None and len(last.value) == 10:
            end = date.fromisoformat(last.value)
            if 1 <= first_day < end.day:
                mention.value = iso_range(end.replace(day=first_day), end)
                mention.resolved = True
        return mention

    def _range(self, atoms: list[Atom]) -> DateMention | None:
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
        first, last = bounds(left), bounds(right)
        if first and last and first[0] <= last[1]:
            mention.value = iso_range(first[0], last[1])
            mention.resolved = True
        return mention

    # --- weekdays and relative days ----------------------------------------------------

    def _weekday(self, atoms: list[Atom]) -> DateMention | None:
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
                atoms, iso_day(self.pub + timedelta(days=relday.data)), "day", "weekday"
            )
        weekday = next(a for a in atoms if a.sym == "W")
        tail = atoms[-1].data if atoms[-1].sym == "Q" else None
        return self._mention(atoms, iso_day(self._weekday_date(weekday, tail)), "day", "weekday")

    def _weekday_date(self, weekday: Atom, qualifier: str | None) -> date:
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
        start = position - len(clause)
        in_name = self.in_name
        return any(
            in_name is None or not in_name(start + m.start())
            for m in self.lexicon.future.finditer(clause)
        )

    def _atom_at_next_word(self, atom: Atom) -> bool:
        index = self.atoms.index(atom)
        return index + 1 < len(self.atoms) and self.seq[2 * index + 1] == " "

    def _weekday_range(self, atoms: list[Atom]) -> DateMention | None:
        first, second = (a for a in atoms if a.sym == "W")
        if self.pub is None:
            return self._mention(atoms, None, "range", "range")
        # by its first night: «ليل الاثنين الثلاثاء» written on a Monday is tonight, not last week
        begin = self._weekday_date(first, None)
        end = begin + timedelta(days=(second.data - first.data) % 7)
        return self._mention(atoms, iso_range(begin, end), "range", "range")

    def _relday(self, atoms: list[Atom]) -> DateMention | None:
        head = atoms[-1]
        # «اليوم الوطني», «اليوم التالي»: a named or event-relative day, not today
        if (
            len(atoms) == 1
            and self.folded[head.start : head.end] in ("اليوم", "ليوم")  # «لليوم التاسع»
            and _DEFINITE_NEXT.match(self.folded, head.end)
            and not self._atom_at_next_word(head)
        ):
            return None
        if self.pub is None:
            return self._mention(atoms, None, "day", "relative")
        return self._mention(
            atoms, iso_day(self.pub + timedelta(days=atoms[-1].data)), "day", "relative"
        )

    # --- periods, parts of periods, counts ---------------------------------------------

    def _period(self, atoms: list[Atom]) -> DateMention | None:
        unit, offset = atoms[0].data
        if self.pub is None:
            return self._mention(atoms, None, unit, "relative")
        value, granularity = period_value(self.pub, unit, offset)
        return self._mention(atoms, value, granularity, "relative")

    def _part(self, atoms: list[Atom]) -> DateMention | None:
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
        value = iso_range(date(first_year, first_month, 1), month_end(year, last_month))
        return self._mention(atoms, value, "range", "range")

    def _target_year(self, target: Atom) -> int | None:
        if target.sym == "Y":
            return target.data
        if target.sym in "PB" and target.data[0] == "year" and self.pub is not None:
            return self.pub.year + target.data[1]
        return None

    def _count(self, atoms: list[Atom]) -> DateMention | None:
        match: re.Match[str] = atoms[0].data
        word, approx, number, unit_word = match.groups()
        letter, per_word, plural = self.lexicon.units[unit_word]
        index = self.atoms.index(atoms[0])
        follows = self.seq[2 * index + 1 : 2 * index + 3] if index + 1 < len(self.atoms) else ""
        if number is None and (plural or follows in (" A", " W")):
            # «منذ سنوات»: no count, nothing to resolve; «منذ يوم الجمعة»: since the day named
            return None
        count = (int(number) if number.isdigit() else self.lexicon.numbers[number]) if number else 1
        count *= per_word
        if word in ("قبل", "منذ") and not (word == "منذ" and approx):
            return self._ago(atoms, letter, count)
        prefix = "PT" if letter == "H" else "P"
        return self._mention(atoms, f"{prefix}{count}{letter}", "duration", "duration")

    def _ago(self, atoms: list[Atom], letter: str, count: int) -> DateMention:
        if self.pub is None:
            return self._mention(atoms, None, None, "relative")
        if letter in "DWH":
            days = {"D": count, "W": 7 * count, "H": 0}[letter]
            return self._mention(atoms, iso_day(self.pub - timedelta(days=days)), "day", "relative")
        if letter == "M":
            y, m = shift_months(self.pub, -count)
            return self._mention(atoms, f"{y:04d}-{m:02d}", "month", "relative")
        return self._mention(atoms, f"{self.pub.year - count:04d}", "year", "relative")

    # --- years -------------------------------------------------------------------------

    def _years(self, atoms: list[Atom]) -> DateMention | None:
        if len(atoms) == 1:
            return self._mention(atoms, f"{atoms[0].data:04d}", "year", "absolute")
        connector = self.seq[2 * self.atoms.index(atoms[1]) - 1]
        before = self.folded[max(0, atoms[0].start - 12) : atoms[0].start]
        if (connector == "w" and not _BETWEEN.search(before)) or atoms[0].data >= atoms[1].data:
            return self._mention(atoms[:1], f"{atoms[0].data:04d}", "year", "absolute")
        value = iso_range(date(atoms[0].data, 1, 1), date(atoms[1].data, 12, 31))
        return self._mention(atoms, value, "range", "range")

    def _year_range(self, atoms: list[Atom]) -> DateMention | None:
        first, last = atoms[0].data
        return self._mention(
            atoms, iso_range(date(first, 1, 1), date(last, 12, 31)), "range", "range"
        )

    def _decades(self, atoms: list[Atom]) -> DateMention | None:
        first, last = atoms[0].data, atoms[-1].data
        if last < first or _AGE_AFTER.match(self.folded, atoms[-1].end):
            return None  # «في الثمانينات من العمر»: an age
        return self._mention(
            atoms, iso_range(date(first, 1, 1), date(last + 9, 12, 31)), "range", "range"
        )
