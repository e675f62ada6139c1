"""The foundation's fast paths give exactly what the plain definitions give."""

from __future__ import annotations

import dataclasses
import json
import re
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.clean.lines import collapse_spaces, join_paragraphs, sanitise, split_lines, stripped
from khabar.clean.rules import load_rules
from khabar.clean.sources import url_host
from khabar.doc import Document, Sentence, SourceLine, Span, Token, Tokens
from khabar.text import lang, normalize, tokens
from khabar.text.normalize import fold_text
from khabar.text.sentences import SentenceStage

_SPACES = " \t\n\xa0\u2003\u3000\r\u2028\x0b\x85"
_ALPHABET = 'ابتثجحخدسعكلمنهويةأإآىؤئءَُِّـ0123456789٣.،؛:!?؟«»"()-/@Abcxyzپی' + _SPACES
TEXTS = st.text(alphabet=_ALPHABET, max_size=200)
RULES = load_rules()


def _plain_lines(safe: str) -> list[tuple[int, int]]:
    lines = (stripped(safe, m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", safe))
    return [(line.start, line.end) for line in lines]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_lines_as_the_plain_definition(raw: str) -> None:
    safe = sanitise(raw)
    lines = split_lines(safe)
    assert [(line.start, line.end) for line in lines] == _plain_lines(safe)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.booleans(), max_size=30))
def test_joined_paragraphs_as_collapsing_each_line(raw: str, soft: list[bool]) -> None:
    safe = sanitise(raw)
    lines = split_lines(safe)
    for line, is_soft in zip(lines, soft, strict=False):
        line.soft = is_soft
    plain = ""
    for index, line in enumerate(lines):
        if index:
            plain += "\n" if line.soft else "\n\n"
        plain += collapse_spaces(safe[line.start : line.end])
    assert join_paragraphs(safe, lines) == plain


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_regex_rules_as_one_search_on_the_folded_line(text: str) -> None:
    form = " ".join(fold_text(text).lower().split())
    for kind, patterns in RULES.regexes.items():
        combined = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns))
        expected = len(text) <= 200 and combined.search(form) is not None
        assert RULES.search(kind, text) == expected


_URLS = st.one_of(
    st.text(alphabet="abcXY09.-:/@[]?#_ %\t", max_size=40).map(lambda rest: "http://" + rest),
    st.text(alphabet="abcXY09.-:/@[]?#_ %\tموقع", max_size=40),
)


@settings(max_examples=500, deadline=None)
@given(_URLS)
def test_url_host_as_urlsplit(url: str) -> None:
    try:
        expected: str | None = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        expected = None
    assert url_host(url) == expected


def test_url_host_of_common_urls() -> None:
    assert url_host("https://WWW.Example.com/ar/news?id=1") == "www.example.com"
    assert url_host("http://user@example.com:8080/x") == "example.com"
    assert url_host("example.com/path") == ""
    assert url_host("http://[bad/") is None


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_stage_tokens_read_like_the_tokenizer_list(text: str) -> None:
    doc = SentenceStage()(Document(id="t", text=text))
    expected = tokens.tokenize(text)
    assert isinstance(doc.tokens, Tokens)
    assert len(doc.tokens) == len(expected) and list(doc.tokens) == expected
    assert doc.tokens == expected and doc.tokens[1:3] == expected[1:3]
    if expected:
        assert doc.tokens[-1] == expected[-1] and doc.tokens[0].start == expected[0].start


def test_tokens_serialise_and_come_back_as_a_list() -> None:
    doc = SentenceStage()(Document(id="t", text="قال الوزير: «نعم».", raw="x"))
    data = json.loads(json.dumps(doc.to_dict(include_tokens=True)))
    assert data["tokens"][:2] == [{"start": 0, "end": 3}, {"start": 4, "end": 10}]
    again = Document.from_dict(data)
    assert isinstance(again.tokens, list) and again.tokens == doc.tokens
    assert again.tokens[1] == Token(4, 10)


def _generic(obj: object) -> object:
    if isinstance(obj, list | Tokens):
        return [_generic(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _generic(value) for key, value in obj.items()}
    if dataclasses.is_dataclass(obj):
        return {f.name: _generic(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    return obj


def test_to_dict_as_the_generic_walk() -> None:
    doc = SentenceStage()(Document(id="t", text="جملة أولى. جملة ثانية!", raw="r"))
    doc.source.source_lines.append(SourceLine("القاهرة - أ ف ب", "القاهرة", agencies=["أ ف ب"]))
    doc.removed.append(Span(0, 3))
    doc.flags.append("short")
    doc.mark("sentences", "1")
    expected = {"schema_version": 1, **_generic(doc)}  # type: ignore[dict-item]
    assert doc.to_dict(include_raw=True, include_tokens=True) == expected
    del expected["raw"], expected["tokens"]
    assert doc.to_dict() == expected
    assert doc.sentences == [Sentence(0, 10), Sentence(11, 22)]


_FOLD_ALPHABET = (
    _ALPHABET + "ﻻﷲﺍﻟﻌﺮﺑﻴﺔ۔٫٬٪؍ٱٲٳۃۀہھەېێۍےکڪگۓٶٸ٠٩۰۹ًٌٍٰۖ\u200b\u200c\u200d\ufeff\u200e\u00a0𝐀"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_FOLD_ALPHABET, max_size=300))
def test_fold_text_as_one_translate(text: str) -> None:
    assert fold_text(text) == text.translate(normalize._TABLE)


def _plain_letter_counts(text: str) -> tuple[int, int]:
    data = text.encode("utf-8", "surrogatepass")
    arabic = sum(data.count(bytes([lead])) for lead in (0xD8, 0xD9, 0xDA, 0xDB, 0xDD))
    arabic += len(re.findall(r"[\ufb50-\ufdff\ufe70-\ufefc]", text))
    if arabic:
        arabic -= len(lang._NOT_LETTERS.findall(text))
    others = sum(data.count(bytes([lead])) for lead in [*range(0xC3, 0xCA), *range(0xCE, 0xD8)])
    latin = sum(1 for byte in data if 65 <= byte <= 90 or 97 <= byte <= 122)
    return max(arabic, 0), max(arabic, 0) + others + latin


_LANG_ALPHABET = _ALPHABET + "پچژگکیٹڈڑںہےۓھéßΣשﻻ٠٥۰"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LANG_ALPHABET, max_size=300))
def test_letter_counts_as_counting_each_class(text: str) -> None:
    assert lang.letter_counts(text) == _plain_letter_counts(text)
    guess = lang.guess_language(text, min_letters=5)
    arabic, letters = _plain_letter_counts(text)
    persian = sum(text.count(c) for c in lang._PERSIAN)
    urdu = sum(text.count(c) for c in lang._URDU)
    if arabic >= 5 and arabic >= 0.6 * letters and letters:
        share = lang.LANGUAGE_LETTER_SHARE
        expected = (
            "ar" if max(persian, urdu) <= share * arabic else "ur" if urdu > persian else "fa"
        )
        assert guess.language == expected
