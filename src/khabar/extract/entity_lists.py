"""A region named without its head noun in a list of places: «محافظات نينوى والأنبار وصلاح
الدين وكركوك».

«صلاح الدين» alone is a man's name as often as the Iraqi governorate, so the dictionary knows
the governorate only as «محافظة صلاح الدين». Between places of a list («، » or «و» on either
side), a person's name that is such a region's name without its head noun is the region.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..kb.model import KBEntry
from ..text.normalize import fold_text
from .entity_found import seed_from_entry
from .entity_link import Located

_HEADS = ("محافظه ", "ولايه ", "اقليم ", "مقاطعه ")  # folded head nouns of a region's name
_AREAS = frozenset({"country", "territory", "region", "place"})
_LIST_GAP = re.compile(r"\s*(?:[،,]\s*)?و?\s*$")  # between two items of a list
_MAX_GAP = 4


def headless_regions(entries: Mapping[str, KBEntry]) -> dict[str, str]:
    """Folded region name without its head noun -> the region's id («صلاح الدين»)."""
    out: dict[str, str] = {}
    for entry in entries.values():
        if entry.kind != "region":
            continue
        for form in entry.aliases_ar:
            key = " ".join(fold_text(form).split())
            for head in _HEADS:
                if key.startswith(head):
                    out.setdefault(key[len(head) :], entry.id)
    return out


def name_listed_regions(
    text: str, located: list[Located], regions: Mapping[str, str], entries: Mapping[str, KBEntry]
) -> None:
    """Turn (in place) a person between places of a list into the region it names."""
    if not regions:
        return
    if not any(x.seed.type == "PER" and x.source != "role" for x in located):
        return
    ordered = sorted(located, key=lambda x: x.start)
    for n, item in enumerate(ordered):
        if item.seed.type != "PER" or item.source == "role" or n == 0:
            continue
        if ordered[n - 1].seed.kind not in _AREAS:
            continue  # the common case: no place right before
        key = " ".join(fold_text(text[item.start : item.end]).split())
        key = key[1:] if key.startswith("و") and key[1:] in regions else key
        region = regions.get(key)
        if region is None or not _listed(text, ordered[n - 1], item):
            continue
        seed = seed_from_entry(entries[region])
        if text.startswith("و", item.start) and key != fold_text(text[item.start : item.end]):
            item.start += 1  # «وصلاح الدين»: the conjunction is no part of the name
        item.seed = seed


def _listed(text: str, before: Located, item: Located) -> bool:
    """The mention right before is a place, separated only by a list's comma or «و»."""
    if before.seed.kind not in _AREAS or before.seed.type != "LOC":
        return False
    gap = text[before.end : item.start]
    return len(gap) <= _MAX_GAP and _LIST_GAP.fullmatch(gap) is not None
