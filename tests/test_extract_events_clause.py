"""Clause frames of the event detector and the min-pooling of the clause features."""

from khabar.extract.event_context import pool
from khabar.extract.event_frames import clause_frames
from khabar.extract.event_triggers import FEATURES


class _Hit:
    """The fields of a trigger hit that the clause frames read."""

    def __init__(self, text: str, word: str):
        self.word_start = self.start = text.index(word)
        self.end = self.start + len(word)


def _frames(text: str, word: str, places: list[int] | None = None) -> dict[str, float]:
    return clause_frames(text, (0, len(text)), 0, _Hit(text, word), places or [])


def test_concrete_report_in_its_own_clause():
    text = "هاجم مسلحون مركزا للشرطة صباح أمس وقتلوا ثلاثة عناصر"
    f = _frames(text, "هاجم", [text.index("مركزا")])
    assert f["initial"] == 1.0
    assert f["clause_count"] == 1.0
    assert f["clause_time"] == 1.0
    assert f["clause_place"] == 1.0
    assert f["relative"] == 0.0 and f["plan"] == 0.0


def test_relative_clause_plan_and_span():
    rel = "وزار الوزير المدينة التي شهدت هجوما"
    assert _frames(rel, "هجوما")["relative"] == 1.0
    assert _frames(rel, "هجوما")["initial"] == 0.0
    plan = "وقالت النقابة إنها دعت إلى تظاهرة"
    assert _frames(plan, "تظاهرة")["plan"] == 1.0
    since = "وقتل مئات الأشخاص منذ بداية النزاع"
    assert _frames(since, "وقتل")["since"] == 1.0


def test_clause_features_are_known_and_min_pooled():
    assert {"relative", "plan", "since", "initial", "clause_count"} <= set(FEATURES)
    pooled = pool([{"relative": 1.0, "verb": 0.0}, {"verb": 1.0}])
    assert pooled == {"relative": 0.0, "verb": 1.0}
    assert pool([{"relative": 1.0}]) == {"relative": 1.0}
