"""Subjects carried over clauses and sentences, possessive pronouns, «بين X و Y» and cues of
aim or importance (sentences written for these tests; entities seeded by hand so that
only the event stage runs)."""

from __future__ import annotations

import pytest

from khabar.doc import Document, Event
from khabar.extract.events import EventStage
from seeded import seeded_document

# surface -> (id, type, kind, country, sector)
SEEDS = {
    "نتنياهو": ("person:netanyahu", "PER", "person", "ISR", "GOV"),
    "إسرائيل": ("ISR", "LOC", "country", "ISR", None),
    "حركة حماس": ("org:hamas", "ORG", "armed", "PSE", "REB"),
    "سوريا": ("SYR", "LOC", "country", "SYR", None),
    "طهران": ("geonames:tehran", "LOC", "place", "IRN", None),
    "موسكو": ("geonames:moscow", "LOC", "place", "RUS", None),
    "الاستخبارات البريطانية": ("org:gb_intel", "ORG", "institution", "GBR", "SPY"),
    "الولايات المتحدة": ("USA", "LOC", "country", "USA", None),
    "حركة طالبان": ("org:taliban", "ORG", "armed", "AFG", "REB"),
    "كوريا الجنوبية": ("KOR", "LOC", "country", "KOR", None),
    "الرئيس الأميركي": ("role:us_president", "PER", "role", "USA", "GOV"),
    "الزعيم الكوري الشمالي": ("role:prk_leader", "PER", "role", "PRK", "GOV"),
    "مجلس الأمن": ("org:unsc", "ORG", "igo", "IGO", "IGO"),
    "الإسرائيلية": ("nisba:isr", "MISC", "nisba", "ISR", None),
    "الجيش الروسي": ("org:ru_army", "ORG", "institution", "RUS", "MIL"),
    "بكين": ("geonames:beijing", "LOC", "place", "CHN", None),
    "قطر": ("QAT", "LOC", "country", "QAT", None),
    "الإمارات": ("ARE", "LOC", "country", "ARE", None),
    "صحيفة الأهرام": ("org:ahram", "ORG", "media", "EGY", "JRN"),
    "الصحيفة": ("agent:JRN", "ORG", "agent", None, "JRN"),
    "النظام السوري": ("org:syr_gov", "ORG", "institution", "SYR", "GOV"),
    "روسيا": ("RUS", "LOC", "country", "RUS", None),
    "السلطات البريطانية": ("org:gb_gov", "ORG", "institution", "GBR", "GOV"),
    "المرصد": ("org:observatory", "ORG", "ngo", "SYR", "HRI"),
    "حزب الله": ("org:hezbollah", "ORG", "armed", "LBN", "REB"),
}


def build(text: str, published: str = "2024-03-05") -> Document:
    return seeded_document(text, SEEDS, published=published, skip_kinds=frozenset({"nisba"}))


@pytest.fixture(scope="module")
def stage() -> EventStage:
    s = EventStage()
    s.setup()
    return s


def events(stage: EventStage, text: str, kind: str) -> list[Event]:
    return [e for e in stage(build(text)).events if e.event == kind]


def countries(refs) -> set[str]:
    return {r.country for r in refs if r.country}


def test_participle_clause_takes_the_main_subject(stage) -> None:
    text = (
        "وقال نتنياهو إن الجيش وجه ضربة قاسية إلى حركة حماس في غزة، مهددا بتوسيع "
        "العملية إذا استمر إطلاق الصواريخ."
    )
    (threat,) = events(stage, text, "THREATEN")
    assert countries(threat.actor) == {"ISR"}


def test_pronoun_agreeing_with_the_participle_refers_to_the_subject(stage) -> None:
    text = "وأعربت سوريا عن رفضها للقرار، مؤكدة تضامنها الكامل مع طهران في مواجهة الضغوط."
    (support,) = events(stage, text, "SUPPORT")
    assert countries(support.actor) == {"SYR"}
    assert countries(support.recipient) == {"IRN"}


def test_coordinated_verb_object_before_bi_noun(stage) -> None:
    text = "ونفت موسكو أي تورط في الحادث، واتهمت الاستخبارات البريطانية بتدبير الهجوم."
    (accuse,) = events(stage, text, "ACCUSE")
    assert countries(accuse.actor) == {"RUS"}
    assert countries(accuse.recipient) == {"GBR"}


def test_possessive_forces_take_the_subjects_country(stage) -> None:
    text = "وقالت الولايات المتحدة إن حركة طالبان قتلت ثلاثة من جنودها في كمين."
    (attack,) = events(stage, text, "ASSAULT")
    assert countries(attack.actor) == {"AFG"}
    assert "USA" in countries(attack.recipient)


def test_meeting_between_two_sides_is_theirs_not_the_reporters(stage) -> None:
    text = (
        "وأعلنت كوريا الجنوبية إمكان عقد قمة بين الرئيس الأميركي والزعيم الكوري الشمالي "
        "قبل نهاية الشهر."
    )
    (summit,) = events(stage, text, "CONSULT")
    assert countries(summit.actor) == {"USA"}
    assert countries(summit.recipient) == {"PRK"}


def test_adjective_pair_is_no_actor_of_a_meeting(stage) -> None:
    text = "وتلقى مجلس الأمن التقرير قبل اجتماع يعقده الثلاثاء حول الأزمة السورية-الإسرائيلية."
    (meeting,) = events(stage, text, "CONSULT")
    assert countries(meeting.actor) == {"IGO"}


def test_attack_without_actor_continues_the_last_attacker(stage) -> None:
    text = (
        "وقصف الجيش الروسي قرى في ريف إدلب أمس. وفي اليوم نفسه، قتل صحافي سوري خلال تغطيته للقصف."
    )
    attacks = events(stage, text, "ASSAULT")
    assert len(attacks) == 2
    assert countries(attacks[1].actor) == {"RUS"}
    assert countries(attacks[1].recipient) == {"SYR"}


@pytest.mark.parametrize(
    "text",
    [
        "وشدد الرئيس على أهمية التزام الولايات المتحدة بالاتفاق.",
        "ويهدف الاتفاق إلى منع إسرائيل من ضم الأراضي.",
    ],
)
def test_aim_and_importance_are_no_acts(stage, text) -> None:
    assert not stage(build(text)).events


def test_place_before_a_visit_is_not_the_visitor(stage) -> None:
    text = (
        "ووصل الزعيم الكوري الشمالي إلى بكين أمس. "
        "وفي نهاية الشهر الماضي كان في بكين في أول رحلة له، ثم زار مدينة داليان الساحلية."
    )
    visits = events(stage, text, "CONSULT")
    assert visits
    assert "CHN" not in countries(visits[-1].actor)


def test_noun_without_actor_is_the_subjects_act(stage) -> None:
    text = "وعجزت قطر أمس عن تقديم أدلة تدعم ادعاءات ضد الإمارات أمام المحكمة."
    (claim,) = events(stage, text, "ACCUSE")
    assert countries(claim.actor) == {"QAT"}
    assert countries(claim.recipient) == {"ARE"}


def test_the_newspaper_is_the_one_named_before(stage) -> None:
    text = "ونشرت صحيفة الأهرام تقريرا مطولا. واتهمت الصحيفة النظام السوري بقصف المدنيين."
    (accuse,) = events(stage, text, "ACCUSE")
    assert countries(accuse.actor) == {"EGY"}


def test_who_is_held_responsible_carried_the_attack_out(stage) -> None:
    text = "ونجا الضابط من محاولة اغتيال تحمّل السلطات البريطانية روسيا مسؤوليتها."
    (attack,) = events(stage, text, "ASSAULT")
    assert countries(attack.actor) == {"RUS"}


def test_dual_pronoun_after_that_is_not_the_speaker(stage) -> None:
    text = (
        "وسقط صاروخان أميركيان قرب العاصمة، وأعلن المرصد أنهما "
        '"استهدفا مخازن أسلحة لحزب الله" في المنطقة.'
    )
    (attack,) = events(stage, text, "ASSAULT")
    assert countries(attack.actor) == {"USA"}
