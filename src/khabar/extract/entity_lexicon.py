"""The entity stage's dictionaries: every knowledge-base phrase in one clitic-aware matcher.

One automaton holds the KB surface forms, roles, institutions, agent nouns, titles and given
names, each key carrying typed `Cue`s, so a single leftmost-longest pass over the folded text
finds them all and longer phrases win («وزارة الدفاع» over «الدفاع»). Built once per process
(`load_lexicon` is cached), shared by the entity and coreference stages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.loader import load_kb
from ..kb.model import Agent, Institution, KBEntry, KnowledgeBase, Office, Role
from ..kb.tsv import data_path, read_tsv
from ..text.matcher import PhraseMatcher
from ..text.normalize import fold_text

STOPWORDS_FILE = "name_stopwords.tsv"
STOPWORD_KINDS = frozenset(
    {"function", "verb", "time", "common", "modifier", "former", "title", "owned", "adjective"}
    | {"support", "not_org", "after_name", "party_end", "spelling", "named_after"}
    | {"named_after_org", "homograph", "vessel", "abstract"}
)

_NOT_STOP = frozenset(
    {"not_org", "spelling", "named_after", "named_after_org", "homograph", "vessel", "abstract"}
)

# which reading of an ambiguous form wins: «الجزائر» is the country before the city
KIND_PRIORITY = {
    "country": 0, "territory": 1, "igo": 2, "armed": 2, "party": 3, "agency": 3, "media": 3,
    "company": 4, "ngo": 4, "religious": 4, "court": 4, "institution": 4, "person": 3,
    "region": 5, "site": 6, "place": 7,
}  # fmt: skip
PLACE_KINDS = frozenset({"place", "site"})
NAME_LINKS = frozenset({"عبد", "ابو", "ابن", "بن", "بنت", "ال", "ابي", "ام", "دي", "فون", "فان"})


@dataclass(frozen=True, slots=True)
class Cue:
    """What a matched phrase can be: a KB entry, or a word that signals an entity nearby."""

    kind: str  # entry | capital | role | institution | agent | title | given | abstract
    ref: str | Role | Institution | Agent  # entry id, a lexicon record, or the folded phrase
    construct: bool = False  # «وزير خارجية»: only valid before a country or organisation


@dataclass(slots=True)
class EntityLexicon:
    kb: KnowledgeBase
    matcher: PhraseMatcher
    stopwords: frozenset[str] = frozenset()  # folded; end a name
    common: frozenset[str] = frozenset()  # folded; never a place alias nor a name start
    forms: dict[str, list[str]] = field(default_factory=dict)  # folded form -> entry ids
    role_modifiers: frozenset[str] = frozenset()  # «السابق», «المنتخب» between role and name
    former: frozenset[str] = frozenset()  # «السابق»: the holder on the date is someone else
    weak_titles: frozenset[str] = frozenset()  # folded titles that are plain nouns as well
    owned: frozenset[str] = frozenset()  # folded institutions that need an owner after them
    body_adjectives: frozenset[str] = frozenset()  # «الوطنية» between institution and nisba
    person_offices: dict[str, list[Office]] = field(default_factory=dict)  # person id -> terms
    surnames: dict[str, set[str]] = field(default_factory=dict)  # folded last name -> people
    # folded stopwords that fold like a name («على» = «علي» Ali) -> their own spellings
    stop_spellings: dict[str, frozenset[str]] = field(default_factory=dict)
    # folded dictionary forms -> spellings of them that are common words («وأم» and a mother
    # folds like «وام», WAM): no entry is read from those spellings
    word_spellings: dict[str, frozenset[str]] = field(default_factory=dict)
    # folded one-word titles, roles, institutions and agent nouns («السفير», «السيدة»): a
    # common noun, never a name on its own
    cue_nouns: frozenset[str] = frozenset()
    # folded facility head nouns («مسجد», «جامعة») -> the type of what a name after them names
    facility_heads: dict[str, str] = field(default_factory=dict)
    # folded names that are common nouns too («صدام» a clash) -> the countries of the known
    # people with that name: no person alone, unless the article names one of them
    homographs: dict[str, frozenset[str]] = field(default_factory=dict)
    # folded vessel head nouns («حاملة الطائرات», «الفرقاطة»): a name after them is a ship
    vessel_heads: frozenset[str] = frozenset()
    vessel_forms: frozenset[str] = frozenset()  # the same as written in name_stopwords.tsv
    # a media outlet's bare title (folded, without «صحيفة», «قناة»…) -> its entry id: quoted,
    # «الشرق الأوسط» and «الجزيرة» are the outlets, not the region or the island
    quoted_media: dict[str, str] = field(default_factory=dict)
    # folded place forms that are common words too: the place needs its country named otherwise
    needs_support: frozenset[str] = frozenset()
    # folded common words the tagger may read as an organisation («الريال» the currency)
    not_org: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()  # folded verbs listed in the stopwords file
    function: frozenset[str] = frozenset()  # folded closed-class words («بأنك», «إن»)
    after_name: frozenset[str] = frozenset()  # folded words that follow a name («صباحا»)
    party_end: frozenset[str] = frozenset()  # folded words that describe a party («الحاكم»)

    def nisba_country(self, word: str) -> str | None:
        """The country of a folded nisba adjective («الروسيه» → RUS), or None."""
        country = self.kb.nisba.get(word)
        if country is None and word.startswith("ال"):
            country = self.kb.nisba.get(word[2:])
        return country

    def best_entry(
        self, ids: list[str], context: Mapping[str, int] | None = None
    ) -> KBEntry | None:
        """The likeliest reading: one in the country the article names most (`context`:
        country -> times named; Al Bayda of Yemen in a Yemeni story, «عمان» Amman in a
        Jordanian one), then by kind («الجزائر» the country before the city), then the most
        populous."""
        entries = [self.kb.entries[i] for i in ids if i in self.kb.entries]
        if not entries:
            return None
        if len(entries) == 1:
            return entries[0]
        return min(
            entries,
            key=lambda e: (
                -context.get(e.id if e.kind == "country" else e.country, 0) if context else 0,
                KIND_PRIORITY.get(e.kind, 5),
                -(e.population or 0),
            ),
        )

    def is_stop_spelling(self, folded: str, original: str) -> bool:
        """«على» is the preposition even though it folds like the name «علي»."""
        forms = self.stop_spellings.get(folded)
        return forms is not None and original in forms

    def is_word_spelling(self, folded: str, original: str) -> bool:
        """«وأم» (and a mother) is no «وام» (WAM), though both fold alike."""
        forms = self.word_spellings.get(folded)
        return forms is not None and original in forms

    def is_stop(self, word: str) -> bool:
        return word in self.stopwords or word.isdigit()


@functools.lru_cache(maxsize=4)
def load_lexicon(data_dir: Path | None = None, extra_dirs: tuple[Path, ...] = ()) -> EntityLexicon:
    """Build (once per process) the lexicon from the knowledge base; `extra_dirs` hold users'
    own data files, read after the shipped ones (more people, organisations, places…)."""
    kb = load_kb(data_dir, extra_dirs)
    return build_lexicon(kb, data_dir)


def build_lexicon(kb: KnowledgeBase, data_dir: Path | None = None) -> EntityLexicon:
    own = data_dir / STOPWORDS_FILE if data_dir else None
    stop, common, spellings, kinds = _read_stopwords(
        own if own and own.exists() else data_path(STOPWORDS_FILE)
    )
    matcher = PhraseMatcher()
    lexicon = EntityLexicon(kb, matcher, stop, common)
    lexicon.role_modifiers = frozenset(kinds.get("modifier", set()) | kinds.get("former", set()))
    lexicon.former = frozenset(kinds.get("former", set()))
    lexicon.weak_titles = frozenset(kinds.get("title", set()))
    lexicon.owned = frozenset(kinds.get("owned", set()))
    lexicon.body_adjectives = frozenset(kinds.get("adjective", set()))
    lexicon.needs_support = frozenset(kinds.get("support", set()))
    lexicon.not_org = frozenset(kinds.get("not_org", set()))
    lexicon.verbs = frozenset(kinds.get("verb", set()))
    lexicon.function = frozenset(kinds.get("function", set()) - kb.given_names)
    lexicon.after_name = frozenset(kinds.get("after_name", set()) - kb.given_names)
    lexicon.party_end = frozenset(kinds.get("party_end", set()))
    lexicon.stop_spellings = {
        key: frozenset(forms) for key, forms in spellings.items() if key in kb.given_names
    }
    lexicon.facility_heads = dict.fromkeys(kinds.get("named_after", ()), "LOC")
    lexicon.facility_heads.update(dict.fromkeys(kinds.get("named_after_org", ()), "ORG"))
    lexicon.homographs = _homograph_countries(kb, kinds.get("homograph", set()))
    lexicon.vessel_heads = frozenset(kinds.get("vessel", ()))
    lexicon.vessel_forms = frozenset(f for k in lexicon.vessel_heads for f in spellings[k])
    lexicon.word_spellings = {
        key: frozenset(spellings[key]) for key in kinds.get("spelling", set())
    }
    for term in kb.offices:
        lexicon.person_offices.setdefault(term.person_id, []).append(term)
    _add_entries(lexicon)
    _add_surnames(lexicon)
    for role in kb.roles:
        _add_with_construct(matcher, role.phrase_ar, "role", role)
    for institution in kb.institutions:
        _add_with_construct(matcher, institution.phrase_ar, "institution", institution)
    for agent in kb.agents:
        for form in _with_article(agent.phrase_ar):
            matcher.add(form, Cue("agent", agent))
    for phrases in (spellings[key] for key in kinds.get("abstract", ())):
        for phrase in phrases:  # «الأمن القومي»: the longer phrase hides the agent noun
            matcher.add(phrase, Cue("abstract", _key(phrase)))
    for title in kb.titles:  # listed with their article where they take one
        matcher.add(title, Cue("title", _key(title)))
    lexicon.cue_nouns = _cue_nouns(lexicon)
    for name in kb.given_names:
        if name not in common:
            matcher.add(name, Cue("given", name))
    matcher.build()
    return lexicon


def _homograph_countries(kb: KnowledgeBase, words: set[str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {word: set() for word in words}
    for entry in kb.entries.values():
        if entry.type == "PER" and entry.country:
            for alias in entry.aliases_ar:
                for word in set(_key(alias).split()) & words:
                    out[word].add(entry.country)
    return {word: frozenset(countries) for word, countries in out.items()}


def held_on(start: str, end: str | None, on: str | None) -> bool:
    """An office term [start, end] (ISO dates, maybe truncated) covers the date `on`."""
    if on is None:
        return end is None
    return on[: len(start)] >= start and (end is None or on[: len(end)] <= end)


def _add_entries(lexicon: EntityLexicon) -> None:
    kb = lexicon.kb
    for entry in kb.entries.values():
        for alias in entry.aliases_ar:
            key = _key(alias)
            if entry.kind in PLACE_KINDS and (key in lexicon.common or len(key) < 3):
                continue  # «صور» is "pictures" far more often than Tyre
            lexicon.forms.setdefault(key, []).append(entry.id)
    for key, ids in lexicon.forms.items():
        for entry_id in dict.fromkeys(ids):
            lexicon.matcher.add(key, Cue("entry", entry_id))
    for key, country in kb.capitals.items():
        if key not in lexicon.forms and key not in lexicon.common:
            lexicon.matcher.add(key, Cue("capital", country))  # a capital missing from places
    for entry in kb.entries.values():
        if entry.kind == "media":
            for alias in entry.aliases_ar:
                title = _MEDIA_HEADS.sub("", _key(alias))
                if len(title) > 2:
                    lexicon.quoted_media.setdefault(title, entry.id)


_MEDIA_HEADS = re.compile(r"^(?:صحيفه|جريده|قناه|مجله|موقع|شبكه|اذاعه|تلفزيون) ")


# where the family name comes first, also in Arabic transcription («كيم جونغ أون» → «كيم»)
_FAMILY_NAME_FIRST = frozenset({"PRK", "KOR", "CHN", "TWN", "VNM"})


def _add_surnames(lexicon: EntityLexicon) -> None:
    """The family name of known people's multiword names (the last word, the first in East
    Asian names), unless it is a word of its own."""
    kb = lexicon.kb
    for entry in kb.entries.values():
        if entry.type != "PER":
            continue
        first = entry.country in _FAMILY_NAME_FIRST
        for alias in entry.aliases_ar:
            words = _key(alias).split()
            family = (words[0] if first else words[-1]) if len(words) > 1 else ""
            if len(family) < 3 or lexicon.is_stop(family):
                continue
            if family in kb.given_names and not first:  # «كيم» is a Western given name too
                continue
            if family in lexicon.common or lexicon.nisba_country(family) or family in lexicon.forms:
                continue
            lexicon.surnames.setdefault(family, set()).add(entry.id)


def _add_with_construct(
    matcher: PhraseMatcher, phrase: str, kind: str, ref: Role | Institution
) -> None:
    matcher.add(phrase, Cue(kind, ref))
    words = _key(phrase).split()
    # «وزير الخارجية» → «وزير خارجية روسيا»: the construct form needs a following country
    if len(words) == 2 and words[1].startswith("ال") and not words[0].startswith("ال"):
        matcher.add(f"{words[0]} {words[1][2:]}", Cue(kind, ref, construct=True))


def _cue_nouns(lexicon: EntityLexicon) -> frozenset[str]:
    kb = lexicon.kb
    phrases = [r.phrase_ar for r in kb.roles] + [i.phrase_ar for i in kb.institutions]
    phrases += [form for a in kb.agents for form in _with_article(a.phrase_ar)]
    phrases += list(kb.titles)
    words = {_key(p) for p in phrases}
    return frozenset(
        w for w in words if " " not in w and w not in kb.given_names and w not in lexicon.forms
    )


def _with_article(phrase: str) -> list[str]:
    key = _key(phrase)
    if " " in key or key.startswith("ال"):
        return [key]
    return [key, "ال" + key]


def _key(text: str) -> str:
    return " ".join(fold_text(text).split())


def _read_stopwords(
    path: Path,
) -> tuple[frozenset[str], frozenset[str], dict[str, set[str]], dict[str, set[str]]]:
    """(name stoppers, common words, original spellings, folded words by kind)."""
    stop: set[str] = set()
    common: set[str] = set()
    spellings: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    if not path.exists():
        return frozenset(), frozenset(), spellings, kinds
    for line, row in read_tsv(path, ("word", "kind", "note"), non_empty=("word", "kind")):
        if row["kind"] not in STOPWORD_KINDS:
            raise KnowledgeBaseError(f"{path}:{line}: unknown kind {row['kind']!r}")
        word = _key(row["word"])
        if row["kind"] not in _NOT_STOP:  # a currency word may still end a name
            (common if row["kind"] == "common" else stop).add(word)
        if row["kind"] != "homograph":  # «صدام» still opens a name found by pattern
            spellings.setdefault(word, set()).add(row["word"])
        kinds.setdefault(row["kind"], set()).add(word)
    return frozenset(stop), frozenset(common), spellings, kinds
