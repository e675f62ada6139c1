"""Property tests for Arabic folding: the offset map leads every folded span back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.normalize import fold, fold_text

# letters, their variants, marks, tatweel, ligatures (presentation forms), digits, Latin, spaces
_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "أإآٱىةیکگہۃھۓ"
    "\u064b\u064c\u064e\u0650\u0651\u0652\u0670\u0610"
    "ـ\u200b\u200c\u200d\u200e\u200f\ufeff\u00a0"
    "\ufefb\ufef5\ufdf2\ufb50\ufe8e\ufefc"
    "٠١٢٣۴۵٫٬٪۔"
    'abcXYZ019 .,:«»"\n'
)
TEXT = st.text(alphabet=_ALPHABET, max_size=60)


def _clean_boundaries(text: str) -> set[int]:
    """Folded offsets that fall between the folds of two original characters."""
    bounds = {0}
    total = 0
    for char in text:
        total += len(fold_text(char))
        bounds.add(total)
    return bounds


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_text_normalize_span_maps_back(text: str, data: st.DataObject) -> None:
    folded, mapping = fold(text)
    assert folded == fold_text(text)
    i = data.draw(st.integers(0, len(folded)))
    j = data.draw(st.integers(i, len(folded)))
    start, end = mapping.span(i, j)
    assert 0 <= start <= end <= len(text)
    if i == j:
        assert start == end
        return
    original = fold_text(text[start:end])
    if i in _clean_boundaries(text) and j in _clean_boundaries(text):
        assert original == folded[i:j]
    else:  # the span cuts through an expansion (ﻻ → لا): the whole character is taken
        assert folded[i:j] in original


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_text_normalize_every_folded_char_maps_to_its_source(text: str) -> None:
    folded, mapping = fold(text)
    for i in range(len(folded)):
        start, end = mapping.span(i, i + 1)
        assert end - start == 1
        assert folded[i] in fold_text(text[start:end])


@given(st.text(alphabet="ابتثجحخدرزسشصطعفقكلمنوي abcXYZ019.,:؟،\n", max_size=80))
def test_text_normalize_identity_without_special_characters(text: str) -> None:
    folded, mapping = fold(text)
    assert folded == text
    assert mapping.points == [] and mapping.shifts == []
    for i in range(len(text) + 1):
        assert mapping.span(i, min(i + 3, len(text))) == (i, min(i + 3, len(text))) or i == len(
            text
        )


def test_text_normalize_examples() -> None:
    folded, mapping = fold("مُحَمَّـد ﻻ إلى")
    assert folded == "محمد لا الي"
    assert mapping.span(0, 4) == (0, 9)
    assert mapping.span(5, 7) == (10, 11)
    assert mapping.span(8, 11) == (12, 15)


def test_text_normalize_fold_of_a_long_text_is_stable() -> None:
    text = "وقال المتحدثُ باسم الوزارة إنّ الاجتماع سيُعقد غداً. " * 10
    first, mapping = fold(text)
    again, mapping_again = fold(text)
    assert first == again and mapping == mapping_again
    start = first.index("غدا")
    assert text[slice(*mapping.span(start, start + 3))].startswith("غدا")
