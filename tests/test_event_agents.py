"""Actor sectors of events: victims named by a casualty word, the kinds among them, a title
that gives a person a sector, counted victims after a killing verb, agent nouns in their
accusative and construct forms, and what a verb of aiming names.

Every sentence is written for this test.
"""

from __future__ import annotations

from khabar.extract.event_actors import Participant
from khabar.extract.event_participants import split_nominatives, titled_people
from khabar.extract.event_role_rules import among, casualties
from seeded import typed_events as events


def sectors(refs) -> set[str | None]:
    return {r.sector for r in refs}


def assaults(pipeline, text: str):
    found = events(pipeline, text, "ASSAULT")
    assert found, text
    return found


def test_victim_of_a_casualty_word_rather_than_the_place(pipeline):
    text = "وأعلنت الشرطة مقتل رجل دين وإصابة ثلاثة آخرين في انفجار عبوة في مدينة كركوك."
    found = assaults(pipeline, text)
    assert any("REL" in sectors(e.recipient) for e in found)
    assert all("REL" not in sectors(e.actor) for e in found)


def test_counted_victims_after_the_verb_are_the_target(pipeline):
    text = "وسقطت قذائف على مواقع في جنوب وزيرستان فقتلت 12 متمردا بحسب مصادر محلية."
    found = assaults(pipeline, text)
    assert any("REB" in sectors(e.recipient) for e in found)


def test_accusative_gunmen_counted_are_victims(pipeline):
    text = "وقالت مصادر عسكرية إن غارة جوية أدت إلى مقتل عشرة مسلحين قرب الحدود."
    found = assaults(pipeline, text)
    assert any("UAF" in sectors(e.recipient) for e in found)


def test_kinds_among_the_victims_are_recipients(pipeline):
    text = "وأسفر الانفجار عن مقتل 14 شخصا على الأقل بينهم قضاة ومحامون في العاصمة."
    found = assaults(pipeline, text)
    assert any({"CVL", "JUD"} <= sectors(e.recipient) for e in found)


def test_title_gives_an_unknown_person_a_sector(pipeline):
    text = "واغتال مسلحون مجهولون رجل الدين الشيعي الشيخ كاظم الفتلاوي في مدينة الحلة."
    found = assaults(pipeline, text)
    assert any("REL" in sectors(e.recipient) for e in found)
    assert all("REL" not in sectors(e.actor) for e in found)


def test_barracks_aimed_at_joins_the_victims(pipeline):
    text = "قتل 9 أشخاص في هجوم بسيارة مفخخة استهدف ثكنة عسكرية في مدينة البويرة أمس."
    found = assaults(pipeline, text)
    assert any({"CVL", "MIL"} <= sectors(e.recipient) for e in found)


def test_awakening_councils_are_militias(pipeline):
    text = "وانفجرت سيارة مفخخة في بلدة الإسحاقي أمس ما أسفر عن مقتل أربعة من عناصر الصحوة."
    found = assaults(pipeline, text)
    assert any("UAF" in sectors(e.recipient) for e in found)


def test_opposition_parties_protest_as_opposition(pipeline):
    text = "وتظاهر المئات في عمان أمس تلبية لدعوة أحزاب المعارضة الأردنية احتجاجا على رفع الأسعار."
    found = events(pipeline, text, "PROTEST")
    assert found
    assert all("PTY" not in sectors(e.actor) for e in found)


def test_tourists_abducted_are_civilians(pipeline):
    found = assaults(pipeline, "وخطف خمسة سائحين ألمان في الصحراء الجنوبية أمس.")
    assert any("CVL" in sectors(e.recipient) for e in found)


def _part(text: str, surface: str, kind: str, sector: str | None, country=None) -> Participant:
    start = text.index(surface)
    return Participant(start, start + len(surface), surface, None, country, sector, kind)


def test_titled_people_merges_title_and_name():
    text = "اغتال مسلحون الجندي سالم الكعبي أمس."
    parts = [
        _part(text, "مسلحون", "agent", "UAF"),
        _part(text, "الجندي", "agent", "MIL"),
        _part(text, "سالم الكعبي", "person", None, "IRQ"),
    ]
    titled_people(text, parts)
    assert [(p.text, p.sector) for p in parts] == [
        ("مسلحون", "UAF"),
        ("الجندي سالم الكعبي", "MIL"),
    ]


def test_collective_before_a_name_is_no_title():
    text = "اعتقلت الشرطة سالم الكعبي أمس."
    parts = [_part(text, "الشرطة", "agent", "COP"), _part(text, "سالم الكعبي", "person", None)]
    titled_people(text, parts)
    assert [p.sector for p in parts] == ["COP", None]


def test_role_word_makes_a_collective_a_title():
    text = "أصيبت زعيمة المعارضة نادية سليم بجروح."
    parts = [_part(text, "المعارضة", "agent", "OPP"), _part(text, "نادية سليم", "person", None)]
    titled_people(text, parts)
    assert [(p.text, p.sector) for p in parts] == [("المعارضة نادية سليم", "OPP")]


def test_apposed_title_after_a_comma():
    text = "قتل فؤاد الحسني، عميد كلية الطب، أمس."
    parts = [_part(text, "فؤاد الحسني", "person", None), _part(text, "عميد كلية", "agent", "EDU")]
    titled_people(text, parts)
    assert [(p.text, p.sector) for p in parts] == [("فؤاد الحسني، عميد كلية", "EDU")]


def test_nominative_plural_is_no_construct():
    text = "اغتال مسلحون الجندي أمس."
    parts = [_part(text, "مسلحون الجندي", "agent", "UAF"), _part(text, "الجندي", "agent", "MIL")]
    split_nominatives(parts)
    assert parts[0].text == "مسلحون" and parts[0].end == text.index(" الجندي")


def test_casualties_skip_a_nominative_subject():
    text = "قتل مسلحون أمس في هجوم أسفر عن مقتل ثلاثة مدنيين."
    parts = [_part(text, "مسلحون", "agent", "UAF"), _part(text, "مدنيين", "agent", "CVL")]
    for i, part in enumerate(parts):
        part.group = i
    found = casualties(text, (0, len(text)), parts)
    assert [p.text for p in found] == ["مدنيين"]


def test_among_needs_its_word():
    text = "مقتل عشرة أشخاص بينهم صحافيون ونواب."
    parts = [
        _part(text, "أشخاص", "agent", "CVL"),
        _part(text, "صحافيون", "agent", "JRN"),
        _part(text, "نواب", "agent", "LEG"),
    ]
    parts[0].group, parts[1].group, parts[2].group = 0, 1, 1
    assert [p.text for p in among(text, parts[:1], parts)] == ["صحافيون", "نواب"]
    assert among("مقتل عشرة أشخاص ونواب.", parts[:1], parts) == []


def test_attackers_group_is_the_actor(pipeline):
    text = "وقالت الشرطة إن انتحاريا من تنظيم داعش فجر حافلة تابعة للجيش في مدينة الرمادي أمس."
    found = assaults(pipeline, text)
    assert any("REB" in sectors(e.actor) and "MIL" in sectors(e.recipient) for e in found)


def test_owner_without_a_country_is_the_target(pipeline):
    text = "وأسفر تفجير انتحاري استهدف آليات تابعة للشرطة عن سقوط 7 قتلى."
    found = assaults(pipeline, text)
    assert any("COP" in sectors(e.recipient) for e in found)


def test_an_agent_noun_before_a_quoted_group_is_that_group(pipeline) -> None:
    text = 'وتصاعدت المواجهات بين القوات الحكومية ومسلحي حركة "طالبان" الأفغانية المتشددة.'
    (event,) = events(pipeline, text, "ASSAULT")
    assert [r.code for r in event.recipient] == ["AFGREB"]
