"""Wire copies: grouping by MinHash, the stories table, counting an event once per story."""

from __future__ import annotations

import json

import numpy as np
from typer.testing import CliRunner

from khabar.cli import app
from khabar.dedup.stories import Article, StoryParams, group, shingles, signatures
from khabar.engines.base import Processed
from khabar.errors import KhabarError
from khabar.store.query import EventFilter, connect, count, events
from khabar.store.sqlite import Store
from khabar.store.stories import update_stories

runner = CliRunner()

# a wire story written for these tests, a lightly edited copy, and another story
WIRE = (
    "أعلنت وزارة الصحة في البلد اليوم الاثنين افتتاح مستشفى جديد في مدينة الساحل الشمالي بسعة "
    "مئتي سرير، وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة. "
    "وأضاف أن الحكومة خصصت ميزانية إضافية لتجهيز الأقسام بالمعدات الحديثة وتوظيف ثلاثمئة طبيب "
    "وممرض خلال الأشهر الستة المقبلة. وأشار إلى أن العمل في المشروع استمر أربع سنوات وأن "
    "المرحلة الثانية ستشمل مركزا لعلاج الأورام ومختبرا مركزيا للتحاليل الطبية."
)
COPY = (
    "أعلنت وزارة الصحة اليوم الاثنين افتتاح مستشفى جديد في مدينة الساحل الشمالي بسعة "
    "مئتي سرير، وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة. "
    "وأضاف أن الحكومة خصصت ميزانية إضافية لتجهيز الأقسام بالمعدات الحديثة وتوظيف ثلاثمائة طبيب "
    "وممرض خلال الأشهر الستة المقبلة. وأشار إلى أن العمل في المشروع استمر أربع سنوات."
)
OTHER = (
    "شهدت العاصمة أمس مسيرة شارك فيها آلاف الطلاب للمطالبة بتحسين ظروف السكن الجامعي وخفض رسوم "
    "التسجيل، ورفع المشاركون لافتات تدعو الحكومة إلى الحوار مع ممثلي الاتحادات الطلابية، فيما "
    "انتشرت قوات الأمن في الشوارع المحيطة بالجامعة دون أن تسجل أي مواجهات بين الطرفين."
)
PARAMS = StoryParams()


def _articles(*items: tuple[str, str, str | None]) -> list[Article]:
    sigs = signatures([text for _, text, _ in items], PARAMS)
    return [
        Article(key, published, sig) for (key, _, published), sig in zip(items, sigs, strict=True)
    ]


def test_shingles_fold_spelling_variants():
    assert shingles("أعلنت الوزارة") == shingles("اعلنت الوزاره")
    assert len(shingles(WIRE)) > 50
    assert shingles("") == set()


def test_copies_group_and_other_stories_do_not():
    story = group(_articles(("b", COPY, "2021-03-02"), ("a", WIRE, "2021-03-01"),
                            ("c", OTHER, "2021-03-01")), PARAMS)  # fmt: skip
    assert story == {"a": "a", "b": "a", "c": "c"}  # the earliest copy names the story


def test_copies_far_apart_in_time_are_two_stories():
    story = group(_articles(("a", WIRE, "2021-03-01"), ("b", COPY, "2022-03-01")), PARAMS)
    assert story["a"] != story["b"]
    story = group(_articles(("a", WIRE, None), ("b", COPY, "2022-03-01")), PARAMS)
    assert story["a"] == story["b"]  # an unknown date does not separate them


def test_empty_texts_are_no_story_of_each_other():
    story = group(_articles(("a", "", None), ("b", "", None)), PARAMS)
    assert story == {"a": "a", "b": "b"}


def _doc(key: str, outlet: str, text: str, kind: str = "CONSULT") -> Processed:
    event = {"id": f"{key}:0", "event": kind, "date": "2021-03-01", "mode": [], "aux_mode": [],
             "actor": [{"entity_text": "الوزير", "entity_id": "x", "code": "XYZGOV",
                        "country": "XYZ", "sector": "GOV"}],
             "recipient": [], "event_loc": None, "text_info": {"start": 0, "end": 40}}  # fmt: skip
    doc = {"id": key, "title": key, "text": text, "events": [event],
           "source": {"outlet": outlet, "published": "2021-03-01"}}  # fmt: skip
    return Processed(key, json.dumps(doc, ensure_ascii=False), None, f"hash-{key}")


def test_store_stories_are_incremental_and_dedupe_counts(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        for item in (_doc("a", "Outlet A", WIRE), _doc("b", "Outlet B", COPY),
                     _doc("c", "Outlet A", OTHER, "PROTEST")):  # fmt: skip
            store.add(item)
    report = update_stories(path, PARAMS)
    assert (report.articles, report.hashed, report.stories, report.copied) == (3, 3, 2, 1)
    db = connect(path)
    assert count(db, "type", EventFilter()) == [("CONSULT", 2), ("PROTEST", 1)]
    assert count(db, "type", EventFilter(), per_story=True) == [("CONSULT", 1), ("PROTEST", 1)]
    assert {e["article"]["story"] for e in events(db, EventFilter(types=("CONSULT",)))} == {
        "hash-a"
    }
    db.close()
    with Store(path) as store:  # a third copy arrives with a later ingest
        store.add(_doc("d", "Outlet C", WIRE + " انتهى."))
    report = update_stories(path, PARAMS)
    assert (report.hashed, report.stories, report.copied) == (1, 2, 1)
    db = connect(path)
    sizes = dict(db.execute("SELECT content_hash, size FROM stories").fetchall())
    assert sizes == {"hash-a": 3, "hash-b": 3, "hash-d": 3, "hash-c": 1}
    stored = db.execute("SELECT minhash FROM signatures WHERE content_hash = 'hash-a'").fetchone()
    assert np.frombuffer(stored[0], dtype="<u8").shape == (PARAMS.num_perm,)
    db.close()


def test_cli_stories_then_per_story_count(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        store.add(_doc("a", "Outlet A", WIRE))
        store.add(_doc("b", "Outlet B", COPY))
    result = runner.invoke(app, ["count", str(path), "--per-story"])
    assert isinstance(result.exception, KhabarError) and "khabar stories" in str(result.exception)
    result = runner.invoke(app, ["stories", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 with copies" in result.output and "Outlet A" in result.output
    result = runner.invoke(app, ["count", str(path), "--per-story", "--format", "csv"])
    assert result.output.splitlines() == ["type,events", "CONSULT,1"]
    result = runner.invoke(app, ["stories", str(tmp_path / "none.db")])
    assert result.exit_code != 0


# two congratulation cables written for these tests: the same formula, another recipient
CABLE = (
    "بعث الملك برقية تهنئة إلى رئيس {country} بمناسبة ذكرى استقلال بلاده، أعرب فيها عن أصدق "
    "التهاني وأطيب التمنيات بموفور الصحة والسعادة، ولحكومة وشعب {people} الشقيق المزيد من التقدم "
    "والازدهار، كما بعث ولي العهد برقية تهنئة مماثلة عبر فيها عن أطيب التهاني وأصدق التمنيات."
)
CHAD = CABLE.format(country="تشاد", people="تشاد")
BOLIVIA = CABLE.format(country="بوليفيا", people="بوليفيا")


def _cable_doc(key: str, text: str, country: str) -> Processed:
    start = text.index("رئيس ") + len("رئيس ")
    name = text[start : text.index(" ", start)]
    entities = [{"id": country, "name": name, "name_ar": name, "type": "LOC", "country": country,
                 "mentions": [{"start": start, "end": start + len(name), "text": name}]}]  # fmt: skip
    doc = {"id": key, "title": key, "text": text, "entities": entities, "events": [],
           "source": {"outlet": "Outlet", "published": None}}  # fmt: skip
    return Processed(key, json.dumps(doc, ensure_ascii=False), None, f"hash-{key}")


def test_formulaic_items_naming_other_countries_are_other_stories():
    items = _articles(("chad", CHAD, None), ("bolivia", BOLIVIA, None), ("copy", CHAD, None))
    assert group(items, PARAMS) == {"chad": "bolivia", "bolivia": "bolivia", "copy": "bolivia"}
    leads = {"chad": frozenset({"TCD"}), "bolivia": frozenset({"BOL"}), "copy": frozenset({"TCD"})}
    story = group(items, PARAMS, lambda keys: {k: leads[k] for k in keys})
    assert story == {"chad": "chad", "copy": "chad", "bolivia": "bolivia"}
    # a lead naming no country, or only countries the other names, tells nothing apart
    leads["bolivia"] = frozenset()
    assert len(set(group(items, PARAMS, lambda keys: {k: leads[k] for k in keys}).values())) == 1


def test_store_reads_the_leads_countries_from_stored_entities(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        store.add(_cable_doc("chad", CHAD, "TCD"))
        store.add(_cable_doc("bolivia", BOLIVIA, "BOL"))
    report = update_stories(path, PARAMS)
    assert (report.stories, report.copied) == (2, 0)
