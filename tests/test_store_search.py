"""Full-text search over the store: Arabic spelling and clitics, incremental index, filters."""

from __future__ import annotations

import json

import pytest

from khabar.engines.base import Processed
from khabar.errors import KhabarError
from khabar.store.query import EventFilter, article, articles, connect, count, events
from khabar.store.search import index_words, match_expression, update_index
from khabar.store.sqlite import Store

TEXTS = {
    "a": ("اجتماع للحكومة", "عقدت الحكومة اجتماعا طارئا لبحث أزمة المياه في الجنوب."),
    "b": ("مسيرة طلابية", "خرج الطلاب في مسيرة أمام وزارة التعليم للمطالبة بخفض الرسوم."),
    "c": ("بيان", "وقالت والحكومه في بيان إن المفاوضات مستمرة مع النقابات."),
}


def _doc(key: str) -> Processed:
    title, text = TEXTS[key]
    event = {"id": f"{key}:0", "event": "CONSULT", "date": "2021-01-01", "actor": [],
             "recipient": [], "text_info": {"start": 0, "end": 10}}  # fmt: skip
    doc = {"id": key, "title": title, "text": text, "events": [event], "source": {}}
    return Processed(key, json.dumps(doc, ensure_ascii=False), None, f"h-{key}")


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(_doc("a"))
        store.add(_doc("b"))
    return path


def test_words_meet_across_spelling_and_clitics():
    assert index_words("والحكومة للحكومه الحكومةُ") == "حكومه حكومه حكومه"
    assert match_expression("الحكومة") == '"حكومه"'
    assert match_expression("مفاوض*") == '"مفاوض"*'
    # FTS5 syntax typed by a user is searched as words, never run
    assert match_expression('NOT "x" OR') == '"NOT" "x" "OR"'
    with pytest.raises(KhabarError):
        match_expression("  ** ")


def test_index_is_incremental_and_filters_events(db_path):
    assert update_index(db_path) == (2, 2)
    assert update_index(db_path) == (0, 2)
    with Store(db_path) as store:
        store.add(_doc("c"))
    assert update_index(db_path) == (1, 3)
    db = connect(db_path)
    assert sorted(a["id"] for a in articles(db, "الحكومة")) == ["a", "c"]
    assert [a["id"] for a in articles(db, "الطلاب الرسوم")] == ["b"]  # every word must occur
    assert articles(db, "الطلاب الحكومة") == []
    assert [e["id"] for e in events(db, EventFilter(query="وزاره التعليم"))] == ["b:0"]
    assert count(db, "type", EventFilter(query="حكومة")) == [("CONSULT", 2)]
    assert article(db, "c")["title"] == "بيان"
    assert article(db, "nope") is None
    db.close()


def test_search_needs_the_index(db_path):
    db = connect(db_path)
    with pytest.raises(KhabarError, match="khabar index"):
        list(events(db, EventFilter(query="الحكومة")))
    with pytest.raises(KhabarError, match="khabar index"):
        articles(db, "الحكومة")
    db.close()
