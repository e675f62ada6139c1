"""Event-coding evaluation on the sentence-level PLOVER gold (see the evaluation README).

Detection: each sentence runs as its own document (publication date unknown); the system
says "yes" for type T when it codes at least one event of type T that it reports as a fresh
act — events it codes as recalled background (aux_mode "historical") do not count, since this
gold rejects background mentions and history; `background` counts how often the system coded
such an event on a sentence, per gold label (the literal "any event" reading adds these). Headline precision,
recall and F1 per type on the unanimous sentences (`yes` against `easy no`) and their
macro average; the false-positive rate on `difficult no` sentences apart; the full protocol
(`easy no` + `difficult no` as negatives) for reference.
Coding: recall of the gold-type event, and the accuracy of the four actor codes (source and
target country and agent) over sentences where the gold code is set and the event was found,
taking the best-matching system event; PLOVER sectors map to the CAMEO codes of the gold.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..doc import Document, Event

DETECTION_TYPES = ("ASSAULT", "PROTEST")
CODE_FIELDS = ("source_country", "source_agent", "target_country", "target_agent")
# PLOVER sector → CAMEO agent code where the two differ
SECTOR_TO_CAMEO = {"JRN": "MED", "MED": "HLH"}

Coder = Callable[..., list[Event]]  # (sentence, publication date or None) -> events


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pipeline_coder(pipeline: Any = None) -> Coder:
    """Code one sentence with the full pipeline (built from the available stages by default)."""
    if pipeline is None:
        from ..registry import available_stages, build_pipeline

        pipeline = build_pipeline(available_stages())
    cache: dict[tuple[str, str | None], list[Event]] = {}

    def code(text: str, published: str | None = None) -> list[Event]:
        key = (text, published)
        if key not in cache:
            doc = Document(id=f"s{len(cache)}", raw=text)
            doc.source.format = "text"
            doc.source.published = published
            outcome = pipeline.run_one(doc)
            cache[key] = outcome.document.events if outcome.document is not None else []
        return cache[key]

    return code


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _says_yes(events: list[Event], event_type: str) -> bool:
    return any(e.event == event_type and "historical" not in e.aux_mode for e in events)


def _background_only(events: list[Event], event_type: str) -> bool:
    return not _says_yes(events, event_type) and any(e.event == event_type for e in events)


def score_detection(rows: Iterable[dict[str, Any]], code: Coder) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    background: dict[str, dict[str, int]] = {}
    for row in rows:
        c = counts.setdefault(row["event_type"], {})
        events = code(row["text"])
        key = f"{row['label']}:{'yes' if _says_yes(events, row['event_type']) else 'no'}"
        c[key] = c.get(key, 0) + 1
        if _background_only(events, row["event_type"]):
            b = background.setdefault(row["event_type"], {})
            b[row["label"]] = b.get(row["label"], 0) + 1
    headline, full, hard = {}, {}, {}
    for event_type, c in sorted(counts.items()):
        tp, fn = c.get("yes:yes", 0), c.get("yes:no", 0)
        easy_fp, hard_fp = c.get("easy no:yes", 0), c.get("difficult no:yes", 0)
        hard_n = hard_fp + c.get("difficult no:no", 0)
        headline[event_type] = prf(tp, easy_fp, fn)
        full[event_type] = prf(tp, easy_fp + hard_fp, fn)
        hard[event_type] = {"fp": hard_fp, "n": hard_n, "rate": hard_fp / hard_n if hard_n else 0.0}
    all_fp = sum(h["fp"] for h in hard.values())
    all_n = sum(h["n"] for h in hard.values())
    hard["all"] = {"fp": all_fp, "n": all_n, "rate": all_fp / all_n if all_n else 0.0}
    return {
        "headline": {**headline, "macro": _macro(headline)},
        "hard_negative": hard,
        "full": {**full, "macro": _macro(full)},
        "background": background,
    }


def _macro(scores: dict[str, dict[str, float]]) -> dict[str, float]:
    n = len(scores) or 1
    return {k: sum(s[k] for s in scores.values()) / n for k in ("precision", "recall", "f1")}


def event_codes(event: Event) -> dict[str, set[str]]:
    """The CAMEO-style codes a system event offers for each gold field."""

    def sectors(refs):
        return {SECTOR_TO_CAMEO.get(r.sector, r.sector) for r in refs if r.sector}

    return {
        "source_country": {r.country for r in event.actor if r.country},
        "source_agent": sectors(event.actor),
        "target_country": {r.country for r in event.recipient if r.country},
        "target_agent": sectors(event.recipient),
    }


def _iso(value: str | None) -> str | None:
    """"20080110" -> "2008-01-10"; anything else -> None."""
    if value and len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def score_coding(rows: Iterable[dict[str, Any]], code: Coder) -> dict[str, Any]:
    found: dict[str, list[int]] = {}
    fields = {f: [0, 0] for f in CODE_FIELDS}
    for row in rows:
        # the coded rows give the article's publication date: a role resolves to the person
        # in office then («وزير الخارجية الأمريكي» in 2007), as for any dated article
        events = [e for e in code(row["text"], _iso(row.get("date"))) if e.event == row["plover"]]
        hit = found.setdefault(row["plover"], [0, 0])
        hit[1] += 1
        if not events:
            continue
        hit[0] += 1
        gold = {f: row.get(f) for f in CODE_FIELDS if row.get(f)}
        best = max((event_codes(e) for e in events), key=lambda c: _agreement(c, gold))
        for name, value in gold.items():
            fields[name][1] += 1
            fields[name][0] += value in best[name]
    total = [sum(v[0] for v in found.values()), sum(v[1] for v in found.values())]
    recall = {t: {"found": v[0], "n": v[1], "recall": v[0] / v[1] if v[1] else 0.0}
              for t, v in sorted(found.items())}  # fmt: skip
    recall["all"] = {
        "found": total[0],
        "n": total[1],
        "recall": total[0] / total[1] if total[1] else 0.0,
    }
    accuracy = {f: {"right": v[0], "n": v[1], "accuracy": v[0] / v[1] if v[1] else 0.0}
                for f, v in fields.items()}  # fmt: skip
    return {"recall": recall, "actors": accuracy}


def _agreement(codes: dict[str, set[str]], gold: dict[str, str]) -> int:
    return sum(value in codes[name] for name, value in gold.items())


def evaluate_events(
    detection_path: str | Path | None, coded_path: str | Path | None, *, pipeline: Any = None
) -> dict[str, Any]:
    """Score detection and coding against the gold files (either may be None)."""
    code = pipeline_coder(pipeline)
    result: dict[str, Any] = {}
    if detection_path:
        result["detection"] = score_detection(read_jsonl(detection_path), code)
    if coded_path:
        result["coding"] = score_coding(read_jsonl(coded_path), code)
    return result


def format_report(result: dict[str, Any]) -> str:
    lines: list[str] = []
    detection = result.get("detection")
    if detection:
        lines.append("detection (unanimous: yes vs easy no)    P      R      F1")
        for name, s in detection["headline"].items():
            lines.append(f"  {name:<38} {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}")
        lines.append("hard negatives (difficult no said yes)")
        for name, h in detection["hard_negative"].items():
            lines.append(f"  {name:<38} {h['rate']:.3f}  ({h['fp']}/{h['n']})")
        lines.append("full protocol (easy + difficult no)      P      R      F1")
        for name, s in detection["full"].items():
            lines.append(f"  {name:<38} {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}")
        for name, b in detection.get("background", {}).items():
            counts = "  ".join(f"{label} {n}" for label, n in sorted(b.items()))
            lines.append(f"background only ({name}): {counts}")
    coding = result.get("coding")
    if coding:
        lines.append("coding: event recall")
        for name, r in coding["recall"].items():
            lines.append(f"  {name:<38} {r['recall']:.3f}  ({r['found']}/{r['n']})")
        lines.append("coding: actor accuracy (where gold is set and the event found)")
        for name, a in coding["actors"].items():
            lines.append(f"  {name:<38} {a['accuracy']:.3f}  ({a['right']}/{a['n']})")
    return "\n".join(lines)
