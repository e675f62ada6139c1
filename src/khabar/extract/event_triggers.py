"""Trigger and cue spotting, and the context features that decide whether a trigger is an event.

One pass of each automaton over the folded article gives trigger hits (with their PLOVER
readings) and cue hits (negation, future, legal, report words…). A trigger alone is not an
event: `features()` describes what surrounds it — participants, fresh-report cues, casualty
words, legal or generic frames, negation, modality — and `DetectorModel` turns those into a
probability with a small logistic model whose weights live in `event_detector.tsv`.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..text.matcher import Match, PhraseMatcher
from ..text.normalize import OffsetMap
from .event_context import is_lexical
from .event_lexicon import Cue, TriggerEntry, TriggerForm


@dataclass(slots=True)
class TriggerHit:
    start: int  # original offsets, proclitics excluded
    end: int
    word_start: int
    prefix: str  # folded proclitics
    readings: list[TriggerForm]
    folded: str = ""


@dataclass(slots=True)
class BlockHit:
    start: int
    end: int
    cue: Cue


@dataclass(slots=True)
class CueHit:
    start: int
    end: int
    word_start: int
    kind: str
    value: str


@dataclass(slots=True)
class Candidate:
    """One reading of a trigger hit, with its context."""

    hit: TriggerHit
    entry: TriggerEntry
    passive: bool
    verbal: bool = False
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    bag: frozenset[str] = frozenset()  # the words of the sentence (for the fitted types)
    background: bool = False  # a recalled earlier act (`event_background`), not a fresh report
    # the actors the clause gave, before `RoleFinder.finish`: same-type triggers merge on
    # these, so that the candidates the detector is fitted on do not depend on finishing
    actor_ids: frozenset[str] = frozenset()


def find_triggers(
    matcher: PhraseMatcher, folded: str, offsets: OffsetMap
) -> tuple[list[TriggerHit], list[BlockHit]]:
    hits: list[TriggerHit] = []
    blocks: list[BlockHit] = []
    for match in matcher.find(folded):
        start, end, word_start = _original(match, offsets)
        cues = [p for p in match.payloads if isinstance(p, Cue)]
        if cues:
            blocks.append(BlockHit(start, end, cues[0]))
            continue
        hits.append(
            TriggerHit(start, end, word_start, match.prefix, list(match.payloads), match.key)
        )
    return hits, blocks


def find_cues(matcher: PhraseMatcher, folded: str, offsets: OffsetMap) -> list[CueHit]:
    found = []
    for match in matcher.find(folded):
        start, end, word_start = _original(match, offsets)
        for cue in match.payloads:
            found.append(CueHit(start, end, word_start, cue.kind, cue.value))
    return found


class CueIndex:
    """Cue hits sorted by position, for window queries counted in words."""

    def __init__(self, cues: list[CueHit]):
        self.cues = sorted(cues, key=lambda c: c.start)
        self.starts = [c.start for c in self.cues]

    def between(self, start: int, end: int, kinds: frozenset[str] | None = None) -> list[CueHit]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [c for c in self.cues[lo:hi] if kinds is None or c.kind in kinds]


class Words:
    """Word starts of a span of text, to turn "n words before" into character offsets."""

    def __init__(self, starts: list[int], ends: list[int]):
        self.starts = starts
        self.ends = ends

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def back(self, offset: int, n: int, floor: int) -> int:
        i = self.index(offset) - n
        return max(floor, self.starts[i] if i >= 0 else floor)

    def ahead(self, offset: int, n: int, ceiling: int) -> int:
        i = self.index(offset) + n
        return min(ceiling, self.ends[i] if i < len(self.ends) else ceiling)


FEATURES = (
    "prior", "verb", "passive", "actor", "recipient", "no_participant", "report", "casualty",
    "number_after", "legal", "generic", "future", "hypothetical", "negation", "history",
    "definite_noun", "repeated", "quoted", "place", "year", "imperfect", "question",
    "pluperfect", "fear", "attributed", "prep_noun", "light_verb", "between", "armed_sides", "bare_noun",
    "frame_noun",
    "clause_count", "clause_place", "clause_time", "relative", "plan", "since", "initial",
    "relative_repeated",
)  # fmt: skip


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


class DetectorModel:
    """Logistic model over context features; weights from a TSV file (feature, weight)."""

    def __init__(self, weights: dict[str, float], bias: float, types: frozenset[str] = frozenset()):
        self.bias = bias
        self.types = types  # the event types the weights were fitted on (empty: any)
        # sentence-word weights («s:TYPE:word») apart: a sentence is scored once per type
        self.bags: dict[str, dict[str, float]] = {}
        self.weights: dict[str, float] = {}
        for name, value in weights.items():
            if name.startswith("s:"):
                _, event_type, word = name.split(":", 2)
                self.bags.setdefault(event_type, {})[word] = value
            else:
                self.weights[name] = value

    @classmethod
    def load(cls, path: Path | None = None) -> DetectorModel:
        """Weights per feature; a `trained_types` row (types in the note) scopes the model."""
        path = Path(path) if path else data_path("event_detector.tsv")
        weights: dict[str, float] = {}
        types: frozenset[str] = frozenset()
        for number, row in read_tsv(path, ("feature", "weight"), non_empty=("feature",)):
            if row["feature"] == "trained_types":
                types = frozenset(row.get("note", "").split("|")) - {""}
                continue
            known = row["feature"] in FEATURES or is_lexical(row["feature"])
            if not known and row["feature"] != "bias":
                raise KnowledgeBaseError(f"{path}:{number}: unknown feature {row['feature']!r}")
            try:
                weights[row["feature"]] = float(row["weight"])
            except ValueError:
                raise KnowledgeBaseError(f"{path}:{number}: weight is not a number") from None
        bias = weights.pop("bias", 0.0)
        return cls(weights, bias, types)

    def bag_score(self, event_type: str, bag: frozenset[str]) -> float:
        """The contribution of the sentence's words to the score of `event_type`."""
        weights = self.bags.get(event_type)
        return sum(weights.get(word, 0.0) for word in bag) if weights else 0.0

    def probability(self, features: dict[str, float], event_type: str = "", extra: float = 0.0):
        """P(event); a `bias:TYPE` weight shifts the decision for one type; `extra` is a
        precomputed part of the score (`bag_score`)."""
        z = self.bias + self.weights.get(f"bias:{event_type}", 0.0) + extra
        weights = self.weights
        for key, value in features.items():
            weight = weights.get(key)
            if weight is not None:
                z += weight * value
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _original(match: Match, offsets: OffsetMap) -> tuple[int, int, int]:
    """Start, end and word start of a match in the original text."""
    if not offsets.points:  # about half the articles fold without a change of length
        return match.start, max(match.start, match.end), match.word_start
    start, end = offsets.span(match.start, match.end)
    return start, end, offsets.to_original(match.word_start)
