"""Statistical named-entity tagger: a linear-chain CRF (python-crfsuite) over words.

Features are computed on the folded word (`fold_text`) and cached per word type, so tagging
costs little more than a dictionary lookup per token plus the Viterbi pass. What generalises
to names never seen in training: word clusters learned from unlabeled news
(`scripts/build_clusters.py`), the knowledge base (gazetteer matches, title/role cues, given
names, nisba adjectives), name-part stems from WikiFANE (`name_parts.tsv`) and clitic
stripping (so «والعراق» shares «عراق»). Every resource is optional: a missing one only
removes its features. The model is trained by `scripts/train_ner.py` on ANERcorp (NOTICE).
`CrfTagger.tag` and `tag_scored` sum the weights per word type themselves (crf_decode) and
give the same spans and marginals as crfsuite on the feature strings (`tag_scored_slow`).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..doc import Token
from ..errors import KnowledgeBaseError
from ..text.matcher import PhraseMatcher
from ..text.normalize import fold_text

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_PATH = MODELS_DIR / "ner_crf.model"
CLUSTERS_PATH = MODELS_DIR / "word_clusters.tsv"
NAME_PARTS_PATH = MODELS_DIR / "name_parts.tsv"

_WORD = re.compile(r"\S+")
_SENTENCE_END = frozenset({".", "!", "؟", "?", "…"})
_SHAPE_CLASSES = (
    (re.compile(r"[\u0621-\u064A\u0671-\u06D3]+"), "a"),
    (re.compile(r"[A-Z]+"), "A"),
    (re.compile(r"[a-z]+"), "x"),
    (re.compile(r"[0-9]+"), "d"),
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_CLITIC_FIRST = frozenset(c for c in (*_CONJ, *_PREP) if c)
_CACHE_LIMIT = 300_000
_CONTEXT_OFFSETS = ("-2:", "-1:", "+1:", "+2:")
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class NerResources:
    """What the features consult besides the word itself; every part is optional."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    gazetteer: PhraseMatcher | None = None  # KB names, payload PER | ORG | LOC
    cues: PhraseMatcher | None = None  # titles and roles that announce a person's name
    given_names: frozenset[str] = frozenset()
    nisba: frozenset[str] = frozenset()
    name_parts: dict[str, str] = field(default_factory=dict)  # folded stem -> PER | ORG | LOC

    @classmethod
    def load(
        cls,
        clusters_path: Path | None = CLUSTERS_PATH,
        name_parts_path: Path | None = NAME_PARTS_PATH,
        *,
        use_kb: bool = True,
    ) -> NerResources:
        res = cls()
        if clusters_path is not None and clusters_path.exists():
            res.clusters, res.ranks = read_clusters(clusters_path)
        if name_parts_path is not None and name_parts_path.exists():
            res.name_parts = read_name_parts(name_parts_path)
        if use_kb:
            res.add_kb()
        return res

    def add_kb(self, kb: Any = None) -> bool:
        """Fill the gazetteer and cue sets from the knowledge base, if it can be loaded."""
        if kb is None:
            try:
                from ..kb.loader import load_kb

                kb = load_kb()
            except (ImportError, KnowledgeBaseError):
                return False  # the model still works, only without gazetteer and cue features
        gazetteer = PhraseMatcher()
        for phrase, entry_id in kb.surface_forms():
            kind = getattr(kb.get(entry_id), "type", None)
            if kind in ("PER", "ORG", "LOC"):
                gazetteer.add(phrase, kind)
        cues = PhraseMatcher(allow_article=True)
        for phrase in [
            *getattr(kb, "titles", ()),
            *(r.phrase_ar for r in getattr(kb, "roles", ())),
        ]:
            cues.add(phrase, "ti")
        self.gazetteer = _built(gazetteer)
        self.cues = _built(cues)
        self.given_names = _folded_words(getattr(kb, "given_names", ()))
        self.nisba = _folded_words(getattr(kb, "nisba", ()))
        return True

    def describe(self) -> dict[str, Any]:
        return {
            "clusters": len(self.clusters),
            "gazetteer": len(self.gazetteer) if self.gazetteer else 0,
            "cues": len(self.cues) if self.cues else 0,
            "given_names": len(self.given_names),
            "nisba": len(self.nisba),
            "name_parts": len(self.name_parts),
        }


def _built(matcher: PhraseMatcher) -> PhraseMatcher | None:
    if not len(matcher):
        return None
    matcher.build()
    return matcher


def _folded_words(items: Iterable[Any]) -> frozenset[str]:
    keys = items.keys() if isinstance(items, Mapping) else items
    return frozenset(w for w in (fold_text(str(item)).strip() for item in keys) if w)


def read_clusters(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """word<TAB>cluster ids… in frequency order (the line order gives the rank)."""
    clusters: dict[str, tuple[str, ...]] = {}
    ranks: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("word\t"):
                continue
            word, *ids = line.rstrip("\n").split("\t")
            ranks[word] = len(ranks)
            clusters[word] = tuple(ids)
    return clusters, ranks


def read_name_parts(path: Path) -> dict[str, str]:
    """stem<TAB>type: words seen mostly inside names of that type (built by train_ner.py)."""
    parts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("stem\t"):
                continue
            stem, kind = line.rstrip("\n").split("\t")[:2]
            parts[stem] = kind
    return parts


def split_clitics(word: str, ranks: Mapping[str, int]) -> tuple[str, str]:
    """(proclitics, base) for a folded word; the base keeps its article («والعراق» → و, العراق).

    With a frequency list, a strip is kept only when the base is more frequent than the word,
    so «وزير» stays whole while «وباريس» loses its و; without one, the base needs 3 letters.
    """
    if word[:1] not in _CLITIC_FIRST:
        return "", word  # no proclitic can start it (the common case)
    missing = len(ranks) + 1
    own = ranks.get(word, missing)
    for conj in _CONJ:
        if not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in _PREP[::-1]:  # longest prefix first
            if not prep or not rest.startswith(prep):
                continue
            base = rest[len(prep) :]
            if prep == "ل" and base.startswith("ل") and len(base) > 2:
                base = "ا" + base  # «للعراق» = ل + «العراق»
            if _accept(base, own, ranks, missing):
                return conj + prep, base
        if conj and _accept(rest, own, ranks, missing):
            return conj, rest
    return "", word


def _accept(base: str, own: int, ranks: Mapping[str, int], missing: int) -> bool:
    if len(base) < 2:
        return False
    if ranks:
        return ranks.get(base, missing) < own
    return len(base) >= 3


def strip_article(base: str) -> str:
    return base[2:] if base.startswith("ال") and len(base) >= 4 else base


def word_shape(word: str) -> str:
    if _ARABIC_WORD.fullmatch(word):
        return "x"  # the Arabic run becomes «a», which the [a-z] class then turns into «x»
    shape = word
    for pattern, mark in _SHAPE_CLASSES:
        shape = pattern.sub(mark, shape)
    return shape[:6]


class FeatureExtractor:
    """Token features for a sequence of words; per-type parts are cached."""

    def __init__(self, resources: NerResources | None = None, known: frozenset[str] | None = None):
        """`known`: the attributes a trained model has weights for; others are dropped early,
        which makes tagging cheaper without changing its result."""
        self.res = resources or NerResources()
        self.known = known
        # folded word -> (own features, context features per offset, stem, is nisba)
        self._cache: dict[str, _TypeInfo] = {}

    def _type_features(self, word: str) -> _TypeInfo:
        feats, core, stem, nisba = self.raw_type_features(word)
        context = tuple([off + f for f in core] for off in _CONTEXT_OFFSETS)
        if self.known is not None:
            feats = [f for f in feats if f in self.known]
            context = tuple([f for f in fs if f in self.known] for fs in context)
        info = (feats, context, stem, nisba)
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = info
        return info

    def raw_type_features(self, word: str) -> tuple[list[str], list[str], str, bool]:
        """(own features, features a neighbour sees without its offset prefix, stem, nisba)
        of a folded word: not cached, attributes without weights not dropped."""
        # runs once per new word type on the tagging path: strings are built from prefixes
        # computed once (`_K`, `_BK`, `_LEN`) rather than formatted
        res = self.res
        prefix, base = split_clitics(word, res.ranks)
        stem = base[2:] if len(base) >= 4 and base.startswith("ال") else base
        w_feat = "w=" + word
        s_feat = "s=" + stem
        # an all-Arabic word (the common case) has shape «x» and no digit
        arabic = _ARABIC_WORD.fullmatch(word) is not None
        shape = "sh=x" if arabic else "sh=" + word_shape(word)
        feats = ["b", w_feat, s_feat, "p=" + prefix, shape]
        if base.startswith("ال"):
            feats.append("al")
        n = len(stem)
        if n > 3:
            feats += ("p2=" + stem[:2], "p3=" + stem[:3], "x2=" + stem[-2:], "x3=" + stem[-3:])
        feats.append("x1=" + stem[-1:])
        feats.append(_LEN[n] if n < 9 else "len=9")
        if not arabic and _DIGIT.search(word):
            feats.append("dig")
        clusters = res.clusters.get(word) or ()
        if clusters:
            feats += _prefixed(_K, "k", clusters)
        base_clusters = res.clusters.get(base) if base != word else None
        if base_clusters:
            feats += _prefixed(_BK, "bk", base_clusters)
        elif not clusters:
            feats.append("oov")
        core = [w_feat, s_feat]
        near = clusters or base_clusters
        if near:
            core.append("k=" + near[1 if len(near) > 1 else 0])
        if stem in res.given_names:
            feats.append("gn")
            core.append("gn")
        part = res.name_parts.get(stem)
        if part:
            feats.append("np=" + part)
            core.append("np=" + part)
        nisba = stem in res.nisba or base in res.nisba
        if nisba:
            feats.append("ni")
        return feats, core, stem, nisba

    fold = staticmethod(fold_text)

    def dictionary_features(
        self,
        folded: list[str],
        bounds: list[tuple[int, int]],
        nisba: list[bool],
        chunk_ids: Any,
    ) -> Iterable[tuple[int, str]]:
        """(token, feature) of `_dictionary_tags` for several chunks at once: one matcher pass
        over the chunks joined by newlines, which no phrase crosses."""
        res = self.res
        if res.gazetteer is None and res.cues is None:
            return
        text = "\n".join(" ".join(folded[lo:hi]) for lo, hi in bounds)
        starts = list(itertools.accumulate(map((1).__add__, map(len, folded[:-1])), initial=0))
        for matcher, is_cue in ((res.gazetteer, False), (res.cues, True)):
            if matcher is None:
                continue
            for match in matcher.find(text):
                first = bisect.bisect_right(starts, match.start) - 1
                last = bisect.bisect_right(starts, match.end - 1) - 1
                lo, hi = bounds[chunk_ids[first]]
                if is_cue:
                    yield from _cue_features(nisba, first, last, hi)
                else:
                    yield from _gazetteer_features(set(match.payloads), first, last, lo, hi)

    def sequence(self, words: list[str]) -> list[list[str]]:
        """Features of each word of one sequence (words as they appear, folded here)."""
        folded = [fold_text(w) for w in words]
        cache = self._cache
        infos = [cache.get(w) or self._type_features(w) for w in folded]
        extra = self._dictionary_tags(folded, infos)
        n = len(words)
        known = self.known
        out: list[list[str]] = []
        prev_stem = ""
        for i, info in enumerate(infos):
            feats = info[0] + extra[i] if extra is not None else info[0][:]
            if i >= 2:
                feats += infos[i - 2][1][0]
            if i >= 1:
                feats += infos[i - 1][1][1]
                bigram = "s-|s=" + prev_stem + "|" + info[2]
                if known is None or bigram in known:
                    feats.append(bigram)
            else:
                feats.append("BOS")
            if i + 1 < n:
                feats += infos[i + 1][1][2]
                if i + 2 < n:
                    feats += infos[i + 2][1][3]
            else:
                feats.append("EOS")
            prev_stem = info[2]
            out.append(feats)
        return out

    def _dictionary_tags(self, folded: list[str], infos: list[_TypeInfo]) -> list[list[str]] | None:
        """Gazetteer B/I features and person cues from phrase matches over the folded sequence."""
        res = self.res
        if res.gazetteer is None and res.cues is None:
            return None
        starts: list[int] = []
        pos = 0
        for w in folded:
            starts.append(pos)
            pos += len(w) + 1
        text = " ".join(folded)
        n = len(folded)
        tags: list[list[str]] = [[] for _ in folded]
        for matcher, is_cue in ((res.gazetteer, False), (res.cues, True)):
            if matcher is None:
                continue
            for match in matcher.find(text):
                first = bisect.bisect_right(starts, match.start) - 1
                last = bisect.bisect_right(starts, match.end - 1) - 1
                if is_cue:
                    _mark_cue(tags, infos, first, last, n)
                else:
                    _mark_gazetteer(tags, set(match.payloads), first, last, n)
        return tags


_TypeInfo = tuple[list[str], tuple[list[str], ...], str, bool]
_LEN = tuple(f"len={n}" for n in range(9))
_K = tuple(f"k{i}=" for i in range(8))
_BK = tuple(f"bk{i}=" for i in range(8))


def _prefixed(prefixes: tuple[str, ...], name: str, ids: tuple[str, ...]) -> list[str]:
    """[f"{name}{i}={c}" for i, c in enumerate(ids)], without formatting each one."""
    if len(ids) <= len(prefixes):
        return list(map(str.__add__, prefixes, ids))
    return [f"{name}{i}={c}" for i, c in enumerate(ids)]


def _mark_gazetteer(tags: list[list[str]], kinds: set[str], first: int, last: int, n: int) -> None:
    for kind in kinds:
        tags[first].append("G=B-" + kind)
        for k in range(first + 1, last + 1):
            tags[k].append("G=I-" + kind)
        if first > 0:
            tags[first - 1].append("G+1=" + kind)
        if last + 1 < n:
            tags[last + 1].append("G-1=" + kind)


def _mark_cue(tags: list[list[str]], infos: list[_TypeInfo], first: int, last: int, n: int) -> None:
    for k in range(first, last + 1):
        tags[k].append("ti")
    after = last + 1
    if after < n:
        tags[after].append("cue")
        if infos[after][3] and after + 1 < n:
            tags[after + 1].append("cue2")  # «الرئيس الفرنسي ماكرون»


def _gazetteer_features(
    kinds: set[str], first: int, last: int, lo: int, hi: int
) -> Iterable[tuple[int, str]]:
    for kind in kinds:
        yield first, "G=B-" + kind
        for k in range(first + 1, last + 1):
            yield k, "G=I-" + kind
        if first > lo:
            yield first - 1, "G+1=" + kind
        if last + 1 < hi:
            yield last + 1, "G-1=" + kind


def _cue_features(nisba: list[bool], first: int, last: int, hi: int) -> Iterable[tuple[int, str]]:
    for k in range(first, last + 1):
        yield k, "ti"
    after = last + 1
    if after < hi:
        yield after, "cue"
        if nisba[after] and after + 1 < hi:
            yield after + 1, "cue2"


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags → (first token, last token inclusive, type); a stray I- opens an entity."""
    spans: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):
        return spans  # most sentences name nothing
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O":  # closes an open entity, opens none
            if start >= 0:
                spans.append((start, i - 1, kind))
                start = -1
            continue
        prefix, _, label = tag.partition("-")
        if start >= 0 and (prefix != "I" or label != kind):
            spans.append((start, i - 1, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = i, label
    return spans


class CrfTagger:
    """Tags text with the shipped CRF model; `load()` returns None when no model is shipped."""

    def __init__(self, model_path: Path, resources: NerResources):
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        info = self._tagger.info()  # parsing the model dump is slow: once
        known = frozenset(attr for attr, _ in info.state_features)
        self.features = FeatureExtractor(resources, known)
        self.model_path = model_path
        from .crf_decode import FastDecoder

        self._decoder = FastDecoder(model_path, self._tagger, self.features, _CACHE_LIMIT, info)

    @classmethod
    def load(cls, path: Path | None = None) -> CrfTagger | None:
        model_path = Path(path) if path is not None else MODEL_PATH
        if not model_path.exists():
            return None
        config = read_model_config(model_path)
        paths = [
            model_path.parent / config[key] if config.get(key) else None
            for key in ("clusters", "name_parts")
        ]
        resources = NerResources.load(*paths, use_kb=bool(config.get("kb", True)))
        return cls(model_path, resources)

    def tag_words(self, words: list[str]) -> list[str]:
        if not words:
            return []
        return self._tagger.tag(self.features.sequence(words))

    def tag(self, text: str, tokens: list[Token]) -> list[tuple[int, int, str]]:
        """Entity spans (start, end, type) as character offsets into `text`.

        `tokens` are offsets into `text`; when empty, `text` is tokenized here."""
        return [(start, end, kind) for start, end, kind, _ in self._spans(text, tokens, False)]

    def tag_scored(self, text: str, tokens: list[Token]) -> list[tuple[int, int, str, float]]:
        """Like `tag`, with a confidence per span: the lowest marginal probability of its tags."""
        return self._spans(text, tokens, True)

    def _spans(
        self, text: str, tokens: list[Token], scored: bool
    ) -> list[tuple[int, int, str, float]]:
        if not tokens:
            tokens = default_tokens(text)
        if not tokens:
            return []
        words = [text[t.start : t.end] for t in tokens]
        decoder = self._decoder
        marginal = decoder.marginal
        spans: list[tuple[int, int, str, float]] = []
        for lo, tags in decoder.chunks(words, list(_chunks(words))):
            for first, last, kind in tags_to_spans(tags):
                score = 1.0
                if scored:
                    score = min(marginal(tags[k], k) for k in range(first, last + 1))
                spans.append((tokens[lo + first].start, tokens[lo + last].end, kind, score))
        return spans

    def tag_scored_slow(self, text: str, tokens: list[Token]) -> list[tuple[int, int, str, float]]:
        """`tag_scored` the plain way (crfsuite on feature strings): the reference for tests."""
        if not tokens:
            tokens = default_tokens(text)
        words = [text[t.start : t.end] for t in tokens]
        spans: list[tuple[int, int, str, float]] = []
        marginal = self._tagger.marginal
        for lo, hi in _chunks(words):
            tags = self.tag_words(words[lo:hi])
            for first, last, kind in tags_to_spans(tags):
                score = min(marginal(tags[k], k) for k in range(first, last + 1))
                spans.append((tokens[lo + first].start, tokens[lo + last].end, kind, score))
        return spans


def _chunks(words: list[str]) -> Iterable[tuple[int, int]]:
    # tag sentence by sentence: shorter sequences, and BOS/EOS features mean what they did in training
    lo = 0
    for i, word in enumerate(words):
        if word in _SENTENCE_END or i - lo >= 200:
            yield lo, i + 1
            lo = i + 1
    if lo < len(words):
        yield lo, len(words)


def default_tokens(text: str) -> list[Token]:
    try:
        from ..text.tokens import tokenize
    except ImportError:
        return [Token(m.start(), m.end()) for m in _WORD.finditer(text)]
    return list(tokenize(text))


def model_config_path(model_path: Path) -> Path:
    return model_path.with_suffix(".json")


def read_model_config(model_path: Path) -> dict[str, Any]:
    path = model_config_path(model_path)
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))
