"""Lexical context of a trigger: the words around it, as sparse features for the detector.

Hand features (`event_triggers.FEATURES`) say whether a trigger has an actor, a casualty
word, a legal frame…; they miss the many small signals a reader uses («نجا من», «ذكرى»,
«منذ», «شرطة مكافحة»…). The detector therefore also sees the trigger's lemma and the
words of a small window around it, each folded and stripped of the article and the
conjunction so that «والمتظاهرين» and «متظاهرين» are one feature. The weights of these
features are learned (scripts/train_event_detector.py); only frequent words get one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from operator import itemgetter

from ..text.normalize import fold_text

WINDOW = 5  # words each side of the trigger
NEAR = 2  # the nearest words also get a side-specific feature
LEXICAL_PREFIXES = ("t:", "w:", "b:", "a:", "s:", "bias:")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")
# light stemming: inflectional endings and pronoun enclitics, longest first
_SUFFIXES = ("تين", "تان", "هما", "ات", "ون", "ين", "ان", "وا", "ها", "هم", "ه", "ة", "ي", "ا", "ت")


fold_word = functools.lru_cache(maxsize=65536)(fold_text)  # words repeat: fold each once


# token -> (normalised word, stem): words repeat across sentences and articles
_FORMS: dict[str, tuple[str, str]] = {}
_FORMS_LIMIT = 200_000


def _token_forms(tokens: list[str]) -> list[tuple[str, str]]:
    """The forms of tokens; those not seen before are folded in one call (folding is per
    character and keeps newlines, which tokens never hold)."""
    forms = _FORMS
    missing = set(tokens).difference(forms)
    if missing:
        if len(forms) > _FORMS_LIMIT:
            forms.clear()
            missing = set(tokens)
        ordered = list(missing)
        for token, folded in zip(ordered, fold_text("\n".join(ordered)).split("\n"), strict=True):
            word = _number(token) if token.isdigit() else norm_word(folded)
            forms[token] = (word, stem(word))
    return list(map(forms.__getitem__, tokens))


def norm_word(word: str) -> str:
    """A folded word without its article or «و + article» («والقوات» → «قوات»)."""
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            return word[len(clitic) :]
    if word.startswith("و") and len(word) >= 5:
        return word[1:]
    return word


class SentenceWords:
    """The normalised words of one sentence, with their original start offsets."""

    def __init__(self, text: str, start: int, end: int):
        self.starts, _, tokens = match_bounds(_TOKEN, text, start, end)
        forms = _token_forms(tokens)
        self.words: list[str] = list(map(itemgetter(0), forms))
        self.stems: list[str] = list(map(itemgetter(1), forms))
        self.bag = frozenset(self.words) | frozenset(self.stems)

    def features(self, type_: str, lemma: str, word_start: int, end: int) -> dict[str, float]:
        """Trigger lemma, window words (either side) and the nearest words (side-specific),
        named per event type, since a word near a protest trigger says something else than
        near an attack trigger. The words of the whole sentence (`bag`) are scored apart,
        once per sentence (`DetectorModel.bag_score`)."""
        first = bisect.bisect_left(self.starts, word_start)
        last = bisect.bisect_left(self.starts, end)  # one past the trigger's words
        feats: dict[str, float] = {f"t:{type_}:{fold_text(lemma)}": 1.0}
        for i in range(max(0, first - WINDOW), first):
            for word in (self.words[i], self.stems[i]):
                feats[f"w:{type_}:{word}"] = 1.0
                if first - i <= NEAR:
                    feats[f"b:{type_}:{word}"] = 1.0
        for i in range(last, min(len(self.words), last + WINDOW)):
            for word in (self.words[i], self.stems[i]):
                feats[f"w:{type_}:{word}"] = 1.0
                if i - last < NEAR:
                    feats[f"a:{type_}:{word}"] = 1.0
        return feats


def match_bounds(
    pattern: re.Pattern[str], text: str, start: int, end: int
) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and texts of the matches of `pattern` in text[start:end] (no groups,
    anchors, lookarounds or empty matches). One `split` by the pattern in a group gives the
    matches and the gaps between them, whose lengths give the offsets: one scan of the text
    and no Python loop over match objects."""
    grouped = _GROUPED.get(pattern)
    if grouped is None:
        grouped = _GROUPED[pattern] = re.compile(f"({pattern.pattern})", pattern.flags)
    pieces = grouped.split(text[start:end])
    if len(pieces) == 1:
        return [], [], []
    bounds = list(itertools.accumulate(map(len, pieces), initial=start))
    return bounds[1:-1:2], bounds[2::2], pieces[1::2]


_GROUPED: dict[re.Pattern[str], re.Pattern[str]] = {}


def _number(token: str) -> str:
    """Numbers as two classes: a year («#y», often background) and any other count («#»)."""
    return "#y" if len(token) == 4 and token[:2] in ("19", "20") else "#"


def stem(word: str) -> str:
    """The word without one inflectional ending («هجمات» → «هجم», «قتلوا» → «قتل»)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# features that speak against a report: the sentence has them only if every candidate has
# them (one trigger in a relative clause does not make the main-clause one background)
MIN_POOLED = frozenset({"relative", "plan", "since"})


def pool(candidates: list[dict[str, float]]) -> dict[str, float]:
    """The features of several candidates as one: the largest value of each, the smallest
    of the `MIN_POOLED` ones (absent counts as 0)."""
    out: dict[str, float] = {}
    for feats in candidates:
        for key, value in feats.items():
            if value > out.get(key, float("-inf")):
                out[key] = value
    if len(candidates) > 1:
        for key in MIN_POOLED.intersection(out):
            out[key] = min(feats.get(key, 0.0) for feats in candidates)
    return out


def is_lexical(name: str) -> bool:
    return name.startswith(LEXICAL_PREFIXES)
