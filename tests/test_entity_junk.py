"""Entity junk on unseen text: verbs inside names, places glued to names, common-word
organisations, relatives of known people, common words read as places (sentences written
for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.errors import KnowledgeBaseError
from khabar.extract.entities import EntityStage
from khabar.extract.entity_found import Seed
from khabar.extract.entity_junk import SpanCleaner
from khabar.extract.entity_lexicon import _read_stopwords
from khabar.extract.entity_link import Located
from khabar.extract.entity_verbs import VerbForms, listed_verbs

# a toy news word list: ranks and clusters ("9" holds verbs, "7" names)
RANKS = {"يسند": 900, "تسند": 950, "ابلغت": 300, "ابلغوا": 400, "يشوي": 500, "تشوي": 700}
CLUSTERS = {
    "تسند": ("9",), "يسند": ("9",), "ابلغ": ("9",), "تشوي": ("7",), "يشوي": ("9",),
    **{f"verb{n}": ("9",) for n in range(12)},
}  # fmt: skip
LISTED = frozenset(f"verb{n}" for n in range(12)) | {"قال"}


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    stage = EntityStage()
    stage.setup()
    return stage


def names(stage: EntityStage, text: str, published: str = "2017-05-10") -> dict[str, str]:
    return {
        m.text: e.id for e in stage.extract(text, published) for m in e.mentions if e.type != "ORG"
    }


def test_entity_junk_verbs_listed_and_by_ranks() -> None:
    verbs = VerbForms(LISTED, frozenset({"يونس"}), RANKS, CLUSTERS)
    assert verbs.verb_clusters == {"9"}
    assert verbs.is_verb("قال") and verbs.is_verb("وقال")
    assert verbs.is_verb("تسند")  # «يسند» is a common word too, in a verb cluster
    assert verbs.is_verb("ابلغ")  # «أبلغت», «أبلغوا» are common
    assert not verbs.is_verb("تشوي")  # a name's cluster: Choi
    assert not verbs.is_verb("يونس")  # a given name is never a verb
    assert not verbs.is_verb("ابلغ", final=True)  # a bare perfect may end a name
    assert verbs.is_verb("تسند", final=True)


def test_entity_junk_listed_verbs_come_from_the_data_files() -> None:
    listed = listed_verbs()
    assert {"قال", "اكد", "هاجم", "يهاجم", "تهاجم", "هاجموا"} <= listed


def located(start: int, end: int, kind: str, seed_type: str = "LOC", source: str = "gazetteer"):
    return Located(start, end, Seed("x", "x", None, seed_type, kind=kind), source)


def test_entity_junk_trims_verbs_at_span_edges() -> None:
    verbs = VerbForms(LISTED, frozenset(), RANKS, CLUSTERS)
    cleaner = SpanCleaner(verbs)
    text = "وقال سمير الدالي تسند أمس"
    start, end = text.index("وقال"), text.index(" أمس")
    (span,) = cleaner.clean(text, [(start, end, "PER", 0.9)], [], [])
    assert text[span[0] : span[1]] == "سمير الدالي"
    assert cleaner.clean(text, [(0, 4, "PER", 0.9)], [], []) == []  # a verb alone
    morning = "زار الأمير هاري صباحا المدينة"
    name = (morning.index("هاري"), morning.index(" المدينة"), "PER", 0.9)
    (span,) = SpanCleaner(after_name=frozenset({"صباحا"})).clean(morning, [name], [], [])
    assert morning[span[0] : span[1]] == "هاري"


def test_entity_junk_trims_a_particle_before_a_name() -> None:
    cleaner = SpanCleaner(function=frozenset({"بان", "اي", "ان"}))
    text = "وذكرت الصحيفة بأن الهاشمي غادر وقالت قناة أي بي سي"
    first = (text.index("بأن"), text.index(" غادر"), "PER", 0.9)
    letters = (text.index("أي"), len(text), "ORG", 0.9)
    out = cleaner.clean(text, [first, letters], [], [])
    assert [text[s:e] for s, e, _, _ in out] == ["الهاشمي", "أي بي سي"]


def test_entity_junk_drops_common_word_organisations() -> None:
    cleaner = SpanCleaner(not_org=frozenset({"الريال"}))
    text = "ارتفع سعر الريال وبالريال أمام شركة سامكو"
    spans = [
        (text.index("الريال"), text.index("الريال") + 6, "ORG", 0.9),
        (text.index("وبالريال"), text.index("وبالريال") + 8, "ORG", 0.9),
        (text.index("سامكو"), len(text), "ORG", 0.9),
    ]
    assert [text[s:e] for s, e, _, _ in cleaner.clean(text, spans, [], [])] == ["سامكو"]


def test_entity_junk_splits_a_place_from_the_name_after_it() -> None:
    cleaner = SpanCleaner()
    text = "قالت رئيسة حكومة اسكتلندا نيكولا ستورجن إن"
    place_end = text.index(" نيكولا")
    name = (place_end + 1, text.index(" إن"))
    guess = located(*name, "person", "PER", "pattern")
    spans = cleaner.clean(text, [(text.index("اسكتلندا"), name[0] + 6, "LOC", 0.8)], [], [guess])
    assert [(text[s:e], k) for s, e, k, _ in spans] == [
        ("اسكتلندا", "LOC"),
        ("نيكولا ستورجن", "PER"),
    ]
    # a person span that opens with a known country starts after it
    country = located(text.index("اسكتلندا"), place_end, "region")
    (span,) = cleaner.clean(text, [(country.start, name[1], "PER", 0.9)], [country], [])
    assert text[span[0] : span[1]] == "نيكولا ستورجن"


def test_entity_junk_short_openers_stay_place_names() -> None:
    text = "في منطقة سيدي حسين الحمامي أمس"
    guess = located(text.index("حسين"), text.index(" أمس"), "person", "PER", "pattern")
    span = (text.index("سيدي"), text.index(" الحمامي"), "LOC", 0.8)
    assert SpanCleaner().clean(text, [span], [], [guess]) == [span]


def test_entity_junk_family_name_alone_is_the_person() -> None:
    text = "وصل كارلوس بيغدامون إلى المدينة ثم غادر بيغدامون مساء"
    full = (text.index("كارلوس"), text.index(" إلى"), "PER", 0.9)
    alone = (text.rindex("بيغدامون"), text.index(" مساء"), "LOC", 0.6)
    out = SpanCleaner().clean(text, [full, alone], [], [])
    assert out[1][2] == "PER"


def test_entity_junk_stage_name_ends_before_a_verb(stage: EntityStage) -> None:
    found = names(stage, "وأعلنت الوزارة أن المخرج مجدي لخضر تسند منحة لكل فيلم.")
    assert not any("تسند" in text for text in found)


def test_entity_junk_stage_relative_of_a_known_person(stage: EntityStage) -> None:
    found = names(stage, "وقال حافظ قائد السبسي إن الحزب سيعقد مؤتمره في الخريف.")
    assert found.get("حافظ قائد السبسي", "").startswith("per:")
    found = names(stage, "وقال الباجي قائد السبسي إن الحكومة باقية.")
    assert found.get("الباجي قائد السبسي") == "person:beji_caid_essebsi"
    found = names(stage, "وقال باراك حسين أوباما في خطابه إن البلاد قوية.", "2012-05-10")
    assert found.get("باراك حسين أوباما") == "person:barack_obama"


def test_entity_junk_stage_common_words_are_no_places(stage: EntityStage) -> None:
    assert names(stage, "تحدث العلماء عن السماء الزرقاء والبحر في الصيف الماضي.") == {}
    assert names(stage, "ينصح الأطباء بتناول اللحوم البيضاء بدل الحمراء كل يوم.") == {}
    found = names(stage, "وصل الوفد إلى مدينة الزرقاء في الأردن صباح اليوم.")
    assert found["الزرقاء"].startswith("geonames:")
    # a town whose name is a verb form too: named after a head noun, or with its country
    assert "تدمر" not in names(stage, "قال الطبيب إن التدخين عادة تدمر الرئتين ببطء شديد.")
    assert names(stage, "استعاد الجيش السيطرة على مدينة تدمر الأثرية بعد معارك.")["تدمر"]


def test_entity_junk_unknown_stopword_kind_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "name_stopwords.tsv"
    path.write_text("word\tkind\tnote\nالريال\tnot_org\t\nكلمة\tnonsense\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"name_stopwords\.tsv:3"):
        _read_stopwords(path)
