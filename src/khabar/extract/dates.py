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

The atoms and grammar are in date_grammar, the resolution in date_resolve.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from ..doc import DateMention, Document
from ..pipeline import BaseStage
from ..text.calendar import parse_iso_date
from ..text.normalize import OffsetMap, fold, fold_text
from .date_grammar import Lexicon, find_atoms, load_lexicon
from .date_resolve import Resolver

__all__ = ["DateStage"]


class DateStage(BaseStage):
    """Finds temporal expressions in `doc.text` and resolves them against the publication date."""

    name: ClassVar[str] = "dates"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "source"})
    assigns: ClassVar[frozenset[str]] = frozenset({"dates"})

    def __init__(self, *, bare_years: bool = True, durations: bool = True):
        self.bare_years = bare_years
        self.durations = durations
        self._lexicon: Lexicon | None = None

    def setup(self) -> None:
        if self._lexicon is None:
            self._lexicon = load_lexicon()

    def __call__(self, doc: Document) -> Document:
        self.setup()
        published = parse_iso_date(doc.source.published or "")
        pub = date.fromisoformat(published) if published else None
        names = _merged(sorted((m.start, m.end) for e in doc.entities for m in e.mentions))
        doc.dates = _outside_names(self.find(doc.text, pub, names), doc)
        return doc

    def find(
        self, text: str, published: date | None, names: Sequence[tuple[int, int]] = ()
    ) -> list[DateMention]:
        """Every temporal expression of `text`, offsets into `text`; `names` are the sorted
        spans of the names in it, whose words are no future verbs («سيرخيو», «ستيفن»)."""
        assert self._lexicon is not None
        folded, mapping = fold(text)
        atoms = find_atoms(folded, self._lexicon, bare_years=self.bare_years, published=published)

        def in_name(offset: int) -> bool:
            at = mapping.to_original(offset)
            k = bisect.bisect_right(names, (at, len(text) + 1)) - 1
            return k >= 0 and names[k][0] <= at < names[k][1]

        resolver = Resolver(folded, published, self._lexicon, atoms, in_name if names else None)
        out: list[DateMention] = []
        for mention in resolver.run():
            if mention.kind == "duration" and not self.durations:
                continue
            _to_original(mention, text, mapping)
            out.append(mention)
        return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping ones joined: one bisection finds the span of an offset."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _outside_names(dates: list[DateMention], doc: Document) -> list[DateMention]:
    """Dates that are not words of a name: «صحيفة الغد», «قناة اليوم», «مدينة 6 أكتوبر»."""
    names = [
        (m.start, m.end)
        for entity in doc.entities
        if entity.type in ("ORG", "LOC")
        for m in entity.mentions
        if m.end - m.start > 0
    ]
    if not names:
        return dates
    return [d for d in dates if not any(s <= d.start and d.end <= e for s, e in names)]


def _to_original(mention: DateMention, text: str, mapping: OffsetMap) -> None:
    mention.start, mention.end = mapping.span(mention.start, mention.end)
    # keep trailing marks that folding deleted («غداً», «1442 هـ») inside the span
    while mention.end < len(text) and text[mention.end] != " " and not fold_text(text[mention.end]):
        mention.end += 1
    mention.text = text[mention.start : mention.end]
