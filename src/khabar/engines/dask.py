"""Dask engine: the same shards and the same task, scheduled on a Dask cluster.

Give `KHABAR_DASK_SCHEDULER` (or `scheduler=`) the address of an existing cluster;
without one a local cluster of `workers` processes is started for the run. Inputs must be
readable from every worker (a shared file system or object store path), as with any
Dask deployment. Results come back in shard order, with a bounded number in flight.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import PipelineConfigError
from ..io.base import Shard
from .base import ShardResult, ShardTask


class DaskEngine:
    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.scheduler = scheduler or os.environ.get("KHABAR_DASK_SCHEDULER")
        self._client = None
        self._cluster = None

    def _connect(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise PipelineConfigError(
                "the dask engine needs dask.distributed", hint="pip install 'khabar[dask]'"
            ) from exc
        if self._client is None:
            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=40,
                )
                self._client = Client(self._cluster)
        return self._client

    def map(self, task: ShardTask, shards: Iterable[Shard]) -> Iterator[ShardResult]:
        client = self._connect()
        remote_task = client.scatter(task, broadcast=True)
        window = 2 * self.workers + 1
        pending: deque = deque()
        for shard in shards:
            pending.append(client.submit(_run, remote_task, shard, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None


def _run(task: ShardTask, shard: Shard) -> ShardResult:
    # the scattered task is one object per worker, so its pipeline is built once per worker
    return task(shard)
