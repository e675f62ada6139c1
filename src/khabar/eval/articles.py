"""Whole-article evaluation: dates, quotes, entities and events against two-annotator gold.

Implements the `articles/` protocol of the evaluation README: each article runs as one
document with its publication date; gold items are located by their text in `doc.text`.
- dates: found = a system date overlaps an occurrence of the gold `text`; exact = an
  overlapping system date has the gold `value`; precision = share of system dates
  overlapping an occurrence of any `union` date.
- quotes: found = a system quote starts within 40 characters of an occurrence of
  `quote_start`; speaker right = the speaker's entity name shares a word with `speaker` /
  `speaker_alt`, or the speaker span overlaps an occurrence of `speaker_text`.
- entities: found = a system mention of the same type overlaps an occurrence of a gold mention.
- events: found = a system event of the same type whose `text_info` overlaps the gold sentence
  and is at most max(600, 3 × sentence length) long; precision against `union`; actor country
  accuracy over found events whose gold `actor_country` is set; per type.
Gold offsets (event sentences) are into the article text; when cleaning changed the text,
the sentence is found again in `doc.text` by its content.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..doc import Document, Entity, Source
from ..text.calendar import parse_iso_date

QUOTE_WINDOW = 40
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_NAME_STOPWORDS = frozenset(
    {"al", "el", "bin", "ibn", "of", "the", "and", "abu", "abd", "abdel", "abdul"}
)


def evaluate_articles(
    articles_path: Path, gold_path: Path, *, pipeline: Any = None
) -> dict[str, Any]:
    """Run the pipeline on every article and score it; returns counts and ratios per task."""
    if pipeline is None:
        from ..registry import available_stages, build_pipeline

        pipeline = build_pipeline(available_stages())
    gold = {item["id"]: item for item in json.loads(Path(gold_path).read_text(encoding="utf-8"))}
    scores = _Scores()
    for article in _read_jsonl(Path(articles_path)):
        item = gold.get(article["id"])
        if item is None:
            continue
        doc = Document(
            id=article["id"],
            raw=article["text"],
            title=article.get("title"),
            source=Source(published=parse_iso_date(article.get("published") or "")),
        )
        outcome = pipeline.run_one(doc)
        if outcome.document is None:
            scores.failures.append(
                f"{article['id']}: {outcome.failure.message if outcome.failure else '?'}"
            )
            doc.text = article["text"]
        else:
            doc = outcome.document
        scores.add(doc, article["text"], item, names=pipeline.names)
    return scores.result()


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    out, start = [], text.find(needle)
    while start >= 0:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _name_words(name: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(name or "")} - _NAME_STOPWORDS


class _Scores:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.events_by_type: dict[str, Counter[str]] = defaultdict(Counter)
        self.entities_by_type: dict[str, Counter[str]] = defaultdict(Counter)
        self.failures: list[str] = []
        self.misses: dict[str, list[str]] = defaultdict(list)
        self.stages: list[str] = []

    def add(self, doc: Document, original: str, item: dict[str, Any], *, names: list[str]) -> None:
        self.stages = names
        self.c["articles"] += 1
        self._dates(doc, item)
        self._quotes(doc, item)
        self._entities(doc, item)
        self._events(doc, original, item)

    def _dates(self, doc: Document, item: dict[str, Any]) -> None:
        for gold in item["dates"]:
            self.c["dates_gold"] += 1
            spans = _occurrences(doc.text, gold["text"])
            hits = [d for d in doc.dates if any(_overlaps((d.start, d.end), s) for s in spans)]
            if hits:
                self.c["dates_found"] += 1
            if any(d.value == gold["value"] for d in hits):
                self.c["dates_exact"] += 1
            else:
                got = ", ".join(f"{d.text}={d.value}" for d in hits) or "-"
                self.misses["dates"].append(f"{doc.id} {gold['text']}={gold['value']} got {got}")
        union = [s for gold in item["union"]["dates"] for s in _occurrences(doc.text, gold["text"])]
        for mention in doc.dates:
            key = "dates_sys_duration" if mention.kind == "duration" else "dates_sys_other"
            self.c[key] += 1
            if any(_overlaps((mention.start, mention.end), s) for s in union):
                self.c["dates_sys_correct"] += 1
            else:
                self.misses["dates_extra"].append(f"{doc.id} {mention.text}={mention.value}")

    def _quotes(self, doc: Document, item: dict[str, Any]) -> None:
        entities = {entity.id: entity for entity in doc.entities}
        for gold in item["quotes"]:
            self.c["quotes_gold"] += 1
            starts = [s for s, _ in _occurrences(doc.text, gold["quote_start"])]
            hits = [q for q in doc.quotes if any(abs(q.start - s) <= QUOTE_WINDOW for s in starts)]
            if not hits:
                self.misses["quotes"].append(f"{doc.id} {gold['quote_start']} ({gold['speaker']})")
                continue
            self.c["quotes_found"] += 1
            if any(self._speaker_right(q, gold, doc.text, entities) for q in hits):
                self.c["quotes_speaker"] += 1
            else:
                got = ", ".join(f"{q.speaker.text if q.speaker else None}" for q in hits)
                self.misses["speakers"].append(
                    f"{doc.id} {gold['quote_start']}: gold {gold['speaker']} / {gold['speaker_text']}; got {got}"
                )
        union = [
            s
            for gold in item["union"]["quotes"]
            for s, _ in _occurrences(doc.text, gold["quote_start"])
        ]
        for quote in doc.quotes:
            self.c["quotes_sys"] += 1
            if any(abs(quote.start - s) <= QUOTE_WINDOW for s in union):
                self.c["quotes_sys_correct"] += 1

    @staticmethod
    def _speaker_right(
        quote: Any, gold: dict[str, Any], text: str, entities: dict[str, Entity]
    ) -> bool:
        speaker = quote.speaker
        if speaker is None:
            return False
        entity = entities.get(speaker.entity or "")
        names = _name_words(speaker.name) | _name_words(entity.name if entity else None)
        if names & (_name_words(gold.get("speaker")) | _name_words(gold.get("speaker_alt"))):
            return True
        if speaker.start is None or speaker.end is None:
            return False
        return any(
            _overlaps((speaker.start, speaker.end), s)
            for s in _occurrences(text, gold.get("speaker_text") or "")
        )

    def _entities(self, doc: Document, item: dict[str, Any]) -> None:
        by_type: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for entity in doc.entities:
            by_type[entity.type].extend((m.start, m.end) for m in entity.mentions)
        for gold in item["entities"]:
            counter = self.entities_by_type[gold["type"]]
            counter["gold"] += 1
            spans = [s for mention in gold["mentions"] for s in _occurrences(doc.text, mention)]
            if any(_overlaps(m, s) for m in by_type.get(gold["type"], []) for s in spans):
                counter["found"] += 1
            else:
                self.misses["entities"].append(f"{doc.id} {gold['type']} {gold['canonical']}")

    def _events(self, doc: Document, original: str, item: dict[str, Any]) -> None:
        locate = _SentenceLocator(original, doc.text)
        for gold in item["events"]:
            counter = self.events_by_type[gold["type"]]
            counter["gold"] += 1
            span = locate(gold["sentence"])
            hits = [e for e in doc.events if span and _event_matches(e, gold["type"], span)]
            if not hits:
                continue
            counter["found"] += 1
            if gold.get("actor_country"):
                counter["actor_gold"] += 1
                if any(a.country == gold["actor_country"] for e in hits for a in e.actor):
                    counter["actor_right"] += 1
        union = [(locate(g["sentence"]), g["type"]) for g in item["union"]["events"]]
        for event in doc.events:
            counter = self.events_by_type[event.event]
            counter["sys"] += 1
            if any(span and _event_matches(event, kind, span) for span, kind in union):
                counter["sys_correct"] += 1

    def result(self) -> dict[str, Any]:
        c = self.c
        dates_sys = c["dates_sys_duration"] + c["dates_sys_other"]
        events = _sum_counters(self.events_by_type.values())
        entities = _sum_counters(self.entities_by_type.values())
        return {
            "articles": c["articles"],
            "stages": self.stages,
            "failures": self.failures,
            "dates": {
                "gold": c["dates_gold"], "found": c["dates_found"], "exact": c["dates_exact"],
                "system": dates_sys, "system_correct": c["dates_sys_correct"],
                "system_durations": c["dates_sys_duration"],
                **_prf(c["dates_sys_correct"], dates_sys, c["dates_found"], c["dates_gold"]),
                "exact_accuracy": _ratio(c["dates_exact"], c["dates_gold"]),
                "exact_of_found": _ratio(c["dates_exact"], c["dates_found"]),
            },
            "quotes": {
                "gold": c["quotes_gold"], "found": c["quotes_found"], "speaker_right": c["quotes_speaker"],
                "system": c["quotes_sys"], "system_correct": c["quotes_sys_correct"],
                **_prf(c["quotes_sys_correct"], c["quotes_sys"], c["quotes_found"], c["quotes_gold"]),
                "speaker_accuracy": _ratio(c["quotes_speaker"], c["quotes_found"]),
            },
            "entities": {
                "gold": entities["gold"], "found": entities["found"],
                "recall": _ratio(entities["found"], entities["gold"]),
                "per_type": {k: dict(v) | {"recall": _ratio(v["found"], v["gold"])}
                             for k, v in sorted(self.entities_by_type.items())},
            },
            "events": {
                "gold": events["gold"], "found": events["found"],
                "system": events["sys"], "system_correct": events["sys_correct"],
                **_prf(events["sys_correct"], events["sys"], events["found"], events["gold"]),
                "actor_country_accuracy": _ratio(events["actor_right"], events["actor_gold"]),
                "per_type": {k: dict(v) | _prf(v["sys_correct"], v["sys"], v["found"], v["gold"])
                             for k, v in sorted(self.events_by_type.items())},
            },
            "misses": {k: v for k, v in self.misses.items()},
        }  # fmt: skip


def _event_matches(event: Any, kind: str, span: tuple[int, int]) -> bool:
    info = event.text_info
    if event.event != kind or info is None:
        return False
    limit = max(600, 3 * (span[1] - span[0]))
    return info.end - info.start <= limit and _overlaps((info.start, info.end), span)


class _SentenceLocator:
    """Maps a gold [start, end) of the article text to the same sentence in `doc.text`."""

    def __init__(self, original: str, text: str):
        self.original, self.text = original, text
        self.same = original == text
        self.cache: dict[tuple[int, int], tuple[int, int] | None] = {}

    def __call__(self, span: list[int]) -> tuple[int, int] | None:
        key = (span[0], span[1])
        if self.same:
            return key
        if key not in self.cache:
            self.cache[key] = self._find(self.original[key[0] : key[1]].strip())
        return self.cache[key]

    def _find(self, sentence: str) -> tuple[int, int] | None:
        """Find the sentence in the cleaned text; cleaning may have changed its whitespace
        (no-break spaces, runs of spaces), so words are matched with any whitespace between."""
        words = sentence.split()
        if not words:
            return None
        match = re.search(r"\s+".join(map(re.escape, words)), self.text)
        if match:
            return match.start(), match.end()
        head = re.search(r"\s+".join(map(re.escape, words[:6])), self.text)
        return (head.start(), head.start() + len(sentence)) if head else None


def _sum_counters(counters: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _prf(sys_correct: int, sys_total: int, found: int, gold: int) -> dict[str, float | None]:
    precision, recall = _ratio(sys_correct, sys_total), _ratio(found, gold)
    f1 = None
    if precision is not None and recall is not None and precision + recall:
        f1 = round(2 * precision * recall / (precision + recall), 4)
    return {"precision": precision, "recall": recall, "f1": f1}


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{100 * value:5.1f}"


def format_report(result: dict[str, Any]) -> str:
    """A plain-text report of `evaluate_articles` output."""
    d, q, n, e = result["dates"], result["quotes"], result["entities"], result["events"]
    lines = [
        f"articles: {result['articles']}  stages: {' '.join(result['stages'])}",
        f"dates     P {_pct(d['precision'])}  R {_pct(d['recall'])}  F1 {_pct(d['f1'])}  "
        f"exact {_pct(d['exact_accuracy'])} ({d['exact']}/{d['gold']}; {_pct(d['exact_of_found'])} of found)  "
        f"system {d['system']} ({d['system_durations']} durations)",
        f"quotes    P {_pct(q['precision'])}  R {_pct(q['recall'])}  F1 {_pct(q['f1'])}  "
        f"speaker {_pct(q['speaker_accuracy'])} ({q['speaker_right']}/{q['found']})  system {q['system']}",
        f"entities  R {_pct(n['recall'])} ({n['found']}/{n['gold']})  "
        + "  ".join(f"{k} {_pct(v['recall'])}" for k, v in n["per_type"].items()),
        f"events    P {_pct(e['precision'])}  R {_pct(e['recall'])}  F1 {_pct(e['f1'])}  "
        f"actor country {_pct(e['actor_country_accuracy'])}  system {e['system']}",
    ]
    for kind, v in e["per_type"].items():
        lines.append(
            f"  {kind:<10} gold {v.get('gold', 0):3d}  found {v.get('found', 0):3d}  system {v.get('sys', 0):3d}  "
            f"P {_pct(v['precision'])}  R {_pct(v['recall'])}  F1 {_pct(v['f1'])}"
        )
    if result["failures"]:
        lines.append(f"failures: {len(result['failures'])}")
        lines.extend(f"  {f}" for f in result["failures"][:10])
    return "\n".join(lines)
