"""Runs a pipeline over inputs on an engine and hands every result to a sink.

This is the one place that connects readers, engines and outputs; the CLI, benchmarks
and tests all go through `run_batch`, so they measure and test the same path.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .doc import Failure
from .engines.base import Engine, PipelineSpec, Processed, ShardTask
from .io.base import ReadOptions, Shard
from .pipeline import RunStats

DEFAULT_SHARD_BYTES = 2 << 20


@dataclass
class BatchReport:
    stats: RunStats = field(default_factory=RunStats)
    seconds: float = 0.0
    input_bytes: int = 0
    worker_peak_rss_kb: int = 0
    worker_cpu_seconds: float = 0.0  # summed over shards, wherever they ran

    @property
    def failed(self) -> int:
        return sum(self.stats.failures.values())


def run_batch(
    paths: list[str],
    *,
    spec: PipelineSpec,
    engine: Engine,
    options: ReadOptions | None = None,
    sink: Callable[[Processed], None],
    on_shard: Callable[[int, int, int], None] | None = None,
    shard_bytes: int = DEFAULT_SHARD_BYTES,
) -> BatchReport:
    """Read `paths`, run the pipeline described by `spec` on `engine`, feed `sink` in order.

    `on_shard(documents, failures, bytes)` is called after each shard, for progress bars.
    Failures found while planning (a missing file, a truncated archive) go to the sink too.
    """
    from .io.readers import plan_shards

    options = options or ReadOptions()
    report = BatchReport()
    planning_failures: list[Failure] = []
    started = time.perf_counter()

    def shards() -> Iterator[Shard]:
        for item in plan_shards(paths, options, shard_bytes):
            if isinstance(item, Failure):
                planning_failures.append(item)
            else:
                yield item

    def flush_planning_failures() -> None:
        while planning_failures:
            failure = planning_failures.pop(0)
            report.stats.failures[failure.kind] += 1
            sink(Processed(failure.doc_id, None, failure))
            if on_shard:
                on_shard(0, 1, 0)

    task = ShardTask(spec, options)
    for result in engine.map(task, shards()):
        flush_planning_failures()
        for item in result.items:
            sink(item)
        report.stats.merge(result.stats)
        report.input_bytes += result.shard.size
        report.worker_peak_rss_kb = max(report.worker_peak_rss_kb, result.worker_peak_rss_kb)
        report.worker_cpu_seconds += result.cpu_seconds
        if on_shard:
            on_shard(result.stats.documents, sum(result.stats.failures.values()), result.shard.size)
    flush_planning_failures()
    report.seconds = time.perf_counter() - started
    return report


def input_size(paths: list[str]) -> int:
    """Bytes on disk of the inputs (for a progress bar's total); 0 when unknown."""
    total = 0
    for path in paths:
        if path == "-" or "://" in path:
            continue
        if os.path.isdir(path):
            for root, _dirs, files in os.walk(path):
                total += sum(_size(os.path.join(root, name)) for name in files)
        else:
            total += _size(path)
    return total


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
