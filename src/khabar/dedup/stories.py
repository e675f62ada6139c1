"""Wire copies: the same story republished by several outlets, found with MinHash LSH.

A wire story (Sputnik, AFP, SPA…) reaches readers through many outlets, lightly edited: a new
title, a dropped paragraph, another spelling of a name. Counted once per copy, one event becomes
five. Articles are compared on their folded text (so hamza and ya spellings do not matter) as
sets of word 5-grams; MinHash signatures (datasketch) estimate the Jaccard similarity, banding
them (LSH) finds the candidate pairs without comparing every pair, and each candidate is kept only
when its estimated similarity reaches the threshold and, when both dates are known, the two
were published within a few days of each other. Copies of copies join one story (union-find).

Formulaic items share most of their words and still tell different stories: «the King congratulates
the president of Chad on Independence Day» and «… of Bolivia …» score above the threshold, and
copies of copies would chain a season of such cables into one story. So a candidate below
`verify_below` is also checked on the countries the two leads name: when
each lead names a country the other does not, the two are different stories. The leads' countries
come from the caller (`LeadCountries`), asked only for the articles of such pairs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..text.normalize import fold_text

SHINGLE = 5  # words: short enough to survive light edits, long enough to be rare
SEED = 1
SCHEME = "affine32"  # named: stored signatures must be read back with the scheme that made them
_WORD = re.compile(r"\w+")
# article keys -> the ISO codes of the countries each article's lead names (absent: unknown)
LeadCountries = Callable[[list[str]], dict[str, frozenset[str]]]


@dataclass(frozen=True, slots=True)
class StoryParams:
    threshold: float = 0.5  # estimated Jaccard similarity of the 5-gram sets
    num_perm: int = 128
    days: int = 7  # copies published further apart are different stories (a re-run column)
    verify_below: float = 0.8  # a pair less similar than this must not name other countries

    def key(self) -> str:
        """What stored signatures depend on: other values mean computing them again."""
        return f"minhash {SCHEME} num_perm={self.num_perm} seed={SEED} shingle={SHINGLE}"


@dataclass(frozen=True, slots=True)
class Article:
    key: str
    published: str | None
    signature: np.ndarray  # MinHash hash values (uint64)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(fold_text(text))
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)
    }


def signatures(texts: Sequence[str], params: StoryParams) -> list[np.ndarray]:
    """One MinHash signature per text (an empty text gets the signature of no shingle)."""
    from datasketch import MinHash  # imports scipy: only when hashing

    sets = [shingles(text) for text in texts]
    hashes = MinHash.bulk(sets, num_perm=params.num_perm, seed=SEED, scheme=SCHEME)
    return [h.hashvalues.astype(np.uint64) for h in hashes]


ROWS = 3  # signature rows per LSH band: with 128 permutations, 42 bands
BUCKET_PAIRS = 200  # a band bucket larger than this (boilerplate) links each member to a few


def group(
    articles: Iterable[Article], params: StoryParams, lead_countries: LeadCountries | None = None
) -> dict[str, str]:
    """Article key -> story key (the key of the story's earliest article, then the smallest)."""
    items = list(articles)
    if not items:
        return {}
    signature = np.stack([item.signature for item in items])
    empty = signatures([""], params)[0][0]
    real = ~(signature == empty).all(axis=1)  # an empty text is nobody's copy
    first, second = _candidates(signature, real)
    # the banding (3 rows a band) proposes nearly every pair at the threshold and many below
    # it; the signatures' agreement estimates the Jaccard similarity of each candidate
    similar = np.concatenate([
        (signature[first[k : k + 50_000]] == signature[second[k : k + 50_000]]).mean(axis=1)
        for k in range(0, len(first), 50_000)
    ]) if len(first) else np.zeros(0)  # fmt: skip
    days = np.array([_day(item.published) for item in items])
    near = (
        (days[first] < 0) | (days[second] < 0) | (np.abs(days[first] - days[second]) <= params.days)
    )
    keep = (similar >= params.threshold) & near
    check = np.flatnonzero(keep & (similar < params.verify_below))
    if lead_countries is not None and len(check):
        wanted = sorted({items[i].key for i in (*first[check], *second[check])})
        leads = lead_countries(wanted)
        for k in check.tolist():
            keep[k] = not _tell_apart(leads, items[first[k]].key, items[second[k]].key)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(first[keep].tolist(), second[keep].tolist(), strict=True):
        parent[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for i in range(len(items)):
        members.setdefault(root(i), []).append(i)
    story: dict[str, str] = {}
    for group_members in members.values():
        head = min(group_members, key=lambda k: (items[k].published or "9999", items[k].key))
        for k in group_members:
            story[items[k].key] = items[head].key
    return story


def _tell_apart(leads: dict[str, frozenset[str]], one: str, other: str) -> bool:
    """Each lead names a country the other's does not: congratulations to two presidents."""
    mine, theirs = leads.get(one, frozenset()), leads.get(other, frozenset())
    return bool(mine - theirs) and bool(theirs - mine)


def _candidates(signature: np.ndarray, real: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of real signatures that agree on every row of at least one band.
    numpy does the banding: datasketch's MinHashLSH keeps Python objects per band and key,
    about 1 GB for 60,000 articles."""
    rows = np.flatnonzero(real)
    pairs: set[int] = set()
    n = len(signature)
    for start in range(0, signature.shape[1] - ROWS + 1, ROWS):
        band = np.ascontiguousarray(signature[rows, start : start + ROWS])
        keys = band.view(np.dtype((np.void, band.itemsize * ROWS))).ravel()
        _, bucket = np.unique(keys, return_inverse=True)
        order = np.argsort(bucket, kind="stable")
        cuts = np.flatnonzero(np.diff(bucket[order])) + 1
        for members in np.split(rows[order], cuts):
            if len(members) < 2:
                continue
            members = members.tolist()
            if len(members) <= BUCKET_PAIRS:
                pairs.update(a * n + b for k, a in enumerate(members) for b in members[k + 1 :])
            else:  # each to the first and to its neighbour: enough to join true copies
                pairs.update(members[0] * n + b for b in members[1:])
                pairs.update(a * n + b for a, b in itertools.pairwise(members[1:]))
    coded = np.fromiter(pairs, dtype=np.int64, count=len(pairs))
    return coded // n, coded % n


def _day(published: str | None) -> int:
    """Days since year 1 of an ISO date, or -1 when it is unknown."""
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return -1
