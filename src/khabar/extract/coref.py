"""In-document coreference, kept conservative: a wrong link is worse than none.

- A surname alone («لافروف») refers to the one person of the article with that full name.
- A bare role noun («وأضاف الوزير», «الرئيس», «المتحدث») refers to the most salient person
  named before it whose office fits (most mentions so far); a tie links nothing.
- A bare organisation noun («وقال التحالف», «الحركة», «الحلف») refers to the most salient
  organisation of a fitting kind named before it (`coref_orgs.tsv`); a tie links nothing.
- «الجانب الروسي» / «الطرف الروسي» refers to Russia.
Added mentions have source "coref". «بلاده» and «البلاد» are left alone: too often unsure.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..doc import Document, Entity, Mention
from ..errors import KnowledgeBaseError
from ..kb.model import KBEntry, Office
from ..kb.tsv import data_path, read_tsv, split_list
from ..pipeline import BaseStage
from ..text.matcher import Match, PhraseMatcher
from ..text.normalize import OffsetMap, fold, fold_text
from .entities import NAMED_ONLY_FLAG
from .entity_found import seed_from_entry
from .entity_lexicon import EntityLexicon, load_lexicon
from .entity_link import new_entity

ROLES_FILE = "coref_roles.tsv"
ORGS_FILE = "coref_orgs.tsv"
_NAMED_BY_SHAPE = frozenset({"media", "party"})  # organisations the KB does not list
_ADJECTIVE_NEXT = re.compile(r"[ \t]+ال")
_LINKS = frozenset({"بن", "ابن", "ابو", "بنت", "ام", "ال"})  # «وبن بلقاسم»: و + a name link
_SIDE = re.compile(r"(?<!\w)(?:[وف]?)(ال(?:جانب|طرف)) ([^\W\d_]+)(?: ([^\W\d_]+))?")


@dataclass(frozen=True, slots=True)
class RoleNoun:
    phrase: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]

    def fits(self, offices: set[str]) -> bool:
        return any(
            any(fnmatch.fnmatchcase(o, p) for p in self.include)
            and not any(fnmatch.fnmatchcase(o, p) for p in self.exclude)
            for o in offices
        )


@dataclass(frozen=True, slots=True)
class OrgNoun:
    phrase: str
    kinds: frozenset[str]
    heads: frozenset[str]  # folded first words one of the organisation's names must have
    recent: bool = False  # the last fitting one named wins, not the most named («الصحيفة»)

    def fits(self, kind: str | None, names: list[str]) -> bool:
        if kind not in self.kinds:
            return False
        if not self.heads:
            return True
        return any(fold_text(name).split()[0] in self.heads for name in names if name.strip())


def load_org_nouns(path: Path | None = None) -> PhraseMatcher:
    """coref_orgs.tsv: organisation noun -> the KB kinds and name heads it may refer to."""
    nouns = PhraseMatcher()
    path = path or data_path(ORGS_FILE)
    for number, row in read_tsv(
        path,
        ("phrase_ar", "kinds", "heads", "pick", "note"),
        non_empty=("phrase_ar", "kinds"),
    ):
        heads = frozenset(fold_text(h) for h in split_list(row["heads"]))
        if row["pick"] not in ("", "salient", "recent"):
            raise KnowledgeBaseError(f"{path}:{number}: pick must be salient or recent")
        kinds = frozenset(split_list(row["kinds"]))
        noun = OrgNoun(row["phrase_ar"], kinds, heads, row["pick"] == "recent")
        nouns.add(row["phrase_ar"], noun)
    nouns.build()
    return nouns


def load_role_nouns(path: Path | None = None) -> PhraseMatcher:
    """coref_roles.tsv: role noun -> the office patterns it may refer to ("!" excludes)."""
    nouns = PhraseMatcher()
    for _, row in read_tsv(
        path or data_path(ROLES_FILE),
        ("phrase_ar", "offices", "note"),
        non_empty=("phrase_ar", "offices"),
    ):
        patterns = split_list(row["offices"])
        include = tuple(p for p in patterns if not p.startswith("!"))
        exclude = tuple(p[1:] for p in patterns if p.startswith("!"))
        nouns.add(row["phrase_ar"], RoleNoun(row["phrase_ar"], include, exclude))
    nouns.build()
    return nouns


class CorefStage(BaseStage):
    name: ClassVar[str] = "coref"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(
        self,
        *,
        roles: bool = True,
        surnames: bool = True,
        named_only: bool = False,
        kb_dir: str | None = None,
        kb_extra: list[str] | None = None,
    ):
        """`named_only`: only add name mentions (surnames), not role nouns or «الجانب الروسي»,
        which NER corpora do not tag (pair it with EntityStage(named_only=True))."""
        self.roles = roles
        self.surnames = surnames
        self.named_only = named_only
        self.kb_dir = kb_dir
        self.kb_extra = tuple(Path(d) for d in kb_extra or ())  # as EntityStage's
        self._lexicon: EntityLexicon | None = None
        self._nouns: PhraseMatcher | None = None
        self._org_nouns: PhraseMatcher | None = None
        self._terms: dict[str, list[Office]] = {}

    def setup(self) -> None:
        if self._lexicon is not None:
            return
        directory = Path(self.kb_dir) if self.kb_dir else None
        self._lexicon = load_lexicon(directory, self.kb_extra)
        self._terms: dict[str, list[Office]] = {}
        for term in self._lexicon.kb.offices:
            self._terms.setdefault(term.person_id, []).append(term)
        self._nouns = load_role_nouns(_own(directory, ROLES_FILE))
        self._org_nouns = load_org_nouns(_own(directory, ORGS_FILE))

    def __call__(self, doc: Document) -> Document:
        if not doc.text:
            return doc
        self.setup()
        folded, offsets = fold(doc.text)
        taken = _taken(doc)
        # the entity stage flags a named-only run (NER evaluation): nominals are not names
        named_only = self.named_only or NAMED_ONLY_FLAG in doc.flags
        if self.surnames:
            _merge_name_parts(doc, self._usable_part)
            self._surnames(doc, folded, offsets, taken)
        if self.roles and not named_only:
            self._role_nouns(doc, folded, offsets, taken)
            self._organisation_nouns(doc, folded, offsets, taken)
        if not named_only:
            self._sides(doc, folded, offsets, taken)
        for entity in doc.entities:
            entity.mentions.sort(key=lambda m: (m.start, m.end))
        return doc

    # -- surnames -------------------------------------------------------------------------------

    def _surnames(self, doc: Document, folded: str, offsets: OffsetMap, taken: bytearray) -> None:
        lexicon = self._lexicon
        assert lexicon is not None
        owners: dict[str, set[str]] = {}
        for entity in doc.entities:
            if entity.type != "PER":
                continue
            for mention in entity.mentions:
                if mention.source == "role":
                    continue  # «مستشار الأمن القومي»: a title's last word is no surname
                words = fold_text(mention.text).split()
                if len(words) >= 2 and _usable_surname(words[-1], lexicon):
                    owners.setdefault(words[-1], set()).add(entity.id)
        unique = {name: ids.pop() for name, ids in owners.items() if len(ids) == 1}
        if not unique:
            return
        by_id = {e.id: e for e in doc.entities}
        self._merge_surname_entities(doc, unique, by_id)
        matcher = PhraseMatcher()
        for name, entity_id in unique.items():
            matcher.add(name, entity_id)
        for match in matcher.find(folded):
            if _free(taken, offsets, match.start, match.end):
                _add(
                    doc, by_id[match.payloads[0]], offsets, _start(folded, match), match.end, taken
                )

    def _merge_surname_entities(self, doc: Document, unique: dict[str, str], by_id) -> None:
        """A separate entity whose every mention is one known surname joins the full name."""
        keep = []
        for entity in doc.entities:
            forms = {" ".join(fold_text(m.text).split()) for m in entity.mentions}
            target = unique.get(next(iter(forms))) if len(forms) == 1 else None
            if target and target != entity.id and entity.type == "PER" and entity.kind != "role":
                by_id[target].mentions.extend(
                    Mention(m.start, m.end, m.text, "coref") for m in entity.mentions
                )
                continue
            keep.append(entity)
        doc.entities = keep

    def _usable_part(self, words: tuple[str, ...]) -> bool:
        """A part of a name that may stand for the whole: no place, organisation, nisba or
        common word (a given name may: the tagger read it as a person on its own)."""
        lexicon = self._lexicon
        assert lexicon is not None
        phrase = " ".join(words)
        if phrase in lexicon.forms or lexicon.nisba_country(phrase) is not None:
            return False
        last = words[-1]
        return len(last) >= 3 and not lexicon.is_stop(last) and last not in lexicon.common

    # -- bare role nouns --------------------------------------------------------------------------

    def _role_nouns(self, doc: Document, folded: str, offsets: OffsetMap, taken: bytearray) -> None:
        assert self._nouns is not None
        people = [e for e in doc.entities if e.type == "PER" and e.kind in ("person", None)]
        if not people:
            return
        offices = {e.id: self._offices(e, doc.source.published) for e in people}
        for match in self._nouns.find(folded):
            if not _free(taken, offsets, match.start, match.end) or self._described(
                folded, match.end
            ):
                continue
            start = offsets.to_original(match.start)
            noun: RoleNoun = match.payloads[0]
            scores = []
            for entity in people:
                before = [m for m in entity.mentions if m.end <= start]
                if before and noun.fits(offices[entity.id]):
                    scores.append((False, len(before), max(m.start for m in before), entity))
            if len(scores) > 1:
                # «الملك» after «الملك عبد الله الثاني» is the king, however often a
                # president was named: a person already called so comes first
                word = folded[match.start : match.end]
                scores = [(_called(s[3], word, start), *s[1:]) for s in scores]
            scores.sort(key=lambda s: (s[0], s[1], s[2]), reverse=True)
            if scores and (len(scores) == 1 or scores[0][:2] > scores[1][:2]):
                _add(doc, scores[0][3], offsets, _start(folded, match), match.end, taken)

    def _organisation_nouns(
        self, doc: Document, folded: str, offsets: OffsetMap, taken: bytearray
    ) -> None:
        assert self._org_nouns is not None and self._lexicon is not None
        nouns = self._org_nouns.find(folded)
        if not nouns:
            return
        entries = self._lexicon.kb.entries
        # an organisation's names: its KB names and how the text named it («صحيفة عكاظ
        # السعودية», an outlet found by its shape and not in the KB; «حزب الشعب», a party)
        orgs = [
            (e, entries[e.id].kind if e.id in entries else e.kind, _names(e, entries.get(e.id)))
            for e in doc.entities
            if e.type == "ORG" and (e.id in entries or e.kind in _NAMED_BY_SHAPE)
        ]
        if not orgs:
            return
        for match in nouns:
            # «قوات التحالف»: a head noun before the bare name; an adjective after it
            # («المشتركة») describes the forces, a preposition does not make it another one
            headed = " " in match.payloads[0].phrase
            if match.prefix not in ("", "و", "ف") and not headed:
                continue  # «للحركة», «بالتنظيم» may be any movement; the subject form is safer
            if self._described(folded, match.end) or (
                not headed and _ADJECTIVE_NEXT.match(folded, match.end)
            ):
                continue  # «الحزب الحاكم», «التنظيم المتطرف»: described, maybe another one
            start, end = offsets.span(match.start, match.end)
            generic = _generic_mention(doc, start, end)
            if generic is None and not _free(taken, offsets, match.start, match.end):
                continue
            noun: OrgNoun = match.payloads[0]
            scores = []
            for entity, kind, names in orgs:
                # what the text itself named: links made here would feed the count
                named = [m for m in entity.mentions if m.end <= start and m.source != "coref"]
                if named and noun.fits(kind, names):
                    last = max(m.start for m in named)
                    scores.append((last, 0, entity) if noun.recent else (len(named), last, entity))
            scores.sort(key=lambda s: (s[0], s[1]), reverse=True)
            if scores and (len(scores) == 1 or scores[0][0] > scores[1][0]):
                if generic is not None:  # «التحالف» the generic military agent: now a known one
                    generic.mentions = [m for m in generic.mentions if m.start != start]
                _add(doc, scores[0][2], offsets, _start(folded, match), match.end, taken)
        doc.entities = [e for e in doc.entities if e.mentions]

    def _described(self, folded: str, end: int) -> bool:
        """The noun is followed by a nisba or a name: the entity stage's business, not ours."""
        word = re.match(r"[ \t]+([^\W\d_]+)", folded[end : end + 40])
        if word is None:
            return False
        assert self._lexicon is not None
        text = word.group(1)
        return self._lexicon.nisba_country(text) is not None or text in self._lexicon.kb.given_names

    def _offices(self, entity: Entity, published: str | None) -> set[str]:
        lexicon = self._lexicon
        assert lexicon is not None
        found = {
            term.office
            for term in self._terms.get(entity.id, ())
            if _held(term.start, term.end, published)
        }
        for mention in entity.mentions:
            if mention.source != "role":
                continue
            for match in lexicon.matcher.find(fold_text(mention.text)):
                found |= {c.ref.office for c in match.payloads if c.kind == "role" and c.ref.office}
        return found

    # -- «الجانب الروسي» ------------------------------------------------------------------------

    def _sides(self, doc: Document, folded: str, offsets: OffsetMap, taken: bytearray) -> None:
        lexicon = self._lexicon
        assert lexicon is not None
        for match in _SIDE.finditer(folded):
            start, end = match.start(1), match.end(2)
            country = None
            if match.group(3):  # «الجانب الكوري الشمالي»: two-word nisbas first
                country = lexicon.nisba_country(f"{match.group(2)} {match.group(3)}")
                end = match.end(3) if country else end
            country = country or lexicon.nisba_country(match.group(2))
            entry = lexicon.kb.get(country) if country else None
            if entry is None or not _free(taken, offsets, start, end):
                continue
            entity = next((e for e in doc.entities if e.id == entry.id), None)
            if entity is None:
                entity = new_entity(seed_from_entry(entry))
                doc.entities.append(entity)
            _add(doc, entity, offsets, start, end, taken)


def _merge_name_parts(doc: Document, usable: Callable[[tuple[str, ...]], bool]) -> None:
    """«زياد بن بلقاسم» … «والد بن بلقاسم», «موبوتو سيكو» … «استولى موبوتو»: an unlinked
    person entity whose every mention is the first or the last words of the one full name the
    text gave before it (or that name again, split off by a conjunction) is that person: the
    tagger read the short form as a name of its own."""
    people = [e for e in doc.entities if e.type == "PER" and e.kind != "role"]
    if len(people) < 2 or not any(e.id.startswith(("ner:", "per:")) for e in people):
        return
    names: list[tuple[Entity, tuple[str, ...], int]] = []
    for entity in people:
        for mention in entity.mentions:
            words = tuple(_name_words(mention.text))
            if len(words) >= 2 and mention.source != "role":
                names.append((entity, words, mention.start))
    if not names:
        return
    for entity in people:
        if not entity.id.startswith(("ner:", "per:")):
            continue
        forms = {tuple(_name_words(m.text)) for m in entity.mentions}
        if len(forms) != 1:
            continue
        part = next(iter(forms))
        first = min(m.start for m in entity.mentions)
        if not part or not usable(part):
            continue
        owners = {
            id(owner): owner
            for owner, words, start in names
            if owner is not entity and owner.mentions and start < first and _part_of(part, words)
        }
        if len(owners) != 1:
            continue
        owner = next(iter(owners.values()))
        owner.mentions.extend(Mention(m.start, m.end, m.text, "coref") for m in entity.mentions)
        owner.country = owner.country or entity.country  # «الفنانة الجزائرية بهية راشدي»
        entity.mentions = []
    doc.entities = [e for e in doc.entities if e.mentions]


def _part_of(part: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """The same full name, or its first or last one or two words."""
    if part == words:
        return len(part) > 1
    size = len(part)
    return size <= 2 and len(words) > size and part in (words[:size], words[-size:])


def _name_words(text: str) -> list[str]:
    words = fold_text(text).split()
    if words and words[0][:1] == "و" and (len(words[0]) > 3 or words[0][1:] in _LINKS):
        words[0] = words[0][1:]  # «وبن بلقاسم»: the conjunction the tagger kept
    return words


def _called(entity: Entity, word: str, before: int) -> bool:
    return any(word in fold_text(m.text).split() for m in entity.mentions if m.end <= before)


def _names(entity: Entity, entry: KBEntry | None) -> list[str]:
    names = [m.text for m in entity.mentions]
    if entry is not None:
        names += [entry.name_ar or "", *entry.aliases_ar]
    return names


def _generic_mention(doc: Document, start: int, end: int) -> Entity | None:
    """The countryless agent («التحالف» as any military) whose mention is exactly [start, end)."""
    for entity in doc.entities:
        if (
            entity.kind == "agent"
            and entity.country is None
            and any(m.start == start and m.end == end for m in entity.mentions)
        ):
            return entity
    return None


def _own(directory: Path | None, name: str) -> Path | None:
    """A users' own data file in `directory`, if there is one."""
    return directory / name if directory and (directory / name).exists() else None


def _taken(doc: Document) -> bytearray:
    """Positions of doc.text already inside a mention."""
    taken = bytearray(len(doc.text))
    for entity in doc.entities:
        for mention in entity.mentions:
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return taken


def _start(folded: str, match: Match) -> int:
    """«للشمراني»: ل + «الشمراني» lost the article's alef; the mention keeps the ل, as the text
    has no span that reads «الشمراني» (the entity stage does the same)."""
    contracted = folded.startswith("ل", match.start) and not folded.startswith("ال", match.start)
    if match.prefix.endswith("ل") and match.key.startswith("ال") and contracted:
        return match.start - 1
    return match.start


def _free(taken: bytearray, offsets: OffsetMap, start: int, end: int) -> bool:
    orig_start, orig_end = offsets.span(start, end)
    return not any(taken[orig_start:orig_end])


def _add(
    doc: Document, entity: Entity, offsets: OffsetMap, start: int, end: int, taken: bytearray
) -> None:
    orig_start, orig_end = offsets.span(start, end)
    entity.mentions.append(Mention(orig_start, orig_end, doc.text[orig_start:orig_end], "coref"))
    taken[orig_start:orig_end] = b"\x01" * (orig_end - orig_start)


def _usable_surname(word: str, lexicon: EntityLexicon) -> bool:
    if len(word) < 3 or lexicon.is_stop(word) or word in lexicon.common:
        return False
    if word in lexicon.kb.given_names or lexicon.nisba_country(word) is not None:
        return False
    return word not in lexicon.forms  # a place or organisation name is no surname


def _held(start: str, end: str | None, on: str | None) -> bool:
    if on is None:
        return True
    return on[: len(start)] >= start and (end is None or on[: len(end)] <= end)
