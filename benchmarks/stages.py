"""Per-stage CPU throughput of the pipeline.

    python benchmarks/stages.py CORPUS.jsonl[.gz] [-n 500] [--stages clean,metadata,...]

Reads the first N articles, runs the stages document by document (as the engines do) and
prints the CPU time spent in each stage (time.process_time, so other processes on a shared
machine do not count) and its MB/s, where MB are the UTF-8 bytes of the raw article text.
A document on which a stage raises is counted as an error and leaves the pipeline there.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import time
from pathlib import Path

from khabar.io.base import ReadOptions
from khabar.io.readers import read_inputs
from khabar.registry import available_stages, build_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=500, help="number of articles (default 500)")
    parser.add_argument("--stages", default="", help="comma-separated; default: every stage")
    args = parser.parse_args()
    options = ReadOptions()
    docs = list(itertools.islice(read_inputs([str(args.corpus)], options), args.n))
    megabytes = sum(len(d.raw.encode("utf-8")) for d in docs) / 1e6
    names = args.stages.split(",") if args.stages else available_stages()
    pipeline = build_pipeline(names)
    started = time.process_time()
    pipeline.setup()
    print(
        f"{len(docs)} articles, {megabytes:.2f} MB; setup {time.process_time() - started:.1f}s CPU"
    )
    print(f"{'stage':10s} {'cpu s':>8s} {'MB/s':>8s} {'errors':>6s}")
    # the engines stream documents; holding them all here would make the garbage collector's
    # full passes (charged to whichever stage triggers one) grow with N
    gc.freeze()
    spent = dict.fromkeys(range(len(pipeline.stages)), 0.0)
    errors = dict.fromkeys(range(len(pipeline.stages)), 0)
    clock = time.process_time
    for doc in docs:  # document by document, as the engines run: caches shared by stages work
        for k, stage in enumerate(pipeline.stages):
            started = clock()
            try:
                doc = stage(doc)
            except Exception:  # a benchmark counts failures, it does not stop
                errors[k] += 1
                spent[k] += clock() - started
                break
            spent[k] += clock() - started
    total = sum(spent.values())
    for k, stage in enumerate(pipeline.stages):
        rate = megabytes / max(spent[k], 1e-9)
        print(f"{stage.name:10s} {spent[k]:8.2f} {rate:8.2f} {errors[k]:6d}")
    print(f"{'total':10s} {total:8.2f} {megabytes / max(total, 1e-9):8.2f}")


if __name__ == "__main__":
    main()
