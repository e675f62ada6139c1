"""Places and institutions named after a person: «جامعة الملك فهد», «مسجد أبو هريرة», «جسر
الملك فهد», «مستشفى أبو يوسف النجار».

A person's name right after a facility head noun (kinds `named_after` and `named_after_org`
in `name_stopwords.tsv`) is the facility's name, not the person: the mention takes the head in
(an agent noun read on the head, «جامعة» any university, gives way) and becomes a site (a
mosque, a bridge, a square) or an organisation (a university, a hospital), whatever the
dictionaries or the tagger made of the name alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from ..text.normalize import fold_text
from .entity_found import Seed
from .entity_link import Located

_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_PROCLITICS = ("وب", "ول", "فب", "و", "ف", "ب", "ل")
_LOOK_BACK = 24  # characters: one head word and the space after it


def name_facilities(text: str, located: list[Located], heads: Mapping[str, str]) -> None:
    """Turn (in place) person mentions after a facility head into the facility.
    `heads`: folded head noun -> the facility's type (LOC or ORG)."""
    if not heads:
        return
    for item in located:
        if item.seed.type != "PER" or item.source == "role":
            continue
        head = _head_before(text, item.start, heads)
        if head is None:
            continue
        start, kind = head
        inside = [x for x in located if x.start < item.start and start < x.end and x is not item]
        if any(x.seed.kind != "agent" or x.start < start for x in inside):
            continue  # the head word is part of another mention
        for agent in inside:  # «جامعة» read as any university: this one is named
            agent.end = agent.start
        name = " ".join(text[start : item.end].split())
        folded = " ".join(fold_text(name).split())
        if kind == "LOC":
            seed = Seed("loc:" + folded, name, name, "LOC", None, None, "site")
        else:
            seed = Seed(f"ner:ORG:{folded}", name, name, "ORG")
        item.start, item.seed = start, seed


@functools.lru_cache(maxsize=50_000)
def _folded(word: str) -> str:
    return fold_text(word)  # the same words precede names from article to article


def _head_before(text: str, pos: int, heads: Mapping[str, str]) -> tuple[int, str] | None:
    """(start of the head without its proclitic, type) when a head noun ends right before."""
    match = _WORD_BEFORE.search(text, max(0, pos - _LOOK_BACK), pos)
    if match is None:
        return None
    word = _folded(match.group(1))
    kind = heads.get(word)
    if kind is not None:
        return match.start(1), kind
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and (kind := heads.get(word[len(clitic) :])) is not None:
            return match.start(1) + len(clitic), kind
    return None
