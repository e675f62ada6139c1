"""Everything in this process: for tests, debugging and small inputs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..io.base import Shard
from .base import ShardResult, ShardTask


class SerialEngine:
    name = "serial"

    def __init__(self, workers: int = 1):
        self.workers = 1

    def map(self, task: ShardTask, shards: Iterable[Shard]) -> Iterator[ShardResult]:
        for shard in shards:
            yield task(shard)

    def close(self) -> None:
        return None
