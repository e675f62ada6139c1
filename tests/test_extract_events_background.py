"""Background acts, topic nouns and re-mentions (sentences written for these tests)."""

from __future__ import annotations

import pytest

from khabar.doc import Event, Sentence
from khabar.eval.events import score_detection
from khabar.extract.events import EventStage
from seeded import countries
from test_extract_events import make_doc


@pytest.fixture(scope="module")
def stage() -> EventStage:
    s = EventStage()
    s.setup()
    return s


@pytest.fixture(scope="module")
def fresh_only() -> EventStage:
    s = EventStage(keep_background=False)
    s.setup()
    return s


def events_of(stage: EventStage, *sentences: str) -> list[Event]:
    text = " ".join(sentences)
    doc = make_doc(text)
    doc.sentences, start = [], 0
    for sentence in sentences:
        doc.sentences.append(Sentence(start, start + len(sentence)))
        start += len(sentence) + 1
    return stage(doc).events


RECALLED = (
    "ومنذ عام 2015، قصفت روسيا مرارا مواقع لحركة طالبان في باكستان.",
    "وجاء ذلك بعد الغارات التي شنتها الولايات المتحدة على كابول في عام 2019.",
)


@pytest.mark.parametrize("sentence", RECALLED)
def test_recalled_attack_is_kept_as_background(stage, fresh_only, sentence) -> None:
    events = [e for e in events_of(stage, sentence) if e.event == "ASSAULT"]
    assert events and "historical" in events[0].aux_mode
    assert events[0].confidence == pytest.approx(stage.threshold)
    # the same mechanism, asked for fresh reports only, drops it
    assert not [e for e in events_of(fresh_only, sentence) if e.event == "ASSAULT"]


def test_feared_attack_is_no_background_act(stage) -> None:
    assert not [e for e in events_of(stage, "ويخشى السكان من أن تقصف روسيا القرى.")
                if e.event == "ASSAULT"]  # fmt: skip


def test_topic_noun_is_no_event_but_voiced_support_is(stage) -> None:
    assert not events_of(stage, "ويهدف الدعم إلى تعزيز الاستقرار في باكستان.")
    support = [e for e in events_of(stage, "أعربت الصين عن دعمها لباكستان.")
               if e.event == "SUPPORT"]  # fmt: skip
    assert support and {a.country for a in support[0].actor} == {"CHN"}


def test_definite_re_mention_is_not_a_second_event(stage) -> None:
    first = "أعربت الصين عن دعمها لباكستان."
    again = "وجددت الصين الدعم لباكستان في كابول."
    alone = [e for e in events_of(stage, again) if e.event == "SUPPORT"]
    both = [e for e in events_of(stage, first, again) if e.event == "SUPPORT"]
    assert len(alone) == 1
    assert [e.event_text for e in both] == ["دعمها"]


def test_detection_counts_fresh_reports_only(stage) -> None:
    rows = [
        {"event_type": "ASSAULT", "label": "easy no", "text": RECALLED[0]},
        {"event_type": "ASSAULT", "label": "yes", "text": "قصفت روسيا أمس مواقع في باكستان."},
    ]

    def code(text: str) -> list[Event]:
        return events_of(stage, text)

    result = score_detection(rows, code)
    assert result["headline"]["ASSAULT"]["fp"] == 0
    assert result["background"]["ASSAULT"] == {"easy no": 1}


def test_visited_country_hosts_the_visit(stage) -> None:
    event = next(e for e in events_of(stage, "زار الصين أمس.") if e.event == "CONSULT")
    assert countries(event.recipient) == {"CHN"}
    assert "CHN" not in countries(event.actor)


def test_agent_phrase_names_the_killer(stage) -> None:
    sentence = "وجاء البيان بعد مقتل والده على أيدي مسلحون في كابول مطلع ديسمبر الماضي."
    event = next(e for e in events_of(stage, sentence) if e.event == "ASSAULT")
    assert [a.entity_text for a in event.actor] == ["مسلحون"]


def test_subject_before_a_counted_object_is_the_actor(stage) -> None:
    sentence = "وقالت الولايات المتحدة إن حركة طالبان قتلت ثلاثة من جنودها."
    event = next(e for e in events_of(stage, sentence) if e.event == "ASSAULT")
    assert countries(event.actor) == {"AFG"}
    assert "AFG" not in countries(event.recipient)


def test_qad_with_perfect_is_no_future(stage) -> None:
    sentence = "وكان قصف روسي قد استهدف مواقع لحركة طالبان في باكستان."
    events = [e for e in events_of(stage, sentence) if e.event == "ASSAULT"]
    assert events and all("future" not in e.aux_mode for e in events)


def test_intercepting_a_missile_is_no_rejection(stage) -> None:
    sentence = "وتمكنت الدفاعات الجوية في باكستان من اعتراض صاروخ أطلق من إيران."
    assert not [e for e in events_of(stage, sentence) if e.event == "REJECT"]
