"""The engine protocol and the per-shard task every engine runs.

Engines schedule shards; they never know about stages. `ShardTask` is what a worker
does with one shard: read it, run the pipeline, serialise the documents. The same shard
gives the same result on every engine.
"""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..doc import Failure
from ..io.base import ReadOptions, Shard
from ..pipeline import Outcome, Pipeline, RunStats
from ..store.hashing import document_hash


@dataclass(slots=True)
class PipelineSpec:
    """A picklable description of a pipeline: stage names and their settings."""

    stages: list[str]
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    kb_extra: list[str] = field(default_factory=list)  # users' folders of lexicon rows

    def build(self) -> Pipeline:
        from ..kb.tsv import use_extra_dirs
        from ..registry import build_pipeline

        use_extra_dirs(self.kb_extra)  # in every worker, before a stage reads a lexicon
        return build_pipeline(self.stages, self.settings)


@dataclass(slots=True)
class Processed:
    """One input item after the pipeline: a serialised document or a failure."""

    doc_id: str | None
    document: str | None  # JSON of Document.to_dict()
    failure: Failure | None
    content_hash: str | None = None

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        # workers send thousands a shard: a tuple pickles in half the time of the slots' state
        return (Processed, (self.doc_id, self.document, self.failure, self.content_hash))


@dataclass(slots=True)
class ShardResult:
    shard: Shard
    items: list[Processed]
    stats: RunStats
    worker_peak_rss_kb: int = 0  # of the process that ran the shard, for benchmarks
    cpu_seconds: float = 0.0  # spent on the shard (reading, stages, serialising), not set-up


class ShardTask:
    """Read a shard, run the pipeline on each document, serialise the outcomes."""

    def __init__(self, spec: PipelineSpec, options: ReadOptions):
        self.spec = spec
        self.options = options
        self._pipeline: Pipeline | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"spec": self.spec, "options": self.options, "_pipeline": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self.spec.build()
            self._pipeline.setup()
        return self._pipeline

    def __call__(self, shard: Shard) -> ShardResult:
        from ..io.readers import read_shard

        stats = RunStats()
        items: list[Processed] = []
        pipeline = self.pipeline  # set up on the first shard: not the shard's work
        started = time.process_time()
        for outcome in pipeline.run(read_shard(shard, self.options)):
            stats.add(outcome)
            items.append(_serialise(outcome))
        cpu = time.process_time() - started
        light = Shard(
            shard.reader, shard.path, shard.start, shard.end, shard.first_line, None, shard.size
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return ShardResult(light, items, stats, peak, cpu)


# the same text as json.dumps(..., ensure_ascii=False), without building an encoder per
# document; to_dict builds a tree, so the check for circular references is not needed
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _serialise(outcome: Outcome) -> Processed:
    if outcome.document is None:
        failure = outcome.failure
        return Processed(failure.doc_id if failure else None, None, failure)
    doc = outcome.document
    return Processed(
        doc.id,
        _ENCODE(doc.to_dict()),
        outcome.failure,
        document_hash(doc),
    )


class Engine(Protocol):
    name: str

    def map(self, task: ShardTask, shards: Iterable[Shard]) -> Iterator[ShardResult]:
        """Run `task` on every shard; results come back in shard order."""
        ...

    def close(self) -> None: ...
