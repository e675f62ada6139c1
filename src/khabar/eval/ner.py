"""Named-entity evaluation on CoNLL files (token<TAB>BIO tag, blank line between sentences).

Protocol (/work/shared/eval/README.md, ner part): each sentence is its own document, its tokens
joined by single spaces. A predicted mention covers every token its character span overlaps;
an entity is (first token, last token, type). Exact-match precision, recall and F1 per type,
micro-averaged over PER, ORG and LOC (the headline); MISC is reported apart.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from ..doc import Document, Token
from ..errors import KhabarError
from ..extract.crf import tags_to_spans
from ..pipeline import BaseStage, Pipeline

HEADLINE_TYPES = ("PER", "ORG", "LOC")
ALL_TYPES = (*HEADLINE_TYPES, "MISC")

Sentence = tuple[list[str], list[str]]
Predictor = Callable[[str, list[Token]], list[tuple[int, int, str]]]


def read_conll(path: Path | str) -> list[Sentence]:
    """Sentences as (words, tags); a line without a tag counts as O."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    sentences.append((words, tags))
                    words, tags = [], []
                continue
            word, _, tag = line.partition("\t")
            if not word.strip():
                continue
            words.append(word.strip())
            tags.append(tag.strip() or "O")
    if words:
        sentences.append((words, tags))
    return sentences


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score_spans(gold: set[tuple], pred: set[tuple]) -> dict[str, Any]:
    """Exact-match scores; items are (sentence, first token, last token, type)."""
    types: dict[str, dict[str, float | int]] = {}
    for kind in ALL_TYPES:
        g = {item for item in gold if item[-1] == kind}
        p = {item for item in pred if item[-1] == kind}
        types[kind] = _prf(len(g & p), len(p - g), len(g - p))
    micro = _prf(*(sum(int(types[k][key]) for k in HEADLINE_TYPES) for key in ("tp", "fp", "fn")))
    return {"types": types, "micro": micro}


def covered_tokens(
    starts: list[int], ends: list[int], start: int, end: int
) -> tuple[int, int] | None:
    """First and last token a character span overlaps, or None."""
    first = bisect.bisect_right(ends, start)  # first token ending after the span starts
    last = bisect.bisect_left(starts, end) - 1  # last token starting before the span ends
    return (first, last) if first <= last else None


def evaluate_conll(
    path: Path,
    *,
    pipeline: Any = None,
    limit: int | None = None,
    start_fraction: float = 0.0,
) -> dict[str, Any]:
    """Score a system on a CoNLL file.

    `pipeline`: a khabar Pipeline, the string "crf" for the CRF tagger alone, or None for the
    full entity stage (sentences → entities → coref), falling back to the CRF when that stage
    cannot be built (the result's `note` says so).
    """
    sentences = read_conll(path)
    sentences = sentences[int(len(sentences) * start_fraction) :]
    if limit is not None:
        sentences = sentences[:limit]
    system, predict, note = _make_predictor(pipeline)
    gold: set[tuple] = set()
    pred: set[tuple] = set()
    failures = 0
    started = time.perf_counter()
    for i, (words, tags) in enumerate(sentences):
        text, tokens = _join(words)
        gold |= {(i, *span) for span in tags_to_spans(tags)}
        try:
            found = predict(text, tokens)
        except KhabarError:
            failures += 1
            continue
        pred |= {(i, *span) for span in _to_token_spans(found, tokens)}
    seconds = time.perf_counter() - started
    result = score_spans(gold, pred)
    result.update(
        system=system,
        sentences=len(sentences),
        failures=failures,
        seconds=round(seconds, 2),
        note=note,
        path=str(path),
        start_fraction=start_fraction,
    )
    return result


def _join(words: list[str]) -> tuple[str, list[Token]]:
    tokens: list[Token] = []
    pos = 0
    for word in words:
        tokens.append(Token(pos, pos + len(word)))
        pos += len(word) + 1
    return " ".join(words), tokens


def _to_token_spans(
    found: Iterable[tuple[int, int, str]], tokens: list[Token]
) -> set[tuple[int, int, str]]:
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    out = set()
    for start, end, kind in found:
        covered = covered_tokens(starts, ends, start, end)
        if covered is not None:
            out.add((*covered, kind))
    return out


def _make_predictor(pipeline: Any) -> tuple[str, Predictor, str | None]:
    note = None
    if pipeline is None:
        try:
            pipeline = _entity_pipeline()
        except (ImportError, AttributeError, KhabarError) as exc:
            note = f"entity stage unavailable ({type(exc).__name__}: {exc}); scored the CRF alone"
            pipeline = "crf"
    if pipeline == "crf":
        from ..extract.crf import CrfTagger

        tagger = CrfTagger.load()
        if tagger is None:
            raise KhabarError("no NER model shipped", hint="run scripts/train_ner.py")
        return "crf", tagger.tag, note
    names = [name for name in pipeline.names if name != GivenText.name]
    return "pipeline:" + ",".join(names), _pipeline_predictor(pipeline), note


class GivenText(BaseStage):
    """Stands in for the cleaning stages: the evaluated sentence already is `doc.text`."""

    name: ClassVar[str] = "given-text"
    assigns: ClassVar[frozenset[str]] = frozenset({"text"})

    def __call__(self, doc: Document) -> Document:
        doc.text = doc.text or doc.raw
        return doc


def _entity_pipeline() -> Pipeline:
    from ..registry import STAGES, resolve

    stages: list[Any] = [GivenText()]
    for name in ("sentences", "entities", "coref"):
        cls = resolve(STAGES, name, "stage")
        try:
            # named entities only: agent nouns and bare role phrases are not NER mentions
            stages.append(cls(named_only=True) if name == "entities" else cls())
        except TypeError:
            stages.append(cls())
    pipeline = Pipeline(stages)
    pipeline.setup()
    return pipeline


def _pipeline_predictor(pipeline: Any) -> Predictor:
    def predict(text: str, tokens: list[Token]) -> list[tuple[int, int, str]]:
        outcome = pipeline.run_one(Document(id="ner", raw=text, text=text))
        if outcome.document is None:
            raise KhabarError(outcome.failure.message if outcome.failure else "pipeline failed")
        return [
            (m.start, m.end, entity.type)
            for entity in outcome.document.entities
            for m in entity.mentions
        ]

    return predict


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table: per type P/R/F1 and counts, then the micro average over PER/ORG/LOC."""
    lines = [
        f"system: {result.get('system', '?')}   sentences: {result.get('sentences', '?')}"
        + (f"   failures: {result['failures']}" if result.get("failures") else ""),
    ]
    if result.get("note"):
        lines.append(f"note: {result['note']}")
    lines.append(f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}")
    rows = [(kind, result["types"][kind]) for kind in HEADLINE_TYPES]
    rows.append(("micro P/O/L", result["micro"]))
    rows.append(("MISC (apart)", result["types"]["MISC"]))
    for name, s in rows:
        lines.append(
            f"{name:<12}{100 * s['precision']:>7.1f}{100 * s['recall']:>7.1f}{100 * s['f1']:>7.1f}"
            f"{s['tp']:>7}{s['fp']:>7}{s['fn']:>7}"
        )
    if "seconds" in result:
        lines.append(f"time: {result['seconds']}s")
    return "\n".join(lines)
