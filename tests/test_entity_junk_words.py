"""Common words read as names (H26): verbal nouns of verb forms IV and X and pious formulas as
people, «للاجئين» losing its ل, «قوات الشرطة» as the army, «المعارض» (exhibitions) as the
opposition. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from khabar.doc import Document
from khabar.extract.entities import EntityStage
from khabar.extract.entity_junk import SpanCleaner
from seeded import entity_stage, named, run_entities


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return entity_stage()


def run(stage: EntityStage, text: str) -> Document:
    return run_entities(stage, text, "2018-03-01")


@pytest.mark.parametrize("phrase", ["إرجاع", "استكمال", "إصلاح", "بحمد الله", "بإذن الله"])
def test_no_person(phrase: str) -> None:
    cleaner = SpanCleaner(given=frozenset({"ايهاب", "ايمان"}))
    assert cleaner._no_person(phrase)


@pytest.mark.parametrize("phrase", ["إيهاب", "إيفان", "إيمان", "عبد الله", "نصر الله", "إسماعيل"])
def test_still_person(phrase: str) -> None:
    cleaner = SpanCleaner(given=frozenset({"ايهاب", "ايمان"}))
    assert not cleaner._no_person(phrase)


def test_formula_is_no_person(stage: EntityStage) -> None:
    doc = run(stage, "وأضاف أن الوضع مستقر بحمد الله وأن الانتخابات ستجري في موعدها.")
    assert not [e for e in doc.entities if e.type == "PER"]


def test_police_forces_are_police(stage: EntityStage) -> None:
    doc = run(stage, "وانتشرت قوات الشرطة في شوارع القاهرة بعد المظاهرات.")
    (police,) = named(doc, "قوات الشرطة")
    assert police.sector == "COP"
    assert not [e for e in doc.entities if e.sector == "MIL"]


def test_refugees_keep_the_lam(stage: EntityStage) -> None:
    doc = run(stage, "وقدمت الأمم المتحدة مساعدات غذائية للاجئين السوريين في لبنان.")
    (refugees,) = named(doc, "للاجئين السوريين")
    assert refugees.sector == "REF"
    assert not named(doc, "لاجئين السوريين")


def test_exhibitions_are_no_opposition(stage: EntityStage) -> None:
    doc = run(stage, "وقدمت الشركة منتجاتها الجديدة للمعارض الدولية في دبي وباريس.")
    assert not [e for e in doc.entities if e.sector == "OPP"]
    doc = run(stage, "واعتقلت السلطات المعارض البارز بعد خطابه في الساحة.")
    assert [e for e in doc.entities if e.sector == "OPP"]


@pytest.mark.parametrize(
    "text",
    [
        "وشارك في المنتدى السعودي للمؤتمرات والمعارض عدد من الخبراء.",
        "وأقيم الحفل في المركز الدولي للمعارض بالرياض أمس.",
        "ونظمت الوزارة ثلاثة معارض للكتب في المدينة.",
    ],
)
def test_exhibition_phrases(stage: EntityStage, text: str) -> None:
    assert not [e for e in run(stage, text).entities if e.sector == "OPP"]


def test_verbal_noun_after_title_is_no_name(stage: EntityStage) -> None:
    doc = run(stage, "وطلبت الحركة بصفة رسمية من رضا بالحاج إرجاع جميع الوثائق.")
    assert not named(doc, "إرجاع")
    doc = run(stage, "واستقبل الحاج إيهاب ضيوفه في القرية.")
    assert named(doc, "إيهاب") or [e for e in doc.entities if "إيهاب" in e.name]


def test_verbal_noun_given_name_before_a_name(stage: EntityStage) -> None:
    doc = run(stage, "وقال الدكتور إقبال إسماعيل إن البرنامج يبدأ غدا.")
    assert [e for e in doc.entities if e.type == "PER" and "إسماعيل" in e.name]
