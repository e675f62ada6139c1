"""Ships named after a vessel head noun: «حاملة الطائرات لياونينغ», «الفرقاطة شارل ديغول».

A ship bears the name of a person, a province or a city; right after a vessel head (kind
`vessel` in `name_stopwords.tsv`) that name is the ship (MISC, kind `vessel`), whatever the
dictionaries or the tagger made of it. A country after the head is its owner («سفينة
إيران»), not a ship's name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from ..text.normalize import fold_text
from .entity_found import Seed
from .entity_link import Located

# one or two words right before a mention: «الفرقاطة X», «حاملة الطائرات X»
_WORDS_BEFORE = re.compile(r"(?:(\S+)[ \t]+)?(\S+)[ \t]+$")
_LOOK_BACK = 40  # characters: two head words and the spaces after them
_PROCLITICS = ("و", "ف", "ب", "ل")
_NOT_NAMES = frozenset({"country", "territory", "region"})


def head_pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    """A quick test for any vessel head in a text: the first word of each head as written,
    without its article, its «ة» also spelled «ه»."""
    stems = set()
    for form in forms:
        word = form.split()[0]
        word = word[2:] if word.startswith("ال") else word
        stems.add(re.escape(word[:-1]) + "[ةه]" if word.endswith("ة") else re.escape(word))
    return re.compile("|".join(sorted(stems))) if stems else None


def name_vessels(
    text: str,
    located: list[Located],
    heads: AbstractSet[str],
    pattern: re.Pattern[str] | None = None,
) -> None:
    """Turn (in place) mentions right after a vessel head noun into the ship. `pattern`
    (`head_pattern`) skips the texts that name no vessel head."""
    if not heads or (pattern is not None and pattern.search(text) is None):
        return
    for item in located:
        if item.source == "role" or item.seed.kind in _NOT_NAMES or item.seed.kind == "agent":
            continue
        if not _after_head(text, item.start, heads):
            continue
        name = " ".join(text[item.start : item.end].split())
        folded = " ".join(fold_text(name).split())
        item.seed = Seed(f"vessel:{folded}", name, name, "MISC", None, None, "vessel")


@functools.lru_cache(maxsize=50_000)
def _folded(words: str) -> str:
    return fold_text(words)


def _after_head(text: str, pos: int, heads: AbstractSet[str]) -> bool:
    match = _WORDS_BEFORE.search(text, max(0, pos - _LOOK_BACK), pos)
    if match is None:
        return False
    last = _folded(match.group(2))
    candidates = [last]
    if match.group(1):
        candidates.append(_folded(match.group(1)) + " " + last)
    for phrase in candidates:
        if phrase in heads:
            return True
        if phrase[:1] in _PROCLITICS and phrase[1:] in heads:
            return True
    return False
