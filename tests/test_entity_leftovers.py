"""Entities on unseen text, fifth pass (H18): common nouns read as people, ships, sports teams,
a region in a list of places, a town's police, roles before unknown names and a body's head,
plural agent nouns and pronoun suffixes. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from khabar.doc import Document
from khabar.extract.entities import EntityStage
from khabar.extract.entity_found import Seed
from khabar.extract.entity_link import Located
from khabar.extract.entity_vessels import name_vessels
from seeded import entity_stage, named, run_entities


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return entity_stage()


def run(stage: EntityStage, text: str) -> Document:
    return run_entities(stage, text, "2015-03-01")


def kinds(doc: Document) -> dict[str, tuple[str, str | None, str | None]]:
    return {m.text: (e.type, e.kind, e.country) for e in doc.entities for m in e.mentions}


# -- common nouns that are names -------------------------------------------------------------


def test_clash_and_mourning_are_no_people(stage: EntityStage) -> None:
    doc = run(stage, "وقال الشهود إن صدام وقع بين المتظاهرين والشرطة في مدينة الإسكندرية أمس.")
    assert not [e for e in doc.entities if e.type == "PER"]
    doc = run(stage, "وأعلنت الحكومة المصرية حداد ثلاثة أيام على أرواح الضحايا في القاهرة.")
    assert not [e for e in doc.entities if e.type == "PER"]


def test_the_name_stays_when_the_article_names_him_in_full(stage: EntityStage) -> None:
    doc = run(stage, "وقال صدام حسين في خطاب إن العراق سينتصر. وأضاف صدام أن الحرب طويلة.")
    assert named(doc, "صدام حسين")[0].id == "person:saddam_hussein"
    assert named(doc, "صدام")[0].type == "PER"  # coreference joins it to him


def test_the_name_stays_in_a_story_of_his_country(stage: EntityStage) -> None:
    doc = run(stage, "ورفض صدام الانسحاب من الكويت رغم الإنذار. وتعرض العراق لقصف عنيف.")
    assert named(doc, "صدام")[0].type == "PER"


def test_hands_are_no_iyad(stage: EntityStage) -> None:
    doc = run(stage, "وكانت أياد مرتعشة تمسك بالأوراق أمام المحكمة في الجلسة الأولى.")
    assert not [e for e in doc.entities if e.type == "PER"]
    doc = run(stage, "وهو رجل معروف بالجود وله أياد بيضاء في تقديم الإحسان للفقراء.")
    assert not [e for e in doc.entities if e.type == "PER"]
    doc = run(stage, "وقال رئيس الوزراء العراقي الأسبق أياد علاوي إن الانتخابات مزورة.")
    assert named(doc, "أياد علاوي")[0].id == "person:ayad_allawi"


# -- ships ------------------------------------------------------------------------------------


def test_a_name_after_a_vessel_head_is_a_ship(stage: EntityStage) -> None:
    doc = run(stage, "وأبحرت حاملة الطائرات لياونينغ في بحر الصين الجنوبي أمس مع سفن أخرى.")
    assert kinds(doc)["لياونينغ"] == ("MISC", "vessel", None)


def test_name_vessels_keeps_a_country_after_the_head() -> None:
    text = "رست الفرقاطة شارل ديغول قرب سفينة إيران"
    person = Located(13, 23, Seed("ner:PER:x", "x", "x", "PER"), "model")
    country = Located(
        34, 39, Seed("IRN", "Iran", "إيران", "LOC", "IRN", None, "country"), "gazetteer"
    )
    name_vessels(text, [person, country], frozenset({"الفرقاطه", "سفينه"}))
    assert (person.seed.type, person.seed.kind) == ("MISC", "vessel")
    assert country.seed.id == "IRN"


# -- teams ------------------------------------------------------------------------------------


def test_cities_and_countries_that_play_are_teams(stage: EntityStage) -> None:
    doc = run(stage, "فاز ليون على مرسيليا بثلاثة أهداف في الدوري الفرنسي مساء السبت.")
    assert kinds(doc)["ليون"] == ("ORG", "team", "FRA")
    assert kinds(doc)["مرسيليا"] == ("ORG", "team", "FRA")
    doc = run(stage, "وتعادلت بلجيكا مع البرتغال في المباراة الودية أمس بهدف لمثله.")
    assert kinds(doc)["بلجيكا"] == ("ORG", "team", "BEL")
    assert kinds(doc)["البرتغال"] == ("ORG", "team", "PRT")


def test_paris_saint_germain_is_the_club(stage: EntityStage) -> None:
    doc = run(stage, "وفاز باريس سان جيرمان على نانت بهدفين في الدوري الفرنسي أمس.")
    assert named(doc, "باريس سان جيرمان")[0].id == "org:psg"
    assert not named(doc, "باريس")


def test_no_team_outside_sport(stage: EntityStage) -> None:
    doc = run(stage, "وهزمت روسيا القوات الألمانية في الحرب العالمية الثانية قبل عقود.")
    assert kinds(doc)["روسيا"] == ("LOC", "country", "RUS")
    doc = run(stage, "وتغلبت مصر على الأزمة الاقتصادية بفضل الاستثمارات الخليجية.")
    assert kinds(doc)["مصر"] == ("LOC", "country", "EGY")


# -- places -----------------------------------------------------------------------------------


def test_a_region_in_a_list_of_places(stage: EntityStage) -> None:
    doc = run(stage, "وشملت العمليات محافظات نينوى والأنبار وصلاح الدين وكركوك منذ الصباح.")
    assert named(doc, "صلاح الدين")[0].id == "region:salahuddin_province"
    doc = run(stage, "وزار صلاح الدين الأحمد مدينة بغداد أمس مع وفد رسمي.")
    assert named(doc, "صلاح الدين الأحمد")[0].type == "PER"


def test_a_towns_police(stage: EntityStage) -> None:
    doc = run(stage, "واعتقلت شرطة سورابايا ثلاثة رجال في إندونيسيا يوم الجمعة.")
    police = named(doc, "شرطة سورابايا")[0]
    assert (police.type, police.country, police.sector) == ("ORG", "IDN", "COP")
    assert kinds(doc)["سورابايا"] == ("LOC", "place", "IDN")


def test_the_head_of_a_police_is_no_head_of_state(stage: EntityStage) -> None:
    doc = run(stage, "وقال رئيس الشرطة العراقية إن الدوام في المدارس مستمر.")
    assert not [e for e in doc.entities if "head_of_state" in e.id]


def test_national_security_is_no_police(stage: EntityStage) -> None:
    doc = run(stage, "ويعاني الملايين من انعدام الأمن الغذائي في اليمن منذ سنوات.")
    assert not [e for e in doc.entities if e.sector == "COP"]
    doc = run(stage, "وقال مستشار الأمن القومي الأمريكي جون بولتون إن الوضع خطير.")
    bolton = named(doc, "جون بولتون")[0]
    assert "مستشار الأمن القومي الأمريكي" in [m.text for m in bolton.mentions]


# -- roles and agents -------------------------------------------------------------------------


def test_higher_education_minister_names_the_person(stage: EntityStage) -> None:
    doc = run(stage, "وقال وزير التعليم العالي العراقي علي الأديب إن الجامعات ستفتح أبوابها.")
    person = named(doc, "علي الأديب")[0]
    assert (person.type, person.country, person.sector) == ("PER", "IRQ", "EDU")


def test_a_plural_agent_opens_no_construct(stage: EntityStage) -> None:
    doc = run(stage, "وهاجم مسلحون عناصر الشرطة قرب الحدود الشمالية.")
    assert named(doc, "مسلحون")[0].sector == "UAF"
    assert named(doc, "عناصر الشرطة")[0].sector == "COP"


def test_his_request_is_no_students(stage: EntityStage) -> None:
    doc = run(stage, "وقدم طلبه إلى وزارة الداخلية العراقية أمس.")
    assert not named(doc, "طلبه")
    doc = run(stage, "وتظاهر طلبة الجامعة أمام وزارة الداخلية العراقية أمس.")
    assert named(doc, "طلبة الجامعة")[0].sector == "EDU"
