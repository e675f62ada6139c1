"""Offices and the people who hold them: a role phrase with its country or organisation
(«وزير الخارجية الروسي»), the holder on the publication date, «نظيره» (the counterpart of the
office named before), titles before a name («العقيد», «الشيخ») and people found after them.

`OfficeReading` is a part of `entity_recognize.Recognizer`, which provides the scanner, lexicon,
knowledge base, publication date, the `Found` list and `_start`; owners come from
`OwnerReading`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..kb.model import KBEntry, Role
from ..kb.schema import SECTORS
from ..text.matcher import Match
from .entity_found import Found, Group, Seed, seed_from_entry
from .entity_lexicon import Cue, held_on
from .entity_owners import OwnerReading, bare_head
from .entity_scan import Name

__all__ = ["COUNTERPART", "OfficeReading"]

_GAP_BEFORE_ROLE = re.compile(r"[ \t]*[،,]?[ \t]*")
COUNTERPART = "counterpart"  # roles.tsv office of «نظيره»: the office named before it
_HEAD_OF_STATE = "head_of_state"  # a bare «رئيس» before a country
_BODIES = frozenset({"agent"})  # «رئيس مجلس الوزراء» may be the head of state


class OfficeReading(OwnerReading):
    """Roles, office holders, titles and the people they name."""

    found: list[Found]
    published: str | None
    last_role: Role | None

    def _office_of(self, person: str) -> Role | None:
        """The office a known person held on the publication date, as a role."""
        terms = self.lexicon.person_offices.get(person, ())
        held = [t for t in terms if held_on(t.start, t.end, self.published)]
        if not held:
            return None
        term = max(held, key=lambda t: t.start)
        return Role(term.office, term.office, "GOV", "")

    def _counterpart(self, role: Role) -> Role | None:
        """«نظيره الصيني»: the office of the last official named before the counterpart."""
        if self.last_role is None or not self.last_role.office:
            return None
        return replace(self.last_role, phrase_ar=role.phrase_ar)

    def _role(self, match: Match, cue: Cue) -> int | None:
        role: Role = cue.ref  # type: ignore[assignment]
        if role.office == COUNTERPART:
            counterpart = self._counterpart(role)
            if counterpart is None:
                return None
            role = counterpart
        elif role.office:
            self.last_role = role
        group = self._group(match.end, construct=bare_head(match))
        if cue.construct and (group is None or not group.found):
            return None
        if role.office == _HEAD_OF_STATE and _of_body(group):
            role = replace(role, office=None)  # «رئيس الشرطة العراقية» heads the police
        end = group.end if group else match.end
        country = group.country if group else None
        sector = _role_sector(role, group)
        modifier = self.scan.next_word(end)
        former = False
        if modifier is not None and modifier.text in self.lexicon.role_modifiers:
            end, former = modifier.end, modifier.text in self.lexicon.former
        name = self.scan.name_after(end, comma=True, loose=False)
        role_found = None
        if not former:  # «وزير الخارجية الروسي السابق» is not who held the office that day
            role_found = self._role_found(self._start(match), end, role, country, sector, group)
        if group:
            self.found.extend(group.found)
        if name is not None:
            person = self._person(name, country, sector, office=role.office)
            self.found.append(Found(self._start(match), end, self.found[-1].seed, "role"))
            return person
        if role_found is not None:
            self.found.append(role_found)
        return end

    def _role_found(
        self,
        start: int,
        end: int,
        role: Role,
        country: str | None,
        sector: str | None,
        group: Group | None,
    ) -> Found | None:
        """The role phrase as a mention: of the office holder when known, else of the role."""
        holder = self._holder(role.office, country, group.org if group else None)
        if holder is not None:
            return Found(start, end, seed_from_entry(holder), "role")
        owner = (group.org if group else None) or country
        if owner is None:
            return None  # a bare «الرئيس»: left to coreference
        area = self.kb.entries.get(owner)
        if area is not None and area.kind == "region" and area.country not in self.kb.entries:
            return None  # «رئيس الخليج» heads a club: an area of several states has no offices
        seed = _role_seed(role, self._country_name(owner), sector, owner)
        seed.country = country
        return Found(start, end, seed, "role")

    def _holder(self, office: str | None, country: str | None, org: str | None) -> KBEntry | None:
        """Who held the office on the publication date. An organisation's offices are filed
        under its country code with the organisation's key: org:un → IGO un_secretary_general."""
        if not office or not self.published:
            return None
        keys: list[tuple[str, str]] = []
        if org is not None:
            keys.append((org, office))
            if country is not None:
                keys.append((country, f"{org.split(':', 1)[-1]}_{office}"))
        elif country is not None:
            keys.append((country, office))
        for owner, name in keys:
            holder = self.kb.holder(owner, name, self.published)
            if holder is not None:
                return holder
        return None

    def _apposition_role(self, index: int, pos: int) -> None:
        """«سيرغي لافروف، وزير الخارجية الروسي»: the role after a name describes that person."""
        gap = _GAP_BEFORE_ROLE.match(self.scan.text, pos)
        match = self.scan.at.get(gap.end()) if gap else None
        cue = self.scan.cue(match, "role")
        if match is None or cue is None or match.prefix:
            return
        group = self._group(match.end, construct=bare_head(match))
        if group is None or group.country is None:
            return
        person = self.found[index].seed
        if person.country is None:
            person.country = group.country
        if person.sector is None:
            person.sector = _role_sector(cue.ref, group)  # type: ignore[arg-type]

    def _title(self, match: Match) -> int | None:
        end = match.end
        group = self._group(end)
        country = group.country if group is not None and not group.found else None
        if country is not None and group is not None:
            end = group.end
        # «العقيد», «الشيخ» precede a name; «دولة», «سعادة» are common words too and need a
        # given name or a known person after them
        loose = match.key.startswith("ال")
        name = self.scan.name_after(end, comma=False, loose=loose)
        if name is None:
            return None
        found = self._person(name, country, None)
        if name.person is None and not self.scan.known_start(name.start):
            # «الفريق», «المدرب», «اللاعب» are also plain nouns («الفريق جاهز»): a name after
            # them that starts with no given name must be confirmed by the tagger
            self.found[-1].weak = match.key in self.lexicon.weak_titles
        return found

    def _person(
        self, name: Name, country: str | None, sector: str | None, *, office: str | None = None
    ) -> int:
        if name.person is not None:
            entry = self.kb.entries[name.person]
            seed = seed_from_entry(entry)
        else:
            text = self.scan.text[name.start : name.end]
            seed = Seed("per:" + text, text, text, "PER", country, sector, "person", office=office)
        known = self.scan.at.get(name.start)
        exact = known is not None and known.end == name.end and name.person is not None
        # a relative's name ends in the dictionary's family name: its end is known, and a
        # shorter tagger span («حافظ») does not cut it
        exact = exact or name.family
        self.found.append(Found(name.start, name.end, seed, "gazetteer" if exact else "pattern"))
        if name.person is None and country is None:
            self._apposition_role(len(self.found) - 1, name.end)
        return name.end


def _role_sector(role: Role, group: Group | None) -> str | None:
    # the spokesman of the army speaks for the military: an owner's sector beats a generic role
    if group is not None and group.sector and (role.office is None or role.sector == "GOV"):
        return group.sector if group.found else role.sector
    return role.sector


def _of_body(group: Group | None) -> bool:
    """The owner is an agent noun («الشرطة العراقية»), not a country or an organisation."""
    return group is not None and any(f.seed.kind in _BODIES for f in group.found)


def _role_seed(
    role: Role, where: str | None, sector: str | None, country: str | None = None
) -> Seed:
    label = (role.office or SECTORS.get(sector or "", "official").split(",")[0]).replace("_", " ")
    if role.office:
        ident = f"role:{country}:{role.office}" if country else f"role:{role.office}"
    else:
        ident = f"agent:{country}:{sector}" if country else f"agent:{sector}"
    name = f"{where} {label}" if where else label
    kind = "role" if role.office else "agent"
    return Seed(
        ident,
        name,
        role.phrase_ar,
        "PER" if role.office else "ORG",
        country,
        sector,
        kind,
        office=role.office,
    )
