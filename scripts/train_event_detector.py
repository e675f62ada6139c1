"""Fit the event detector's logistic weights on sentence-level gold and report CV scores.

Usage: python scripts/train_event_detector.py DETECTION_JSONL [--folds 5] [--write]

Every trigger candidate of a sentence gets that sentence's label for the gold event type
(`yes` = 1, `easy no` / `difficult no` = 0; `ambiguous` is left out). The weights are fitted
with L2-regularised logistic regression (plain numpy). Cross-validation splits by article
and scores the headline protocol (a sentence is "yes" when one candidate passes 0.5), so the
figure printed is not measured on training data. `--write` stores the weights fitted on all
the data in src/khabar/kb/data/event_detector.tsv.
"""

from __future__ import annotations

import argparse
import json
import random
import zlib
from pathlib import Path

import numpy as np

from khabar.doc import Document
from khabar.extract.event_triggers import FEATURES
from khabar.extract.events import EventStage
from khabar.registry import available_stages, build_pipeline

OUT = Path(__file__).resolve().parents[1] / "src/khabar/kb/data/event_detector.tsv"
BALANCE = 0.6  # how far positives are up-weighted against the class imbalance (0..1)
LABELS = {"yes": 1, "easy no": 0, "difficult no": 0}


def candidate_rows(path: str) -> list[tuple[str, str, int, str, list[list[float]]]]:
    """(article, type, label, gold label, feature rows of that type's candidates) per sentence."""
    names = [n for n in available_stages() if n != "events"]
    pipeline = build_pipeline(names)
    stage = EventStage()
    stage.setup()
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["label"] not in LABELS:
            continue
        doc = pipeline.run_one(Document(id=item["id"], raw=item["text"])).document
        feats = []
        if doc is not None:
            for _, cand in stage.candidates(doc):
                if cand.entry.type == item["event_type"]:
                    feats.append([cand.features[f] for f in FEATURES])
        rows.append(
            (item["article"], item["event_type"], LABELS[item["label"]], item["label"], feats)
        )
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> np.ndarray:
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x1.shape[1])
    w[1] = 1.0  # start from the lexicon prior
    pos = max(1.0, y.sum())
    sample = np.where(y == 1, (len(y) - pos) / pos, 1.0) ** BALANCE  # soften the class imbalance
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x1 @ w)))
        grad = x1.T @ ((p - y) * sample) / len(y) + l2 * np.r_[0, w[1:]] / len(y)
        w -= 0.5 * grad
    return w


def flatten(rows, w: np.ndarray | None = None):
    """Negative sentences give every candidate; a positive one gives its best candidate
    under the current weights (multiple-instance learning: one trigger is the event)."""
    xs, ys = [], []
    for _, _, label, _, feats in rows:
        if label and feats:
            x1 = np.hstack([np.ones((len(feats), 1)), np.array(feats)])
            scores = x1 @ w if w is not None else x1[:, 1]
            feats = [feats[int(np.argmax(scores))]]
        for f in feats:
            xs.append(f)
            ys.append(label)
    return np.array(xs, dtype=float).reshape(-1, len(FEATURES)), np.array(ys, dtype=float)


def fit_mil(rows, rounds: int = 4) -> np.ndarray:
    w = None
    for _ in range(rounds):
        w = fit(*flatten(rows, w))
    return w


def sentence_yes(w: np.ndarray, feats: list[list[float]]) -> bool:
    if not feats:
        return False
    x1 = np.hstack([np.ones((len(feats), 1)), np.array(feats)])
    return bool((x1 @ w > 0).any())


def cross_validate(rows, folds: int) -> dict:
    articles = sorted({r[0] for r in rows})
    random.Random(13).shuffle(articles)
    fold_of = {a: zlib.crc32(a.encode()) % folds for a in articles}
    counts: dict[tuple[str, str, bool], int] = {}
    for k in range(folds):
        train = [r for r in rows if fold_of[r[0]] != k]
        w = fit_mil(train)
        for r in rows:
            if fold_of[r[0]] == k:
                key = (r[1], r[3], sentence_yes(w, r[4]))
                counts[key] = counts.get(key, 0) + 1
    report = {}
    for t in sorted({r[1] for r in rows}):
        tp, fn = counts.get((t, "yes", True), 0), counts.get((t, "yes", False), 0)
        fp = counts.get((t, "easy no", True), 0)
        hard = counts.get((t, "difficult no", True), 0)
        hard_n = hard + counts.get((t, "difficult no", False), 0)
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        report[t] = {"P": round(p, 3), "R": round(rc, 3), "F1": round(f1, 3),
                     "hardFP": round(hard / hard_n, 3) if hard_n else 0.0}  # fmt: skip
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("detection")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = candidate_rows(args.detection)
    print("cross-validated by article:", json.dumps(cross_validate(rows, args.folds)))
    w = fit_mil(rows)
    for name, value in zip(("bias", *FEATURES), w, strict=True):
        print(f"{name}\t{value:+.3f}")
    if args.write:
        lines = ["feature\tweight\tnote"]
        note = f"fitted by scripts/train_event_detector.py on {Path(args.detection).name}"
        lines += [
            f"{n}\t{v:.4f}\t{note if i == 0 else ''}"
            for i, (n, v) in enumerate(zip(("bias", *FEATURES), w, strict=True))
        ]
        types = "|".join(sorted({r[1] for r in rows}))
        lines.append(f"trained_types\t\t{types}")
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("wrote", OUT)


if __name__ == "__main__":
    main()
