"""Who did it to whom in the full pipeline: victims of explosions and deaths, reporters of
an attack, «قام X ب…», protesters, and place nouns before a setting.

Every sentence is written for this test.
"""

from __future__ import annotations

import pytest

from khabar.extract.event_roles import bare_direction
from khabar.text.normalize import fold_text
from seeded import typed_events as events


def sectors(refs) -> set[str | None]:
    return {r.sector for r in refs}


def test_patrol_hit_by_explosion_is_the_target(pipeline):
    found = events(pipeline, "انفجرت عبوة ناسفة لدى مرور دورية للشرطة في الموصل أمس.", "ASSAULT")
    assert found
    assert any("COP" in sectors(e.recipient) and "COP" not in sectors(e.actor) for e in found)


def test_who_reports_a_death_is_no_actor(pipeline):
    text = "وأعلنت مصادر أمنية عراقية مقتل أربعة أشخاص في انفجار سيارة مفخخة في الموصل."
    found = events(pipeline, text, "ASSAULT")
    assert found
    assert all(not any("مصادر" in r.entity_text for r in e.actor) for e in found)
    assert any("CVL" in sectors(e.recipient) for e in found)


def test_light_verb_subject_is_the_actor(pipeline):
    found = events(pipeline, "وقام مسلحون بخطف خمسة جنود قرب الحدود.", "ASSAULT")
    assert found
    assert any("UAF" in sectors(e.actor) and "MIL" in sectors(e.recipient) for e in found)


def test_named_protesters_act(pipeline):
    text = "وأحرق المتظاهرون الإطارات أمام مقر الحكومة في العاصمة أمس احتجاجا على الغلاء."
    found = events(pipeline, text, "PROTEST")
    assert found
    assert all("CVL" in sectors(e.actor) for e in found)


@pytest.mark.parametrize(
    ("word", "bare"),
    [("بمدينة", "مدينه"), ("بلدة", "بلده"), ("بجنوب", "جنوب"), ("الحكومة", None)],
)
def test_place_nouns_lead_to_the_setting(word: str, bare: str | None):
    assert bare_direction(fold_text(word)) == bare


def test_agent_marked_actor_stays(pipeline):
    found = events(pipeline, "وقتل ثلاثة مدنيين على أيدي قوات الاحتلال قرب نابلس أمس.", "ASSAULT")
    assert found
    assert any("MIL" in sectors(e.actor) and "CVL" in sectors(e.recipient) for e in found)


def test_bomber_of_the_sentence_caused_the_deaths(pipeline):
    text = "وقالت الشرطة إن انتحاريا فجر نفسه في السوق مما أسفر عن مقتل سبعة أشخاص في الموصل."
    found = events(pipeline, text, "ASSAULT")
    assert found
    assert all("UAF" in sectors(e.actor) for e in found)
