"""Stages and the pipeline that composes them.

A stage is a small class: keyword-only settings in `__init__`, heavy resources loaded
once in `setup()` (per worker), `__call__(doc) -> doc`. It declares the document fields
it `requires` and `assigns`, so the pipeline checks the order before anything runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from .doc import Document, Failure
from .errors import KhabarError, PipelineConfigError, StageError, failure_from_exception

# fields a reader fills before any stage runs
READER_FIELDS = frozenset({"id", "raw", "source"})


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def setup(self) -> None: ...

    def __call__(self, doc: Document) -> Document: ...


class BaseStage:
    """Convenience base: no resources, settings exposed for the pipeline description."""

    name: ClassVar[str] = "stage"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset()
    assigns: ClassVar[frozenset[str]] = frozenset()

    def setup(self) -> None:
        return None

    def settings(self) -> dict[str, Any]:
        return {key: value for key, value in vars(self).items() if not key.startswith("_")}

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(slots=True)
class Outcome:
    """What running the pipeline over one input item produced."""

    document: Document | None = None
    failure: Failure | None = None


@dataclass
class RunStats:
    documents: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    bytes: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.failure is not None:
            self.failures[outcome.failure.kind] += 1
        if outcome.document is not None:
            self.documents += 1
            self.bytes += len(outcome.document.raw.encode("utf-8", "surrogatepass"))
            if outcome.document.flags:  # Counter.update costs a call even when empty
                self.flags.update(outcome.document.flags)

    def merge(self, other: RunStats) -> None:
        self.documents += other.documents
        self.failures.update(other.failures)
        self.flags.update(other.flags)
        self.bytes += other.bytes


class Pipeline:
    """An ordered list of stages, checked once, then run on documents."""

    def __init__(self, stages: Sequence[Stage]):
        self.stages = list(stages)
        self.check()
        self._ready = False

    def check(self) -> None:
        available = set(READER_FIELDS)
        for stage in self.stages:
            missing = set(stage.requires) - available
            if missing:
                raise PipelineConfigError(
                    f"stage {stage.name!r} requires {sorted(missing)} which no earlier stage assigns",
                    hint="reorder the stages or add the stage that assigns them",
                )
            available |= set(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def setup(self) -> None:
        if not self._ready:
            for stage in self.stages:
                stage.setup()
            self._ready = True

    def run_one(self, doc: Document) -> Outcome:
        """Run every stage on one document; an error becomes a recorded failure."""
        self.setup()
        for stage in self.stages:
            try:
                doc = stage(doc)
            except KhabarError as exc:
                return Outcome(None, _failure(exc, doc))
            except Exception as exc:  # a bug in a stage must not kill the batch
                detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
                error = StageError(f"stage {stage.name} failed on this document: {detail}")
                return Outcome(None, _failure(error, doc))
            doc.mark(stage.name, stage.version)
        return Outcome(doc, None)

    def run(self, docs: Iterable[Document | Failure]) -> Iterator[Outcome]:
        for item in docs:
            if isinstance(item, Failure):
                yield Outcome(None, item)
            else:
                yield self.run_one(item)


def _failure(exc: BaseException, doc: Document) -> Failure:
    return failure_from_exception(exc, path=doc.source.path, line=doc.source.line, doc_id=doc.id)
