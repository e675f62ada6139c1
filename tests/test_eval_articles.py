from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from khabar.doc import Document, Entity, Event, Mention, Sentence, Span
from khabar.eval.articles import evaluate_articles, format_report
from khabar.extract.dates import DateStage
from khabar.extract.quotes import QuoteStage
from khabar.pipeline import BaseStage, Pipeline

RESOURCES = Path(__file__).parent / "resources" / "eval_articles"


class _Prepare(BaseStage):
    """Stands in for clean, sentences and entities: raw text, sentences at «.», one person."""

    name: ClassVar[str] = "prepare"
    assigns: ClassVar[frozenset[str]] = frozenset({"text", "sentences", "entities", "events"})

    def __call__(self, doc: Document) -> Document:
        doc.text = doc.raw
        start = 0
        for index, char in enumerate(doc.text):
            if char == ".":
                doc.sentences.append(Sentence(start, index + 1))
                start = index + 1
        name = "سامر الخطيب"
        at = doc.text.find(name)
        if at >= 0:
            mention = Mention(at, at + len(name), name)
            doc.entities.append(
                Entity("person:khatib", "Samer al-Khatib", name, "PER", mentions=[mention])
            )
            first = doc.sentences[0]
            doc.events.append(Event("e1", "AGREE", text_info=Span(first.start, first.end)))
        return doc


def test_eval_articles_scores_every_task() -> None:
    pipeline = Pipeline([_Prepare(), DateStage(), QuoteStage()])
    result = evaluate_articles(
        RESOURCES / "articles.jsonl", RESOURCES / "gold.json", pipeline=pipeline
    )
    assert result["articles"] == 2
    dates = result["dates"]
    assert (dates["gold"], dates["found"], dates["exact"]) == (3, 3, 3)
    assert dates["precision"] == 1.0
    quotes = result["quotes"]
    assert (quotes["gold"], quotes["found"], quotes["speaker_right"]) == (3, 3, 3)
    assert result["entities"]["recall"] == 1.0
    events = result["events"]
    assert (events["gold"], events["found"], events["precision"]) == (1, 1, 1.0)
    assert events["actor_country_accuracy"] == 0.0  # the event has no actor
    report = format_report(result)
    assert "dates" in report and "AGREE" in report
