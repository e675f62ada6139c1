"""One explicit table of what can be plugged in: stages, readers, engines.

Entries are import paths, resolved on first use, so importing khabar stays cheap and
there is no import-time registration scattered over modules.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import PipelineConfigError

STAGES: dict[str, str] = {
    "clean": "khabar.clean.boilerplate:CleanStage",
    "metadata": "khabar.clean.metadata:MetadataStage",
    "sentences": "khabar.text.sentences:SentenceStage",
    "entities": "khabar.extract.entities:EntityStage",
    "coref": "khabar.extract.coref:CorefStage",
    "dates": "khabar.extract.dates:DateStage",
    "amounts": "khabar.extract.amounts:AmountStage",
    "quotes": "khabar.extract.quotes:QuoteStage",
    "events": "khabar.extract.events:EventStage",
}

# the order a full run uses; earlier prefixes are valid pipelines too
DEFAULT_STAGES = ["clean", "metadata", "sentences", "entities", "coref", "dates", "amounts", "quotes", "events"]
FOUNDATION_STAGES = ["clean", "metadata", "sentences"]

READERS: dict[str, str] = {
    "text": "khabar.io.text:TextReader",
    "jsonl": "khabar.io.jsonl:JsonlReader",
    "html": "khabar.io.html:HtmlReader",
    "warc": "khabar.io.warc:WarcReader",
    "rss": "khabar.io.rss:RssReader",
    "stdin": "khabar.io.text:StdinReader",
}

ENGINES: dict[str, str] = {
    "serial": "khabar.engines.serial:SerialEngine",
    "local": "khabar.engines.local:LocalEngine",
    "dask": "khabar.engines.dask:DaskEngine",
}


def resolve(table: dict[str, str], name: str, what: str) -> Any:
    try:
        target = table[name]
    except KeyError:
        raise PipelineConfigError(
            f"unknown {what} {name!r}", hint=f"choose one of: {', '.join(sorted(table))}"
        ) from None
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def available_stages() -> list[str]:
    """Stages of the default order whose module is present in this install."""
    names = []
    for name in DEFAULT_STAGES:
        try:
            resolve(STAGES, name, "stage")
        except (ImportError, AttributeError):
            continue
        names.append(name)
    return names


def build_pipeline(names: list[str], settings: dict[str, dict[str, Any]] | None = None):
    from .pipeline import Pipeline

    settings = settings or {}
    stages = [resolve(STAGES, name, "stage")(**settings.get(name, {})) for name in names]
    return Pipeline(stages)


def make_reader(name: str):
    return resolve(READERS, name, "reader")()


def make_engine(name: str, workers: int | None = None):
    return resolve(ENGINES, name, "engine")(workers=workers)
