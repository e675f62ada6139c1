"""Roles of one trigger candidate: `assign_roles` (word order) plus the fallbacks of news style.

`event_actors.assign_roles` reads the clause. Around it, this module handles what the clause
leaves implicit: places that are the setting («في شمال غرب باكستان») take no role; a killing
verb next to a counted noun is a passive («قتل 28 شخصا»); a nisba after a noun trigger is
its actor («غارة أميركية»); a dropped or pronoun subject is the one named last before
(«وانتقد في تقريره»); an attack with no named target is against the country where it
happened (civilians) and a protest with no named actor is by its people, against its
government.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from ..doc import Document
from ..text.matcher import is_letter
from .event_actors import (
    PLACE_KINDS,
    Participant,
    Roles,
    assign_roles,
    participants_from_entities,
    preposition_before,
)
from .event_context import fold_word
from .event_country import CountryFiller
from .event_triggers import Candidate

NUMBER_AFTER = re.compile(
    r"\s*(?:\d|[٠-٩]|(?:ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر|مئ|مائ|ألف|اثن|اثني|عشرات|مئات))"
)
_NUMBER_BEFORE = re.compile(
    r"(?:\d|[٠-٩]|ثلاث\w*|أربع\w*|خمس\w*|ست\w*|سبع\w*|ثماني\w*|تسع\w*|عشر\w*|عشرات|مئات|اثن\w*)"
    r"\s*(?:من\s*)?$"
)
_WORD = re.compile(r"[^\W\d_]+")
_SUFFERED = re.compile(r"(?:تعرض|تعرضت|تعرضوا|يتعرض|تتعرض|يتعرضون|تعرضها|تعرضه)\s+\S{0,2}$")
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي",
                         "قلب", "ضواحي", "اطراف", "محيط"})  # fmt: skip
_SETTING_PREPS = frozenset({"في", "ب", "قرب", "عن"})
# the sector of the place-of-report fallback: victims of an attack with no named target are
# civilians; a protest with no named target is against the government of the country
PLACE_TARGET = {"ASSAULT": "CVL", "PROTEST": "GOV"}
PLACE_ACTOR = {"PROTEST": "CVL"}
# actors whose country may itself come from the place: no reason to look elsewhere
_FILLED_KINDS = frozenset({"agent", "person", "place", "site", "region"})
_NO_TOPIC = frozenset({"ASSAULT", "PROTEST"})  # passives without agent are common there
_TOPIC_KINDS = frozenset({"person", "country", "igo", "institution", "org", "party", "role"})
_LAND = frozenset({"country", "place", "region", "site"})


class Topics:
    """Who a dropped subject refers to: the actor of the last event coded before, else the
    last actor-capable mention with a country («التقى لافروف نظيره … وانتقد …»: Lavrov)."""

    def __init__(self, doc: Document):
        parts = participants_from_entities(doc.entities, 0, len(doc.text))
        self.parts = sorted(
            (p for p in parts if p.country and p.kind in _TOPIC_KINDS), key=lambda p: p.start
        )
        self.ends = [p.end for p in self.parts]
        self.subjects: list[Participant] = []  # actors of coded events, in text order

    def add_subject(self, part: Participant) -> None:
        if part.country and (not self.subjects or self.subjects[-1].end <= part.end):
            self.subjects.append(part)

    def before(self, offset: int) -> list[Participant]:
        subject = next((p for p in reversed(self.subjects) if p.end <= offset), None)
        if subject is not None:
            return [subject]
        i = bisect.bisect_right(self.ends, offset)
        return [self.parts[i - 1]] if i else []


@dataclasses.dataclass(slots=True)
class DocContext:
    home: str | None  # the dateline's or most mentioned country
    topics: Topics


class RoleFinder:
    """Roles for the candidates of one sentence."""

    def __init__(self, text: str, places: list[Participant], filler: CountryFiller,
                 topics: Topics):  # fmt: skip
        self.text = text
        self.places = places
        self.filler = filler
        self.topics = topics

    def roles(self, cand: Candidate, clause: tuple[int, int], parts: list[Participant]) -> Roles:
        text, hit, kind = self.text, cand.hit, cand.entry.type
        parts = [p for p in parts if clause[0] <= p.start and p.end <= clause[1]
                 and not self.setting(p, clause[0])]  # fmt: skip
        roles = assign_roles(
            text, clause, (hit.start, hit.end), parts,
            event_type=kind, verbal=cand.verbal,
            passive=cand.passive or self.counted_victims(cand, parts),
            genitive=cand.entry.genitive, possessive=has_enclitic(text, hit.end),
        )  # fmt: skip
        if not cand.verbal and _SUFFERED.search(text, max(clause[0], hit.word_start - 20),
                                                 hit.word_start):  # fmt: skip
            # «تعرضت القوات لهجوم»: who suffers the act is its target, not its actor
            before = [p for p in roles.actors if p.end <= hit.word_start]
            roles.recipients = before + [p for p in roles.recipients if p not in before]
            roles.actors = [p for p in roles.actors if p not in before]
        if cand.entry.mode == "visit":
            _destination_hosts(roles, cand)
        if not roles.recipients and kind in PLACE_TARGET:
            roles.recipients = self.place_target(roles.actors, hit.start, PLACE_TARGET[kind])
        if not cand.verbal:
            self._nisba_actor(cand, clause, roles)
        if (
            not roles.actors
            and kind not in _NO_TOPIC
            and (cand.verbal or has_enclitic(text, hit.end))
        ):
            roles.actors = self.topics.before(hit.word_start)
        if kind in PLACE_ACTOR:
            if not roles.actors:
                roles.actors = self.place_target([], hit.start, PLACE_ACTOR[kind])
            # a country that demonstrates is its people; one demonstrated against, its government
            roles.actors = with_sector(roles.actors, PLACE_ACTOR[kind])
            roles.recipients = with_sector(roles.recipients, PLACE_TARGET[kind])
        return roles

    def _nisba_actor(self, cand: Candidate, clause: tuple[int, int], roles: Roles) -> None:
        """«قصف إسرائيلي», «غارات جوية روسية»: the nisba after the noun names the actor."""
        hit = cand.hit
        country = self.filler.after(self.text, hit.end, clause[1])
        if country is None:
            return
        sector = "MIL" if cand.entry.type == "ASSAULT" else None  # air strikes are military
        roles.actors = [Participant(hit.start, hit.end, self.text[hit.start : hit.end],
                                    country, country, sector, "country")]  # fmt: skip
        roles.recipients = [p for p in roles.recipients if p.country != country]

    def setting(self, part: Participant, clause_start: int) -> bool:
        """A place after «في», «قرب», «ب»… is where it happened, not who took part."""
        if part.kind not in PLACE_KINDS and part.kind != "country":
            return False
        if preposition_before(self.text, clause_start, part) in _SETTING_PREPS:
            return True
        # «في شمال غرب باكستان», «بجنوب البلاد»: direction words between
        span = self.text[max(clause_start, part.start - 40) : part.start]
        words = _WORD.findall(fold_word(span))
        seen = False
        while words and (bare := bare_direction(words[-1])) is not None:
            if bare != words[-1]:
                return True  # the preposition is a proclitic of the direction word
            words.pop()
            seen = True
        return seen and bool(words) and words[-1] in _SETTING_PREPS

    def place_target(
        self, actors: list[Participant], at: int, sector: str | None = None
    ) -> list[Participant]:
        """The place of the sentence nearest to `at` (of another country than the actors,
        unless theirs came from a place) as a participant of `sector`."""
        used = {p.country for p in actors if p.kind not in _FILLED_KINDS}
        places = [p for p in self.places if p.country and p.country not in used]
        if not places:
            return []
        place = min(places, key=lambda p: abs(p.start - at))
        return [Participant(place.start, place.end, place.text, place.entity_id,
                            place.country, sector, place.kind)]  # fmt: skip

    def counted_victims(self, cand: Candidate, parts: list[Participant]) -> bool:
        """«قتل 28 شخصا», «ثلاثة جنود قتلوا»: a killing verb next to a counted noun is
        the passive (the count are its victims), not an active verb with its subject."""
        entry = cand.entry
        if not cand.verbal or (entry.genitive != "recipient" and entry.mode != "abduct"):
            return False
        text, hit = self.text, cand.hit
        before = [p for p in parts if p.end <= hit.word_start]
        if NUMBER_AFTER.match(text, hit.end, hit.end + 12):
            # «طالبان قتلت ثلاثة جنود»: a subject right before the verb makes it active
            return not _subject_before(text, before, hit.word_start)
        if not before or len(text[before[-1].end : hit.word_start].split()) > 2:
            return False
        return bool(_NUMBER_BEFORE.search(text, max(0, before[-1].start - 14), before[-1].start))


def _subject_before(text: str, before: list[Participant], word_start: int) -> bool:
    """A named participant ending right before the verb (at most a particle between)."""
    if not before or before[-1].kind in PLACE_KINDS:
        return False
    gap = text[before[-1].end : word_start]
    return len(gap.split()) == 0 and "،" not in gap and "," not in gap


def _destination_hosts(roles: Roles, cand: Candidate) -> None:
    """«زار واشنطن», «زيارة إلى الجزائر»: the country or place visited hosts the visit; it
    is the recipient, not the visitor (visitors are people: a country as the subject of
    «زار» is rarer than a visitor's name the entity stage does not know)."""
    visited = [
        p for p in roles.actors
        if p.start >= cand.hit.end and (p.kind in PLACE_KINDS or p.kind == "country")
    ]  # fmt: skip
    if visited:
        roles.actors = [p for p in roles.actors if p not in visited]
        roles.recipients = visited + [p for p in roles.recipients if p not in visited]


def with_sector(parts: list[Participant], sector: str) -> list[Participant]:
    """Countries and places standing for a sector («خرج المصريون»: civilians)."""
    return [
        dataclasses.replace(p, sector=sector) if p.sector is None and p.kind in _LAND else p
        for p in parts
    ]


def bare_direction(word: str) -> str | None:
    """«شمال», «بجنوب», «وسط»… without «ال»; None for any other word. A returned form that
    differs from the word means a preposition is attached («بجنوب» → «جنوب»)."""
    bare = word.removeprefix("ال")
    if bare in _DIRECTIONS:
        return word
    if word[:1] == "ب" and word[1:].removeprefix("ال") in _DIRECTIONS:
        return word[1:]
    return None


def has_enclitic(text: str, end: int) -> bool:
    return end < len(text) and is_letter(text[end])
