"""An outlet written as a hashtag (words joined by underscores) is read like any other."""

from __future__ import annotations

from khabar.extract.entities import EntityStage
from seeded import run_entities as run


def test_an_outlet_in_a_hashtag_is_an_outlet() -> None:
    stage = EntityStage(use_crf=False)
    stage.setup()
    doc = run(stage, "ونشرت #مجلة_الأفق_الكندية تقريرا عن الأزمة.")
    media = [e for e in doc.entities if e.kind == "media"]
    assert [(e.name, e.country) for e in media] == [("الأفق", "CAN")]
    assert [m.text for m in media[0].mentions] == ["مجلة_الأفق_الكندية"]
