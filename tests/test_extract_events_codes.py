from khabar.doc import Document, Source
from khabar.extract.event_actors import Participant
from khabar.registry import available_stages, build_pipeline


def test_events_codes_an_international_body_once():
    body = Participant(0, 5, "الناتو", "org:nato", "IGO", "IGO", "igo")
    assert body.ref().code == "IGO"
    army = Participant(0, 5, "الجيش", None, "AFG", "MIL", "agent")
    assert army.ref().code == "AFGMIL"


def test_events_foreign_forces_do_not_take_the_country_around_them():
    text = (
        "بغداد - أعلنت الحكومة العراقية أمس انسحاب القوات الأجنبية من البلاد بشكل كامل "
        "بعد سنوات من الوجود العسكري في المنطقة."
    )
    pipeline = build_pipeline(available_stages())
    doc = pipeline.run_one(Document(id="t", raw=text, source=Source(published="2022-02-14"))).document
    retreats = [e for e in doc.events if e.event == "RETREAT"]
    assert retreats, doc.events
    assert all(actor.country != "IRQ" for actor in retreats[0].actor)
