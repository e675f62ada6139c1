"""Event evaluation protocol on a tiny hand-written gold set, with a stub pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from khabar.doc import ActorRef, Event
from khabar.eval.events import evaluate_events, format_report
from khabar.pipeline import Outcome


class StubPipeline:
    """Codes ASSAULT when the sentence contains «هجوم», PROTEST for «تظاهر»."""

    def run_one(self, doc):
        events = []
        if "هجوم" in doc.raw:
            actor = ActorRef("مسلحون", "agent:UAF", "UAF", "UAF", None)
            target = ActorRef("الصحافيين", "agent:IRQ:JRN", "IRQJRN", "JRN", "IRQ")
            events.append(Event(id="x", event="ASSAULT", actor=[actor], recipient=[target]))
        if "تظاهر" in doc.raw:
            events.append(Event(id="y", event="PROTEST"))
        doc.events = events
        return Outcome(doc, None)


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    return path


def test_evaluate_events_detection_and_coding(tmp_path: Path) -> None:
    det = [
        {
            "id": "1",
            "article": "a",
            "event_type": "ASSAULT",
            "label": "yes",
            "text": "هجوم في المدينة",
        },
        {"id": "2", "article": "a", "event_type": "ASSAULT", "label": "yes", "text": "قصف البلدة"},
        {
            "id": "3",
            "article": "b",
            "event_type": "ASSAULT",
            "label": "easy no",
            "text": "هجوم سابق",
        },
        {"id": "4", "article": "b", "event_type": "ASSAULT", "label": "easy no", "text": "اجتماع"},
        {
            "id": "5",
            "article": "b",
            "event_type": "ASSAULT",
            "label": "difficult no",
            "text": "هجوم ما",
        },
        {
            "id": "6",
            "article": "c",
            "event_type": "PROTEST",
            "label": "yes",
            "text": "تظاهر الطلاب",
        },
        {"id": "7", "article": "c", "event_type": "PROTEST", "label": "ambiguous", "text": "تظاهر"},
    ]
    coded = [
        {
            "id": "c1",
            "text": "هجوم على الصحافيين",
            "plover": "ASSAULT",
            "source_country": None,
            "source_agent": "UAF",
            "target_country": "IRQ",
            "target_agent": "MED",
        },
        {
            "id": "c2",
            "text": "احتجاج",
            "plover": "PROTEST",
            "source_country": None,
            "source_agent": "CVL",
            "target_country": None,
            "target_agent": None,
        },
    ]
    result = evaluate_events(
        write(tmp_path / "d.jsonl", det),
        write(tmp_path / "c.jsonl", coded),
        pipeline=StubPipeline(),
    )
    assault = result["detection"]["headline"]["ASSAULT"]
    assert (assault["tp"], assault["fp"], assault["fn"]) == (1, 1, 1)
    assert result["detection"]["hard_negative"]["ASSAULT"]["rate"] == 1.0
    assert result["detection"]["full"]["ASSAULT"]["fp"] == 2
    assert result["detection"]["headline"]["PROTEST"]["f1"] == 1.0
    coding = result["coding"]
    assert coding["recall"]["all"]["recall"] == 0.5
    # JRN (PLOVER media) is scored as CAMEO MED
    assert coding["actors"]["target_agent"]["accuracy"] == 1.0
    assert coding["actors"]["source_agent"]["n"] == 1
    report = format_report(result)
    assert "ASSAULT" in report and "target_country" in report


def test_evaluate_events_codes_with_the_publication_date_only_for_coded_rows(tmp_path: Path) -> None:
    seen: list[tuple[str, str | None]] = []

    class Recording(StubPipeline):
        def run_one(self, doc):
            seen.append((doc.raw, doc.source.published))
            return super().run_one(doc)

    det = [{"id": "1", "article": "a", "event_type": "ASSAULT", "label": "yes", "text": "هجوم أول"}]
    coded = [{"id": "c", "text": "هجوم ثان", "plover": "ASSAULT", "date": "20080110"}]
    evaluate_events(write(tmp_path / "d.jsonl", det), write(tmp_path / "c.jsonl", coded),
                    pipeline=Recording())  # fmt: skip
    assert seen == [("هجوم أول", None), ("هجوم ثان", "2008-01-10")]
