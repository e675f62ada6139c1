"""Dates that name a past event: «هجمات 11 سبتمبر» is 11 September 2001, not this year's.

A day and month written without a year are read as the nearest such date to the publication;
after a head noun that names an event («هجمات», «ثورة», «حرب») they are that event's date. The
table is data (named_dates.tsv). It applies only when the article is not older than the event,
so «هجوم 7 أكتوبر» in a 2015 article stays a 2015 date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..text.calendar import AbsoluteDate
from ..text.normalize import fold_text

NAMED_DATES_FILE = "named_dates.tsv"
_DATE = re.compile(r"(\d\d)(?:-(\d\d))?")
_LAST_WORD = re.compile(r"(\w+)\s+$")
_PROCLITICS = re.compile(r"^(?:[وف]?لل|[وف]?[بلك]?(?:ال)?)")


@dataclass(slots=True)
class NamedDates:
    # (head noun folded without article, month, day or None) -> the event's date
    events: dict[tuple[str, int, int | None], date] = field(default_factory=dict)

    def apply(self, found: AbsoluteDate, folded: str, published: date | None) -> AbsoluteDate:
        """`found` with the event's year when the word before it names an event; else as is."""
        if not self.events or found.year is not None or found.month is None:
            return found
        word = _LAST_WORD.search(folded, max(0, found.start - 30), found.start)
        if word is None:
            return found
        head = word.group(1)
        event = self.events.get((head, found.month, found.day))
        stripped = _PROCLITICS.sub("", head)
        if event is None and stripped != head and len(stripped) >= 3:
            event = self.events.get((stripped, found.month, found.day))
        if event is None or (published is not None and published < event):
            return found
        return replace(found, year=event.year)


def load_named_dates(path: Path | None = None) -> NamedDates:
    """named_dates.tsv (default: the shipped file)."""
    path = path or data_path(NAMED_DATES_FILE)
    table = NamedDates()
    for number, row in read_tsv(path, ("heads", "date", "year"), non_empty=("heads", "date")):
        parts = _DATE.fullmatch(row["date"])
        if parts is None or not row["year"].isdigit():
            raise KnowledgeBaseError(f"{path}:{number}: date must be MM-DD or MM, year a number")
        month = int(parts.group(1))
        day = int(parts.group(2)) if parts.group(2) else None
        try:
            when = date(int(row["year"]), month, day or 1)
        except ValueError:
            raise KnowledgeBaseError(f"{path}:{number}: no such date {row['date']}") from None
        for head in row["heads"].split("|"):
            key = fold_text(head.strip())
            if not key or " " in key:
                raise KnowledgeBaseError(f"{path}:{number}: a head is one word: {head!r}")
            table.events[(key, month, day)] = when
    return table
