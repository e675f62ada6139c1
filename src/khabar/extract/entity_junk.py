"""The tagger's spans, cleaned before they meet the dictionaries.

The CRF tagger reads words, not grammar, and on unseen text its spans overreach:
- a finite verb at an edge of a person or organisation span («أبلغ الجبوري», «لخضر تسند»,
  `entity_verbs`) is trimmed off, and so is a closed-class word before it («بأن العامري») or
  a word that follows names without ending them after it («وليام صباحا», kind `after_name`);
  a span that is nothing but verbs is dropped;
- a span that runs a known place into a person's name («اسكتلندا نيكولا», «… ستورجن») is cut
  where the name starts: at a known place that opens a person span, or at a name the
  patterns found from a given name inside a place or organisation span, which becomes a
  person span of its own (so the guessed name is confirmed);
- a one-word place or organisation span that is the family name of a person named in full
  in the article is that person;
- an organisation span that is a common word (the currency «الريال», kind `not_org` in
  `name_stopwords.tsv`) is dropped, and so is a one-word organisation or place span that is a
  title, a role, an institution or an agent noun of the dictionaries («السفير» unquoted).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..text.normalize import fold_text
from .entity_lexicon import NAME_LINKS
from .entity_link import Located
from .entity_verbs import VerbForms

Scored = tuple[int, int, str, float]
_WORD = re.compile(r"\S+")
_TRIMMED = frozenset({"PER", "ORG"})
_NOUN_KINDS = frozenset({"ORG", "LOC"})
_QUOTES = frozenset("\"«“'")
_CACHE_LIMIT = 100_000
_LETTER_NAME = 3  # «إس», «بي», «إيه»: Latin letters spelled out are this short
_NAME_ARTICLES = NAME_LINKS | {"لو", "لا", "دو", "ديل"}  # «لو فيغارو», «دو»
_COMMON_RANK = 20_000  # a tagger name opening with a word this frequent is no full name
# a one-word town may be a given name too («تايلر», «يوسو»): only countries and regions cut
_PLACE_KINDS = frozenset({"country", "territory", "region"})
_MIN_HEAD_LETTERS = 5  # «سيدي», «سان» open place names: «سيدي حسين» is a place, not a person
# proclitics before a word, the article's alef dropped after «ل» («للريال» is ل + «الريال»)
_CLITIC_LETTERS = frozenset("وفبلك")
# verbal nouns of verb forms IV and X as folded («ارجاع», «استكمال»): never a name alone. A
# glide after the alef («إيهاب», «إيفان», «أولاف») is left alone: there names outnumber nouns
MASDAR = re.compile(r"(?:ا[^\sايو]|است[^\sا])[^\sا]ا[^\sا]")
_GOD = "الله"
_FORMULA_CLITICS = frozenset("بل")
_CLITICS = tuple(c + p for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك", "لل") if c + p)


@dataclass(slots=True)
class SpanCleaner:
    verbs: VerbForms | None = None
    not_org: AbstractSet[str] = frozenset()  # folded words that are no organisation alone
    given: AbstractSet[str] = frozenset()  # folded given names
    function: AbstractSet[str] = frozenset()  # folded closed-class words, no given name
    after_name: AbstractSet[str] = frozenset()  # folded words that follow a name («صباحا»)
    nouns: AbstractSet[str] = frozenset()  # folded one-word titles, roles, agent nouns
    # folded names that are common nouns («صدام») -> the countries of known people so named
    homographs: Mapping[str, frozenset[str]] = field(default_factory=dict)
    word_forms: AbstractSet[str] = frozenset()  # spellings of a common word, no name («أياد»)
    _seen: dict[tuple[str, bool], bool] = field(default_factory=dict)
    _keys: dict[str, str] = field(default_factory=dict)  # word as written -> folded

    def clean(
        self, text: str, scored: list[Scored], located: list[Located], weak: list[Located]
    ) -> list[Scored]:
        """`scored` without verbs at the edges, cut at place/person boundaries, without
        common-word organisations (a new list). `located`: the dictionary mentions;
        `weak`: the names guessed from a given name alone."""
        if not scored:
            return scored
        places = {
            x.start: x for x in located if x.seed.kind in _PLACE_KINDS and x.source == "gazetteer"
        }
        out: list[Scored] = []
        for start, end, kind, confidence in scored:
            if start in places if kind == "PER" else bool(weak):
                pieces = self._split(text, start, end, kind, places, weak)
            else:
                pieces = [(start, end, kind)]  # the common case: nothing to split
            for piece_start, piece_end, piece_kind in pieces:
                span = self._trim(text, piece_start, piece_end, piece_kind)
                if span is None or self._common_org(text, *span, piece_kind):
                    continue
                if piece_kind == "PER" and self._no_person(text[span[0] : span[1]]):
                    continue
                out.append((*span, piece_kind, confidence))
        out = _as_people(text, out, located, self._named, self._key)
        return _without_homographs(text, out, located, self.homographs, self._key)

    def _no_person(self, phrase: str) -> bool:
        return self._word_pair(phrase) or self._masdar(phrase) or self._formula(phrase)

    def _masdar(self, phrase: str) -> bool:
        """«إرجاع», «استكمال»: one word of the verbal-noun pattern of verb form IV or X is no
        person, unless it is a given name too («إيهاب», «إيمان»)."""
        key = self._key(phrase.strip())
        return MASDAR.fullmatch(key) is not None and key not in self.given

    def _formula(self, phrase: str) -> bool:
        """«بحمد الله», «بإذن الله»: a preposition glued to a noun before «الله» is a pious
        formula; «عبد الله», «نصر الله» have no preposition."""
        words = phrase.split()
        if len(words) != 2 or self._key(words[1]) != _GOD:
            return False
        first = self._key(words[0])
        return first[:1] in _FORMULA_CLITICS and first not in self.given and len(first) > 2

    def _word_pair(self, phrase: str) -> bool:
        """«أياد مرتعشة» (trembling hands): two words, the first spelled as a common word
        («أياد», not the name «إياد»), the second no given name."""
        words = phrase.split()
        return (
            len(words) == 2
            and words[0] in self.word_forms
            and self._key(words[1]) not in self.given
        )

    def _named(self, word: str) -> bool:
        """A word that can open a person's full name: no link («دي»), no common word
        («لأيام قرطاج», «سفراء بيونيانغ»)."""
        if word in NAME_LINKS:
            return False
        ranks = self.verbs.ranks if self.verbs is not None else {}
        return word in self.given or ranks.get(word, _COMMON_RANK) >= _COMMON_RANK

    def _trim(self, text: str, start: int, end: int, kind: str) -> tuple[int, int] | None:
        if kind not in _TRIMMED:
            return start, end
        words = text[start:end].split()
        verb = self._verb
        first, last = 0, len(words)
        while first < last and (
            verb(words[first], False)
            or (first + 1 < last and self._function(words[first], words[first + 1]))
        ):
            first += 1
        while last > first + 1 and (
            verb(words[last - 1], True) or self._key(words[last - 1]) in self.after_name
        ):
            if self._key(words[last - 2]) in NAME_LINKS:
                break  # «بن طالب»: a name part after «بن»
            last -= 1
        if first == last or (first and last == first + 1 and verb(words[first], True)):
            return None
        if (first, last) == (0, len(words)):
            return start, end
        spans = [m.span() for m in _WORD.finditer(text, start, end)]
        return spans[first][0], spans[last - 1][1]

    def _key(self, word: str) -> str:
        """`fold_text(word)`, cached: the same names and words recur from article to article."""
        key = self._keys.get(word)
        if key is None:
            if len(self._keys) > _CACHE_LIMIT:
                self._keys.clear()
            key = self._keys[word] = fold_text(word)
        return key

    def _verb(self, word: str, final: bool) -> bool:
        """`VerbForms.is_verb` on a word as written (cached: folding costs more)."""
        if self.verbs is None:
            return False
        key = (word, final)
        known = self._seen.get(key)
        if known is None:
            if len(self._seen) > _CACHE_LIMIT:
                self._seen.clear()
            known = self._seen[key] = self.verbs.is_verb(self._key(word), final)
        return known

    def _function(self, word: str, following: str) -> bool:
        """A closed-class word opens no name («بأن العامري», «بأنك ستلتقي عباس»), unless it
        spells a letter («إن إس إيه», «أي بي سي»: short words follow) or is a name article
        («لو», «دي»), or a name link follows («ثاني بن عبدالله»). Only the word as listed:
        with a clitic it may be a name («لحول», «بلو»)."""
        if not self.function:
            return False
        key = self._key(word)
        if key not in self.function or key in _NAME_ARTICLES:
            return False
        after = self._key(following)
        return len(after) > _LETTER_NAME and after not in NAME_LINKS

    def _common_org(self, text: str, start: int, end: int, kind: str) -> bool:
        """A one-word span that is a common word: a listed one for an organisation, a
        title, role or agent noun for an organisation or a place (a person span «البابا» may
        be the one holder of the title; a quoted «"السفير"» is the paper of that name)."""
        words = self.not_org if kind == "ORG" else frozenset()
        nouns = self.nouns if kind in _NOUN_KINDS and text[start - 1 : start] not in _QUOTES else ()
        if not words and not nouns:
            return False
        phrase = text[start:end]
        if " " in phrase.strip():
            return False  # every listed word is one word
        key = self._key(phrase.strip())
        if key in words or key in nouns:
            return True
        if key[:1] not in _CLITIC_LETTERS:
            return False
        for clitic in _CLITICS:  # «بالريال», «وبالدولار», «للريال»
            if key.startswith(clitic):
                rest = key[len(clitic) :]
                for form in (rest, "ال" + rest):
                    if form in words or form in nouns:
                        return True
        return False

    def _split(
        self,
        text: str,
        start: int,
        end: int,
        kind: str,
        places: dict[int, Located],
        weak: list[Located],
    ) -> list[tuple[int, int, str]]:
        place = places.get(start)
        if kind == "PER" and place is not None and place.end < end:
            # «اسكتلندا نيكولا ستورجن»: a person name does not start with a known place
            rest = _next_word(text, place.end, end)
            return [(rest, end, kind)] if rest is not None else []
        if kind == "PER":
            return [(start, end, kind)]
        for guess in weak:
            if start < guess.start < end and guess.end >= end and text[guess.start - 1] == " ":
                head = text[start : guess.start].split()
                if _name_cut(head, guess.end > end):
                    # «اسكتلندا نيكولا» (LOC) before «ستورجن»: the given name starts a person
                    head_end = len(text[start : guess.start].rstrip()) + start
                    return [(start, head_end, kind), (guess.start, guess.end, "PER")]
        return [(start, end, kind)]


def _as_people(
    text: str,
    scored: list[Scored],
    located: list[Located],
    named: Callable[[str], bool],
    fold: Callable[[str], str] = fold_text,
) -> list[Scored]:
    """A one-word place or organisation span that is the family name of a person the article
    names in full is that person («كارليس بوتشيمون» … «إن بوتشيمون أوقف»). `named`: whether a
    tagger person span's first word can open a name."""
    people = [(s, e, True) for s, e, kind, _ in scored if kind == "PER" and " " in text[s:e]]
    people += [
        (x.start, x.end, False)
        for x in located
        if x.seed.kind == "person" and x.source != "role" and " " in text[x.start : x.end]
    ]
    if not people:
        return scored
    single: dict[int, set[str]] = {}  # index of a one-word span -> its readings
    for n, (start, end, kind, _) in enumerate(scored):
        if kind in ("LOC", "ORG") and " " not in (word := text[start:end].strip()):
            key = fold(word)
            single[n] = {key, key[1:]} if key[:1] in "وفبل" else {key}
    if not single:
        return scored
    wanted = set().union(*single.values())
    family = set()
    for start, end, model in people:
        phrase = text[start:end]
        if " " not in phrase.strip() or fold(phrase.rsplit(None, 1)[-1]) not in wanted:
            continue
        last = fold(phrase.rsplit(None, 1)[-1])
        if named(last) and (not model or named(fold(phrase.split(None, 1)[0]))):
            family.add(last)  # «العهد» of «ولي العهد» is a common word, no family name
    if not family:
        return scored
    out = list(scored)
    for n, readings in single.items():
        start, end, kind, confidence = scored[n]
        # «لندن»: a dictionary mention there knows what it is
        if readings & family and not any(x.start < end and start < x.end for x in located):
            out[n] = (start, end, "PER", confidence)
    return out


def _without_homographs(
    text: str,
    scored: list[Scored],
    located: list[Located],
    homographs: Mapping[str, frozenset[str]],
    fold: Callable[[str], str],
) -> list[Scored]:
    """A one-word person span that is a common noun as well («صدام» a clash, «حداد»
    mourning) is dropped, unless the article names someone in full with that word («صدام
    حسين» … «صدام») or the country of a known person so named (Iraq for Saddam)."""
    if not homographs:
        return scored
    lone = [
        n
        for n, (start, end, kind, _) in enumerate(scored)
        if kind == "PER" and " " not in text[start:end].strip()
        and _bare(fold(text[start:end].strip())) in homographs
    ]  # fmt: skip
    if not lone:
        return scored
    spans = [(s, e) for s, e, kind, _ in scored if kind == "PER"]
    spans += [(x.start, x.end) for x in located if x.seed.type == "PER" and x.source != "role"]
    named = {
        _bare(fold(w)) for s, e in spans if " " in text[s:e].strip() for w in text[s:e].split()
    }
    countries = {x.seed.country for x in located if x.source != "model"}
    drop = set()
    for n in lone:
        word = _bare(fold(text[scored[n][0] : scored[n][1]].strip()))
        if word not in named and not homographs[word] & countries:
            drop.add(n)
    return [span for n, span in enumerate(scored) if n not in drop]


def _bare(key: str) -> str:
    """Without a conjunction («وصدام»)."""
    return key[1:] if key[:1] in "وف" and len(key) > 3 else key


def _name_cut(head: list[str], cut: bool) -> bool:
    """Whether a place or organisation span ends where a person's name begins: the span cuts
    the name in half (`cut`), or a name of its own («منظمة بوصلة») stands before it; a short
    opener («سيدي», «سان») is part of a place name with a given name in it."""
    last = fold_text(head[-1]) if head else ""
    if last[:1] in "وفبلك" and len(last) > _MIN_HEAD_LETTERS - 1:
        last = last[1:]  # «بسيدي»
    if last in NAME_LINKS or (len(last) < _MIN_HEAD_LETTERS and (len(head) > 1 or cut)):
        return False
    return cut or len(head) > 1


def _next_word(text: str, pos: int, end: int) -> int | None:
    word = _WORD.search(text, pos, end)
    return word.start() if word is not None else None


def name_words(names: AbstractSet[str], *groups: AbstractSet[str]) -> frozenset[str]:
    """Every word of the given folded names and forms (for `VerbForms`' exclusions)."""
    words = set(names)
    for group in groups:
        for form in group:
            words.update(form.split())
    return frozenset(words)
