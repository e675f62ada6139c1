"""Learn word clusters from unlabeled Arabic news for the NER tagger's features.

    python scripts/build_clusters.py CORPUS.jsonl[.gz] [--vocab 100000] [--contexts 5000]
                                     [--dim 100] [--k 64,256,1024]
                                     [--out src/khabar/models/word_clusters.tsv]

Words are folded (`fold_text`) and split on non-word characters, as the tagger sees them.
Each of the `--vocab` most frequent words is described by its left and right neighbours
(offsets -2, -1, +1, +2 among the `--contexts` most frequent words), weighted by positive
PMI, reduced by a randomised SVD and grouped by spherical k-means at several granularities.
Words used the same way (given names, towns, ministries…) land in the same cluster, so the
tagger generalises to names it never saw in training. Needs numpy and scipy; a few minutes
on one core for ~60k articles. The output is one line per word, most frequent first:
word<TAB>cluster id per granularity.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy import sparse

from khabar.text.normalize import fold_text

_WORD = re.compile(r"\w+")
OFFSETS = (-2, -1, 1, 2)


def read_texts(path: Path, limit: int | None) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            record = json.loads(line)
            yield "\n".join(filter(None, (record.get("title"), record.get("text"))))


def tokenize(text: str) -> list[str]:
    return _WORD.findall(fold_text(text))


def log(message: str, started: float) -> None:
    print(f"[{time.time() - started:6.1f}s] {message}", file=sys.stderr)


def cooccurrence(
    docs: list[list[str]],
    vocab: dict[str, int],
    contexts: dict[str, int],
    offsets: tuple[int, ...] = OFFSETS,
) -> sparse.csr_matrix:
    """Rows: vocabulary words; columns: one block of context words per offset."""
    n_ctx = len(contexts)
    word_ids = np.fromiter((vocab.get(w, -1) for doc in docs for w in (*doc, "\0")), dtype=np.int64)
    ctx_ids = np.fromiter(
        (contexts.get(w, -1) for doc in docs for w in (*doc, "\0")), dtype=np.int64
    )
    keys = []
    for block, off in enumerate(offsets):
        if off > 0:
            rows, cols = word_ids[:-off], ctx_ids[off:]
        else:
            rows, cols = word_ids[-off:], ctx_ids[:off]
        ok = (rows >= 0) & (cols >= 0)
        keys.append(rows[ok] * (len(offsets) * n_ctx) + block * n_ctx + cols[ok])
    uniq, counts = np.unique(np.concatenate(keys), return_counts=True)
    width = len(offsets) * n_ctx
    return sparse.csr_matrix(
        (counts.astype(np.float32), (uniq // width, uniq % width)), shape=(len(vocab), width)
    )


def ppmi(matrix: sparse.csr_matrix, alpha: float = 0.75) -> sparse.csr_matrix:
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel() ** alpha
    col_p = col / col.sum()
    coo = matrix.tocoo()
    values = np.log((coo.data / total) / ((row[coo.row] / total) * col_p[coo.col]))
    keep = values > 0
    return sparse.csr_matrix(
        (values[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=matrix.shape
    )


def randomized_svd(matrix: sparse.csr_matrix, dim: int, seed: int = 0) -> np.ndarray:
    """Row vectors U·sqrt(S) of a rank-`dim` approximation (Halko et al., 2 power iterations)."""
    rng = np.random.default_rng(seed)
    q = matrix @ rng.standard_normal((matrix.shape[1], dim + 20)).astype(np.float32)
    for _ in range(2):
        q, _ = np.linalg.qr(q)
        q, _ = np.linalg.qr(matrix.T @ q)
        q = matrix @ q
    q, _ = np.linalg.qr(q)
    u_small, s, _ = np.linalg.svd(np.asarray(matrix.T @ q).T, full_matrices=False)
    return (q @ u_small[:, :dim]) * np.sqrt(s[:dim])


def spherical_kmeans(x: np.ndarray, k: int, iterations: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        for lo in range(0, len(x), 20000):
            labels[lo : lo + 20000] = np.argmax(x[lo : lo + 20000] @ centers.T, axis=1)
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, x)
        empty = np.linalg.norm(sums, axis=1) == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        centers = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    return labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path, help="JSON lines with `title` and `text` (.gz allowed)")
    ap.add_argument("--vocab", type=int, default=100_000)
    ap.add_argument("--contexts", type=int, default=5_000)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--k", default="64,256,1024")
    ap.add_argument("--iterations", type=int, default=12)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--limit", type=int, help="read only the first N articles")
    ap.add_argument("--offsets", default="-2,-1,1,2", help="context positions, e.g. -1 or 1,2")
    ap.add_argument("--out", type=Path, default=Path("src/khabar/models/word_clusters.tsv"))
    args = ap.parse_args(argv)
    started = time.time()

    docs = [tokenize(text) for text in read_texts(args.corpus, args.limit)]
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(doc)
    log(f"{len(docs)} articles, {sum(counts.values())} tokens, {len(counts)} types", started)
    frequent = [w for w, c in counts.most_common(args.vocab) if c >= args.min_count]
    vocab = {w: i for i, w in enumerate(frequent)}
    contexts = {w: i for i, w in enumerate(frequent[: args.contexts])}
    offsets = tuple(int(v) for v in args.offsets.split(","))
    matrix = ppmi(cooccurrence(docs, vocab, contexts, offsets))
    del docs
    log(f"PPMI matrix {matrix.shape}, {matrix.nnz} non-zeros", started)
    vectors = randomized_svd(matrix, args.dim).astype(np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    log("SVD done", started)
    columns = []
    for k in [int(v) for v in args.k.split(",")]:
        columns.append(spherical_kmeans(vectors, k, args.iterations))
        log(f"k-means k={k} done", started)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        out.write(
            f"# word clusters: scripts/build_clusters.py {args.corpus.name} --vocab {args.vocab} "
            f"--contexts {args.contexts} --dim {args.dim} --k {args.k}\n"
        )
        out.write("word\t" + "\t".join(f"k{k}" for k in args.k.split(",")) + "\n")
        for i, word in enumerate(frequent):
            out.write(word + "\t" + "\t".join(str(int(c[i])) for c in columns) + "\n")
    log(f"wrote {len(frequent)} words to {args.out}", started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
