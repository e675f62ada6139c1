"""CPU time of the entity stage alone, over several fresh runs.

    python benchmarks/entity_stage.py CORPUS.jsonl[.gz] [-n 3000] [-r 3]

The stages before it (clean, metadata, sentences) run once, untimed; then a fresh entity
stage (empty caches, as in a new process) tags every document, `-r` times, and the CPU time
(time.process_time) of each run is printed with the best and the median. Compare two
versions of the code back to back (e.g. `PYTHONPATH=/old/src python benchmarks/…`).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import statistics
import time
from pathlib import Path

from khabar.io.base import ReadOptions
from khabar.io.readers import read_inputs
from khabar.registry import build_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=3000, help="number of articles (default 3000)")
    parser.add_argument("-r", type=int, default=3, help="timed runs (default 3)")
    args = parser.parse_args()
    docs = list(itertools.islice(read_inputs([str(args.corpus)], ReadOptions()), args.n))
    before = build_pipeline(["clean", "metadata", "sentences"])
    before.setup()
    ready = []
    for doc in docs:
        try:
            for stage in before.stages:
                doc = stage(doc)
        except Exception:  # a benchmark skips what the pipeline would reject
            continue
        ready.append(doc)
    megabytes = sum(len(d.raw.encode("utf-8")) for d in ready) / 1e6
    gc.freeze()
    clock = time.process_time
    runs: list[float] = []
    for _ in range(args.r):
        stage = build_pipeline(["clean", "metadata", "sentences", "entities"]).stages[-1]
        stage.setup()
        started = clock()
        for doc in ready:
            stage(doc)
        runs.append(clock() - started)
        del stage
        gc.collect()
    text = " ".join(f"{t:.2f}" for t in runs)
    print(
        f"{len(ready)} articles, {megabytes:.2f} MB; entities CPU s: {text}; "
        f"best {min(runs):.2f}, median {statistics.median(runs):.2f}"
    )


if __name__ == "__main__":
    main()
