"""Sentence splitting and tokens, on sentences written for the tests."""

from __future__ import annotations

import time

import pytest

from khabar.doc import Document
from khabar.text.sentences import SentenceStage, split_sentences
from khabar.text.tokens import token_kind, token_spans, tokenize


def sents(text: str) -> list[str]:
    out = [text[s.start : s.end] for s in split_sentences(text)]
    assert all(s == s.strip() and s for s in out)
    return out


def test_text_sentences_basic_marks() -> None:
    text = "وصل الوفد صباح اليوم. هل ستنجح المحادثات؟ نأمل ذلك! The talks start today? نعم۔ انتهى"
    assert sents(text) == [
        "وصل الوفد صباح اليوم.",
        "هل ستنجح المحادثات؟",
        "نأمل ذلك!",
        "The talks start today?",
        "نعم۔",
        "انتهى",
    ]


def test_text_sentences_paragraph_breaks_always_split() -> None:
    assert sents("عنوان بلا نقطة\n\nجملة أولى. جملة ثانية") == [
        "عنوان بلا نقطة",
        "جملة أولى.",
        "جملة ثانية",
    ]


def test_text_sentences_comma_is_not_an_end() -> None:
    assert len(sents("قال الوزير، في مؤتمر صحفي، إن الاتفاق قريب، وإن الجولة المقبلة حاسمة.")) == 1


def test_text_sentences_quotes() -> None:
    text = 'وقال الوزير: "نعمل على الخطة. وسنعلنها قريبا". ثم غادر القاعة.'
    assert sents(text) == ['وقال الوزير: "نعمل على الخطة. وسنعلنها قريبا".', "ثم غادر القاعة."]
    text = "وقال: «لن نتراجع. هذا قرارنا.» وأضاف أن الحوار مستمر."
    assert sents(text) == ["وقال: «لن نتراجع. هذا قرارنا.»", "وأضاف أن الحوار مستمر."]
    text = "وقال المتحدث “انتهت الجولة.” وغادر الوفد."
    assert sents(text) == ["وقال المتحدث “انتهت الجولة.”", "وغادر الوفد."]


def test_text_sentences_quote_over_a_soft_newline() -> None:
    text = 'وأضاف: "نحن مستعدون للحوار.\nولكن بشروط واضحة" . وانتهى اللقاء.'
    assert sents(text) == ['وأضاف: "نحن مستعدون للحوار.\nولكن بشروط واضحة" .', "وانتهى اللقاء."]


def test_text_sentences_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    text = 'قال "شيئا ما. ثم ذهب. وعاد مساء.'
    assert len(sents(text)) == 3


def test_text_sentences_parentheses() -> None:
    text = "أعلنت الوكالة (وهي جهة رسمية. مقرها العاصمة) عن النتائج. وبدأ العمل."
    assert sents(text) == [
        "أعلنت الوكالة (وهي جهة رسمية. مقرها العاصمة) عن النتائج.",
        "وبدأ العمل.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ذكرت أ ف ب أن النمو بلغ 3.5 بالمئة هذا العام.",
        "ذكرت أ.ف.ب أن الحصيلة بلغت 1.000 قتيل.",
        "استقبل د. أحمد سالم الوفد في مكتبه.",
        "وقال م. خالد إن المشروع اكتمل.",
        "أرسلوا الطلب إلى ص.ب 1234 في العاصمة.",
        "التفاصيل على www.example.org/ar/news.html في الموقع.",
        "راسلوا الإدارة على info@example.org للاستفسار.",
        "وصل ج. و. بوش إلى المدينة.",
        "The U.S. delegation met Mr. Smith today.",
    ],
)
def test_text_sentences_no_split_inside(text: str) -> None:
    assert sents(text) == [text]


def test_text_sentences_two_dots_and_list_numbers() -> None:
    assert len(sents("تحت الضغط.. الحكومة تتراجع عن القرار.")) == 1
    assert sents("1. البند الأول من الاتفاق.\n\n2. البند الثاني.") == [
        "1. البند الأول من الاتفاق.",
        "2. البند الثاني.",
    ]


def test_text_sentences_semicolon_between_clauses() -> None:
    long = (
        "أعلنت الحكومة زيادة الرواتب في القطاع العام اعتبارا من الشهر المقبل؛ "
        "وقال وزير المالية إن الزيادة ستشمل جميع الموظفين دون استثناء."
    )
    assert len(sents(long)) == 2
    short = "حضر الاجتماع الوزير؛ والسفير؛ والمحافظ."
    assert len(sents(short)) == 1


def test_text_sentences_offsets_and_empty() -> None:
    text = "  جملة أولى.   جملة ثانية.  \n\n\n  "
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 12), (15, 26)]
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []


def test_text_tokens_kinds_and_offsets() -> None:
    text = "قالَ الوزيـر: بـ15 مليار (٣٫٥٪) و1,000 دولار، email@x.org"
    tokens = [text[t.start : t.end] for t in tokenize(text)]
    assert tokens[:8] == ["قالَ", "الوزيـر", ":", "بـ", "15", "مليار", "(", "٣٫٥"]
    assert "1,000" in tokens and "،" in tokens and "٪" in tokens
    maghrebi = "بقوة 7ر3 درجات"
    assert [maghrebi[t.start : t.end] for t in tokenize(maghrebi)] == ["بقوة", "7ر3", "درجات"]
    assert [token_kind(t) for t in ("قالَ", "٣٫٥", "1,000", "،")] == [
        "word",
        "number",
        "number",
        "punct",
    ]
    assert [(t.start, t.end) for t in tokenize(text)] == token_spans(text)


def test_text_tokens_cover_every_non_space() -> None:
    text = "أ.ف.ب: «اتفاق» — 2021ء ...؟!"
    joined = "".join(text[t.start : t.end] for t in tokenize(text))
    assert joined == "".join(text.split())


def test_text_tokens_speed() -> None:
    text = "وقال الوزير في مؤتمر صحفي، إن الحكومة ستعلن 3.5 مليار دولار. " * 20_000
    started = time.perf_counter()
    tokens = tokenize(text)
    elapsed = time.perf_counter() - started
    assert len(tokens) == 13 * 20_000
    assert elapsed < 3  # about 20 MB/s here; generous for a loaded machine


def test_text_sentence_stage_assigns_both() -> None:
    doc = SentenceStage()(Document(id="s", text="جملة أولى. جملة ثانية."))
    assert len(doc.sentences) == 2 and len(doc.tokens) == 6
