"""Word windows that follow the sentence's structure, and two readings of a trigger from the
words next to it.

How far a required complement or a sense cue may stand is counted in words, but a name is read
as one word («شددت دولة الإمارات العربية المتحدة … على ضرورة»), a date as none («زار الأتراك
الأحد مدافن») and a relative clause set between commas as one («تعهد أردوغان الذي أعيد انتخابه
…، بالملاحقة»): `UnitWords.ahead`. A verb right after an indefinite noun describes it
(`describes_noun`: «قرارات تدين الاحتلال»), and a noun an attack verb takes as its object is
the target, not an act (`attacked`: «استهدفت الغارات تجمعات وتعزيزات»).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from typing import Protocol

from .event_background import imperfect_form
from .event_triggers import Candidate, Words

PARTICLE_WINDOW = 4  # words (a name is one) after a verb in which its required particle stands
RELATIVE_SPAN = 120  # characters: the longest relative clause read as an inserted one
ATTACKED_WINDOW = 4  # words between an attack verb and a noun it takes as its target
_NAME_REACH = 120  # characters: no name is longer
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})
_RELATIVE_WORD = re.compile(r"(?<!\S)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان)(?!\S)")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
# a word, an imperfect verb and at most two words (its object) before «و» + the trigger
_FIRST_VERB_BEFORE = re.compile(r"(\S+)\s+[يت][^\s\d]{2,}\s+(?:\S+\s+){0,2}$")
_PREP_WORD_BEFORE = re.compile(r"(?<!\S)[وف]?(?:عن|على|في|من|إلى|الى|مع|بعد|قبل|خلال)\s+$")
# a word with a noun's ending (ة, not the pronoun ه) and no article («قرارات», «عنصرية»,
# «مسؤولين»): an indefinite noun or adjective
_INDEFINITE_NOUN = re.compile(r"(?!(?:ال|وال|فال|بال|لل|كال))[^\W\d_]{2,}(?:ات|ة|ين|ون)")


class Spans:
    """Spans by position, to ask where the span covering an offset ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.spans = ordered
        self.starts = [s for s, _ in ordered]
        # the furthest end of the spans starting at or before each one: a span covers an
        # offset if one that starts before it reaches past it
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def any_from(self, start: int, end: int) -> bool:
        """Does a span start in [start, end)?"""
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end

    def between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that start in [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.spans[lo:hi]

    def end_at(self, offset: int) -> int:
        """The end of the longest span covering `offset` (else `offset`)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return max(offset, self.reach[i]) if i >= 0 else offset


class MentionSpans(Spans):
    """The spans of mention rows already sorted by start (`MentionIndex.rows`: the mention
    is the fourth field), read in place: nothing is built for a document whose windows
    hold no name."""

    def __init__(self, starts: list[int], rows: list):
        self.starts = starts
        self.rows = rows

    def between(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [(row[0], row[3].end) for row in self.rows[lo:hi]]

    def end_at(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        end, rows = offset, self.rows
        while i >= 0 and rows[i][0] > offset - _NAME_REACH:
            end = max(end, rows[i][3].end)
            i -= 1
        return end


class _HasSpans(Protocol):
    names: Spans
    dates: Spans


class UnitWords:
    """The words of a sentence counted as units: a name is one, a date none, a relative
    clause closed by a comma one."""

    def __init__(self, text: str, words: Words, spans: _HasSpans):
        self.text = text
        self.words = words
        self.spans = spans  # built on the first question only

    def ahead(self, offset: int, n: int, ceiling: int) -> int:
        """The end of the `n`th unit after `offset` (at most `ceiling`)."""
        plain = self.words.ahead(offset, n, ceiling)
        text, names, dates = self.text, self.spans.names, self.spans.dates
        if not (
            names.any_from(offset, plain)
            or dates.any_from(offset, plain)
            or _RELATIVE_WORD.search(text, offset, plain)
        ):
            return plain  # every word is a unit
        words = self.words
        starts, ends = words.starts, words.ends
        # the units that open at a word of the window: word index -> (end, words it counts)
        units: dict[int, tuple[int, int]] = {}
        for start, end in names.between(offset, ceiling):
            k = words.index(start)
            if k not in units or units[k][0] < end:
                units[k] = (end, 1)
        for start, end in dates.between(offset, ceiling):
            units[words.index(start)] = (end, 0)
        for match in _RELATIVE_WORD.finditer(text, offset, ceiling):
            k = words.index(match.start())
            units.setdefault(k, (self._relative_end(match.start(), ceiling), 1))
        i, last = words.index(offset), len(starts) - 1
        while n > 0 and i < last and starts[i + 1] < ceiling:
            i += 1
            covered, count = units.get(i, (0, 1))
            n -= count
            while i < last and starts[i + 1] < covered:
                i += 1
        return min(ceiling, ends[i] if n == 0 else ceiling)

    def _relative_end(self, start: int, ceiling: int) -> int:
        """The end of a relative clause closed by a comma (else `start`: the pronoun is one
        word)."""
        comma = self.text.find("،", start, min(ceiling, start + RELATIVE_SPAN))
        return comma + 1 if comma > 0 else start


def particle(required: str) -> bool:
    """A required word that is a particle («في», «على»): it must stand as a word of its own."""
    return len(required) <= 2 and not required.endswith("-")


@functools.lru_cache(maxsize=512)
def split_requires(
    requires: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """The required words of a trigger by how they are found: contained in a word, opening a
    word (a proclitic, «ب-»), or standing as a particle."""
    plain = tuple(r for r in requires if not particle(r) and not r.endswith("-"))
    stems = tuple(r for r in requires if r.endswith("-"))
    return plain, stems, frozenset(r for r in requires if particle(r))


def describes_noun(text: str, cand: Candidate, spans: _HasSpans) -> bool:
    """«قرارات تدين الاحتلال», «أسس عنصرية ترفض التنوع»: an imperfect verb right after an
    indefinite common noun describes it (a clause without «التي»); it tells no act. After a
    name («أنقرة تدين») the verb has its subject."""
    hit = cand.hit
    if not cand.verbal or hit.prefix not in ("", "و") or not imperfect_form(cand):
        return False
    if hit.prefix:  # «تنبذ الآخر وترفض التنوع»: the second verb of a describing pair
        match = _FIRST_VERB_BEFORE.search(text, max(0, hit.word_start - 80), hit.word_start)
    else:
        match = _WORD_BEFORE.search(text, max(0, hit.word_start - 30), hit.word_start)
    if match is None or not _INDEFINITE_NOUN.fullmatch(match.group(1)):
        return False
    return spans.names.end_at(match.start()) == match.start()  # a name is a subject


def attacked(text: str, cand: Candidate, attack_ends: list[int], window_start: int) -> bool:
    """«استهدفت الغارات تجمعات وتعزيزات للمليشيات»: a noun an attack verb ending at or after
    `window_start` takes as its object is the target, not an act of its own; after a
    preposition («فجرت نفسها وعن اعتقال 7») it opens another phrase."""
    hit = cand.hit
    if cand.verbal or not attack_ends or "ب" in hit.prefix or "ل" in hit.prefix:
        return False
    if _PREP_WORD_BEFORE.search(text, max(0, hit.word_start - 8), hit.word_start):
        return False
    return any(window_start <= end <= hit.word_start for end in attack_ends)


# agreement nouns whose complement names what is agreed on («اتفاقية تعاون», «مذكرة تفاهم
# للتعاون»)
_AGREEMENT_BEFORE = re.compile(
    r"(?<!\S)[وفبل]?(?:ال)?(?:اتفاق|اتفاقا|اتفاقية|اتفاقيات|اتفاقات|مذكرة|مذكرات|معاهدة|معاهدات"
    r"|بروتوكول|تفاهم|ميثاق|وثيقة|عقد|عقود|برنامج)\s+$"
)
_TOPIC_TYPES = frozenset({"COOPERATE"})


def agreement_topic(text: str, cand: Candidate) -> bool:
    """«وقع البلدان اتفاق تعاون عسكري»: a cooperation noun right after an agreement noun is
    what the agreement is about, not an act of its own (the signing is the event)."""
    hit = cand.hit  # a form that reads as a verb too («تعاون») is the noun there
    if cand.entry.type not in _TOPIC_TYPES or hit.prefix not in ("", "ل", "لل"):
        return False
    return bool(_AGREEMENT_BEFORE.search(text, max(0, hit.word_start - 16), hit.word_start))
