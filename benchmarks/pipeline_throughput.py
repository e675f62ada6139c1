"""Throughput and memory of the pipeline: documents/s, MB/s, peak RSS, serial vs a pool.

    python benchmarks/pipeline_throughput.py ../shared/corpus/scale_news.jsonl.gz \
        --limit 5000 --stages clean,metadata,sentences --workers 1,2

The first N articles are copied to a temporary plain JSONL file first, so the figures are
for the pipeline (read + stages), not for gzip. MB are megabytes of article text. Besides wall
time, each run prints the CPU time the shards took wherever they ran (reading, stages,
serialising; not set-up): MB per CPU-second is the per-core rate even on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import tempfile
import time
from pathlib import Path

from khabar import registry
from khabar.engines.base import PipelineSpec, Processed
from khabar.io.base import ReadOptions
from khabar.runner import run_batch


def take(corpus: Path, limit: int, target: Path) -> int:
    opener = gzip.open if corpus.suffix == ".gz" else open
    written = 0
    with opener(corpus, "rt", encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for line in source:
            if written >= limit:
                break
            out.write(line)
            written += 1
    return written


def measure(path: Path, stages: list[str], engine_name: str, workers: int) -> dict[str, float]:
    engine = registry.make_engine(engine_name, workers)
    counts = {"documents": 0, "failures": 0}

    def sink(item: Processed) -> None:
        counts["documents" if item.document is not None else "failures"] += 1

    started = time.perf_counter()
    report = run_batch(
        [str(path)], spec=PipelineSpec(stages), engine=engine, options=ReadOptions(), sink=sink
    )
    seconds = time.perf_counter() - started
    engine.close()
    megabytes = report.stats.bytes / 1e6
    return {
        "documents": counts["documents"],
        "failures": counts["failures"],
        "seconds": seconds,
        "docs_per_s": counts["documents"] / seconds,
        "mb_per_s": megabytes / seconds,
        "mb": megabytes,
        "cpu_s": report.worker_cpu_seconds,
        "worker_rss_mb": report.worker_peak_rss_kb / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("corpus", type=Path, help="JSONL(.gz) corpus, e.g. scale_news.jsonl.gz")
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--stages", default="clean,metadata,sentences", help="comma list, or 'all'")
    parser.add_argument("--workers", default="1,2", help="comma list of pool sizes to compare")
    parser.add_argument("--engine", default="local")
    args = parser.parse_args()
    stages = registry.available_stages() if args.stages == "all" else args.stages.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        n = take(args.corpus, args.limit, sample)
        size = os.path.getsize(sample) / 1e6
        print(f"{n} articles, {size:.1f} MB of JSONL; stages: {','.join(stages)}; cores: {os.cpu_count()}")
        for workers in [int(w) for w in args.workers.split(",")]:
            result = measure(sample, stages, args.engine, workers)
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{args.engine} workers={workers}: {result['documents']} docs, {result['failures']} failed, "
                f"{result['seconds']:.1f} s, {result['docs_per_s']:.0f} docs/s, "
                f"{result['mb_per_s']:.2f} MB/s of text ({result['mb_per_s'] / workers:.2f} per worker); "
                f"shards took {result['cpu_s']:.1f} CPU s = {result['mb'] / result['cpu_s']:.2f} MB "
                "per CPU-second; "
                f"peak RSS main {own:.0f} MB, largest worker {result['worker_rss_mb']:.0f} MB"
            )


if __name__ == "__main__":
    main()
