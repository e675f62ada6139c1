"""Whose a role, institution or agent noun is: the nisba, country, organisation or
«التابعة ل…» after it («وزارة الدفاع الأفغانية», «المتحدث باسم حركة طالبان»), a party's name
and country, and the seed of the body found. A part of `entity_recognize.Recognizer`, which
provides the scanner, lexicon, knowledge base, document context and `_start`."""

from __future__ import annotations

from collections import Counter

from ..kb.model import Agent, Institution, KnowledgeBase
from ..kb.schema import SECTORS
from ..text.matcher import Match
from ..text.normalize import fold_text
from .entity_context import named_party, party_name
from .entity_found import Found, Group, Seed, seed_from_entry
from .entity_lexicon import Cue, EntityLexicon
from .entity_scan import Scanner, Word

_PARTY_HEAD = "حزب"  # singular: «أحزاب البرلمان» names no party
_ATTACHED = ("التابعه", "التابع", "التابعين", "التابعون")  # «القوات التابعة للناتو»
_AREAS = frozenset({"place", "region"})  # owners that are no organisation: their country's
_TOWN_FORCES = frozenset({"شرطة"})  # a town has a police of its own («شرطة دبي»), no army
_SOUND_PLURALS = ("ون", "ين")  # folded endings of a sound masculine plural
_PLURAL_LETTERS = 5  # «مسلحون»; shorter words ending so are stems («دين», «عون»)


class OwnerReading:
    """What a role or agent noun belongs to; `Recognizer` provides the attributes below."""

    scan: Scanner
    lexicon: EntityLexicon
    kb: KnowledgeBase
    context: Counter[str]  # country -> readings in the article

    def _start(self, match: Match) -> int:  # where a match starts, its clitics included
        raise NotImplementedError

    def _group(self, pos: int, *, construct: bool = True, plural: bool = False) -> Group | None:
        """`construct`: the head noun has no article, so a plain noun after it can be its owner
        («وزير خارجية روسيا», «رئيس روسيا»); after «الرئيس» only a nisba or «ل…» can."""
        word = self.scan.next_word(pos)
        if word is None:
            return None
        nisba = self.scan.nisba(word)
        if nisba is not None:
            return Group(nisba[0], None, nisba[1], [])
        if word.text in self.lexicon.body_adjectives:
            return self._after_adjective(word)
        if word.text in _ATTACHED:
            following = self.scan.next_word(word.end)
            owner = self._owner(self.scan.match_at(following, clitic=True), allow_clitic=True)
            if owner is not None:
                owner.attached = True
            return owner
        match = self.scan.match_at(word, clitic=True)
        if match is not None and match.prefix not in ("", "ل"):
            return None
        if match is not None and not match.prefix and not construct:
            return None
        if plural and match is not None and not match.prefix and not sound_plural(word.text):
            return None  # a construct drops the «ن»: «مسلحون عناصر الشرطة» is two groups
        return self._owner(match, allow_clitic=True)

    def _after_adjective(self, word: Word) -> Group | None:
        """«المخابرات الوطنية الكورية»: an adjective such as «الوطنية» may stand between a
        role or institution and the nisba of its owner; only a nisba is taken after it."""
        after = self.scan.next_word(word.end)
        nisba = self.scan.nisba(after) if after is not None else None
        return Group(nisba[0], None, nisba[1], []) if nisba is not None else None

    def _located_in(self, pos: int) -> Group | None:
        """«وزارة الدفاع في أفغانستان»: an institution in a country is that country's."""
        word = self.scan.next_word(pos)
        if word is None or word.text != "في":
            return None
        owner = self._owner(self.scan.match_at(self.scan.next_word(word.end)), allow_clitic=False)
        return owner if owner is not None and owner.org is None and owner.country else None

    def _owner(self, match: Match | None, *, allow_clitic: bool) -> Group | None:
        if match is None or (match.prefix and not allow_clitic):
            return None
        entries = [c.ref for c in match.payloads if c.kind == "entry"]
        entry = self.lexicon.best_entry(entries, self.context) if entries else None  # type: ignore[arg-type]
        if entry is not None and entry.type != "PER":
            seed = seed_from_entry(entry)
            found = [Found(self._start(match), match.end, seed, "gazetteer")]
            org = None if entry.kind == "country" else entry.id
            return Group(seed.country, entry.sector, match.end, found, org)
        for kind in ("institution", "agent"):
            cue = self.scan.cue(match, kind)
            if cue is not None:
                body = self._body(match, cue)
                if body is not None:
                    return body
        return None

    def _body(self, match: Match, cue: Cue) -> Group | None:
        """An institution or agent noun with its owner: «وزارة الدفاع الأفغانية», «مسلحون»."""
        record: Institution | Agent = cue.ref  # type: ignore[assignment]
        if isinstance(record, Agent) and record.sector == "PTY" and match.key == _PARTY_HEAD:
            party = self._party(match)
            if party is not None:
                return party
        plural = sound_plural(match.key.rsplit(" ", 1)[-1])  # «مسلحون» agrees, owns nothing
        owner = self._group(match.end, construct=bare_head(match), plural=plural)
        if owner is None and isinstance(record, Institution):
            owner = self._located_in(match.end)
        elif owner is None and record.sector == "PTY":
            owner = self._located_in(self._past_party_words(match.end))
        if cue.construct and (owner is None or not owner.found):
            return None
        if owner is None and _needs_owner(record, self.lexicon.owned):
            return None  # «الدفاع» alone is a word, «الدفاع الروسية» a ministry
        org = owner.org if owner else None
        if isinstance(record, Agent) and record.phrase_ar in _TOWN_FORCES and self._is_area(org):
            org = None
        if isinstance(record, Agent) and owner and org and not owner.attached:
            return None  # «مسلحي حركة طالبان»: the organisation is the actor
        country = owner.country if owner else None
        end = owner.end if owner else match.end
        # «شرطة سورابايا»: a town's police is its country's police, the town stays a place
        seed = self._body_seed(record, org or country, country)
        found = [*(owner.found if owner else []), Found(self._start(match), end, seed, "pattern")]
        found.sort(key=lambda f: f.start)
        return Group(country, record.sector, end, found)

    def _is_area(self, owner: str | None) -> bool:
        entry = self.kb.entries.get(owner) if owner else None
        return entry is not None and entry.kind in _AREAS

    def _party(self, match: Match) -> Group | None:
        """«حزب الشعب»: a bare party head and a name are one party, not a party of «الشعب»;
        it is the party of the country a nisba or «في …» names, else of the article's."""
        named = named_party(self.scan, match.end)
        if named is None:
            return None
        name_end, end, country = named
        if country is None:
            located = self._located_in(self._past_party_words(end))
            country = located.country if located is not None else self._home()
        start = self._start(match)
        ident, name = party_name(country, self.scan.original(start, name_end))
        seed = Seed(ident, name, name, "ORG", country, "PTY", "party")
        return Group(country, "PTY", end, [Found(start, end, seed, "pattern")])

    def _past_party_words(self, pos: int) -> int:
        """After «الحاكم» in «الحزب الحاكم في زيمبابوي»: where «في …» may name the country."""
        after = self.scan.next_word(pos)
        return after.end if after is not None and after.text in self.lexicon.party_end else pos

    def _home(self) -> str | None:
        """The country the article names most."""
        return max(((n, c) for c, n in self.context.items() if n), default=(0, None))[1]

    def _body_seed(
        self, record: Institution | Agent, owner: str | None, country: str | None
    ) -> Seed:
        """`owner`: the KB id the body belongs to (a country, or an organisation)."""
        sector = record.sector
        where = self._country_name(owner) if owner else None
        if isinstance(record, Agent) or record.kind == "force":  # «الجيش الأفغاني» is an agent
            label = SECTORS.get(sector, sector).split(",")[0]
            ident = f"agent:{owner}:{sector}" if owner else f"agent:{sector}"
            name = f"{where} {label}" if where else label
            return Seed(ident, name, record.phrase_ar, "ORG", country, sector, "agent")
        if owner is None and " " not in record.phrase_ar.strip():
            # «الحكومة», «الجيش» without a country: a generic actor, not a named institution
            ident = f"agent:{sector}"
            label = SECTORS.get(sector, sector).split(",")[0]
            return Seed(ident, label, record.phrase_ar, "ORG", None, sector, "agent")
        slug = record.name_en.replace(" ", "_").replace("'", "")
        ident = f"inst:{owner}:{slug}" if owner else f"inst:{slug}"
        name = f"{where} {record.name_en}" if where else record.name_en
        return Seed(ident, name, record.phrase_ar, "ORG", country, sector, "institution")

    def _country_name(self, country: str) -> str:
        entry = self.kb.entries.get(country)
        return entry.name_en if entry is not None and entry.name_en else country


def bare_head(match: Match) -> bool:
    return not match.key.rsplit(" ", 1)[-1].startswith("ال")


def sound_plural(word: str) -> bool:
    """A folded word with the ending of a sound masculine plural («مسلحون», «عسكريين»)."""
    return len(word) >= _PLURAL_LETTERS and word.endswith(_SOUND_PLURALS)


def _needs_owner(record: Institution | Agent, owned: frozenset[str]) -> bool:
    if not isinstance(record, Institution) or " " in record.phrase_ar:
        return False
    return record.kind == "ministry" or fold_text(record.phrase_ar) in owned
