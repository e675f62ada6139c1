from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from khabar.doc import Document, Entity, Mention
from khabar.eval.ner import (
    covered_tokens,
    evaluate_conll,
    format_report,
    read_conll,
    score_spans,
)
from khabar.extract.crf import CrfTagger
from khabar.pipeline import BaseStage, Pipeline

FIXTURE = Path(__file__).parent / "resources" / "ner" / "tiny.conll"

# what the fake system "finds" in each sentence: (substring, type)
PREDICTIONS = {
    "زار": [("محمد علي", "PER"), ("القاهرة", "LOC")],  # clitic و left outside the span
    "أعلنت": [("وزارة الخارجية", "ORG")],  # too short: a false positive and a miss
    "وصل": [("بغداد", "ORG"), ("لى بغد", "LOC")],  # wrong type; a span touching 2 tokens
    "فاز": [("كأس العالم", "MISC")],  # inside «بكأس»: covers the whole token
}


class FakeEntities(BaseStage):
    name: ClassVar[str] = "fake-entities"
    requires: ClassVar[frozenset[str]] = frozenset({"raw"})
    assigns: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __call__(self, doc: Document) -> Document:
        for text, kind in PREDICTIONS[doc.text.split()[0]]:
            start = doc.text.index(text)
            mention = Mention(start, start + len(text), text, source="model")
            doc.entities.append(Entity(id=text, name=text, type=kind, mentions=[mention]))
        return doc


def test_eval_ner_read_conll_sentences() -> None:
    sentences = read_conll(FIXTURE)
    assert len(sentences) == 4
    words, tags = sentences[0]
    assert words[4] == "والقاهرة" and tags[4] == "B-LOC"


def test_eval_ner_covered_tokens_overlap() -> None:
    starts, ends = [0, 4, 10], [3, 9, 15]
    assert covered_tokens(starts, ends, 5, 7) == (1, 1)
    assert covered_tokens(starts, ends, 2, 12) == (0, 2)
    assert covered_tokens(starts, ends, 3, 4) is None  # only the space


def test_eval_ner_known_scores_on_fixture() -> None:
    result = evaluate_conll(FIXTURE, pipeline=Pipeline([FakeEntities()]))
    types = result["types"]
    assert (types["PER"]["tp"], types["PER"]["fp"], types["PER"]["fn"]) == (1, 0, 1)
    assert types["PER"]["precision"] == 1.0 and types["PER"]["recall"] == 0.5
    assert types["PER"]["f1"] == pytest.approx(2 / 3)
    assert (types["LOC"]["tp"], types["LOC"]["fp"], types["LOC"]["fn"]) == (1, 1, 1)
    assert (types["ORG"]["tp"], types["ORG"]["fp"], types["ORG"]["fn"]) == (0, 2, 1)
    assert types["MISC"]["f1"] == 1.0
    micro = result["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (2, 3, 3)  # MISC stays out
    assert micro["f1"] == pytest.approx(0.4)
    assert result["system"] == "pipeline:fake-entities"
    assert result["sentences"] == 4


def test_eval_ner_start_fraction_and_limit() -> None:
    result = evaluate_conll(FIXTURE, pipeline=Pipeline([FakeEntities()]), start_fraction=0.5)
    assert result["sentences"] == 2
    assert result["types"]["PER"]["fn"] == 1  # only «أحمد» of the third sentence
    result = evaluate_conll(FIXTURE, pipeline=Pipeline([FakeEntities()]), limit=1)
    assert result["sentences"] == 1
    assert result["micro"]["f1"] == 1.0


def test_eval_ner_score_spans_empty() -> None:
    result = score_spans(set(), set())
    assert result["micro"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 0,
    }


def test_eval_ner_format_report_plain_table() -> None:
    report = format_report(evaluate_conll(FIXTURE, pipeline=Pipeline([FakeEntities()])))
    lines = report.splitlines()
    assert lines[0].startswith("system: pipeline:fake-entities")
    micro = next(line for line in lines if line.startswith("micro"))
    assert micro.split()[-6:] == ["40.0", "40.0", "40.0", "2", "3", "3"]
    assert any(line.startswith("MISC") for line in lines)


@pytest.mark.skipif(CrfTagger.load() is None, reason="no NER model shipped")
def test_eval_ner_crf_alone_runs() -> None:
    result = evaluate_conll(FIXTURE, pipeline="crf")
    assert result["system"] == "crf"
    assert result["sentences"] == 4
    assert 0.0 <= result["micro"]["f1"] <= 1.0
