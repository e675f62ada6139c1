"""Finite verbs, told from name parts: a name does not run on into the verb after it.

Arabic has no capitals, so «مجدي لخضر تسند منحة» or «أبلغ الجبوري» reach the name patterns and
the tagger as four and two name-like words. A finite verb is found two ways:
- listed: the speech verbs (`speech_verbs.tsv`), the verb stoppers of `name_stopwords.tsv` and
  the perfect and imperfect stems of the event triggers (`triggers.tsv`) with their usual
  prefixes and endings;
- from the news word list's ranks (the CRF's `word_clusters.tsv`): an imperfect form whose
  other persons are common words too («تسند» and «يسند»), a perfect form whose feminine and
  plural are («أبلغ», «أبلغت», «أبلغوا»).
A given name, a KB form or a nisba is never a verb here («يونس», «تونس», «نجيب», «يزيد»).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

from ..kb.tsv import data_path, read_tsv
from ..text.normalize import fold_text

SPEECH_VERBS_FILE = "speech_verbs.tsv"
TRIGGERS_FILE = "triggers.tsv"
COMMON_RANK = 60_000  # a form less frequent than this in the news word list proves nothing
_PERSONS = "يتن"  # imperfect prefixes: he, she/you, we
_IMPERFECT_ENDINGS = ("", "ون", "ان", "وا", "ن")
_PERFECT_ENDINGS = ("", "ت", "وا", "ا", "تا")
_CONJUNCTIONS = ("و", "ف")
_CACHE_LIMIT = 100_000
_MIN_CLUSTER_VERBS = 10
_VERB_RATIO = 5  # a verb cluster has this many listed verbs for each name in it


class VerbForms:
    """`is_verb(folded word)`: is this word a finite verb form (cached per word)."""

    def __init__(
        self,
        listed: AbstractSet[str],
        names: AbstractSet[str],
        ranks: Mapping[str, int] | None = None,
        clusters: Mapping[str, tuple[str, ...]] | None = None,
    ):
        """`listed`: folded verb forms; `names`: folded words that are names (given names, KB
        forms, nisba adjectives); `ranks`: folded word -> frequency rank in news; `clusters`:
        folded word -> its word-cluster ids. The ranks test applies only to words of a cluster
        where the listed verbs outnumber the names («تشوي», «تيري» are names' clusters)."""
        self.listed = listed
        self.names = names
        self.ranks = ranks or {}
        self.clusters = clusters or {}
        self.verb_clusters = verb_clusters(self.clusters, listed, names)
        self._cache: dict[str, bool] = {}

    def is_verb(self, word: str, final: bool = False) -> bool:
        """`final`: the word would end a name, where a bare perfect or dual is most often a
        name part («فوزي طالب», «مالك زارا»): only forms with a person's prefix or suffix
        count there («لخضر تسند», «سيدفن»)."""
        known = self._cache.get(word)
        if known is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            known = self._cache[word] = self._decide(word)
        return known and (not final or self._final(word))

    def homographs(self, forms: Iterable[str]) -> frozenset[str]:
        """The one-word `forms` that news writes where it writes verbs (their word cluster is
        a verb cluster): «يطا» Yatta / «يطأ» treads, «تدمر» Palmyra / destroys."""
        return frozenset(
            form
            for form in forms
            if " " not in form
            and (cluster := self.clusters.get(form)) is not None
            and cluster[0] in self.verb_clusters
        )

    def _final(self, word: str) -> bool:
        # a listed form that news mostly writes among names («نشيد»: an anthem, Mohamed Nasheed)
        cluster = self.clusters.get(word)
        return _marked(word) and (cluster is None or cluster[0] in self.verb_clusters)

    def _decide(self, word: str) -> bool:
        if word in self.names or len(word) < 3:
            return False
        if word in self.listed:
            return True
        if word[0] in _CONJUNCTIONS and len(word) > 3:
            rest = word[1:]
            if rest in self.names:
                return False
            if rest in self.listed or self._by_ranks(rest):
                return True
            if rest[0] == "س" and len(rest) > 4 and rest[1] in _PERSONS:  # «وسيسند»
                return self._by_ranks(rest[1:])
            return False
        if word[0] == "س" and len(word) > 4 and word[1] in _PERSONS:  # «ستسند»
            return self._by_ranks(word[1:])
        return self._by_ranks(word)

    def _by_ranks(self, word: str) -> bool:
        cluster = self.clusters.get(word)
        if cluster is None or cluster[0] not in self.verb_clusters:
            return False
        return self._imperfect(word) or self._perfect(word)

    def _common(self, word: str) -> bool:
        return self.ranks.get(word, COMMON_RANK) < COMMON_RANK and word not in self.names

    def _imperfect(self, word: str) -> bool:
        """«تسند»: the same stem with another person's prefix is a common word too."""
        if len(word) < 4 or word[0] not in _PERSONS:
            return False
        stem = word[1:]
        return any(self._common(p + stem) for p in _PERSONS if p != word[0])

    def _perfect(self, word: str) -> bool:
        """«أبلغ»: its feminine «أبلغت» and plural «أبلغوا» are common words too."""
        if word.endswith("وا") and len(word) > 4:
            return self._common(word[:-2] + "ت") and self._common(word[:-2])
        if word.endswith("ت") and len(word) > 3:
            stem = word[:-1]
            return self._common(stem + "وا") and self._common(stem)
        return self._common(word + "ت") and self._common(word + "وا")


def _marked(word: str) -> bool:
    """A verb form whose prefix or suffix marks a person: imperfect, future, or a perfect
    in «ت» or «وا»."""
    if word[:1] in _CONJUNCTIONS and len(word) > 4:
        word = word[1:]
    if word[:1] == "س" and word[1:2] in _PERSONS:
        return True
    if word[:1] in _PERSONS and len(word) >= 4:
        return True
    return word.endswith(("ت", "وا")) and len(word) >= 4


def verb_clusters(
    clusters: Mapping[str, tuple[str, ...]], listed: AbstractSet[str], names: AbstractSet[str]
) -> frozenset[str]:
    """Top-level word clusters where listed verbs are many and names few."""
    verbs: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for word, ids in clusters.items():
        if not ids:
            continue
        if word in listed:
            verbs[ids[0]] += 1
        elif word in names:
            named[ids[0]] += 1
    return frozenset(
        k for k, n in verbs.items() if n >= _MIN_CLUSTER_VERBS and n >= _VERB_RATIO * named[k]
    )


def listed_verbs(data_dir: Path | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Folded finite verb forms from the speech-verb and trigger files (and `extra` words)."""

    def path(name: str) -> Path:
        own = data_dir / name if data_dir is not None else None
        return own if own is not None and own.exists() else data_path(name)

    forms = {_key(word) for word in extra}
    for _, row in read_tsv(path(SPEECH_VERBS_FILE), ("form", "kind")):
        if row["kind"] == "verb":
            forms.add(_key(row["form"]))
    for _, row in read_tsv(path(TRIGGERS_FILE), ("pos", "perfect", "imperfect")):
        if row["pos"] != "verb":
            continue
        perfect, imperfect = _key(row["perfect"]), _key(row["imperfect"])
        if len(perfect) > 1:
            forms.update(perfect + ending for ending in _PERFECT_ENDINGS)
        if len(imperfect) > 1:
            forms.update(p + imperfect + e for p in _PERSONS for e in _IMPERFECT_ENDINGS)
    forms.discard("")
    return frozenset(forms)


def _key(text: str) -> str:
    return "".join(fold_text(text).split())
