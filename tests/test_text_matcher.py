from __future__ import annotations

from khabar.text.matcher import PhraseMatcher
from khabar.text.normalize import fold_text


def _found(matcher: PhraseMatcher, text: str) -> list[tuple[str, str]]:
    folded = fold_text(text)
    return [(folded[m.start : m.end], m.prefix) for m in matcher.find(folded)]


def test_text_matcher_longest_match_wins_over_overlaps() -> None:
    matcher = PhraseMatcher()
    for phrase in ("الأمم المتحدة", "المتحدة", "مجلس الأمن", "الأمن"):
        matcher.add(phrase, "ORG")
    text = "دعا مجلس الأمن والأمم المتحدة إلى التهدئة"
    assert _found(matcher, text) == [("مجلس الامن", ""), ("الامم المتحده", "و")]


def test_text_matcher_non_overlapping_matches_in_text_order() -> None:
    matcher = PhraseMatcher()
    for phrase in ("باريس", "لندن", "روما"):
        matcher.add(phrase, "LOC")
    text = "من باريس إلى لندن ثم روما وبباريس"
    assert _found(matcher, text) == [("باريس", ""), ("لندن", ""), ("روما", ""), ("باريس", "وب")]


def test_text_matcher_word_boundaries_clitics_and_suffixes() -> None:
    matcher = PhraseMatcher()
    matcher.add("الناتو", "ORG")
    matcher.add("قال", "say")
    # «قالت» is not «قال»; in «للناتو» the span starts after the preposition
    assert _found(matcher, "قالت للناتو") == [("لناتو", "ل")]
    assert _found(matcher, "لالناتو") == []
    assert _found(matcher, "والقال") == []  # «ال» is no proclitic without allow_article
    verbs = PhraseMatcher(suffixes=("ه", "ها"), allow_future=True)
    verbs.add("أبلغ", "inform")
    assert _found(verbs, "وسيبلغها أبلغتم") == []
    assert _found(verbs, "أبلغها وأبلغه") == [("ابلغ", ""), ("ابلغ", "و")]
