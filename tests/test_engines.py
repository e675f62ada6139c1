import importlib.util
import json

import pytest

from khabar import registry
from khabar.engines.base import PipelineSpec
from khabar.io.base import ReadOptions
from khabar.runner import run_batch

FOUNDATION = PipelineSpec(registry.FOUNDATION_STAGES)


def _run(path, engine_name, workers, shard_bytes=1500):
    engine = registry.make_engine(engine_name, workers)
    items = []
    try:
        report = run_batch(
            [str(path)], spec=FOUNDATION, engine=engine, options=ReadOptions(),
            sink=items.append, shard_bytes=shard_bytes,
        )
    finally:
        engine.close()
    documents = [json.loads(i.document) for i in items if i.document]
    failures = [(f.kind, f.line) for f in (i.failure for i in items) if f]
    return documents, failures, report


def test_engines_serial_gives_every_document_in_order_and_records_the_bad_line(small_jsonl):
    documents, failures, report = _run(small_jsonl, "serial", 1)
    assert [d["id"] for d in documents] == [f"art-{i}" for i in range(30)]
    assert failures == [("malformed", 13)]
    assert report.stats.documents == 30
    assert all(d["source"]["published"] for d in documents)


def test_engines_local_pool_gives_the_same_output_as_serial(small_jsonl):
    serial = _run(small_jsonl, "serial", 1)
    pooled = _run(small_jsonl, "local", 2)
    assert pooled[0] == serial[0]
    assert pooled[1] == serial[1]


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask not installed")
def test_engines_dask_gives_the_same_output_as_serial(small_jsonl):
    serial = _run(small_jsonl, "serial", 1)
    on_dask = _run(small_jsonl, "dask", 2)
    assert on_dask[0] == serial[0]
    assert on_dask[1] == serial[1]
