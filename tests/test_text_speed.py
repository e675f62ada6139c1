"""The fast paths of the foundation stages give exactly what the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.clean.boilerplate import _same_title
from khabar.clean.rules import _EDGES, EXACT_LIMIT, KEY_LIMIT, line_key, load_rules
from khabar.text import tokens
from khabar.text.normalize import fold_text
from khabar.text.sentences import _BOUNDARY, _QUOTE

_ALPHABET = 'ابتثجحخدذرسشصضطظعغفقكلمنهوىيةأإآؤئءَُِّـ0123456789٣ .،؛:!?؟«»"()-\n\tAbcΣ'
TEXTS = st.text(alphabet=_ALPHABET, max_size=260)
RULES = load_rules()


def _plain_key(text: str) -> str:
    return " ".join(fold_text(text[:KEY_LIMIT]).lower().strip(_EDGES).split())


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_line_key_is_the_folded_key(text: str) -> None:
    assert line_key(text) == _plain_key(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "المصدر: ", "اقرأ أيضا ", "// انتهى // ", "- "]), TEXTS)
def test_prefix_matches_as_on_the_whole_key(start: str, rest: str) -> None:
    text = start + rest
    full = _plain_key(text if len(text) <= 200 else text[:80])
    for kind, pattern in RULES.prefix.items():
        match = pattern.match(full)
        found = RULES.starts(kind, text)
        # a match the line's word count vetoes (max_words) is None either way
        assert found is None or (match is not None and found == match.group())
        if match is not None and (kind, match.group()) not in RULES.max_words:
            assert found == match.group()
    if len(text) <= EXACT_LIMIT:
        assert RULES.exact_kind(text) == RULES.exact.get(full)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_tokens_and_boundaries_as_the_plain_patterns(text: str) -> None:
    plain = re.compile(rf"{tokens._WORD}|{tokens._NUMBER}|\S")
    assert tokens.token_spans(text) == [m.span() for m in plain.finditer(text)]
    boundary = re.compile(r"(?:[.!?؟۔]+|…+|؛)[\"'”’»)\]]*(?=\s|$)|\n[^\S\n]*\n\s*")
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [
        m.span() for m in boundary.finditer(text)
    ]
    quote = re.compile(r"[«»\"“”]|\n[^\S\n]*\n")
    assert [m.span() for m in _QUOTE.finditer(text)] == [m.span() for m in quote.finditer(text)]


def test_seed_style_sentence_keeps_its_tokens() -> None:
    text = "قال الوزير: «سنعمل معاً.» ثم غادر."
    assert [text[t.start : t.end] for t in tokens.tokenize(text)][:3] == ["قال", "الوزير", ":"]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["", "ً", " ", "ـ", ".", "x", "Σ", "ة"]), st.integers(0, 60))
def test_same_title_as_comparing_whole_keys(text: str, extra: str, at: int) -> None:
    other = text[:at] + extra + text[at:]
    assert _same_title(text, other) == (text == other or line_key(text) == line_key(other))
