"""Clitic-aware multi-pattern matching over folded Arabic text (pyahocorasick).

Phrases are folded like the text, so «أميركا» finds «امريكا»-style spellings only if both
are listed, but alef, ya, ta marbuta, digits and Persian letters never get in the way.
A match must start at a word start, possibly after proclitics (و ف ب ل ك س and «ال»,
with «لل» standing for ل + ال), and end at a word end, possibly before enclitics when the
matcher allows them (pronoun suffixes on verbs and verbal nouns).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from .normalize import fold_text

_LETTER_RANGES = ((0x0621, 0x064A), (0x0660, 0x0669), (0x066E, 0x06D3), (0x06FA, 0x06FF))

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")
FUTURE = ("", "س")
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ي", "ك", "كن")


@functools.lru_cache(maxsize=8192)  # called for every candidate edge: a few hundred distinct chars
def is_letter(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _LETTER_RANGES) or char.isalpha()


@dataclass(slots=True, frozen=True)
class Match:
    start: int  # in the folded text, after any proclitic
    end: int
    word_start: int  # where the whole word starts (clitics included)
    key: str
    payloads: tuple[Any, ...]
    prefix: str  # the proclitics that were stripped


class PhraseMatcher:
    """Finds listed phrases in folded text, longest match first, without overlaps."""

    def __init__(
        self,
        *,
        allow_article: bool = False,
        allow_future: bool = False,
        suffixes: Iterable[str] = (),
    ):
        self.allow_article = allow_article
        self.allow_future = allow_future
        self.suffixes = frozenset(fold_text(s) for s in suffixes)
        self._automaton = ahocorasick.Automaton()
        self._payloads: dict[str, list[Any]] = {}
        self._built = False
        self._prefixes = self._proclitic_set()

    def _proclitic_set(self) -> frozenset[str]:
        combos = set()
        for conj in CONJUNCTIONS:
            for prep in PREPOSITIONS:
                combos.add(conj + prep)
            if self.allow_future:
                combos.add(conj + "س")
        if self.allow_article:
            combos |= {c + "ال" for c in combos if not c.endswith("ل")} | {
                c + "ل" for c in CONJUNCTIONS
            }
        return frozenset(combos)

    def add(self, phrase: str, payload: Any) -> None:
        key = " ".join(fold_text(phrase).split())
        if not key:
            return
        self._payloads.setdefault(key, []).append(payload)
        self._built = False

    def __len__(self) -> int:
        return len(self._payloads)

    def build(self) -> None:
        automaton = ahocorasick.Automaton()
        for key, payloads in self._payloads.items():
            automaton.add_word(key, (key, tuple(payloads), False))
            if key.startswith("ال") and len(key) > 3:
                # «للناتو» = ل + «الناتو»: the article's alef is dropped after ل
                contracted = "ل" + key[1:]
                automaton.add_word(contracted, (key, tuple(payloads), True))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        self._built = True

    def find(self, folded: str) -> list[Match]:
        """Leftmost-longest, non-overlapping matches that respect word boundaries."""
        if not self._built:
            self.build()
        if not len(self._automaton):
            return []
        # one loop over every key occurrence the automaton reports, checks inlined: this runs
        # for every dictionary lookup of every stage
        letters = _LETTERS
        suffixes = self.suffixes
        prefixes = self._prefixes
        size = len(folded)
        candidates: list[Match] = []
        for end_index, (key, payloads, contracted) in self._automaton.iter(folded):
            end = end_index + 1
            if end < size and letters[folded[end]]:
                if not suffixes:
                    continue  # the key ends inside a word
                word_end = end
                while word_end < size and letters[folded[word_end]]:
                    word_end += 1
                if folded[end:word_end] not in suffixes:
                    continue
            start = end - len(key)
            word_start = start
            while word_start > 0 and letters[folded[word_start - 1]] and start - word_start <= 4:
                word_start -= 1
            if word_start > 0 and letters[folded[word_start - 1]]:
                continue
            prefix = folded[word_start:start]
            if contracted:
                if prefix not in ("", "و", "ف"):
                    continue
                prefix += "ل"
                start += 1  # the span starts after the preposition ل
            elif prefix and (prefix not in prefixes or (prefix[-1] == "ل" and key[:2] == "ال")):
                continue  # «لالناتو» is not Arabic
            candidates.append(Match(start, end, word_start, key, payloads, prefix))
        return _select_longest(candidates)


class _Letters(dict):
    """char -> is_letter(char), filled as characters are met (a dict lookup is cheapest)."""

    def __missing__(self, char: str) -> bool:
        flag = is_letter(char)
        self[char] = flag
        return flag


_LETTERS = _Letters()


def _select_longest(candidates: list[Match]) -> list[Match]:
    # the automaton reports matches by their end: when none overlaps, all are kept as they are
    last_end = -1
    for match in candidates:
        if match.start < last_end:
            break
        last_end = match.end
    else:
        return candidates
    # longest first among overlapping ones, then leftmost
    taken = bytearray(max((m.end for m in candidates), default=0))
    chosen: list[Match] = []
    for match in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(taken[match.start : match.end]):
            chosen.append(match)
            taken[match.start : match.end] = b"\x01" * (match.end - match.start)
    chosen.sort(key=lambda m: m.start)
    return chosen
