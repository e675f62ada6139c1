"""A local process pool: the default engine.

Each worker builds the pipeline once (stage `setup()` loads lexicons and models) and
then receives shards, never single documents, so inter-process traffic stays small.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator

from ..io.base import Shard
from .base import ShardResult, ShardTask

_WORKER_TASK: ShardTask | None = None


def _init_worker(task: ShardTask) -> None:
    global _WORKER_TASK
    _WORKER_TASK = task
    _ = task.pipeline  # load resources once per worker, before the first shard
    # Lexicons and automata live as long as the worker: keep the collector off them, and
    # collect young objects less often (token and mention objects come by the million).
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _run_shard(shard: Shard) -> ShardResult:
    assert _WORKER_TASK is not None
    return _WORKER_TASK(shard)


class LocalEngine:
    name = "local"

    def __init__(self, workers: int | None = None):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.window = 2 * self.workers + 1

    def map(self, task: ShardTask, shards: Iterable[Shard]) -> Iterator[ShardResult]:
        if self.workers == 1:
            yield from (task(shard) for shard in shards)
            return
        context = mp.get_context("forkserver" if os.name != "nt" else "spawn")
        with context.Pool(self.workers, initializer=_init_worker, initargs=(task,)) as pool:
            # Pool.imap would drain the shard iterator at once (shards of a gzip stream
            # carry their records): a bounded window keeps memory flat on huge inputs.
            pending: deque = deque()
            for shard in shards:
                pending.append(pool.apply_async(_run_shard, (shard,)))
                if len(pending) >= self.window:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()

    def close(self) -> None:
        return None
