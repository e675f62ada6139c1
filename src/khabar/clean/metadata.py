"""The metadata stage: language check, title, outlet, wire agency, dateline city, publication date.

Inputs: `doc.text`, the reader's `doc.title` / `doc.source` (url, published) and the source
lines the clean stage split out (`doc.source.source_lines`). The outlet: the reader's site name
(canonical spelling when known), else the URL host when known (the publisher is certain), else
the dateline or a credit at the end; the agency from the dateline, else from a credit at the end. The date: reader metadata, else the dateline's
date, else the first full date in the first paragraph.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import ClassVar

from ..doc import Document, Source, SourceLine
from ..errors import NoContent, NotArabic
from ..pipeline import BaseStage
from ..text.calendar import find_absolute_dates, parse_iso_date
from ..text.lang import guess_language
from ..text.normalize import fold_text
from .sources import SourceNames, load_source_names

# a publication stamp heads the body on a line of its own («الأحد 12 يوليو 2015»); a date
# inside the first sentence is what the story tells («بتاريخ 23/07/2015», «في 11 سبتمبر
# 2001»), and taking it would shift every relative date of the article
_DATE_LINE_LIMIT = 80
_DATE_LINE_LEFT = 3  # letters a stamp line may hold besides its dates and stamp words
_STAMP_WORDS = frozenset(
    fold_text(word)
    for word in (
        *("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"),
        *("يوم", "الموافق", "تاريخ", "بتاريخ", "النشر", "نشر", "نشرت", "آخر", "تحديث", "في"),
        *("م", "هـ", "ه"),
    )
)
# a date in the article's address, as news sites file their pages: «/2015/07/20/»,
# «/Issues/20150720/», «-2021-07-02-»; never inside a longer number (an article id)
_URL_DATE = re.compile(
    r"(?<![\d])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])"
)
# readers give the same few dates again and again
_iso_date = functools.lru_cache(maxsize=4096)(parse_iso_date)


class MetadataStage(BaseStage):
    name: ClassVar[str] = "metadata"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"source", "title"})

    def __init__(self, *, min_arabic_share: float = 0.6, min_arabic_letters: int = 20):
        self.min_arabic_share = min_arabic_share
        self.min_arabic_letters = min_arabic_letters
        self._names: SourceNames | None = None

    def setup(self) -> None:
        if self._names is None:
            self._names = load_source_names()

    def __call__(self, doc: Document) -> Document:
        self.setup()
        self._check_language(doc)
        if doc.title is not None:
            doc.title = " ".join(doc.title.split()) or None
        source = doc.source
        top = [line for line in source.source_lines if line.where == "top"]
        self._outlet(source)
        self._agency(source)
        if top and top[0].city and source.dateline is None:
            source.dateline = top[0].city
        self._published(doc, top)
        return doc

    def _check_language(self, doc: Document) -> None:
        if not doc.text.strip():
            raise NoContent(f"document {doc.id} has no text after cleaning")
        guess = guess_language(
            doc.text, min_share=self.min_arabic_share, min_letters=self.min_arabic_letters
        )
        doc.source.language = guess.language
        if not guess.is_arabic:
            if "not-arabic" not in doc.flags:
                doc.flags.append("not-arabic")
            if guess.language in ("fa", "ur"):
                why = (
                    f"Arabic script, but {'Persian' if guess.language == 'fa' else 'Urdu'} letters"
                )
            elif guess.arabic_share >= self.min_arabic_share:
                why = f"too little text: {guess.letters} letters"
            else:
                why = f"{guess.arabic_share:.0%} Arabic letters, looks like {guess.language!r}"
            raise NotArabic(
                f"document {doc.id} is not Arabic ({why})", hint="khabar reads Arabic news only"
            )

    def _outlet(self, source: Source) -> None:
        assert self._names is not None
        if source.outlet:  # a reader's site name: spelled the canonical way when known
            known = self._names.outlet(source.outlet)
            source.outlet = known.name if known else source.outlet
            return
        outlet = self._names.outlet_for_url(source.url)
        if outlet is None:
            lines = sorted(source.source_lines, key=lambda line: line.where != "top")
            names = (self._names.outlet(name) for line in lines for name in line.outlets)
            outlet = next((o for o in names if o is not None), None)
        if outlet is not None:
            source.outlet = outlet.name

    def _agency(self, source: Source) -> None:
        assert self._names is not None
        if source.agency:
            return
        ordered = sorted(source.source_lines, key=lambda line: line.where != "top")
        for line in ordered:
            for written in line.agencies:
                agency = self._names.agency(written)
                if agency is not None and agency.name is not None:
                    source.agency, source.agency_ar = agency.name, written
                    return

    def _published(self, doc: Document, top: list[SourceLine]) -> None:
        source = doc.source
        if source.published:
            normalised = _iso_date(source.published)
            if normalised:
                source.published = normalised
                source.published_from = source.published_from or "reader"
                return
        for line in top:
            found = _full_date(line.date_text or "")
            if found:
                source.published, source.published_from = found, "dateline"
                return
        found = url_date(source.url)
        if found:
            source.published, source.published_from = found, "url"
            return
        found = _date_line(doc.text[:_DATE_LINE_LIMIT].split("\n", 1)[0])
        source.published = found
        source.published_from = "text" if found else None


def url_date(url: str | None) -> str | None:
    """The publication date a news site writes in the page's address, if any (its path, not
    the host: «aleqt.com/2015/07/20/article_974922.html» -> 2015-07-20)."""
    if not url:
        return None
    path = url.split("//", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer(path):
        year, _, month, day = match.groups()
        try:
            found = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if found <= date.today():
            return found.isoformat()
    return None


def _full_date(text: str) -> str | None:
    if not text:
        return None
    for item in find_absolute_dates(text):
        if item.year is not None and item.month is not None and item.day is not None:
            return item.iso
    return None


def _date_line(line: str) -> str | None:
    """The full date a short line holds when the line is little else than that date."""
    if len(line) >= _DATE_LINE_LIMIT:
        return None
    items = find_absolute_dates(line)
    rest = line
    for item in items:
        rest = rest[: item.start] + " " * (item.end - item.start) + rest[item.end :]
    words = [w for w in re.findall(r"[^\W\d_]+", fold_text(rest)) if w not in _STAMP_WORDS]
    if sum(map(len, words)) > _DATE_LINE_LEFT:
        return None
    return next(
        (i.iso for i in items if i.year is not None and i.month is not None and i.day is not None),
        None,
    )
