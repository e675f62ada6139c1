"""The knowledge base's typed records; `loader.py` fills them from the data files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(slots=True)
class KBEntry:
    id: str  # "RUS", "geonames:524901", "org:csto", "person:sergey_lavrov", "site:…"
    type: str  # PER | ORG | LOC
    kind: str  # country | place | region | site | igo | armed | party | media | agency | person …
    name_en: str
    name_ar: str
    aliases_ar: list[str]  # every Arabic surface form to match, name_ar first
    country: str | None  # ISO alpha-3, or IGO/IMG/… for international bodies
    sector: str | None  # PLOVER sector code (schema.SECTORS)
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    wikidata: str | None = None


@dataclass(slots=True)
class Office:
    person_id: str
    country: str
    office: str
    start: str
    end: str | None


@dataclass(slots=True)
class Role:
    phrase_ar: str
    office: str | None
    sector: str
    note: str


@dataclass(slots=True)
class Agent:
    phrase_ar: str
    sector: str
    note: str


@dataclass(slots=True)
class Institution:
    phrase_ar: str  # «وزارة الدفاع»; combined with a nisba or country name by the entity stage
    name_en: str  # "defence ministry": the English name after the owner's ("Afghanistan defence ministry")
    kind: str  # ministry | institution | force | body
    sector: str
    note: str


@dataclass(slots=True)
class KnowledgeBase:
    entries: dict[str, KBEntry] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    nisba: dict[str, str] = field(default_factory=dict)  # folded adjective -> country id
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital name -> country id
    titles: list[str] = field(default_factory=list)
    given_names: set[str] = field(default_factory=set)  # folded
    arabic_given_names: set[str] = field(default_factory=set)  # folded, of Arabic origin
    _by_office: dict[tuple[str, str], list[Office]] = field(default_factory=dict, repr=False)

    def get(self, entry_id: str) -> KBEntry | None:
        return self.entries.get(entry_id)

    def holder(self, country: str, office: str, on: str | None = None) -> KBEntry | None:
        """Who held `office` in `country` on the ISO date `on` (the latest holder if None)."""
        terms = self._by_office.get((country, office), [])
        if on is None:
            ongoing = [t for t in terms if t.end is None]
            chosen = max(ongoing or terms, key=lambda t: t.start, default=None)
        else:
            held = [t for t in terms if _within(on, t.start, t.end)]
            chosen = max(held, key=lambda t: t.start, default=None)
        return self.entries.get(chosen.person_id) if chosen else None

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        for entry in self.entries.values():
            for alias in entry.aliases_ar:
                yield alias, entry.id

    def index_offices(self) -> None:
        self._by_office = {}
        for term in self.offices:
            self._by_office.setdefault((term.country, term.office), []).append(term)


def _within(on: str, start: str, end: str | None) -> bool:
    # dates may be partial ("2004", "2004-03"): compare on the shared precision
    if on[: len(start)] < start:
        return False
    return end is None or on[: len(end)] <= end
