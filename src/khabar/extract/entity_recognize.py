"""From dictionary matches to referents: KB entries, roles with their country, institutions,
agents, and people found from titles, roles and given names.

Works on folded text; every `Found` has folded offsets and a `Seed` (what it refers to).
The stage maps offsets back to `doc.text` and merges Founds with the same id into entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace

from ..kb.model import KBEntry, Role
from ..text.matcher import Match
from .entity_context import common_namesake, home_country, party_name
from .entity_found import Found, Seed, seed_from_entry
from .entity_lexicon import Cue, EntityLexicon
from .entity_offices import OfficeReading
from .entity_outlets import find_outlets
from .entity_places import PlaceHeads, find_places
from .entity_scan import Scanner
from .entity_verbs import VerbForms

_MAIN_COUNTRY_NAMES = 2  # an article's own country is named at least this often
_MAIN_COUNTRY_LEAD = 3  # … and this many times as often as the next one
_CUE_ORDER = ("entry", "capital", "role", "institution", "agent", "title", "given")
# readings whose country is evidence of what the text is about
_CONTEXT_KINDS = frozenset({"country", "territory", "place", "site"})
_AREA_KINDS = frozenset({"place", "region", "site"})
_COMMON_CUES = frozenset({"role", "institution", "agent", "title"})  # common nouns, no names
_LOCATIVE = frozenset(
    {"في", "من", "الي", "علي", "عن", "مع", "بين", "داخل", "شمال", "جنوب", "شرق", "غرب"}
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_LAST_WORD = re.compile(r"([\u0621-\u064a]+) +$")
_DEFINITE = re.compile(r"(?:[وف]?[بلك]?ال|[وف]?لل)(?=[\u0621-\u064a]{2})")
_NEAR = 40  # characters between an unknown place and the known one that locates it
_CLAUSE_END = re.compile(r"[.؛;!?\n]")


class Recognizer(OfficeReading):
    """One pass over the matches of a folded text, left to right."""

    def __init__(
        self,
        folded: str,
        matches: list[Match],
        lexicon: EntityLexicon,
        published: str | None,
        original: Callable[[int, int], str] | None = None,
        places: PlaceHeads | None = None,
        ranks: Mapping[str, int] | None = None,
        verbs: VerbForms | None = None,
        support: frozenset[str] | None = None,
    ):
        """`places` and `ranks` (the news word list's frequency ranks) let unknown places
        announced by a head noun be found (`entity_places`); `verbs` ends names found by
        pattern before a finite verb; `support`: the place forms that need their country
        named (default: the lexicon's)."""
        self.lexicon = lexicon
        self.places = places
        self.ranks = ranks or {}
        self.kb = lexicon.kb
        self.published = published
        self.scan = Scanner(folded, matches, lexicon, original, verbs)
        self.needs_support = lexicon.needs_support if support is None else support
        self.matches = matches
        self._context: Counter[str] | None = None
        self._named: frozenset[str] | None = None
        self.found: list[Found] = []
        self.last_role: Role | None = None  # the last office named: «نظيره» takes it
        self._writes_ta_marbuta: bool | None = None  # whether the text spells «ة» at all

    @property
    def context(self) -> Counter[str]:
        """How often the text surely names each country: the most named decides between
        readings of a shared name («طرابلس» of Libya or of Lebanon, «عمان» Oman or Amman).
        Built on first need."""
        if self._context is None:
            self._context = self._countries()
        return self._context

    @property
    def named(self) -> frozenset[str]:
        """Every country the text names in any way, organisations' countries included."""
        if self._named is None:
            entries = self.kb.entries
            self._named = frozenset(self.context) | {
                entry.id if entry.kind == "country" else entry.country
                for match in self.matches
                for cue in match.payloads
                if cue.kind == "entry"
                and (entry := entries.get(cue.ref)) is not None  # type: ignore[arg-type]
                and entry.type != "PER"
                and entry.country
            }
        return self._named

    def _countries(self) -> Counter[str]:
        # a name that is itself ambiguous says nothing: «عمان» would vote for Oman
        found: Counter[str] = Counter()
        for match in self.matches:
            countries = self._place_countries(match)
            if len(countries) == 1 and None not in countries:
                found.update(countries)
        nisba = self.kb.nisba
        found.update(nisba[word] for word in _ARABIC_WORD.findall(self.scan.text) if word in nisba)
        return found

    def _place_countries(self, match: Match) -> set[str | None]:
        """The countries of a match's country and place readings."""
        entries = self.kb.entries
        return {
            entry.id if entry.kind == "country" else entry.country
            for cue in match.payloads
            if cue.kind == "entry"
            and (entry := entries.get(cue.ref)) is not None  # type: ignore[arg-type]
            and entry.kind in _CONTEXT_KINDS
        }

    def run(self) -> list[Found]:
        done = 0  # folded offset up to which the text is consumed
        outlets = self._outlets()
        for match in self.matches:
            if match.start < done:
                continue
            if outlets and match.start in outlets:
                done = outlets[match.start]
                continue
            for kind in _CUE_ORDER:
                cues = [c for c in match.payloads if c.kind == kind]
                end = self._handle(kind, match, cues) if cues else None
                if end is not None:
                    done = end
                    break
        if outlets:
            self.found.sort(key=lambda found: found.start)
        return self.found

    def _outlets(self) -> dict[int, int]:
        """News outlets (`entity_outlets`) and unknown places after a head noun
        (`entity_places`), found first; returns every folded offset inside one -> its end, so
        dictionary matches there are skipped."""
        covered: dict[int, int] = {}
        for outlet in find_outlets(self.scan.text, self.lexicon):
            if outlet.start in covered:
                continue
            entry = self.kb.entries[outlet.entry] if outlet.entry is not None else None
            if entry is not None and entry.country and outlet.country not in (None, entry.country):
                entry = None  # «صحيفة "المحور" الجزائرية» is not the Egyptian channel
            if entry is not None:
                seed = seed_from_entry(entry)
                if seed.country is None:  # «الوطن السورية»: one of several papers of that name
                    seed = replace(seed, country=outlet.country)
            else:
                # «#صحيفة_الرياض_السعودية»: a hashtag joins the words with underscores
                words = self.scan.original(outlet.start, outlet.end).replace("_", " ").split()
                title = " ".join(words[1:-1]) or " ".join(words)  # without head and nisba
                ident = "media:" + "_".join(outlet.name.split())
                seed = Seed(ident, title, title, "ORG", outlet.country, "JRN", "media")
            self.found.append(Found(outlet.start, outlet.end, seed, "pattern"))
            covered.update(dict.fromkeys(range(outlet.start, outlet.end), outlet.end))
        if self.places is not None and self.ranks:
            self._places(covered)
        return covered

    def _places(self, covered: dict[int, int]) -> None:
        text = self.scan.text
        known = bytearray(len(text) + 1)
        towns: dict[int, int] = {}
        for match in self.matches:
            if any(cue.kind in ("entry", "capital") for cue in match.payloads):
                known[match.word_start : match.end] = b"\x01" * (match.end - match.word_start)
                if not match.prefix and self._town(match):
                    towns[match.start] = match.end
        assert self.places is not None
        for place in find_places(text, self.places, self.lexicon, known, self.ranks, towns):
            if place.start in covered:
                continue
            name = " ".join(self.scan.original(place.start, place.end).split())
            kind = "site" if place.site else "place"
            ident = "loc:" + " ".join(text[place.start : place.end].split())
            country = (
                place.country
                or self._country_near(place.end)
                or self._main_country(place.start, place.end)
            )
            seed = Seed(ident, name, name, "LOC", country, None, kind)
            self.found.append(Found(place.start, place.end, seed, "pattern"))
            covered.update(dict.fromkeys(range(place.start, place.end), place.end))

    def _main_country(self, start: int, end: int) -> str | None:
        """The country the article is about, when it names one far more than any other: an
        unknown «مديرية كتاف» or «ولاية راجستان» with nothing near to place it lies there.
        Names inside the place's own name («جبل القاهرة») do not count."""
        context = self.context
        inside = [m for m in self.matches if start <= m.start < end]
        if inside:
            context = context.copy()
            for match in inside:
                countries = self._place_countries(match)
                if len(countries) == 1 and (country := countries.pop()):
                    context[country] -= 1
        ranked = context.most_common(2)
        if not ranked or ranked[0][1] < _MAIN_COUNTRY_NAMES:
            return None
        if len(ranked) > 1 and ranked[0][1] < _MAIN_COUNTRY_LEAD * ranked[1][1]:
            return None
        return ranked[0][0]

    def _town(self, match: Match) -> bool:
        """Every reading of the match is a town or city (no country, region or person)."""
        entries = self.kb.entries
        return all(
            cue.kind == "entry"
            and (entry := entries.get(cue.ref)) is not None  # type: ignore[arg-type]
            and entry.kind == "place"
            for cue in match.payloads
        )

    def _country_near(self, pos: int) -> str | None:
        """The country of a known place or country named just after `pos` in the same clause:
        «مديرية نهم شرق العاصمة صنعاء», «مخيم عين الحلوة قرب صيدا»."""
        for match in self.matches:
            if match.word_start < pos:
                continue
            if match.word_start - pos > _NEAR or _CLAUSE_END.search(
                self.scan.text, pos, match.word_start
            ):
                return None
            countries = self._place_countries(match)
            if len(countries) == 1:
                return countries.pop()
        return None

    def _handle(self, kind: str, match: Match, cues: list[Cue]) -> int | None:
        if kind == "entry":
            return self._entry(match, cues)
        if kind == "capital":
            return self._capital(match, cues[0].ref)  # type: ignore[arg-type]
        if kind == "role":
            return self._role(match, cues[0])
        if kind in ("institution", "agent"):
            if self._pronoun_suffix(match, cues[0]) or self._adjective(match):
                return None
            group = self._body(match, cues[0])
            if group is None:
                return None
            self.found.extend(group.found)
            return group.end
        if kind == "title":
            return self._title(match)
        name = self.scan.given_name(match)
        if name is None:
            return None
        end = self._person(name, None, None)
        # a relative of a known person («حافظ قائد السبسي») needs no tagger to confirm it
        self.found[-1].weak = name.person is None and not name.family
        return end

    def _adjective(self, match: Match) -> bool:
        """«المياه البحرية», «الأعمال البلدية»: a one-word body that is a nisba («…ية») right
        after a definite noun is that noun's adjective; after a body noun («القوات») it is
        still the body."""
        key = match.key
        if match.prefix or " " in key or not key.startswith("ال") or not key.endswith("يه"):
            return False
        before = _LAST_WORD.search(self.scan.text, max(0, match.start - 40), match.start)
        if before is None:
            return False
        word = before.group(1)
        bare = _DEFINITE.match(word)
        if bare is None:
            return False
        noun = "ال" + word[bare.end() :]
        lexicon = self.lexicon
        return not (lexicon.is_stop(noun) or noun in lexicon.cue_nouns or noun in lexicon.forms)

    def _pronoun_suffix(self, match: Match, cue: Cue) -> bool:
        """«طلبه» (his request) folds like «طلبة» (students): a listed word that ends in «ة»,
        written with «ه» and without the article, is a noun with a pronoun, unless the text
        writes every «ة» as «ه»."""
        if not match.key.endswith("ه"):
            return False  # the common case, told from the folded key alone
        phrase: str = cue.ref.phrase_ar  # type: ignore[union-attr]
        if not phrase.endswith("ة") or " " in phrase:
            return False
        written = self.scan.original(match.start, match.end)
        if not written.endswith("ه") or match.key.startswith("ال"):
            return False
        if self._writes_ta_marbuta is None:
            self._writes_ta_marbuta = "ة" in self.scan.original(0, len(self.scan.text))
        return self._writes_ta_marbuta

    # -- KB entries -----------------------------------------------------------------------------

    def _entry(self, match: Match, cues: list[Cue]) -> int | None:
        if match.key in self.lexicon.word_spellings and self.lexicon.is_word_spelling(
            match.key, self.scan.original(match.start, match.end)
        ):
            return None
        entry = self.lexicon.best_entry([c.ref for c in cues], self.context)  # type: ignore[misc]
        if entry is not None and entry.kind in _AREA_KINDS:
            entry = self._agreeing(match, cues, entry)
        if entry is None or self._foreign_agent(match, entry) or self._unsupported(match, entry):
            return None
        if entry.type == "PER" and self._lone_homograph(match, entry.id):
            return None
        if entry.type == "LOC" and self._article_reading(match):
            return None
        if entry.type == "PER" and common_namesake(
            self.lexicon, entry.id, match.key, self.named, self.published
        ):
            text = self.scan.text[match.start : match.end]
            entry_seed = Seed("per:" + text, text, text, "PER", None, None, "person")
            self.found.append(Found(match.start, match.end, entry_seed, "pattern"))
            return match.end
        seed = seed_from_entry(entry)
        home = home_country(entry, match.key, self.context) if entry.kind == "party" else None
        if home is not None:  # «الحزب الجمهوري» in a Tunisian story is no US party
            ident, name = party_name(home, self.scan.original(self._start(match), match.end))
            seed = Seed(ident, name, name, "ORG", home, entry.sector, "party")
        self.found.append(Found(self._start(match), match.end, seed, "gazetteer"))
        if entry.type == "PER":
            self.last_role = self._office_of(entry.id) or self.last_role
            self._apposition_role(len(self.found) - 1, match.end)
        return match.end

    def _article_reading(self, match: Match) -> bool:
        """«للحج» is ل + «لحج» (Lahij) or ل + «الحج» (the Hajj) whose alef the lam swallowed:
        the place only when its name is the commoner word of the news."""
        key = match.key
        if not match.prefix.endswith("ل") or not key.startswith("ل") or " " in key:
            return False
        common = self.ranks.get("ال" + key[1:])
        return common is not None and common < self.ranks.get(key, common + 1)

    def _lone_homograph(self, match: Match, person: str) -> bool:
        """«بنس» (pence): a one-word form of a known person that is a common word too names
        him only when the article names him in full as well («مايك بنس»)."""
        if " " in match.key or match.key not in self.lexicon.homographs:
            return False
        return not any(
            " " in m.key and any(c.kind == "entry" and c.ref == person for c in m.payloads)
            for m in self.matches
        )

    def _agreeing(self, match: Match, cues: list[Cue], entry: KBEntry) -> KBEntry | None:
        """«طرابلس اللبنانية»: a nisba after a place names its country, and picks the reading
        there; a common word with no such reading («الضفة التشادية») is no place at all."""
        if not self.scan.text.startswith(" ال", match.end):
            return entry  # a nisba after a name is definite: most places need no look
        word = self.scan.next_word(match.end)
        nisba = self.scan.nisba(word) if word is not None else None
        if nisba is None or nisba[0] == entry.country:
            return entry
        entries = self.kb.entries
        return next(
            (
                other
                for cue in cues
                if (other := entries.get(cue.ref)) is not None  # type: ignore[arg-type]
                and other.kind in _AREA_KINDS
                and other.country == nisba[0]
            ),
            None if self.scan.text[match.start : match.end] in self.needs_support else entry,
        )

    def _unsupported(self, match: Match, entry: KBEntry) -> bool:
        """A form that is a common word too («مبلغ مالي», «هي الأقصر») is the place only when
        the article names its country another way; a country also after a preposition or
        next to another country («وتشاد ومالي»)."""
        key = match.key
        if key not in self.needs_support:
            return False
        country = entry.id if entry.kind == "country" else entry.country
        # the form's own occurrences (as a match, and as a nisba word) are no support
        own = sum(1 for m in self.matches if self.scan.text[m.start : m.end] == key)
        if key in self.kb.nisba:
            own += len(re.findall(rf"(?<!\w){key}(?!\w)", self.scan.text))
        if self.context.get(country or "", 0) > own:
            return False
        before = self.scan.text[max(0, match.word_start - 12) : match.word_start].split()
        if entry.kind != "country":
            # «مدينة تدمر»: a place head noun names the place
            heads = self.places.heads if self.places is not None else {}
            return not (before and not match.prefix and before[-1] in heads)
        if match.prefix or (before and before[-1] in _LOCATIVE):
            return False
        return not any(
            self._place_countries(m) - {None}
            for m in self.matches
            if 0 < match.word_start - m.end <= 2 or 0 < m.word_start - match.end <= 3
        )

    def _foreign_agent(self, match: Match, entry: KBEntry) -> bool:
        """«قوات الاحتلال» is Israel's army, «قوات الاحتلال الأمريكي» America's: an entry
        that is also an agent phrase gives way to the agent when a nisba names another owner."""
        if not entry.country or not any(c.kind == "agent" for c in match.payloads):
            return False
        word = self.scan.next_word(match.end)
        nisba = self.scan.nisba(word) if word is not None else None
        return nisba is not None and nisba[0] != entry.country

    def _capital(self, match: Match, country: str) -> int:
        name = f"capital of {self._country_name(country)}"
        seed = Seed(f"capital:{country}", name, None, "LOC", country, None, "place")
        self.found.append(Found(self._start(match), match.end, seed, "gazetteer"))
        return match.end

    def _start(self, match: Match) -> int:
        """«للأمم المتحدة»: ل + «الأمم» lost the article's alef; the mention keeps the ل, as
        the text has no span that reads «الأمم»."""
        text = self.scan.text
        contracted = text.startswith("ل", match.start) and not text.startswith("ال", match.start)
        if match.key.startswith("ال") and match.prefix and contracted:
            return match.start - 1
        # «للاجئين» is ل + «اللاجئين» (a noun that opens with «ل» loses the article's
        # letters), not ل + «لاجئين»: a common noun keeps the ل, a name («لليبيا») not
        if (
            contracted
            and match.prefix.endswith("ل")
            and match.key.startswith("ل")
            and any(getattr(c, "kind", None) in _COMMON_CUES for c in match.payloads)
        ):
            return match.start - 1
        return match.start

    # -- people -----------------------------------------------------------------------------------
