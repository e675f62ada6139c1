"""A surname alone («بوش») that the tagger reads as a person, linked to the known person
with that surname who held an office on the publication date.

News names a sitting official by the surname alone; two known people may share it (the two
Bushes), so the publication date decides, and nothing is linked without a date or when it
leaves more than one candidate, nor when the article names countries but not the person's
(«معبر بري» between Algeria and Mauritania is a land crossing, not Nabih Berri), nor when it
names someone else with that surname in full («جيب بوش» … «بوش»).
"""

from __future__ import annotations

from ..text.normalize import fold_text
from .entity_found import seed_from_entry
from .entity_lexicon import EntityLexicon, held_on
from .entity_link import Located


def link_surnames(
    text: str, located: list[Located], lexicon: EntityLexicon, published: str | None
) -> None:
    """Relink (in place) the tagger's one-word person spans to a known office holder."""
    if not published:
        return
    # «معبر حدودي بري» is no Nabih Berri: in an article that names countries, a surname alone
    # names the official only when his country is among them
    countries = {item.seed.country for item in located if item.source != "model"} - {None}
    others: dict[str, set[str]] | None = None
    for item in located:
        if item.source != "model" or item.seed.type != "PER" or item.seed.kind is not None:
            continue
        words = fold_text(text[item.start : item.end]).split()
        if len(words) != 1:
            continue
        surname = _without_conjunction(words[0], lexicon)
        person = _holder(lexicon, surname, published)
        if person is None:
            continue
        others = _full_names(text, located) if others is None else others
        if others.get(surname, {person}) - {person}:
            continue  # «جيب بوش» … «بوش»: someone else's surname, named in full
        if not countries or lexicon.kb.entries[person].country in countries:
            item.seed = seed_from_entry(lexicon.kb.entries[person])


def _full_names(text: str, located: list[Located]) -> dict[str, set[str]]:
    """Surname -> the ids of the people the text names in full with it."""
    out: dict[str, set[str]] = {}
    for item in located:
        if item.seed.type == "PER" and item.source != "role":
            words = fold_text(text[item.start : item.end]).split()
            if len(words) > 1:
                out.setdefault(words[-1], set()).add(item.seed.id)
    return out


def _without_conjunction(word: str, lexicon: EntityLexicon) -> str:
    # «وبوش»: the tagger keeps the conjunction; «بكيم» split off «مون بكيم» keeps «ب»
    if word not in lexicon.surnames and word[:1] in "وفبلك" and word[1:] in lexicon.surnames:
        return word[1:]
    return word


def _holder(lexicon: EntityLexicon, surname: str, published: str) -> str | None:
    candidates = {
        person
        for person in lexicon.surnames.get(surname, ())
        if any(held_on(t.start, t.end, published) for t in lexicon.person_offices.get(person, ()))
    }
    return candidates.pop() if len(candidates) == 1 else None
