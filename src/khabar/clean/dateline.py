"""Find and split the dateline / source line at the start of an article body.

Forms handled (and their mixtures): «( أردو بوینت نتورك ۔ / سبوتنيك - 02 يوليو 2021ء)»,
«القاهرة - (أ ف ب) -», «بيروت – رويترز:», «واشنطن (سي إن إن) --», «لندن: «الشرق الأوسط»»,
«الرياض - واس», «دبي - سكاي نيوز عربية», «عين اليوم – أبوظبي /», «سبق- الدمام:», the SPA form
«بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس», and bylines alone on a short line
(«محمد العلي – الطائف», when the first word is a known given name).

The line prefix is read as parts separated by dashes, colons or slashes: bracketed groups,
known outlet/agency names (kb/data/outlets.tsv, agencies.tsv), dates and short unknown parts
(a city, or an author before the outlet). The dateline is the longest run of parts that names
a source and ends at a separator, a closing bracket or the end of the line. `parse_credit`
reads a credit that only names sources («فرانس24/ أ ف ب», «(واج)») at the end of a text.
Matching runs on folded text; results are reported as written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..doc import SourceLine
from ..text.normalize import OffsetMap, fold, fold_text
from .sources import SourceNames

_SCAN_LIMIT = 300  # a dateline is short: never look further into a (possibly huge) line
# a slash between two letters joins paired months («آذار/مارس»); elsewhere it separates
_SEP = re.compile(r"[ \t]*(?:(?:--|[-–—:|]|(?<![^\W\d_])/|/(?![^\W\d_])|\.(?=[\s)»\"”]|$))[ \t]*)+")
_WORDS = re.compile(
    r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+(?:[ \t]+[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+){0,2}"
    r"(?=[ \t]*(?:--|[-–—:/|(«\"“]))"
)
_WORD = r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+"
_SHORT_LINE = 60  # a line this short may be a dateline or a byline all by itself
# «عين اليوم – جدة»: on a short line of its own, the city may end the line
_WORDS_AT_END = re.compile(rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}(?=[ \t.]*$)")
_BYLINE = re.compile(
    rf"[ \t]*(?P<author>{_WORD}(?:[ \t]+{_WORD}){{1,2}})"
    rf"(?:{_SEP.pattern}(?P<city>{_WORD}(?:[ \t]+{_WORD}){{0,2}}))?[ \t.]*$"
)
_DATE = re.compile(
    r"\d{1,4}[ \t]*(?:[^\s\d()«»\"“”/\-–—:|]+[ \t]*(?:/[ \t]*[^\s\d()«»]+[ \t]*)?)?\d{0,4}\S?"
)
_BRACKETS = {"(": ")", "«": "»", '"': '"', "“": "”"}
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class _Part:
    kind: str  # name | date | unknown
    start: int  # in the folded prefix
    end: int
    bracketed: bool = False
    inner: list[_Part] = field(default_factory=list)


class DatelineParser:
    """Recognises the dateline at the start of a line (built once per worker)."""

    def __init__(self, names: SourceNames, given_names: frozenset[str] = frozenset()):
        self.names = names
        self.given_names = given_names  # folded; «عمر إبراهيم – عين اليوم» is a byline
        alternatives = sorted({_variant_pattern(v) for v in names.variants}, key=len, reverse=True)
        name = "(?:" + "|".join(alternatives) + r")(?![^\W\d_])"
        self._name = re.compile(name, re.IGNORECASE)
        # the SPA form «بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس»: no separators
        self._spaced = re.compile(
            rf"\s*(?P<city>{_WORD}(?:[ \t]+{_WORD})?)[ \t]*(?P<date>\d{{1,2}}[ \t]+[^\n]{{3,60}}?"
            rf"\d{{4}}(?:[ \t]*(?:ه|م)(?![^\W\d_]))?)[ \t]+(?P<name>{name})[ \t]*[-:]?[ \t]*$",
            re.IGNORECASE,
        )

    def parse(self, line: str) -> tuple[SourceLine, int] | None:
        """The dateline at the start of `line` and the offset where the body resumes."""
        head = line[:_SCAN_LIMIT]
        # a tatweel between spaces is a dash («الرياضي ـ جدة»); folding would delete it
        folded, mapping = fold(head.replace(" ـ ", " - "))

        def original(part: _Part) -> str:
            start, stop = mapping.span(part.start, part.end)
            return head[start:stop].strip(" \t.")

        spaced = self._spaced.match(folded) if len(line) <= _SCAN_LIMIT else None
        if spaced:
            parts = [_Part(kind, *spaced.span(kind)) for kind in ("city", "date", "name")]
            parts[0].kind = "unknown"
            return self._source_line(head, len(head), parts, original), len(line)
        parts, ends = self._scan(folded, whole=len(line) <= _SHORT_LINE)
        stop = self._accept(parts, ends, folded)
        if stop is None:
            return self._byline(line, folded, mapping) if len(line) <= _SHORT_LINE else None
        used = parts[: stop + 1]
        end = mapping.to_original(ends[stop]) if ends[stop] < len(folded) else len(head)
        flat = [p for part in used for p in (part.inner or [part])]
        for part in flat:
            part.kind = "unknown" if part.kind == "city_at_end" else part.kind
        self._places_named_like_outlets(flat, folded)
        return self._source_line(head, end, flat, original), end

    def _byline(self, line: str, folded: str, mapping: OffsetMap) -> tuple[SourceLine, int] | None:
        """«ناصر الجديع» or «غالب السهلي – بريدة» alone on a line: the author (and the city)."""
        match = _BYLINE.match(folded)
        if match is None or match.group("author").split()[0] not in self.given_names:
            return None
        city = None
        if match.group("city"):
            city = line[slice(*mapping.span(*match.span("city")))]
        return SourceLine(text=line.strip(), city=city), len(line)

    def parse_credit(self, text: str) -> SourceLine | None:
        """A credit that only names sources («فرانس24/ أ ف ب», «(واج)», «سكاي نيوز»)."""
        stripped = text.strip().strip('()«»"“”').strip()
        if not stripped or len(stripped) > 80:
            return None
        folded, mapping = fold(stripped)
        pieces = [p.strip(" \t.") for p in _SEP.split(folded)]
        if not all(pieces) or not all(self._name.fullmatch(p) for p in pieces):
            return None
        outlets, agencies = [], []
        for piece in pieces:
            (agencies if self.names.agency(piece) else outlets).append(piece)
        # report the names as written: map each folded piece back to the original text
        written = []
        for match in re.finditer("|".join(re.escape(p) for p in pieces), folded):
            start, end = mapping.span(*match.span())
            written.append(stripped[start:end])
        by_fold = dict(zip(pieces, written, strict=False))
        return SourceLine(
            text=text.strip(),
            outlets=[by_fold.get(p, p) for p in outlets],
            agencies=[by_fold.get(p, p) for p in agencies],
            where="bottom",
        )

    def _source_line(self, head: str, end: int, flat: list[_Part], original) -> SourceLine:
        outlets, agencies = [], []
        for part in flat:
            if part.kind == "name":
                text = original(part)
                (agencies if self.names.agency(text) else outlets).append(text)
        dates = [original(p) for p in flat if p.kind == "date"]
        return SourceLine(
            text=head[:end].strip(),
            city=self._city(flat, original),
            outlets=outlets,
            agencies=agencies,
            date_text=dates[0] if dates else None,
        )

    def _city(self, flat: list[_Part], original) -> str | None:
        """An unknown part after a name is the city; one before it is, unless it is a byline."""
        first_name = next((i for i, p in enumerate(flat) if p.kind == "name"), len(flat))
        after = [original(p) for p in flat[first_name:] if p.kind == "unknown"]
        if after:
            return after[0]
        before = [original(p) for p in flat[:first_name] if p.kind == "unknown"]
        if not before:
            return None
        words = fold_text(before[0]).split()
        if len(words) >= 2 and words[0] in self.given_names:
            return None  # «عمر إبراهيم – عين اليوم»: the author, not a place
        return before[0]

    def _scan(self, folded: str, whole: bool = False) -> tuple[list[_Part], list[int]]:
        """Parts and, for each, the offset after the separator that follows it (-1: none)."""
        parts: list[_Part] = []
        ends: list[int] = []
        pos = len(folded) - len(folded.lstrip())
        while len(parts) < 6 and pos < len(folded):
            part = self._part(folded, pos, whole)
            if part is None:
                break
            parts.append(part)
            sep = _SEP.match(folded, part.end)
            if sep and sep.end() > part.end:
                pos = sep.end()
                ends.append(pos)
                continue
            rest = folded[part.end :]
            following = rest.lstrip(" \t")[:1]
            if following == "(" and not part.bracketed and len(parts) == 1:
                pos = len(folded) - len(rest.lstrip(" \t"))  # «واشنطن (سي إن إن) --»
                ends.append(-1)
                continue
            if not rest.strip():
                ends.append(len(folded))
            elif part.bracketed and rest[:1].isspace() and self._may_end_bare(folded, parts, ends):
                ends.append(part.end + len(rest) - len(rest.lstrip()))
            else:
                ends.append(-1)
            break
        return parts, ends

    @staticmethod
    def _may_end_bare(folded: str, parts: list[_Part], ends: list[int]) -> bool:
        """A group followed by the body with no separator: «(رويترز) قال», «لندن: «الشرق الأوسط» أكد»;
        a lone quoted name is more often the subject («"سبق" تكشف»)."""
        if len(parts) == 1:
            return folded[parts[0].start] == "("
        return ends[-1] >= 0

    def _part(self, folded: str, pos: int, whole: bool = False) -> _Part | None:
        opener = folded[pos]
        if opener in _BRACKETS:
            close = folded.find(_BRACKETS[opener], pos + 1, pos + 160)
            if close < 0:
                return None
            inner = self._inner(folded, pos + 1, close)
            if not inner:
                return None
            return _Part("group", pos, close + 1, True, inner)
        match = self._name.match(folded, pos)
        if match:
            return _Part("name", pos, match.end())
        match = _DATE.match(folded, pos)
        if match and re.search(r"\d{4}", match.group()):
            return _Part("date", pos, match.end())
        match = _WORDS.match(folded, pos)
        if match:
            return _Part("unknown", pos, match.end())
        match = _WORDS_AT_END.match(folded, pos) if whole else None
        if match:
            return _Part("city_at_end", pos, match.end())
        return None

    def _inner(self, folded: str, start: int, end: int) -> list[_Part]:
        """Split a bracketed group into parts; every piece must be known or short."""
        parts: list[_Part] = []
        pos = start
        for sep in [*_SEP.finditer(folded, start, end), None]:
            stop = sep.start() if sep else end
            piece = folded[pos:stop]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                first = pos + lead
                parts.append(_Part(self._kind(piece), first, first + len(piece)))
            if sep:
                pos = sep.end()
        return parts

    def _kind(self, piece: str) -> str:
        match = self._name.fullmatch(piece.rstrip("."))
        if match:
            return "name"
        if re.search(r"\d{4}", piece) and len(piece.split()) <= 6:
            return "date"
        return "unknown" if len(piece.split()) <= 3 and _LETTER.search(piece) else "bad"

    def _accept(self, parts: list[_Part], ends: list[int], folded: str) -> int | None:
        """Index of the last part of the dateline, or None when there is no dateline."""
        best = None
        seen_name = False
        unknown = 0
        for index, part in enumerate(parts):
            kinds = [p.kind for p in part.inner] if part.bracketed else [part.kind]
            if "bad" in kinds or ("city_at_end" in kinds and (unknown or index != 1)):
                break  # a city ending the line only in «عين اليوم – جدة»
            if "unknown" in kinds and unknown and not seen_name:
                break  # two unknown parts need a name between them (author - outlet - city)
            unknown += kinds.count("unknown")
            seen_name = seen_name or "name" in kinds
            if unknown > 2:
                break
            if seen_name and ends[index] >= 0 and self._plausible(parts[: index + 1], folded):
                best = index
        return best

    def _plausible(self, parts: list[_Part], folded: str) -> bool:
        # a lone plain outlet name («الوطن:») opens ordinary sentences too often
        if len(parts) > 1 or parts[0].bracketed:
            return True
        return self.names.agency(folded[parts[0].start : parts[0].end]) is not None

    def _places_named_like_outlets(self, flat: list[_Part], folded: str) -> None:
        """«الرياض - واس»: an outlet named like a place is the city when another source is named."""
        places, real = [], 0
        for part in flat:
            if part.kind != "name":
                continue
            key = folded[part.start : part.end]
            outlet = self.names.outlet(key)
            if outlet is not None and outlet.place:
                places.append(part)
            elif (agency := self.names.agency(key)) is None or agency.name is not None:
                real += 1
        if real and places:
            places[0].kind = "unknown"


def _variant_pattern(variant: str) -> str:
    folded, _ = fold(variant)
    pieces = [p for p in re.split(r"[\s.\-]+", folded) if p]
    return r"[\s.\-]*".join(re.escape(p) for p in pieces)
