"""Looking around a match in folded text: the next word, the match that starts there, names.

Arabic has no capitals, so a name not in the knowledge base is found from its context: after
a title or role, or from a given name, taking the next words until a function word, verb,
time word, nisba adjective, punctuation or another cue ends it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..text.matcher import Match
from ..text.normalize import fold_text
from .entity_junk import MASDAR as _MASDAR
from .entity_lexicon import NAME_LINKS, EntityLexicon
from .entity_verbs import VerbForms

_SPACES = re.compile(r"[ \t]+")
_APPOSITION = re.compile(r"[ \t]*[،,][ \t]*|[ \t]+")
_WORD = re.compile(r"[^\W\d_]+")
_PRONOUN_SUFFIX = re.compile(r"..(?:ها|هم|هما|هن|كم)$")  # «زوجها», «علاقاتهم»: no name part
_NAME_MAX_UNITS = 4  # given name + up to three more units («عبد اللطيف بن راشد الزياني»)


def _key(text: str) -> list[str]:
    return fold_text(text).split()


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    units: int  # words that count as name parts (links such as «بن» excluded)
    person: str | None = None  # KB person id when the name ends in a known person's form
    family: bool = False  # ends in a known person's family name but is someone else


class Scanner:
    """Context look-ups over one folded text and its matches."""

    def __init__(
        self,
        folded: str,
        matches: list[Match],
        lexicon: EntityLexicon,
        original: Callable[[int, int], str] | None = None,
        verbs: VerbForms | None = None,
    ):
        """`verbs` tells a finite verb from a name part: a name does not run on into it."""
        self.text = folded
        self.lexicon = lexicon
        self.verbs = verbs
        self.at = {m.word_start: m for m in matches}
        # the original spelling of a folded span, where folding hides a difference («على»)
        self.original = original or (lambda start, end: folded[start:end])

    def is_given(self, match: Match | None) -> bool:
        if match is None or self.cue(match, "given") is None:
            return False
        return not self.lexicon.is_stop_spelling(match.key, self.original(match.start, match.end))

    def next_word(self, pos: int, *, comma: bool = False) -> Word | None:
        """The word after `pos`, separated by spaces (or a comma when allowed), else None."""
        gap = (_APPOSITION if comma else _SPACES).match(self.text, pos)
        if gap is None:
            return None
        word = _WORD.match(self.text, gap.end())
        if word is None:
            return None
        return Word(word.start(), word.end(), word.group())

    def nisba(self, word: Word) -> tuple[str, int] | None:
        """(country, end) of the nisba adjective at `word`; two-word ones first, so that
        «الكوري الشمالي» is North Korea and not «الكوري» South Korea."""
        second = self.next_word(word.end)
        if second is not None:
            country = self.lexicon.nisba_country(f"{word.text} {second.text}")
            if country is not None:
                return country, second.end
        country = self.lexicon.nisba_country(word.text)
        return (country, word.end) if country is not None else None

    def match_at(self, word: Word | None, *, clitic: bool = False) -> Match | None:
        """The matched phrase that starts with `word` (without a proclitic unless allowed)."""
        if word is None:
            return None
        match = self.at.get(word.start)
        if match is None or (match.prefix and not clitic):
            return None
        return match

    def cue(self, match: Match | None, kind: str):
        if match is None:
            return None
        return next((c for c in match.payloads if c.kind == kind and not c.construct), None)

    def person_at(self, match: Match | None) -> str | None:
        """The KB person id when `match` is a known person's form."""
        if match is None:
            return None
        ids = [c.ref for c in match.payloads if c.kind == "entry"]
        entry = self.lexicon.best_entry(ids) if ids else None
        return entry.id if entry is not None and entry.type == "PER" else None

    def name_after(self, pos: int, *, comma: bool, loose: bool) -> Name | None:
        """A person name starting at the next word: a KB person, a given name, or (loose) any
        word that is not a function word (after titles, which nearly always precede a name)."""
        first = self.next_word(pos, comma=comma)
        if first is None:
            return None
        match = self.match_at(first)
        person = self.person_at(match)
        if person is not None and match is not None:
            return self._extend(first.start, match.end, 1, person)
        if self.is_given(match) and match is not None:
            if match.key in self.lexicon.stop_spellings and not self.strong_second(match.end):
                return None  # «رئيس المجلس علي أنها»: «على» written with a ya
            return self._extend(first.start, match.end, 1, None)
        if first.text in ("عبد", "ابو") or (loose and self._starts_name(first, match)):
            return self._extend(
                first.start, first.end, 1 if first.text not in NAME_LINKS else 0, None
            )
        if loose and self._given_before_family(first):
            # «الدكتورة أمل العبادي»: a given name that is a common word too («أمل» hope)
            # before a known family name is someone else of that family, not Haider al-Abadi
            return self._extend(first.start, first.end, 1, None)
        return None

    def given_name(self, match: Match) -> Name | None:
        """A name that starts with a given name and has at least one more part."""
        if not self.is_given(match) or self.lexicon.is_stop(
            self.text[match.word_start : match.end]
        ):
            return None  # «لدينا» is a word of its own, not ل + «دينا»
        name = self._extend(match.start, match.end, 1, None)
        if name.units < 2 and name.person is None:
            return None
        if match.key in self.lexicon.stop_spellings and not self.strong_second(match.end):
            return None  # «علي» is «على» in many spellings: only «علي عبد الله», «علي خامنئي»
        return name

    def known_start(self, pos: int) -> bool:
        """The word at `pos` is a given name or a known person's form."""
        match = self.at.get(pos)
        if match is None or match.prefix:
            return False
        return self.is_given(match) or self.person_at(match) is not None

    def strong_second(self, pos: int) -> bool:
        """The word after a given name is a name part on its own: a given name, a link,
        a family name with the article, a known person."""
        word = self.next_word(pos)
        if word is None:
            return False
        match = self.match_at(word)
        if word.text in NAME_LINKS or word.text.startswith("ال"):
            return True
        return self.is_given(match) or self.person_at(match) is not None

    def _given_before_family(self, word: Word) -> bool:
        if word.text not in self.lexicon.kb.given_names:
            return False
        following = self.next_word(word.end)
        return following is not None and self.person_at(self.match_at(following)) is not None

    def _starts_name(self, word: Word, match: Match | None) -> bool:
        text = word.text
        lexicon = self.lexicon
        if lexicon.is_stop(text) or text in lexicon.common or text.startswith("ال"):
            return False
        if lexicon.nisba_country(text) is not None or len(text) < 2:
            return False
        if _PRONOUN_SUFFIX.search(text) or self._lone_masdar(word):
            return False
        if match is None and self.verbs is not None and self.verbs.is_verb(text):
            return False  # «بالشيخ تسند منحة»: a verb after a title starts no name
        return match is None or all(c.kind == "given" for c in match.payloads)

    def _lone_masdar(self, word: Word) -> bool:
        """«بالحاج إرجاع جميع»: a verbal noun after a title is no name, unless a given name
        follows («الدكتور إقبال إسماعيل»: «إقبال» is a given name too)."""
        if not _masdar(word.text, self.lexicon):
            return False
        following = self.next_word(word.end)
        return following is None or not self.is_given(self.match_at(following))

    def _extend(self, start: int, end: int, units: int, person: str | None) -> Name:
        """Add following name parts to [start, end) while they look like name parts.

        The second part may be any word that passes `_continues`; later parts must look like
        name parts on their own (a given name, a family name with the article, a known
        person) or follow a link such as «بن», so a name does not run on into the sentence.
        A known person's form ends the name: the dictionary knows where it stops."""
        last_good = Name(start, end, units, person)
        linked = units == 0
        while units < _NAME_MAX_UNITS and person is None:
            word = self.next_word(end)
            if word is None or not self._continues(word):
                break
            match = self.match_at(word)
            if units >= 2 and not linked and not self._name_like(word, match):
                break
            end = match.end if match is not None and match.start == word.start else word.end
            linked = word.text in NAME_LINKS and end == word.end  # «عبد الرحمن» is one part
            if linked:
                continue  # «بن», «عبد»: kept only if a name part follows
            units += 1
            person = self.person_at(match)
            if (
                person is not None
                and match is not None
                and not self._same_person(start, match, person)
            ):
                # «حافظ قائد السبسي» is the president's son: another person of that family
                return Name(start, end, units, None, family=True)
            last_good = Name(start, end, units, person)
            if word.text.startswith("ال"):
                break  # a family name with the article ends the name («محمد الخالدي»)
        return last_good

    def _same_person(self, start: int, form: Match, person: str) -> bool:
        """A name [start, form.end) that ends in a known person's family name `form` is that
        person when a name part before the form is the person's given name (by skeleton:
        «جون إيف لودريان» is «جان إيف لودريان»; a middle name the KB lacks is no sign).
        «ميشيل أوباما», «حافظ قائد السبسي» are someone else of the family."""
        if start > 0 and self.text[start - 1].isalpha():
            return True  # the name starts inside a word («لصالح ماكرون»): no given name
        entry = self.lexicon.kb.entries[person]
        aliases = [" ".join(_key(a)) for a in (entry.name_ar or "", *entry.aliases_ar) if a]
        family = " ".join(_key(self.text[form.start : form.end]))
        if " " in family and not any(a.endswith(" " + family) for a in aliases):
            return True  # «المنصف المرزوقي»: the form has the given name in it
        from .entity_skeletons import skeleton  # imports this module: loaded on first need

        own = {skeleton(w) for a in aliases for w in a.split()}
        before = [skeleton(w) for w in _key(self.text[start : form.start]) if w not in NAME_LINKS]
        return not before or any(
            w in own or (len(w) < 2 and any(o.startswith(w) for o in own)) for w in before
        )  # «جو دانفورد»: a short form of «جوزيف»

    def _name_like(self, word: Word, match: Match | None) -> bool:
        return (
            word.text.startswith("ال") or self.is_given(match) or self.person_at(match) is not None
        )

    def _continues(self, word: Word) -> bool:
        text = word.text
        lexicon = self.lexicon
        if lexicon.is_stop(text) or text in lexicon.common:
            return False
        if lexicon.nisba_country(text) is not None or _PRONOUN_SUFFIX.search(text):
            return False
        if _masdar(text, lexicon):
            return False  # «رضا بالحاج إرجاع الوثائق»: a verbal noun of form IV/X is no name
        if text.startswith("و") and (
            lexicon.is_stop(text[1:]) or text[1:] in lexicon.kb.given_names
        ):
            return False  # «ووزير», «وقال», «ومحمد»: a new phrase starts
        match = self.at.get(word.start)
        if match is None:
            # «مجدي لخضر تسند منحة»: the name ends before the verb
            return self.verbs is None or not self.verbs.is_verb(text, final=True)
        if match.prefix:
            return False
        kinds = {c.kind for c in match.payloads}
        if "given" in kinds:
            return self.is_given(match)
        return self.person_at(match) is not None and kinds == {"entry"}


def _masdar(text: str, lexicon: EntityLexicon) -> bool:
    """«إرجاع», «استكمال»: a verbal noun of verb form IV or X, no given name («إيهاب»)."""
    key = fold_text(text)
    return _MASDAR.fullmatch(key) is not None and key not in lexicon.kb.given_names
