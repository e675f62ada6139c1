"""Where the CRF tagger and the dictionaries disagree, with the tagger's confidence deciding.

- A person found by pattern (after a title, from a given name) has guessed boundaries; a
  confident tagger person span over it knows better where the name starts and stops
  («الفنان حجاج عبد العظيم برنامجا»), and one tagger span over two guessed names makes them
  one («أشرف غاني أحمد ضاي»).
- A place or a lone surname the dictionary matched inside a confident tagger span of another
  type is a part of that name («كلاوس» in the person «كلاوس ايبرمان»), or a word the tagger
  reads otherwise («علاوي» the Baghdad district): the dictionary reading is dropped and the
  tagger's span is added by `merge_model_spans`.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace

from ..text.normalize import fold_text
from .entity_link import Located, strip_conjunction, strip_coordination

Scored = tuple[int, int, str, float]
MIN_CONFIDENCE = 0.5  # lowest tag marginal of a span: below it the tagger is guessing
SURE = 0.8  # a known organisation's one-word name gives way only to a sure tagger
_YIELDING_KINDS = frozenset({"place", "site", "region"})


def arbitrate(
    text: str,
    located: list[Located],
    scored: list[Scored],
    given: AbstractSet[str],
    ranks: Mapping[str, int] | None = None,
) -> list[Located]:
    """`located` with the tagger's confident spans applied (a new list); `ranks` (the news
    word list) tells a list's «و» before a name (`strip_coordination`)."""
    out = list(located)
    ends = {x.end for x in located} | {e for _, e, _, _ in scored}
    for start, end, kind, confidence in scored:
        if confidence < MIN_CONFIDENCE or "\n" in text[start:end]:
            continue
        inside = [x for x in out if x.start < end and start < x.end and x.source != "role"]
        people = [x for x in inside if kind == "PER" and _guessed_person(x)]
        others = [x for x in inside if not any(x is p for p in people)]
        if not inside or not all(_yields(text, x, kind, start, end, confidence) for x in others):
            continue
        out = [x for x in out if not any(x is y for y in inside)]
        if people:
            start = strip_coordination(text, start, end, ends, given, ranks or {})
            out.append(_renamed(text, people[0], start, end, given))
    return out


def join_city_names(text: str, located: list[Located], scored: list[Scored]) -> list[Scored]:
    """A tagger organisation right before a city is a name with its city («ستيوا بوخارست»,
    «دينامو كييف»): the organisation span takes the city in."""
    cities = {x.start: x for x in located if x.seed.kind == "place" and x.source == "gazetteer"}
    out = []
    for start, end, kind, confidence in scored:
        city = cities.get(end + 1) if kind == "ORG" and text[end : end + 1] == " " else None
        if city is not None and " " not in text[city.start : city.end].strip():
            end = city.end
        out.append((start, end, kind, confidence))
    return out


def _guessed_person(item: Located) -> bool:
    return item.source == "pattern" and item.seed.type == "PER" and item.seed.kind == "person"


def _renamed(text: str, item: Located, start: int, end: int, given: AbstractSet[str]) -> Located:
    """The guessed person with the tagger's boundaries; the seed object is shared with the
    role mention that introduced the person, so it is renamed in place. A name the KB knows
    («مولود تشاوش أوغلو», whose end is a known form) keeps its link and the longer of the two spans."""
    start = strip_conjunction(text, start, end, given)
    if item.seed.id.startswith("person:"):
        return replace(item, start=min(start, item.start), end=max(end, item.end))
    name = " ".join(text[start:end].split())
    seed = item.seed
    seed.id = "per:" + " ".join(fold_text(name).split())
    seed.name = seed.name_ar = name
    return replace(item, start=start, end=end)


def _yields(text: str, item: Located, kind: str, start: int, end: int, confidence: float) -> bool:
    """A dictionary mention that gives way to a tagger span of another type around it."""
    if item.seed.type == kind or not (start <= item.start and item.end <= end):
        return False
    longer = (start, end) != (item.start, item.end)
    if item.source == "pattern":  # «حجاج» (pilgrims) in «حجاج عبد العظيم»
        return item.seed.kind == "agent" and longer
    if item.source != "gazetteer":
        return False
    one_word = " " not in text[item.start : item.end].strip()
    if item.seed.kind == "person":  # a known person matched by the surname alone
        return one_word
    if item.seed.kind == "country":  # «لاوس» in «كلاوس ايبرمان»
        return kind == "PER" and longer
    if item.seed.type == "ORG" and one_word:  # «الأناضول» the region, not the agency
        return confidence >= SURE
    # a known multiword place is itself a whole name («بيونغ يانغ»): only a longer span wins
    return item.seed.kind in _YIELDING_KINDS and (longer or one_word)
