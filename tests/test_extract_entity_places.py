"""Unknown places announced by a head noun (entity_places), on sentences written for these tests.

The stage runs without the tagger; a small frequency list stands in for the news word list, so
the tests say which words count as common."""

from __future__ import annotations

import pytest

from khabar.errors import KnowledgeBaseError
from khabar.extract.entities import EntityStage
from khabar.extract.entity_places import load_place_heads
from khabar.text.normalize import fold_text
from seeded import run_entities as run

COMMON = ["الثقافة", "بيانات", "صغيرة", "شمال", "محطة", "ريف", "انفجرت", "الطفل"]


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    stage = EntityStage(use_crf=False)
    stage.setup()
    stage._ranks = {fold_text(word): rank for rank, word in enumerate(COMMON)}
    return stage


def places(stage: EntityStage, text: str) -> list[tuple[str, str | None]]:
    doc = run(stage, text)
    return [
        (m.text, e.country) for e in doc.entities if e.id.startswith("loc:") for m in e.mentions
    ]


def test_places_after_a_head_noun_take_the_country_near_them(stage: EntityStage) -> None:
    assert places(stage, "قصفت الطائرات مواقع في مديرية برقوش شرق العاصمة صنعاء.") == [
        ("برقوش", "YEM")
    ]
    assert places(stage, "ولدت الطفلة في مقاطعة هونتاو الصينية.") == [("هونتاو", "CHN")]
    assert places(stage, "وقعت الاشتباكات في حي الزعفران.") == [("الزعفران", None)]


def test_places_a_dual_head_gives_two_names(stage: EntityStage) -> None:
    text = "سيطرت القوات على بلدتي تل النخيل وكفر دمور في ريف حماة."
    assert places(stage, text) == [("تل النخيل", "SYR"), ("كفر دمور", "SYR")]


def test_places_a_mountain_keeps_its_head(stage: EntityStage) -> None:
    assert places(stage, "تحصن المسلحون في جبل الشعانبي.") == [("جبل الشعانبي", None)]


def test_places_common_words_after_a_head_are_no_name(stage: EntityStage) -> None:
    assert places(stage, "زار الوفد مدينة الثقافة في العاصمة.") == []
    assert places(stage, "نشرت الوزارة قاعدة بيانات جديدة.") == []
    assert places(stage, "وقعت في قرية صغيرة.") == []
    assert places(stage, "ترشح الرئيس لولاية رابعة.") == []
    assert places(stage, "من ناحية اشتقاقية لا علاقة بينهما.") == []
    # the name stops before a clitic-joined common word, a direction or a verb
    assert places(stage, "وصل إلى مطار ألموتا ومحطة القطار.") == [("ألموتا", None)]
    assert places(stage, "وقع الانفجار في بلدة زرنوق شمال البلاد.") == [("زرنوق", None)]


def test_places_known_places_stay_the_gazetteer_s(stage: EntityStage) -> None:
    doc = run(stage, "وصل الوفد إلى مدينة حمص.")
    assert [e.id for e in doc.entities if e.type == "LOC"] == ["geonames:169577"]


def test_place_heads_file_is_checked(tmp_path) -> None:
    bad = tmp_path / "place_heads.tsv"
    bad.write_text("phrase\tkind\tkeep\tnames\tsite\tnote\nمدينة\thead\t2\t1\t0\t\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"place_heads\.tsv:2"):
        load_place_heads(bad)
