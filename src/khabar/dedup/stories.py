"""Wire copies: the same story republished by several outlets, found with MinHash LSH.

A wire story (Sputnik, AFP, SPA…) reaches readers through many outlets, lightly edited: a new
title, a dropped paragraph, another spelling of a name. Counted once per copy, one event becomes
five. Articles are compared on their folded text (so hamza and ya spellings do not matter) as
sets of word 5-grams; MinHash signatures (datasketch) estimate the Jaccard similarity, an LSH
index finds the candidate pairs without comparing every pair, and each candidate is kept only
when its estimated similarity reaches the threshold and, when both dates are known, the two
were published within a few days of each other. Copies of copies join one story (union-find).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..text.normalize import fold_text

SHINGLE = 5  # words: short enough to survive light edits, long enough to be rare
SEED = 1
SCHEME = "affine32"  # named: stored signatures must be read back with the scheme that made them
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class StoryParams:
    threshold: float = 0.5  # estimated Jaccard similarity of the 5-gram sets
    num_perm: int = 128
    days: int = 7  # copies published further apart are different stories (a re-run column)

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
    sets = [shingles(text) for text in texts]
    hashes = MinHash.bulk(sets, num_perm=params.num_perm, seed=SEED, scheme=SCHEME)
    return [h.hashvalues.astype(np.uint64) for h in hashes]


def group(articles: Iterable[Article], params: StoryParams) -> dict[str, str]:
    """Article key -> story key (the key of the story's earliest article, then the smallest)."""
    items = list(articles)
    # the index is banded for a lower similarity than asked: at the threshold itself, banding
    # would miss about one pair in five; the estimate of each candidate then decides
    index = MinHashLSH(threshold=max(0.1, 0.7 * params.threshold), num_perm=params.num_perm)
    hashes = []
    for i, item in enumerate(items):
        minhash = MinHash(seed=SEED, hashvalues=item.signature, scheme=SCHEME)
        hashes.append(minhash)
        index.insert(i, minhash)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, minhash in enumerate(hashes):
        if minhash.is_empty():
            continue
        for j in index.query(minhash):
            if j > i and _same_story(items[i], items[j], minhash, hashes[j], params):
                parent[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for i in range(len(items)):
        members.setdefault(root(i), []).append(i)
    story: dict[str, str] = {}
    for group_members in members.values():
        first = min(group_members, key=lambda k: (items[k].published or "9999", items[k].key))
        for k in group_members:
            story[items[k].key] = items[first].key
    return story


def _same_story(a: Article, b: Article, ha: MinHash, hb: MinHash, params: StoryParams) -> bool:
    if hb.is_empty() or ha.jaccard(hb) < params.threshold:
        return False  # LSH candidates include some pairs below the threshold
    days = _days_apart(a.published, b.published)
    return days is None or days <= params.days


def _days_apart(first: str | None, second: str | None) -> int | None:
    try:
        one = date.fromisoformat((first or "")[:10])
        two = date.fromisoformat((second or "")[:10])
    except ValueError:
        return None
    return abs((one - two).days)
