"""Named-only adjustments (NER evaluation, `EntityStage(named_only=True)`).

NER corpora such as ANERcorp tag the name, not the phrase around it: «غزة» in «قطاع غزة»,
«هآرتس» in «صحيفة هآرتس», «حماس» in «حركة حماس». When the tagger finds a known name inside a
wider dictionary mention, the name is the mention, linked to that name's own entry.
"""

from __future__ import annotations

from ..text.normalize import fold_text
from .entity_found import seed_from_entry
from .entity_lexicon import EntityLexicon
from .entity_link import NOT_NAMED, Located, strip_clitic

Span = tuple[int, int, str]
_NARROWED = frozenset({"LOC", "ORG"})
_ALWAYS_NAMED = frozenset({"country", "territory", "person", "party"})


def named_mentions(
    text: str, located: list[Located], spans: list[Span], lexicon: EntityLexicon
) -> list[Located]:
    """The mentions a named-only run keeps, before the tagger's own spans are added: roles,
    institutions and agent nouns go first so that they do not hide a tagger name
    («الكونغرس» in «الكونغرس الأميركي»)."""
    named = [x for x in located if x.seed.kind not in NOT_NAMED and x.source != "role"]
    narrow_to_names(text, named, spans, lexicon)
    narrow_outlets(text, named)
    return drop_unconfirmed(named, spans)


def narrow_to_names(
    text: str, located: list[Located], spans: list[Span], lexicon: EntityLexicon
) -> None:
    """Shrink gazetteer mentions to the known name the tagger reads inside them (in place)."""
    for item in located:
        if item.source != "gazetteer" or item.seed.type not in _NARROWED:
            continue
        inner = _inner_name(text, item, spans, lexicon)
        if inner is not None:
            item.start, item.end, item.seed = inner


def narrow_outlets(text: str, located: list[Located]) -> None:
    """«صحيفة يديعوت أحرونوت الإسرائيلية» found by its shape (head noun, name, nisba): the
    name is the mention (in place)."""
    for item in located:
        if item.source != "pattern" or item.seed.kind != "media":
            continue
        phrase = text[item.start : item.end]
        head, last = phrase.find(" "), phrase.rfind(" ")
        if 0 < head < last:
            item.start, item.end = item.start + head + 1, item.start + last


def _inner_name(text: str, item: Located, spans: list[Span], lexicon: EntityLexicon):
    for start, end, kind in spans:
        if kind != item.seed.type or not (item.start <= start and end <= item.end):
            continue
        if (start, end) == (item.start, item.end) or " " not in text[item.start : item.end]:
            continue
        start = strip_clitic(text, start, end, lexicon.forms)
        key = " ".join(fold_text(text[start:end]).split())
        entry = lexicon.best_entry(lexicon.forms.get(key, []))
        if entry is not None and entry.type == kind:
            return start, end, seed_from_entry(entry)
    return None


def drop_unconfirmed(located: list[Located], spans: list[Span]) -> list[Located]:
    """Gazetteer mentions of places and organisations that no tagger span overlaps.

    A dictionary match the tagger does not read as a name at all is most often a club
    («الوكرة», «ليون»), a common word («بورصة») or a name part: in ANERcorp-style text the
    tagger's silence is the better guess. Countries and known people stay."""
    return [
        item
        for item in located
        if item.source != "gazetteer"
        or (item.seed.kind or "") in _ALWAYS_NAMED
        or any(s < item.end and item.start < e for s, e, _ in spans)
    ]
