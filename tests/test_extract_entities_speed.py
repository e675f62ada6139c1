"""The entity stage's speed-ups must not change a single bit of what the tagger computes."""

from __future__ import annotations

import re

import numpy as np
import pytest

from khabar.extract.crf import CrfTagger, FeatureExtractor, split_clitics, strip_article, word_shape
from khabar.extract.crf_decode import PAD, TypeTable

TAGGER = CrfTagger.load()
pytestmark = pytest.mark.skipif(TAGGER is None, reason="no NER model shipped")


def _plain_type_features(fx: FeatureExtractor, word: str) -> tuple[list[str], list[str], str, bool]:
    """`raw_type_features` written the straightforward way, as it was before it was tuned."""
    res = fx.res
    prefix, base = split_clitics(word, res.ranks)
    stem = strip_article(base)
    feats = ["b", "w=" + word, "s=" + stem, "p=" + prefix, "sh=" + word_shape(word)]
    if base.startswith("ال"):
        feats.append("al")
    if len(stem) > 3:
        feats += ["p2=" + stem[:2], "p3=" + stem[:3], "x2=" + stem[-2:], "x3=" + stem[-3:]]
    feats.append("x1=" + stem[-1:])
    feats.append(f"len={min(len(stem), 9)}")
    if re.search(r"\d", word):
        feats.append("dig")
    clusters = res.clusters.get(word) or ()
    feats += [f"k{i}={c}" for i, c in enumerate(clusters)]
    base_clusters = res.clusters.get(base) if base != word else None
    if base_clusters:
        feats += [f"bk{i}={c}" for i, c in enumerate(base_clusters)]
    elif not clusters:
        feats.append("oov")
    given = stem in res.given_names
    nisba = stem in res.nisba or base in res.nisba
    core = ["w=" + word, "s=" + stem]
    near = clusters or base_clusters
    if near:
        core.append("k=" + near[min(1, len(near) - 1)])
    if given:
        feats.append("gn")
        core.append("gn")
    part = res.name_parts.get(stem)
    if part:
        feats.append("np=" + part)
        core.append("np=" + part)
    if nisba:
        feats.append("ni")
    return feats, core, stem, nisba


def _words(fx: FeatureExtractor) -> list[str]:
    vocabulary = list(fx.res.ranks)[:1500] + list(fx.res.ranks)[-300:]
    made_up = ["", "ا", "ال", "الاا", "2026", "كوفيد19", "abc", "وللمدينة", "بالقاهرة", "فكتب"]
    variants = [p + w for w in vocabulary[:300] for p in ("و", "ال", "بال", "لل", "فس")]
    return vocabulary + made_up + variants + sorted(fx.res.given_names)[:200]


def test_extract_entities_speed_type_features_unchanged() -> None:
    assert TAGGER is not None
    fx = TAGGER.features
    for word in _words(fx):
        assert fx.raw_type_features(word) == _plain_type_features(fx, word), word


def test_extract_entities_speed_type_vectors_sum_every_feature_row() -> None:
    """A type's vector is numpy's sum over all its feature rows, unknown ones as zero rows:
    numpy sums long runs pairwise, so dropping the zero rows would change the last bits."""
    assert TAGGER is not None
    fx = TAGGER.features
    decoder = TAGGER._decoder
    table = TypeTable(decoder.state, decoder.attr_row, 10_000)
    words = list(dict.fromkeys(_words(fx)))
    table.add_types([(w, fx.raw_type_features(w)) for w in words])
    zero = decoder.state.shape[0] - 1
    for k, word in enumerate(words):
        rows = [decoder.attr_row.get(f, zero) for f in fx.raw_type_features(word)[0]]
        own = np.add.reduceat(decoder.state[[*rows, zero]], [0], axis=0)[0]
        assert np.array_equal(table.vectors[PAD + 1 + k, 0], own), word


def test_extract_entities_speed_fast_tagging_equals_crfsuite() -> None:
    assert TAGGER is not None
    text = (
        "قال وزير الخارجية سامي العبدالله في عمّان إن شركة النور للطاقة ستفتح مكتباً في بيروت. "
        "وأضاف أن الاجتماع مع رئيس بلدية طرابلس كريم منصور سيعقد الثلاثاء! ثم عاد إلى الرياض؟"
    )
    fast = TAGGER.tag_scored(text, [])
    slow = TAGGER.tag_scored_slow(text, [])
    assert fast and [s[:3] for s in fast] == [s[:3] for s in slow]
    assert all(abs(a[3] - b[3]) < 1e-9 for a, b in zip(fast, slow, strict=True))


_QUIET_AND_BUSY = (
    "وصل الوفد صباح اليوم إلى المطار بعد رحلة طويلة . "
    "وقال الوزير سامي العبدالله إن الاجتماع في بيروت كان مفيدا . "
    "ثم عاد الجميع إلى الفندق للراحة . "
    "ولم يصدر أي بيان عن الجلسة حتى المساء ."
)


def _chunked(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    from khabar.extract.crf import _chunks, default_tokens

    words = [text[t.start : t.end] for t in default_tokens(text)]
    return words, list(_chunks(words))


def _plain_scores(decoder: object, words: list[str], bounds: list[tuple[int, int]]) -> np.ndarray:
    """State scores summed term by term in the order the decoder has always used: own
    vector, the -2, -1, +1, +2 neighbours' contributions, BOS/EOS, the stem bigram, then the
    gazetteer and cue features in the order they are found."""
    table = decoder.table  # type: ignore[attr-defined]
    tids = decoder._type_ids(words)  # type: ignore[attr-defined]
    state, get = decoder.state, decoder.attr_row.get  # type: ignore[attr-defined]
    out = np.zeros((len(words), state.shape[1]))
    for lo, hi in bounds:
        for j in range(lo, hi):
            row = table.vectors[tids[j], 0].copy()
            for slot, k in ((1, j - 2), (2, j - 1), (3, j + 1), (4, j + 2)):
                if lo <= k < hi:
                    row += table.vectors[tids[k], slot]
            if j == lo:
                row += decoder.bos  # type: ignore[attr-defined]
            if j == hi - 1:
                row += decoder.eos  # type: ignore[attr-defined]
            if j > lo:
                bigram = get(f"s-|s={table.stems[tids[j - 1]]}|{table.stems[tids[j]]}")
                if bigram is not None:
                    row += state[bigram]
            out[j] = row
    folded = [table.folded[t] for t in tids]
    nisba = [table.nisba[t] for t in tids]
    chunk_ids = np.repeat(np.arange(len(bounds)), [hi - lo for lo, hi in bounds])
    features = decoder.fx.dictionary_features  # type: ignore[attr-defined]
    for j, feature in features(folded, bounds, nisba, chunk_ids):
        if get(feature) is not None:
            out[j] += state[get(feature)]
    return out


def test_extract_entities_speed_padded_scores_are_the_plain_sums_bit_for_bit() -> None:
    assert TAGGER is not None
    decoder = TAGGER._decoder
    for text in (_QUIET_AND_BUSY, "بيروت", "قال الرئيس الفرنسي ماكرون في باريس ! نعم"):
        words, bounds = _chunked(text)
        fast = decoder.scores(words, bounds)
        assert fast.tobytes() == _plain_scores(decoder, words, bounds).tobytes(), text


def test_extract_entities_speed_quiet_chunks_are_all_o_for_crfsuite() -> None:
    """Chunks the bound tags without crfsuite get the tags crfsuite would give, and a
    marginal asked for on one is crfsuite's own."""
    assert TAGGER is not None
    decoder = TAGGER._decoder
    words, bounds = _chunked(_QUIET_AND_BUSY)
    scores = decoder.scores(words, bounds)
    relative = scores[:, decoder._sent] - scores[:, decoder._base : decoder._base + 1]
    quiet = decoder._runs.quiet(relative, bounds)
    assert True in quiet and False in quiet
    tagger = decoder._unit_tagger
    for (lo, tags), (_, hi), skip in zip(decoder.chunks(words, bounds), bounds, quiet, strict=True):
        fast_marginal = decoder.marginal("O", 0)
        items = [dict(zip(decoder._units, row, strict=True)) for row in relative[lo:hi].tolist()]
        tagger.set(items)
        assert tags == tagger.tag()
        assert fast_marginal == tagger.marginal("O", 0)
        assert not skip or set(tags) == {"O"}
    fast = TAGGER.tag_scored(_QUIET_AND_BUSY, [])
    slow = TAGGER.tag_scored_slow(_QUIET_AND_BUSY, [])
    assert fast and [s[:3] for s in fast] == [s[:3] for s in slow]
