"""What recognition finds: a `Seed` (what a mention refers to) and a `Found` (where, with its
seed and how it was found); a `Group` is what follows a role or agent noun and says whose it is."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..kb.model import KBEntry


@dataclass(slots=True)
class Seed:
    """What a mention refers to, before mentions are merged into entities."""

    id: str
    name: str
    name_ar: str | None
    type: str
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None
    office: str | None = None


@dataclass(slots=True)
class Found:
    start: int  # folded offsets
    end: int
    seed: Seed
    source: str  # gazetteer | pattern | role
    weak: bool = False  # a name guessed from a given name alone: the tagger must confirm it


@dataclass(slots=True)
class Group:
    """What follows a role or agent noun and says whose it is: «الروسي», «روسيا», «الجيش»."""

    country: str | None
    sector: str | None
    end: int
    found: list[Found]
    org: str | None = None  # KB id of an organisation («المتحدث باسم حركة طالبان»)
    attached: bool = False  # «التابعة ل…»: explicitly belongs to the owner


def seed_from_entry(entry: KBEntry) -> Seed:
    country = entry.country if entry.kind != "country" else entry.id
    return Seed(
        entry.id, entry.name_en or entry.name_ar, entry.name_ar, entry.type, country,
        entry.sector, entry.kind, entry.lat, entry.lon,
    )  # fmt: skip


def with_seed(found: Found, seed: Seed) -> Found:
    return replace(found, seed=seed)
