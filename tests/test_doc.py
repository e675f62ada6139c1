import json

from khabar.doc import (
    SCHEMA_VERSION,
    ActorRef,
    DateMention,
    Document,
    Entity,
    Event,
    Mention,
    Quote,
    Source,
    Span,
    Speaker,
)


def _rich_document() -> Document:
    doc = Document(id="a1", raw="raw text", title="عنوان", text="قال الوزير إن روسيا مستعدة.")
    doc.source = Source(outlet="UrduPoint", agency="Sputnik", published="2021-07-02", language="ar")
    doc.entities.append(
        Entity(id="RUS", name="Russia", name_ar="روسيا", type="LOC", country="RUS",
               mentions=[Mention(14, 19, "روسيا")])
    )
    doc.dates.append(DateMention(0, 3, "قال", "2021-07-02", "day", "relative"))
    doc.quotes.append(Quote(11, 26, "روسيا مستعدة", Speaker("person:x", "الوزير", 4, 10), "قال", False))
    doc.events.append(
        Event(id="a1:0", event="CONSULT", actor=[ActorRef("روسيا", "RUS", "RUS", None)],
              text_info=Span(0, 27), confidence=0.5)
    )
    return doc


def test_doc_round_trip_keeps_every_typed_part():
    doc = _rich_document()
    data = json.loads(json.dumps(doc.to_dict(include_raw=True, include_tokens=True)))
    assert data["schema_version"] == SCHEMA_VERSION
    again = Document.from_dict(data)
    assert again == doc
    assert isinstance(again.entities[0].mentions[0], Mention)
    assert isinstance(again.events[0].text_info, Span)
    assert again.quotes[0].speaker.entity == "person:x"


def test_doc_output_contract_has_the_minimal_fields():
    data = _rich_document().to_dict()
    assert "raw" not in data and "tokens" not in data
    for key in ("id", "title", "text", "source", "sentences", "entities", "dates", "quotes", "events"):
        assert key in data
    for key in ("outlet", "agency", "dateline", "published", "url", "language"):
        assert key in data["source"]


def test_doc_rejects_a_newer_schema():
    data = _rich_document().to_dict()
    data["schema_version"] = SCHEMA_VERSION + 1
    try:
        Document.from_dict(data)
    except ValueError as exc:
        assert "newer" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a newer schema must be refused")
