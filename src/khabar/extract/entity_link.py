"""Turning located referents into `Entity` records, and merging the CRF tagger's spans.

Every mention of the same id becomes one entity. CRF spans add what the dictionaries do not
know: a span overlapping a dictionary mention is dropped (the dictionary links it), except
a longer person span around a person mention, which extends it («عبد اللطيف الزياني» around
«الزياني»); a span alone becomes an unlinked entity `ner:<TYPE>:<folded text>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise

from ..doc import Entity, Mention
from ..text.matcher import CONJUNCTIONS, PREPOSITIONS
from ..text.normalize import fold_text
from .entity_found import Seed

_WORDS = re.compile(r"[^\s]+")
_NAME_PREPOSITIONS = frozenset("بلك")
_NAME_GLUED = frozenset({"بنت"})  # «بن» is too short to be read as glued
# a conjunction or preposition glued to a definite word; «ك» is left out («كاليفورنيا»)
_GLUED_ARTICLE = re.compile(r"([وف]?ب|[وف])(ال[^ ]{3,})")
_COMMON_RANK = 20000  # a word this frequent in the news is a common word, not a name's start
_MIN_LISTED = 5  # «وتوجو» is «و» + «توجو»; in «ويست» (West) the «و» is a letter of the name
_PLACE_KINDS = frozenset({"place", "region", "site"})
_AREA_KINDS = frozenset({"place", "region"})
NOT_NAMED = frozenset({"agent", "role", "institution"})  # not tagged by NER corpora (ANERcorp)
_PROCLITICS = sorted(
    {c + p for c in CONJUNCTIONS for p in PREPOSITIONS if c + p}, key=len, reverse=True
)


@dataclass(slots=True)
class Located:
    start: int  # offsets into doc.text
    end: int
    seed: Seed
    source: str


def assemble(text: str, located: list[Located], *, named_only: bool = False) -> list[Entity]:
    """One entity per id, its mentions in text order; entities in order of first mention."""
    by_id: dict[str, Entity] = {}
    seen: set[tuple[str, int, int]] = set()
    named: set[str] = set()
    for item in sorted(located, key=lambda x: (x.start, -x.end)):
        seed = item.seed
        if named_only and (seed.kind in NOT_NAMED or item.source == "role"):
            continue
        if seed.type == "MISC" and not named_only and seed.kind != "vessel":
            continue  # the tagger's MISC (currencies, religions, events…) is no actor or place
        key = (seed.id, item.start, item.end)
        if key in seen or item.end <= item.start:
            continue
        seen.add(key)
        entity = by_id.get(seed.id)
        if entity is None:
            entity = by_id[seed.id] = new_entity(seed)
        else:
            entity.country = entity.country or seed.country
            entity.sector = entity.sector or seed.sector
        mention_text = text[item.start : item.end]
        entity.mentions.append(Mention(item.start, item.end, mention_text, item.source))
        if seed.id.startswith(("per:", "ner:")) and item.source != "role" and seed.id not in named:
            named.add(seed.id)  # named after how the text writes it, not after its role phrase
            entity.name = entity.name_ar = " ".join(mention_text.split())
    return list(by_id.values())


def new_entity(seed: Seed) -> Entity:
    return Entity(
        id=seed.id, name=seed.name, name_ar=seed.name_ar, type=seed.type, country=seed.country,
        sector=seed.sector, kind=seed.kind, lat=seed.lat, lon=seed.lon,
    )  # fmt: skip


def confirmed(guesses: list[Located], spans: list[tuple[int, int, str]]) -> list[Located]:
    """The guessed names that the tagger also reads as a person."""
    people = [(start, end) for start, end, kind in spans if kind == "PER"]
    return [g for g in guesses if any(s < g.end and g.start < e for s, e in people)]


def merge_model_spans(
    text: str,
    located: list[Located],
    spans: list[tuple[int, int, str]],
    known_forms: dict[str, list[str]],
    nisba: Callable[[str], str | None] | None = None,
    given: AbstractSet[str] = frozenset(),
    names: AbstractSet[str] = frozenset(),
    unsupported: AbstractSet[str] = frozenset(),
    ranks: Mapping[str, int] | None = None,
    kin: Callable[[str, int, int, int, str], bool] | None = None,
) -> list[Located]:
    """Add the tagger's spans that no dictionary mention covers (see the module docstring).
    `nisba` maps a folded adjective to a country: «صحيفة الوطن السورية» is Syrian; `given`
    (folded given names) lets a person span lose its conjunction («وأسامة حسني»); `names`
    (folded surnames of known people) splits «مون بكيم» into two people; `unsupported`: the
    place forms that are common words too («جدة» a grandmother): alone, the dictionaries did
    not read them as the place, and the tagger's reading is no better; `ranks`: the news word
    list, to tell a list's «و» from a name's first letter (`strip_coordination`); `kin`: whether
    a longer person span names a relative of the known person inside it («ميلانيا ترامب»)."""
    ordered = sorted(located, key=lambda x: x.start)
    added: list[Located] = []
    ends = {x.end for x in located} | {e for _, e, _ in spans}
    for start, end, kind in _split_people(text, spans, names):
        if kind == "PER":
            start = strip_conjunction(text, start, end, given)
        start = strip_coordination(text, start, end, ends, given, ranks or {})
        overlapping = [x for x in ordered if x.start < end and start < x.end]
        if overlapping:
            _maybe_extend(text, overlapping, start, end, kind, added, kin)
            continue
        start = strip_clitic(text, start, end, known_forms, ranks)
        if sum(char.isalpha() for char in text[start:end]) < 3:
            continue  # «سي», «إس»: pieces of spelled-out Latin letters, not names
        folded = " ".join(fold_text(text[start:end]).split())
        if kind == "LOC" and folded in unsupported:
            continue
        seed = Seed(f"ner:{kind}:{folded}", text[start:end], text[start:end], kind, kind=None)
        if nisba is not None and kind == "ORG" and " " in folded:
            words = folded.split()  # «… الكورية الشمالية»: a two-word nisba first
            seed.country = (len(words) > 2 and nisba(" ".join(words[-2:]))) or nisba(words[-1])
        added.append(Located(start, end, seed, "model"))
    return located + added


def _split_people(
    text: str, spans: list[tuple[int, int, str]], names: AbstractSet[str]
) -> list[tuple[int, int, str]]:
    """«ورحب مون بكيم»: a later word of a person span that is a preposition glued to a known
    surname starts another person (the preposition is left out); names do not take «ب» or «ل»."""
    if not names:
        return spans
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        words = list(_WORDS.finditer(text, start, end)) if kind == "PER" else []
        for before, word in pairwise(words):
            folded = fold_text(word.group())
            if folded[:1] in _NAME_PREPOSITIONS and folded[1:] in names:
                out.append((start, before.end(), kind))
                start = word.start() + _original_length(text, word.start(), 1)
        out.append((start, end, kind))
    return out


def _maybe_extend(
    text: str,
    overlapping: list[Located],
    start: int,
    end: int,
    kind: str,
    added: list[Located],
    kin: Callable[[str, int, int, int, str], bool] | None = None,
) -> None:
    if len(overlapping) != 1:
        return
    inner = overlapping[0]
    # sites («قاعدة باغرام الجوية») are facilities: an ORG reading of them is the same thing
    if kind == "ORG" and inner.seed.kind in _AREA_KINDS and inner.source == "gazetteer":
        # «برشلونة», «ريال مدريد», «صحيفة الشرق الأوسط»: a place name the tagger reads as an
        # organisation in context is the club or the paper, not the place
        if start <= inner.start and inner.end <= end and "\n" not in text[start:end]:
            if " " not in text[start : inner.start] and inner.end == end:
                start = inner.start  # only a clitic more: same words
            folded = " ".join(fold_text(text[start:end]).split())
            name = " ".join(text[start:end].split())
            added.append(Located(start, end, Seed(f"ner:ORG:{folded}", name, name, "ORG"), "model"))
            inner.end = inner.start
        return
    # a longer person name around a person mention: the same person, with the full name
    if kind != "PER":
        return
    if inner.seed.type != "PER" or inner.source not in ("gazetteer", "pattern"):
        return
    if inner.seed.id.startswith("person:") and _glued_after(text, inner.end, end):
        end = inner.end  # «التقى ماكرون ببريجيت»: the known name ends before the preposition
    longer = start <= inner.start and inner.end <= end and (start, end) != (inner.start, inner.end)
    if longer and "\n" not in text[start:end]:
        seed = inner.seed
        if kin is not None and kin(text, start, inner.start, inner.end, seed.id):
            name = " ".join(text[start:end].split())
            folded = " ".join(fold_text(name).split())
            seed = Seed(f"ner:PER:{folded}", name, name, "PER", kind=None)
        added.append(Located(start, end, seed, "model"))
        inner.end = inner.start  # replaced by the longer span (dropped by assemble)


def _glued_after(text: str, pos: int, end: int) -> bool:
    """The span [pos, end) after a known person's name opens with a word glued to «ب» or «ل»
    (not «بن», which links a name)."""
    word = _WORDS.search(text, pos, end)
    if word is None:
        return False
    folded = fold_text(word.group())
    return folded[:1] in "بل" and len(folded) > 3 and folded not in _NAME_GLUED


def strip_clitic(
    text: str,
    start: int,
    end: int,
    known_forms: dict[str, list[str]],
    ranks: Mapping[str, int] | None = None,
) -> int:
    """«والعراق» → «العراق» when the rest is a known form (the tagger keeps clitics on);
    «بالاتحاد السعودي» → «الاتحاد السعودي» when the rest opens with a common word of the news
    (`ranks`), which «فالنسيا» or «باليرمو» do not."""
    folded = " ".join(fold_text(text[start:end]).split())
    if ranks:
        glued = _GLUED_ARTICLE.match(folded)
        if glued is not None and ranks.get(glued.group(2), _COMMON_RANK) < _COMMON_RANK:
            return start + _original_length(text, start, len(glued.group(1)))
    for clitic in _PROCLITICS:
        rest = folded[len(clitic) :]
        if not folded.startswith(clitic) or len(rest) < 2:
            continue
        if rest in known_forms:
            return start + _original_length(text, start, len(clitic))
        if clitic.endswith("ل") and rest.startswith("ل") and "ا" + rest in known_forms:
            # «للعراق»: ل + «العراق» whose alef is dropped; the span keeps the article's lam
            return start + _original_length(text, start, len(clitic))
    return start


def strip_conjunction(text: str, start: int, end: int, given: AbstractSet[str]) -> int:
    """«وأسامة حسني» → «أسامة حسني»: the tagger keeps the conjunction on a given name."""
    words = fold_text(text[start:end]).split()
    first = words[0] if words else ""
    if first[:1] == "و" and first not in given and first[1:] in given:
        return start + _original_length(text, start, 1)
    return start


def strip_coordination(
    text: str,
    start: int,
    end: int,
    ends: AbstractSet[int],
    given: AbstractSet[str],
    ranks: Mapping[str, int],
) -> int:
    """«اسكتلندا ويوغوسلافيا», «كيني دالغليش ودينيس»: a span right after another name that
    opens with «و» is the second member of a list; the conjunction is no part of the name when
    the word without it is the commoner one in news text (`ranks`, the news word list): a
    given name as written («وليد») and «ويليام», «ويلسون» keep their «و»."""
    if text[start : start + 1] != "و" or end - start < 4:
        return start
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before == start or before not in ends:
        return start
    first = fold_text(text[start:end].split(None, 1)[0])
    if first in given or len(first) < _MIN_LISTED:
        return start
    rest = ranks.get(first[1:])
    if rest is None or rest > ranks.get(first, rest + 1):
        return start
    return start + _original_length(text, start, 1)


def _original_length(text: str, start: int, folded_chars: int) -> int:
    # clitics are plain letters: skip marks (harakat, tatweel) that fold away
    count = 0
    pos = start
    while pos < len(text) and count < folded_chars:
        if fold_text(text[pos]):
            count += 1
        pos += 1
    return pos - start
