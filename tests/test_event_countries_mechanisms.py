"""Countries of event participants: origin («من»), owners («تابعة لـ»), carriers («شنتها»),
the local default, what a protest is against, foreign forces (CAMEO INT) and the preposition
of a building's owner.

Every sentence is written for this test.
"""

from __future__ import annotations

from khabar.extract.event_actors import Participant, preposition_before
from khabar.extract.event_country import (
    CountryFiller,
    aimed_at,
    authority,
    carried_by,
    localize,
    owned_by,
)
from khabar.text.normalize import fold_text
from seeded import countries
from seeded import typed_events as events

NISBA = {fold_text(w): c for w, c in (("الأتراك", "TUR"), ("التركي", "TUR"),
                                      ("الألمانية", "DEU"), ("الباكستانية", "PAK"))}  # fmt: skip


def part(text: str, phrase: str, country: str | None = None, sector: str | None = None,
         kind: str = "agent", entity_id: str | None = None) -> Participant:  # fmt: skip
    start = text.index(phrase)
    return Participant(start, start + len(phrase), phrase, entity_id, country, sector, kind)


# --- the helpers, on participants built by hand ---------------------------------------------


def test_owner_after_a_noun_is_named():
    text = "فجر مسلح حافلة مملوكة للحرس الثوري صباح اليوم."
    irgc = part(text, "للحرس الثوري", "IRN", "MIL", "armed", "org:irgc")
    assert owned_by(text, text.index("حافلة"), len(text), [irgc]) is irgc
    assert owned_by("فجر مسلح حافلة صباح اليوم.", 0, 26, [irgc]) is None


def test_carrier_of_a_noun_trigger_through_its_owner():
    text = "قتل ثلاثة في غارة شنتها طائرة مسيرة تابعة للقوات الأمريكية أمس."
    forces = part(text, "للقوات الأمريكية", "USA", "MIL")
    end = text.index("غارة") + len("غارة")
    assert carried_by(text, end, len(text), [forces]) is forces
    # a participant right after the verb is the carrier itself
    text2 = "في غارة شنها الجيش التركي على القرية."
    army = part(text2, "الجيش التركي", "TUR", "MIL")
    end2 = text2.index("غارة") + len("غارة")
    assert carried_by(text2, end2, len(text2), [army]) is army
    assert carried_by(text2, 0, len(text2), [army]) is None  # no verb of carrying out there


def test_target_through_the_owner_of_what_was_aimed_at():
    text = "هجوم بسيارة مفخخة استهدف حاجزا مشتركا، للجيش الأمريكي والقوات العراقية."
    us = part(text, "للجيش الأمريكي", "USA", "MIL")
    iraq = part(text, "القوات العراقية", "IRQ", "MIL")
    iraq.group = us.group = 1
    assert aimed_at(text, len("هجوم"), len(text), [us, iraq]) == [us, iraq]
    # without «ل» the name after the object is no owner
    text2 = "هجوم استهدف حاجزا في بغداد."
    baghdad = part(text2, "بغداد", "IRQ", None, "place")
    assert aimed_at(text2, len("هجوم"), len(text2), [baghdad]) == []


def test_local_actors_take_the_country_of_the_named_party_not_the_other_side():
    text = "فتحت دبابات روسية النار على سكان قرب منزل رئيس البلدية الجورجي."
    tanks = part(text, "دبابات روسية", "RUS")
    residents = part(text, "سكان", None, "CVL")
    mayor = part(text, "رئيس البلدية الجورجي", "GEO", "GOV", "role")
    actors, recipients = [tanks], [residents]
    localize((actors, recipients), [tanks, residents, mayor], text.index("فتحت"))
    assert recipients[0].country == "GEO"
    assert residents.country is None  # replaced, not changed in place: other events share it


def test_unidentified_gunmen_stay_without_a_country():
    text = "هاجم مسلحون مجهولون سياسيين من حزب المؤتمر الباكستاني."
    gunmen = part(text, "مسلحون مجهولون", None, "UAF")
    party = part(text, "حزب المؤتمر الباكستاني", "PAK", "PTY", "party")
    actors: list[Participant] = [gunmen]
    localize((actors, []), [gunmen, party], 0)
    assert actors[0].country is None


def test_authority_skips_places_late_leaders_and_the_protesters():
    text = "رفع المتظاهرون صورا للرئيس المصري الراحل وهتفوا ضد وزير الداخلية التونسي في تونس."
    protesters = part(text, "المتظاهرون", None, "CVL")
    late = part(text, "للرئيس المصري", "EGY", "GOV", "role")
    minister = part(text, "وزير الداخلية التونسي", "TUN", "GOV", "role")
    capital = part(text, "تونس", "TUN", "GOV", "country")
    capital.start = text.rindex("تونس")
    found = authority(text, [protesters, late, minister, capital], [protesters], 0)
    assert found == [minister]


def test_origin_after_a_mention():
    filler = CountryFiller(NISBA)
    text = "تجمع المتظاهرون من الأتراك وسط الساحة."
    protesters = part(text, "المتظاهرون", None, "CVL")
    assert filler.origin(text, protesters.end, len(text), [protesters]) == "TUR"
    text2 = "وصل لاجئون من باكستان إلى الحدود."
    refugees = part(text2, "لاجئون", None, "REF")
    pakistan = part(text2, "باكستان", "PAK", None, "country")
    assert filler.origin(text2, refugees.end, len(text2), [refugees, pakistan]) == "PAK"
    assert filler.origin(text2, pakistan.end, len(text2), [refugees, pakistan]) is None


def test_a_protest_with_no_place_is_against_the_one_nationality_named():
    filler = CountryFiller(NISBA)
    text = "قطع المتظاهرون الطريق أمام قطار المحطة النووية الألمانية."
    found = filler.sole_country(text, (0, len(text)), [])
    assert [(p.country, p.sector, p.default) for p in found] == [("DEU", "GOV", True)]
    text2 = "قطع المتظاهرون الأتراك الطريق أمام المحطة الألمانية."
    assert filler.sole_country(text2, (0, len(text2)), []) == []  # two countries: no guess


def test_adjective_chain_joins_its_noun():
    filler = CountryFiller(NISBA)
    text = "أطلقت طائرات صواريخ على المناطق القبلية الباكستانية أمس."
    parts: list[Participant] = []
    filler.add_people(text, (0, len(text)), parts)
    assert [p.text for p in parts] == ["المناطق القبلية الباكستانية"]
    assert preposition_before(text, 0, parts[0]) == fold_text("على")


def test_foreign_forces_are_coded_international():
    filler = CountryFiller(NISBA)
    text = "هاجمت القوات الأجنبية قرية في الجنوب."
    forces = part(text, "القوات", None, "MIL")
    filler.fill(text, (0, len(text)), [forces], "AFG")
    assert forces.country == "INT"


def test_owner_of_a_building_shares_its_preposition():
    text = "أمرت القوات بضربات على مركز الشرطة أمس."
    police = part(text, "الشرطة", None, "COP")
    assert preposition_before(text, 0, police) == fold_text("على")
    text2 = "وقعت اتفاقية بين كل من الوكالة الفلسطينية ونظيرتها التونسية."
    agency = part(text2, "الوكالة الفلسطينية", "PSE", "GOV")
    assert preposition_before(text2, 0, agency) == "بين"


# --- the full pipeline -------------------------------------------------------------------------


def test_pipeline_protesters_from_a_nationality(pipeline):
    found = events(pipeline, "تجمع المتظاهرون من الأتراك وسط الساحة احتجاجا على الغلاء.", "PROTEST")
    assert found and all("TUR" in countries(e.actor) for e in found)


def test_pipeline_drone_owner_carried_out_the_raid(pipeline):
    text = "قتل ثلاثة مسلحين في غارة شنتها طائرة بدون طيار تابعة للقوات الأمريكية."
    found = events(pipeline, text, "ASSAULT")
    assert found and "USA" in countries(found[0].actor)
    assert "USA" not in countries(found[0].recipient)


def test_pipeline_protest_against_the_official_named_not_the_city(pipeline):
    found = events(pipeline, "احتج مئات الطلاب في لندن مطالبين رئيس الوزراء العراقي بالتدخل.",
                   "PROTEST")  # fmt: skip
    assert found and countries(found[0].recipient) == {"IRQ"}


def test_pipeline_death_caused_by_the_strike_told_before(pipeline):
    text = "اتهمت الحكومة الطيران الأمريكي بقصف قرية، ما تسبب بمقتل عشرة مدنيين."
    found = events(pipeline, text, "ASSAULT")
    assert found and all("USA" in countries(e.actor) for e in found)
    assert all("USA" not in countries(e.recipient) for e in found)


def test_pipeline_foreign_forces(pipeline):
    found = events(pipeline, "هاجمت القوات الأجنبية قرية في الجنوب أمس.", "ASSAULT")
    assert found and countries(found[0].actor) == {"INT"}


def test_pipeline_protest_against_the_g8(pipeline):
    text = "وجرت التظاهرة بهدوء بالمقارنة مع الاحتجاج على مجموعة الثماني العام الماضي."
    found = events(pipeline, text, "PROTEST")
    assert found and countries(found[0].recipient) == {"IGO"}
