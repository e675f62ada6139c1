from typing import ClassVar

import pytest

from khabar.doc import Document
from khabar.errors import EmptyInput, PipelineConfigError
from khabar.pipeline import BaseStage, Pipeline


class Upper(BaseStage):
    name: ClassVar[str] = "upper"
    requires: ClassVar[frozenset[str]] = frozenset({"raw"})
    assigns: ClassVar[frozenset[str]] = frozenset({"text"})

    def __call__(self, doc):
        doc.text = doc.raw.upper()
        return doc


class NeedsEntities(BaseStage):
    name: ClassVar[str] = "needs"
    requires: ClassVar[frozenset[str]] = frozenset({"entities"})


class Exploding(BaseStage):
    name: ClassVar[str] = "boom"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})

    def __call__(self, doc):
        if doc.text == "EMPTY":
            raise EmptyInput("document is empty")
        raise RuntimeError("stage bug")


def test_pipeline_checks_requires_before_running():
    with pytest.raises(PipelineConfigError, match="requires"):
        Pipeline([NeedsEntities()])


def test_pipeline_runs_stages_in_order_and_traces_them():
    outcome = Pipeline([Upper()]).run_one(Document(id="1", raw="abc"))
    assert outcome.failure is None
    assert outcome.document.text == "ABC"
    assert [t.stage for t in outcome.document.trace] == ["upper"]


def test_pipeline_turns_stage_errors_into_failures():
    pipeline = Pipeline([Upper(), Exploding()])
    known = pipeline.run_one(Document(id="1", raw="empty"))
    assert known.document is None and known.failure.kind == "empty"
    bug = pipeline.run_one(Document(id="2", raw="x"))
    assert (bug.failure.kind, bug.failure.code) == ("stage", "K201")
    assert "stage boom failed" in bug.failure.message and "RuntimeError: stage bug" in bug.failure.message
    assert bug.failure.doc_id == "2"
