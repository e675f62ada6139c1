"""Fit the event detector's logistic weights on sentence-level gold and report CV scores.

Usage: python scripts/train_event_detector.py DETECTION_JSONL [--coded CODED_JSONL]
       [--folds 5] [--l2 24] [--min-df 2] [--cut TYPE=P] [--repeats N] [--nested]
       [--cache ROWS.pkl] [--write]

Every trigger candidate of a sentence gets that sentence's label for the gold event type
(`yes` = 1, `easy no` / `difficult no` = 0; `ambiguous` is left out unless the coded file
gives the sentence an event of that type). Features: the hand features of
`event_triggers.FEATURES` plus the lexical ones of `event_context` (trigger lemma, window
and sentence words) seen in at least `--min-df` training sentences. The weights are fitted
with L2-regularised logistic regression (numpy + scipy L-BFGS, a development-time need
only). A sentence is one row: the features the stage's gate pools over all the candidates
of the type (`EventStage.gate_log`), so the rows do not depend on the shipped weights.
Cross-validation splits by article and scores the headline protocol, so the figures printed
are never measured on training data; `--repeats` pools several splits (single splits move
by ±0.01 F1). `--nested` chooses the L2 strength, the class balance and each type's
threshold by an inner CV on the training articles of each outer fold (objective: F1 less a
cost for hard negatives above 25%), and with `--write` the same choice on all the data. `--write` stores the weights fitted on all the data (rounded,
near-zero lexical weights dropped) in src/khabar/kb/data/event_detector.tsv.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from khabar.doc import Document
from khabar.extract.event_triggers import FEATURES
from khabar.extract.events import EventStage
from khabar.registry import available_stages, build_pipeline

OUT = Path(__file__).resolve().parents[1] / "src/khabar/kb/data/event_detector.tsv"
LABELS = {"yes": 1, "easy no": 0, "difficult no": 0}
BALANCE = 0.5  # how far positives are up-weighted against the class imbalance (0..1)
THRESHOLD = EventStage().threshold
HAND_L2 = 1.0  # share of the L2 penalty that the hand features pay
KEEP = 0.03  # lexical weights smaller than this are not shipped
HARD_TARGET = 0.25  # hard negatives said yes to, above this share, cost the objective
HARD_COST = 0.5
L2_GRID = (12.0, 24.0, 48.0)
BALANCE_GRID = (0.5, 0.75)
CUT_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def read_jsonl(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def candidate_rows(path: str, coded: str | None) -> list[tuple]:
    """(article, type, label, gold label, [pooled features of the type's candidates] or [],
    whether the coded file has the sentence)."""
    positive = {(r["text"], r["plover"]) for r in read_jsonl(coded)} if coded else set()
    pipeline = build_pipeline([n for n in available_stages() if n != "events"])
    items = read_jsonl(path)
    stage = EventStage()
    stage.setup()
    # lexical features are computed for the fitted types only: fit those of the gold file
    assert stage._model is not None
    stage._model.types = frozenset(item["event_type"] for item in items)
    rows = []
    for item in items:
        label = item["label"]
        if label == "ambiguous" and (item["text"], item["event_type"]) in positive:
            label = "yes"  # the coders of the coded file gave it an event of this type
        doc = pipeline.run_one(Document(id=item["id"], raw=item["text"])).document
        feats = []
        if doc is not None:
            # what the stage's gate judges (all candidates of the type, before merging);
            # the sentence words, scored apart at run time, are features like the others here
            stage.gate_log = []
            stage.candidates(doc)
            feats = [
                pooled | {f"s:{t}:{w}": 1.0 for w in bag}
                for t, pooled, bag in stage.gate_log
                if t == item["event_type"]
            ]
        # scored under the gold label of the detection file, trained under the upgraded one
        in_coded = (item["text"], item["event_type"]) in positive
        rows.append(
            (item["article"], item["event_type"], LABELS.get(label, -1), item["label"],
             feats, in_coded)
        )  # fmt: skip
    return rows


def vocabulary(rows, min_df: int) -> list[str]:
    df: Counter[str] = Counter()
    for row in rows:
        df.update({k for f in row[4] for k in f if k not in FEATURES})
    return list(FEATURES) + sorted(k for k, n in df.items() if n >= min_df)


def matrix(feats: list[dict], index: dict[str, int]) -> sparse.csr_matrix:
    data, cols, ptr = [], [], [0]
    for f in feats:
        for k, v in f.items():
            j = index.get(k)
            if j is not None and v:
                cols.append(j)
                data.append(v)
        ptr.append(len(cols))
    return sparse.csr_matrix((data, cols, ptr), shape=(len(feats), len(index)))


def fit(rows, vocab: list[str], l2: float, balance: float = BALANCE) -> np.ndarray:
    """Bias first, then one weight per vocabulary entry; L2 on everything but the bias."""
    index = {k: i for i, k in enumerate(vocab)}
    used = [r for r in rows if r[4] and r[2] >= 0]
    x = matrix([r[4][0] for r in used], index)
    y = np.array([r[2] for r in used], dtype=float)
    pos = max(1.0, y.sum())
    sample = np.where(y == 1, (len(y) - pos) / pos, 1.0) ** balance

    # the few hand features are general: they get a lighter penalty than the many words
    penalty = np.array([l2 * HAND_L2 if v in FEATURES else l2 for v in vocab])

    def loss(w):
        z = x @ w[1:] + w[0]
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        g = sample * (p - y)
        grad = np.r_[g.sum(), x.T @ g] + np.r_[0, penalty * w[1:]]
        value = (sample * (np.logaddexp(0, z) - y * z)).sum() + 0.5 * w[1:] @ (penalty * w[1:])
        return value, grad

    w0 = np.zeros(len(vocab) + 1)
    return minimize(
        loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 5000, "gtol": 1e-7}
    ).x


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def folds_of(rows, folds: int, salt: str = "") -> dict[str, int]:
    return {r[0]: zlib.crc32((salt + r[0]).encode()) % folds for r in rows}


def out_of_fold(rows, folds: int, l2: float, balance: float, min_df: int, salt: str = ""):
    """The score (logit) of every row from a model that did not see its article."""
    fold_of = folds_of(rows, folds, salt)
    z = np.full(len(rows), -99.0)
    for k in range(folds):
        train = [r for r in rows if fold_of[r[0]] != k]
        vocab = vocabulary(train, min_df)
        w = fit(train, vocab, l2, balance)
        index = {v: i for i, v in enumerate(vocab)}
        for i, r in enumerate(rows):
            if fold_of[r[0]] == k and r[4]:
                z[i] = float((matrix(r[4], index) @ w[1:])[0] + w[0])
    return z


def tally(rows, z, cuts: dict[str, float]) -> Counter:
    counts: Counter[tuple[str, str, bool]] = Counter()
    for r, zi in zip(rows, z, strict=True):
        yes = bool(zi >= logit(cuts.get(r[1], THRESHOLD)))
        counts[(r[1], r[3], yes)] += 1
        if r[5]:
            counts[(r[1], "coded", yes)] += 1
    return counts


def cross_validate(rows, folds: int, l2: float, min_df: int, cuts: dict[str, float],
                   balance: float = BALANCE, repeats: int = 1) -> dict:  # fmt: skip
    """Counts pooled over `repeats` splits by article (the first is the historical one)."""
    counts: Counter = Counter()
    for rep in range(repeats):
        z = out_of_fold(rows, folds, l2, balance, min_df, salt=_salt(rep))
        counts += tally(rows, z, cuts)
    return score(counts)


def _salt(rep: int) -> str:
    return f"rep{rep}:" if rep else ""


def objective(report: dict) -> float:
    """What the settings are chosen for: headline F1, less a cost for every hard negative
    said yes to above the HARD_TARGET rate (split votes, but mostly background)."""
    return report["F1"] - HARD_COST * max(0.0, report["hardFP"] - HARD_TARGET)


def choose(rows, folds: int, min_df: int, grid) -> tuple[float, float, dict[str, float]]:
    """Regularisation, class balance and per-type thresholds picked by CV on `rows` alone
    (inner folds, other salt): the outer CV then measures the whole recipe, choice included."""
    best: dict[str, tuple[float, float, float, float]] = {}
    types = sorted({r[1] for r in rows})
    for l2, balance in grid:
        z = out_of_fold(rows, folds, l2, balance, min_df, salt="inner")
        for t in types:
            for cut in CUT_GRID:
                value = objective(score(tally(rows, z, {t: cut}))[t])
                if t not in best or value > best[t][0]:
                    best[t] = (value, l2, balance, cut)
    # one model for all types: the setting the types favour together
    votes = Counter((best[t][1], best[t][2]) for t in types)
    l2, balance = max(votes, key=lambda k: (votes[k], -k[0]))
    z = out_of_fold(rows, folds, l2, balance, min_df, salt="inner")
    cuts = {}
    for t in types:
        scored = [(objective(score(tally(rows, z, {t: c}))[t]), c) for c in CUT_GRID]
        cuts[t] = max(scored)[1]
    return l2, balance, cuts


def nested_cv(rows, folds: int, min_df: int, grid, repeats: int = 1) -> tuple[dict, list]:
    """Outer CV by article; in each outer fold the settings come from `choose` on the
    training articles only, so no figure printed has seen its test articles."""
    counts: Counter = Counter()
    chosen = []
    for rep, k in ((rep, k) for rep in range(repeats) for k in range(folds)):
        fold_of = folds_of(rows, folds, _salt(rep))
        train = [r for r in rows if fold_of[r[0]] != k]
        test = [r for r in rows if fold_of[r[0]] == k]
        l2, balance, cuts = choose(train, folds - 1, min_df, grid)
        chosen.append((l2, balance, cuts))
        vocab = vocabulary(train, min_df)
        w = fit(train, vocab, l2, balance)
        index = {v: i for i, v in enumerate(vocab)}
        z = [float((matrix(r[4], index) @ w[1:])[0] + w[0]) if r[4] else -99.0 for r in test]
        counts += tally(test, z, cuts)
    return score(counts), chosen


def score(counts: Counter) -> dict:
    report = {}
    for t in sorted({key[0] for key in counts}):
        tp, fn = counts[(t, "yes", True)], counts[(t, "yes", False)]
        fp = counts[(t, "easy no", True)]
        hard = counts[(t, "difficult no", True)]
        hard_n = hard + counts[(t, "difficult no", False)]
        coded = counts[(t, "coded", True)] + counts[(t, "coded", False)]
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        report[t] = {"P": round(p, 3), "R": round(rc, 3), "F1": round(f1, 3),
                     "hardFP": round(hard / hard_n, 3) if hard_n else 0.0,
                     "hard": f"{hard}/{hard_n}",
                     "coded_recall": round(counts[(t, "coded", True)] / max(1, coded), 3),
                     "coded": coded}  # fmt: skip
    return report


def write(w: np.ndarray, vocab: list[str], rows, source: str, cuts: dict[str, float]) -> None:
    note = f"fitted by scripts/train_event_detector.py on {source}"
    lines = ["feature\tweight\tnote", f"bias\t{w[0]:.4f}\t{note}"]
    for event_type, cut in sorted(cuts.items()):
        shift = logit(THRESHOLD) - logit(cut)  # the stage threshold decides at `cut`
        lines.append(f"bias:{event_type}\t{shift:.4f}\tdecision threshold {cut} in CV")
    for name, value in zip(vocab, w[1:], strict=True):
        if name in FEATURES or abs(value) >= KEEP:
            lines.append(f"{name}\t{value:.3f}\t")
    types = "|".join(sorted({r[1] for r in rows}))
    lines.append(f"trained_types\t\t{types}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote", OUT, len(lines) - 2, "weights")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("detection")
    parser.add_argument("--coded")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=24.0)
    parser.add_argument("--cut", action="append", default=["ASSAULT=0.3", "PROTEST=0.4"],
                        help="TYPE=probability: the decision threshold of a type")  # fmt: skip
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--nested", action="store_true",
                        help="choose l2, class balance and thresholds by inner CV")  # fmt: skip
    parser.add_argument("--repeats", type=int, default=1, help="CV splits, counts pooled")
    parser.add_argument("--cache", help="pickle of the candidate rows (rebuilt if missing)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.cache and Path(args.cache).exists():
        rows = pickle.loads(Path(args.cache).read_bytes())
    else:
        rows = candidate_rows(args.detection, args.coded)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(rows))
    cuts = {k: float(v) for k, _, v in (c.partition("=") for c in args.cut)}
    l2, balance = args.l2, BALANCE
    grid = [(a, b) for a in L2_GRID for b in BALANCE_GRID]
    if args.nested:
        cv, chosen = nested_cv(rows, args.folds, args.min_df, grid, args.repeats)
        print("settings chosen per outer fold:", chosen)
        print("nested cross-validated by article:", json.dumps(cv))
    else:
        cv = cross_validate(rows, args.folds, l2, args.min_df, cuts, repeats=args.repeats)
        print("cross-validated by article:", json.dumps(cv))
    if args.write:
        if args.nested:
            l2, balance, cuts = choose(rows, args.folds, args.min_df, grid)
            print("settings for the shipped weights:", l2, balance, cuts)
        vocab = vocabulary(rows, args.min_df)
        w = fit(rows, vocab, l2, balance)
        for name, value in zip(("bias", *FEATURES), w, strict=False):
            print(f"{name}\t{value:+.3f}")
        write(w, vocab, rows, Path(args.detection).name, cuts)


if __name__ == "__main__":
    main()
