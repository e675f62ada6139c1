"""Countries for event participants that carry none.

An agent noun is often qualified by a nisba adjective («دورية بريطانية», «مصورا فرنسيا»,
«القوات الأمريكية» when the entity stage did not join them), and a nominal trigger names its
actor the same way («قصف إسرائيلي», «غارات جوية روسية»). Where no adjective says it, news
convention places the unnamed actors of a report — «القوات», «مسلحون», «شخصا» — in the country
where it happens: the nearest place of the sentence, else the dateline, else the country the
document mentions most.
"""

from __future__ import annotations

import re
from collections import Counter

from ..doc import Document
from ..text.normalize import fold_text
from .event_actors import PLACE_KINDS, Participant, bare_direction, preposition_before
from .event_context import fold_word

_WORD = re.compile(r"[^\W\d_]+")
_MEMO_LIMIT = 500_000
# participants whose country can come from the place of the report
FILLABLE = frozenset({"agent", "person"})
# words an adjective chain may hold before the nisba («غارات جوية إسرائيلية»)
_SKIP = frozenset({"جويه", "جوي", "جويا", "صاروخيه", "صاروخي", "انتحاري", "انتحاريه", "مسلح",
                   "مسلحه", "مجهولين", "مجهولون", "عنيف", "عنيفه", "جديد", "جديده"})  # fmt: skip


# words after which a nisba is a noun: counts and quantifiers («آلاف الإيرانيين»)
_COUNTED = re.compile(
    r"^(?:و?(?:الاف|الف|مئات|عشرات|مئه|مائه|بعض|كثير|من|ان|قال|اعلن|يتظاهر|تظاهر)\w*)$"
)


def _noun_slot(previous: str) -> bool:
    """Whether a nisba after this word is a noun: after counts and quantifiers, time words
    and plural or feminine perfect verbs («خطفوا أميركيا»), not after an ordinary noun."""
    return bool(_COUNTED.match(previous)) or previous in _TIME or previous.endswith("وا")


_SETTING = frozenset({"في", "ب", "قرب", "عن", "من", "الى", "حول"})
# nouns whose nisba names a topic, not a party («الأزمة السورية», «الملف النووي الإيراني»)
_ABSTRACT = frozenset({"ازمه", "ملف", "اتفاق", "قضيه", "حرب", "ثوره", "ساحه", "اراضي", "حدود",
                       "نووي", "شان", "سياسه", "مساله", "عاصمه", "مدينه", "منطقه", "شعب"})  # fmt: skip
_TIME = frozenset({"امس", "اليوم", "الليله", "فجر", "صباح", "مساء", "ظهر"})


class CountryFiller:
    """Nisba lookups (folded adjective → country id) after a mention or a trigger."""

    def __init__(
        self, nisba: dict[str, str], capitals: dict[str, str] | None = None, phrases: bool = True
    ):
        self.nisba = nisba
        self._known: dict[str, str | None] = {}
        self._seen: set[str] = set()  # words whose country is known (in `_known`)
        self._found: dict[str, str] = {}  # those of `_seen` that have one
        self.capitals = capitals or {}
        self.phrases = phrases  # noun + nisba phrases («مصورا فرنسيا») become participants

    def metonymy(self, text: str, clause_start: int, parts: list[Participant]) -> None:
        """A capital that is not the setting («نددت بكين», «اتهمت دمشق») is its government."""
        for part in parts:
            if part.kind not in PLACE_KINDS:
                continue
            country = self.capitals.get(" ".join(fold_text(part.text).split()))
            if country and preposition_before(text, clause_start, part) not in _SETTING:
                # «غرب بغداد», «بجامعة بغداد»: a place noun or direction before names a place
                previous = _WORD.findall(
                    fold_word(text[max(clause_start, part.start - 20) : part.start])
                )
                if previous and bare_direction(previous[-1]) is not None:
                    continue
                part.kind, part.country, part.sector = "country", country, "GOV"

    def _country(self, word: str) -> str | None:
        """The country of a raw word that is a nationality noun or adjective (memoised:
        every word of every coded sentence is asked)."""
        known = self._known
        if word in known:
            return known[word]
        if len(known) > _MEMO_LIMIT:
            known.clear()
            self._seen.clear()
        country = known[word] = self.lookup(word)
        return country

    def _nisbas(self, text: str, sentence: tuple[int, int]) -> dict[str, str]:
        """The nationality words of a sentence and their countries. Set operations keep the
        common case (no nisba, all words seen before) free of a Python loop over words."""
        words = set(_WORD.findall(text, *sentence))
        new = words - self._seen
        if new:
            if len(self._seen) > _MEMO_LIMIT:
                self._known.clear()
                self._seen.clear()
                new = words
            # folding is per character and keeps newlines (words hold none): one call
            # folds every new word, instead of one call per word
            ordered = list(new)
            lookup = self._lookup_folded
            known, found = self._known, self._found
            for word, folded in zip(
                ordered, fold_text("\n".join(ordered)).split("\n"), strict=True
            ):
                country = known[word] = lookup(folded)
                if country is not None:
                    found[word] = country
            self._seen |= new
        found = self._found
        return {w: found[w] for w in words & found.keys()}

    def lookup(self, word: str) -> str | None:
        return self._lookup_folded(fold_word(word))

    def _lookup_folded(self, folded: str) -> str | None:
        for form in (folded, folded.removeprefix("و")):
            country = self.nisba.get(form)
            if country is None and form.endswith("يا"):
                country = self.nisba.get(form[:-1])  # accusative «فرنسيا» → «فرنسي»
            elif country is None and form.endswith("يان"):
                country = self.nisba.get(form[:-2])  # dual «إسرائيليان» → «إسرائيلي»
            if country is not None:
                return country
        return None

    def after(self, text: str, end: int, limit: int, words: int = 3) -> str | None:
        """The country of a nisba among the next `words` words (adjectives may come first)."""
        for i, match in enumerate(_WORD.finditer(text, end, min(limit, end + 60))):
            if i >= words:
                break
            if i == 0 and match.start() > end and text[end : match.start()].strip():
                return None  # punctuation ends the noun phrase
            country = self._country(match.group())
            if country is not None:
                return country
            if fold_word(match.group()).removeprefix("ال") not in _SKIP:
                break
        return None

    def add_people(
        self,
        text: str,
        sentence: tuple[int, int],
        parts: list[Participant],
        agents: list[tuple[int, int, str, str]] = (),  # type: ignore[assignment]
    ) -> None:
        """Nationality nouns standing alone («آلاف الإيرانيين», «مئات الصرب») as participants;
        a nisba right after a mention is its adjective, not another participant."""
        nisbas = self._nisbas(text, sentence)
        if not nisbas:
            return  # the common case, found without a Python loop over match objects
        for match in _WORD.finditer(text, *sentence):
            country = nisbas.get(match.group())
            if country is None:
                continue
            start, end = match.span()
            if any(p.start < end and start < p.end for p in parts):
                continue
            if any(0 <= start - p.end <= 1 for p in parts):
                continue
            head = None
            for prev in _WORD.finditer(text, max(sentence[0], start - 25), start):
                head = prev
            counted = any(c.isdigit() for c in text[head.end() : start]) if head else False
            if head is None or counted or _noun_slot(fold_word(head.group())):
                parts.append(Participant(start, end, match.group(), None, country, "CVL", "agent"))
            elif (
                self.phrases
                and fold_word(head.group()).removeprefix("ال") not in _ABSTRACT
                and nisbas.get(head.group()) is None  # «الإسرائيلية-الفلسطينية»: one adjective
            ):
                # «مصورا فرنسيا», «دبابات روسية»: the noun phrase belongs to that country
                sector = next((a[3] for a in agents if a[0] <= head.start() < a[1]), None)
                parts.append(Participant(head.start(), end, text[head.start() : end], None,
                                         country, sector, "agent"))  # fmt: skip

    def fill(self, text: str, sentence: tuple[int, int], parts: list[Participant],
             fallback: str | None) -> None:  # fmt: skip
        """Give agent nouns and people without a country one (nisba, place, fallback)."""
        places = [p for p in parts if p.country and (p.kind in PLACE_KINDS or p.kind == "country")]
        for part in parts:
            if part.country or self._foreign(text, part, sentence[1]):
                continue
            # «باكستانيا», «جنود أميركيين»: the mention is or ends in a nisba
            country = self.lookup(part.text.split()[-1]) if part.text.split() else None
            if country is None and part.kind not in FILLABLE:
                continue
            country = country or self.after(text, part.end, sentence[1], words=2)
            if country is None and places:
                country = min(places, key=lambda p: abs(p.start - part.start)).country
            part.country = country or fallback

    @staticmethod
    def _foreign(text: str, part: Participant, limit: int) -> bool:
        """«القوات الأجنبية», «قوات دولية»: by definition not of the country around them."""
        words = fold_text(part.text).split()[-1:] + fold_text(text[part.end : limit]).split()[:1]
        return any(word in _FOREIGN for word in words)


_FOREIGN = frozenset(
    fold_text(word)
    for word in (
        "الأجنبية",
        "الأجنبي",
        "الأجانب",
        "أجنبية",
        "أجنبي",
        "أجانب",
        "الدولية",
        "دولية",
        "الغربية",
        "غربية",
        "متعددة",
    )
)


def document_country(doc: Document) -> str | None:
    """The country of the dateline, else the one most mentioned (countries and places)."""
    counts: Counter[str] = Counter()
    dateline = fold_text(doc.source.dateline or "")
    for entity in doc.entities:
        if not entity.country or (entity.kind or "") not in PLACE_KINDS | {"country"}:
            continue
        if dateline and any(fold_text(m.text) == dateline for m in entity.mentions):
            return entity.country
        counts[entity.country] += len(entity.mentions)
    return counts.most_common(1)[0][0] if counts else None
