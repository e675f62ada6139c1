"""An office belongs to a state or a region that governs itself, not to an area of several
states: «رئيس الخليج» is a club's chairman, not the Gulf's head of state."""

from __future__ import annotations

from seeded import processed


def _ids(pipeline, text: str) -> set[str]:
    return {e.id for e in processed(pipeline, text, published="2018-05-22").entities}


def test_an_area_of_several_states_has_no_head_of_state(pipeline):
    ids = _ids(pipeline, "وقال رئيس الخليج إن الفريق جاهز للموسم الجديد.")
    assert not any(i.startswith("role:") for i in ids)


def test_a_region_of_one_state_keeps_its_offices(pipeline):
    ids = _ids(pipeline, "وقال رئيس إقليم الباسك إن الاستفتاء حق للسكان.")
    assert "role:region:basque_country:head_of_state" in ids
