"""Documents for stage tests: entity mentions seeded from a table instead of the entity stage,
so a test of a later stage fails only for that stage's own reasons; and runs of the entity
stage itself, with its offsets checked."""

from __future__ import annotations

from typing import Any

from khabar.doc import ActorRef, Document, Entity, Event, Mention, Sentence, Source
from khabar.extract.entities import EntityStage
from khabar.pipeline import Pipeline

# surface -> (id, type, kind, country, sector)
Seeds = dict[str, tuple[str, str, str, str | None, str | None]]


def seeded_document(
    text: str,
    seeds: Seeds,
    *,
    published: str | None = "2024-03-05",
    by_period: bool = True,
    skip_kinds: frozenset[str] = frozenset(),
) -> Document:
    """`text` with sentences (split after each «.», or the whole text) and one entity per seed
    found in it, with a mention at every occurrence."""
    doc = Document(id="t", text=text)
    doc.source.published = published
    doc.sentences = _period_sentences(text) if by_period else [Sentence(0, len(text))]
    for surface, (eid, etype, kind, country, sector) in seeds.items():
        if kind in skip_kinds:
            continue
        mentions, at = [], text.find(surface)
        while at >= 0:
            mentions.append(Mention(at, at + len(surface), surface))
            at = text.find(surface, at + len(surface))
        if mentions:
            doc.entities.append(
                Entity(eid, eid, surface, etype, country, sector, kind, mentions=mentions)
            )
    return doc


def _period_sentences(text: str) -> list[Sentence]:
    sentences, start = [], 0
    for i, char in enumerate(text):
        if char == ".":
            sentences.append(Sentence(start, i + 1))
            start = i + 2
    return sentences


def run_entities(stage: EntityStage, text: str, published: str | None = None) -> Document:
    """`text` through the entity stage, checking that every mention's offsets hold."""
    doc = Document(id="t", text=text, source=Source(published=published))
    stage(doc)
    for entity in doc.entities:
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
    return doc


def processed(pipeline: Pipeline, text: str, published: str | None = None) -> Document:
    """`text` through `pipeline` as one raw article; the test fails when the article does."""
    outcome = pipeline.run_one(Document(id="t", raw=text, source=Source(published=published)))
    assert outcome.document is not None, outcome.failure
    return outcome.document


def named(doc: Document, surface: str) -> list[Entity]:
    """The entities with a mention written exactly `surface`."""
    return [e for e in doc.entities if any(m.text == surface for m in e.mentions)]


def entity_stage() -> EntityStage:
    """The full entity stage (tagger included), set up."""
    stage = EntityStage()
    stage.setup()
    return stage


def by_id(doc: Document) -> dict[str, Entity]:
    return {e.id: e for e in doc.entities}


class FakeTagger:
    """Tags the given phrases (type, confidence) wherever they occur."""

    def __init__(self, phrases: dict[str, tuple[str, float]]):
        self.phrases = phrases

    def tag_scored(self, text: str, tokens: list) -> list[tuple[int, int, str, float]]:
        spans = []
        for phrase, (kind, confidence) in self.phrases.items():
            start = text.find(phrase)
            while start >= 0:
                spans.append((start, start + len(phrase), kind, confidence))
                start = text.find(phrase, start + 1)
        return sorted(spans)

    def tag(self, text: str, tokens: list) -> list[tuple[int, int, str]]:
        return [(s, e, k) for s, e, k, _ in self.tag_scored(text, tokens)]


def quoted_document(text: str, people: dict[str, tuple[str, str]]) -> Document:
    """For the quote stage: sentences split after «.» and line ends, and one entity (id, type)
    per given name with a mention at every occurrence."""
    entities = []
    for name, (entity_id, kind) in people.items():
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name))
            start = text.find(name, start + 1)
        entities.append(Entity(entity_id, entity_id, name, kind, mentions=mentions))
    sentences, start = [], 0
    for index, char in enumerate(text):
        if char in ".\n":
            sentences.append(Sentence(start, index + 1))
            start = index + 1
    if start < len(text):
        sentences.append(Sentence(start, len(text)))
    return Document(id="t", text=text, sentences=sentences, entities=entities)


def quote_speakers(stage: Any, doc: Document) -> list[tuple[str, str | None, str | None]]:
    """(quote, speaker entity, speaker text) of each quotation the quote stage finds."""
    return [
        (q.text, q.speaker.entity if q.speaker else None, q.speaker.text if q.speaker else None)
        for q in stage(doc).quotes
    ]


def entity_and_coref_stages() -> tuple[EntityStage, Any]:
    """The entity stage without the tagger, and coreference, both set up."""
    from khabar.extract.coref import CorefStage

    entities, coref = EntityStage(use_crf=False), CorefStage()
    entities.setup()
    coref.setup()
    return entities, coref


def typed_events(pipeline: Pipeline, text: str, kind: str) -> list[Event]:
    """The events of one PLOVER type that `text` gives through `pipeline`."""
    return [e for e in processed(pipeline, text).events if e.event == kind]


def codes(refs: list[ActorRef]) -> set[str | None]:
    return {r.code for r in refs}


def countries(refs: list[ActorRef]) -> set[str | None]:
    return {r.country for r in refs}
