from __future__ import annotations

from pathlib import Path

import pytest

from khabar.doc import Token
from khabar.extract.crf import (
    CrfTagger,
    FeatureExtractor,
    NerResources,
    default_tokens,
    split_clitics,
    strip_article,
    tags_to_spans,
)
from khabar.text.matcher import PhraseMatcher

TAGGER = CrfTagger.load()
needs_model = pytest.mark.skipif(TAGGER is None, reason="no NER model shipped")


def test_extract_crf_load_missing_model_is_none(tmp_path: Path) -> None:
    assert CrfTagger.load(tmp_path / "absent.model") is None


@needs_model
def test_extract_crf_tags_person_and_place_with_offsets() -> None:
    assert TAGGER is not None
    text = "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الألماني في باريس يوم الثلاثاء ."
    spans = TAGGER.tag(text, [])
    found = {(text[s:e], kind) for s, e, kind in spans}
    assert ("إيمانويل ماكرون", "PER") in found
    assert ("باريس", "LOC") in found
    start = text.index("باريس")
    assert (start, start + len("باريس"), "LOC") in spans


@needs_model
def test_extract_crf_uses_given_tokens_offsets() -> None:
    assert TAGGER is not None
    text = "وقال وزير الخارجية الروسي سيرغي لافروف للصحفيين في موسكو، أمس."
    tokens = default_tokens(text)
    spans = TAGGER.tag(text, tokens)
    found = {(text[s:e], kind) for s, e, kind in spans}
    assert ("موسكو", "LOC") in found  # the comma is a token of its own
    assert any(kind == "PER" and "لافروف" in text[s:e] for s, e, kind in spans)
    starts = {t.start for t in tokens}
    assert all(s in starts for s, _, _ in spans)


@needs_model
def test_extract_crf_empty_text() -> None:
    assert TAGGER is not None
    assert TAGGER.tag("", []) == []
    assert TAGGER.tag("   ", [Token(0, 0)][:0]) == []


def test_extract_crf_split_clitics_without_vocabulary() -> None:
    assert split_clitics("والعراق", {}) == ("و", "العراق")
    assert split_clitics("للعراق", {}) == ("ل", "العراق")
    assert split_clitics("وباريس", {}) == ("وب", "اريس")  # no frequency list: greedy
    assert strip_article("العراق") == "عراق"
    assert strip_article("الى") == "الى"


def test_extract_crf_split_clitics_with_vocabulary() -> None:
    ranks = {"وزير": 0, "باريس": 1, "العراق": 2}
    assert split_clitics("وزير", ranks) == ("", "وزير")
    assert split_clitics("وباريس", ranks) == ("و", "باريس")
    assert split_clitics("والعراق", ranks) == ("و", "العراق")


def test_extract_crf_tags_to_spans() -> None:
    tags = ["O", "B-PER", "I-PER", "I-LOC", "O", "B-ORG", "B-ORG"]
    assert tags_to_spans(tags) == [(1, 2, "PER"), (3, 3, "LOC"), (5, 5, "ORG"), (6, 6, "ORG")]


def test_extract_crf_features_window_and_gazetteer() -> None:
    gazetteer = PhraseMatcher()
    gazetteer.add("الأمم المتحدة", "ORG")
    cues = PhraseMatcher(allow_article=True)
    cues.add("الرئيس", "ti")
    resources = NerResources(
        clusters={"ماكرون": ("1", "7")},
        gazetteer=gazetteer,
        cues=cues,
        nisba=frozenset({"فرنسي"}),
        name_parts={"ماكرون": "PER"},
    )
    fx = FeatureExtractor(resources)
    words = ["قال", "الرئيس", "الفرنسي", "ماكرون", "أمام", "للأمم", "المتحدة"]
    feats = fx.sequence(words)
    assert "w=ماكرون" in feats[3] and "k1=7" in feats[3] and "np=PER" in feats[3]
    assert "cue2" in feats[3]  # title, nisba, then the name
    assert "cue" in feats[2] and "ni" in feats[2] and "-1:np=PER" in feats[4]
    assert "-1:w=الفرنسي" in feats[3] and "+1:k=7" in feats[2]
    assert "G=B-ORG" in feats[5] and "G=I-ORG" in feats[6]
    assert "BOS" in feats[0] and "EOS" in feats[6]


@needs_model
def test_extract_crf_tag_scored_matches_tag() -> None:
    assert TAGGER is not None
    text = "استقبل الملك عبدالله الثاني في عمّان وفدا من البنك الدولي ."
    scored = TAGGER.tag_scored(text, [])
    assert [s[:3] for s in scored] == TAGGER.tag(text, [])
    assert scored and all(0.0 < s[3] <= 1.0 for s in scored)


SENTENCES = (
    "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الألماني في باريس يوم الثلاثاء .",
    "وقال وزير الخارجية الروسي سيرغي لافروف للصحفيين في موسكو، أمس. وأضاف أن الأمم المتحدة"
    " ستعقد اجتماعا في جنيف",
    "أعلنت وزارة الصحة في قطاع غزة مقتل ثلاثة أشخاص . ودعا البنك الدولي إلى التهدئة !",
    "",
    "؟ . !",
)


@needs_model
@pytest.mark.parametrize("text", SENTENCES)
def test_extract_crf_fast_decoder_matches_crfsuite(text: str) -> None:
    assert TAGGER is not None
    fast = TAGGER.tag_scored(text, [])
    slow = TAGGER.tag_scored_slow(text, [])
    assert [s[:3] for s in fast] == [s[:3] for s in slow]
    assert all(abs(a[3] - b[3]) < 1e-9 for a, b in zip(fast, slow, strict=True))
    assert TAGGER.tag(text, []) == [s[:3] for s in slow]


@needs_model
def test_extract_crf_exact_weights_agree_with_model_dump() -> None:
    assert TAGGER is not None
    from khabar.extract.crf_decode import read_weights

    labels, rows, state, trans = read_weights(TAGGER.model_path, TAGGER._tagger)
    info = TAGGER._tagger.info()
    assert labels == TAGGER._tagger.labels()
    for (attr, label), weight in list(info.state_features.items())[:500]:
        assert abs(state[rows[attr], labels.index(label)] - weight) < 1e-6
    for (src, dst), weight in info.transitions.items():
        assert abs(trans[labels.index(src), labels.index(dst)] - weight) < 1e-6
    assert not state[-1].any()  # the row of «no feature»


def test_extract_crf_dictionary_features_match_per_chunk_tags() -> None:
    gazetteer = PhraseMatcher()
    gazetteer.add("الأمم المتحدة", "ORG")
    gazetteer.add("باريس", "LOC")
    cues = PhraseMatcher(allow_article=True)
    cues.add("الرئيس", "ti")
    resources = NerResources(gazetteer=gazetteer, cues=cues, nisba=frozenset({"فرنسي"}))
    fx = FeatureExtractor(resources)
    chunks = [
        ["قال", "الرئيس", "الفرنسي", "ماكرون", "في", "باريس", "."],
        ["الأمم", "المتحدة", "و", "الرئيس"],
        ["المتحدة", "للأمم", "المتحدة"],
    ]
    words = [w for chunk in chunks for w in chunk]
    bounds, lo = [], 0
    for chunk in chunks:
        bounds.append((lo, lo + len(chunk)))
        lo += len(chunk)
    folded = [fx.fold(w) for w in words]
    nisba = [fx.raw_type_features(w)[3] for w in folded]
    chunk_ids = [k for k, (a, b) in enumerate(bounds) for _ in range(a, b)]
    got = sorted(fx.dictionary_features(folded, bounds, nisba, chunk_ids))
    expected = []
    for (a, _), chunk in zip(bounds, chunks, strict=True):
        f = [fx.fold(w) for w in chunk]
        tags = fx._dictionary_tags(f, [fx._cache.get(w) or fx._type_features(w) for w in f])
        assert tags is not None
        expected += [(a + i, t) for i, ts in enumerate(tags) for t in ts]
    assert got == sorted(expected)
    assert (6, "G=B-LOC") not in got and (5, "G=B-LOC") in got
