"""Countries for event participants that carry none.

An agent noun is often qualified by a nisba adjective («دورية بريطانية», «مصورا فرنسيا»,
«القوات الأمريكية» when the entity stage did not join them), and a nominal trigger names its
actor the same way («قصف إسرائيلي», «غارات جوية روسية»). Where no adjective says it, news
convention places the unnamed actors of a report — «القوات», «مسلحون», «شخصا» — in the country
where it happens: the nearest place of the sentence, else the dateline, else the country the
document mentions most.
"""

from __future__ import annotations

import dataclasses
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


# «من» right after a mention: where its people come from
_ORIGIN = re.compile(r"\s+من\s+")
INTERNATIONAL = "INT"  # CAMEO international/transnational generic (kb.schema.SPECIAL_COUNTRIES)
_NO_ORIGIN = frozenset({"IGO", "IMG", INTERNATIONAL})  # «عناصر من تنظيم القاعدة»: no nationality
_SETTING = frozenset({"في", "ب", "قرب", "عن", "من", "الى", "حول"})
# nouns whose nisba names a topic, not a party («الأزمة السورية», «الملف النووي الإيراني»)
_ABSTRACT = frozenset({"ازمه", "ملف", "اتفاق", "قضيه", "حرب", "ثوره", "ساحه", "اراضي", "حدود",
                       "نووي", "شان", "سياسه", "مساله", "عاصمه", "مدينه", "منطقه", "شعب"})  # fmt: skip
_TIME = frozenset({"امس", "اليوم", "الليله", "فجر", "صباح", "مساء", "ظهر"})


_DEFINITE = re.compile(r"^[وفبل]?(?:ال|لل)")
# a preposition on the word («بالمساعدات الإيطالية»): it heads its own phrase, no adjective
_GOVERNED = re.compile(r"^[وف]?(?:بال|لل|كال)")


def _noun_head(text: str, floor: int, head: re.Match[str]) -> re.Match[str]:
    """The noun of a definite adjective chain («المناطق القبلية الباكستانية»): a definite
    word after a definite word is its adjective (a construct's first noun takes no article)."""
    while _DEFINITE.match(head.group()) and not _GOVERNED.match(head.group()):
        words = list(_WORD.finditer(text, max(floor, head.start() - 25), head.start()))
        previous = words[-1] if words else None
        if previous is None or text[previous.end() : head.start()].strip():
            break
        if not _DEFINITE.match(previous.group()):
            break
        head = previous
    return head


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

    def sole_country(
        self, text: str, sentence: tuple[int, int], actors: list[Participant]
    ) -> list[Participant]:
        """The one country the sentence's nationality words name (other than the actors'),
        as its government; none when they name several."""
        nisbas = self._nisbas(text, sentence)
        taken = {p.country for p in actors}
        countries = {c for c in nisbas.values() if c not in taken}
        if len(countries) != 1:
            return []
        word = next(w for w, c in nisbas.items() if c in countries)
        start = text.find(word, *sentence)
        return [Participant(start, start + len(word), word, None, countries.pop(), "GOV",
                            "country", default=True)]  # fmt: skip

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
                and (head := _noun_head(text, sentence[0], head))
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
        missions = mission_owners(text, sentence[0], parts)
        places = [
            p
            for p in parts
            if p.country and (p.kind in PLACE_KINDS or p.kind == "country") and p not in missions
        ]
        for part in parts:
            if part.country:
                continue
            if self._foreign(text, part, sentence[1]):
                # no state is named: CAMEO's generic international code
                part.country = INTERNATIONAL if part.kind in FILLABLE else None
                continue
            # «باكستانيا», «جنود أميركيين»: the mention is or ends in a nisba
            country = self.lookup(part.text.split()[-1]) if part.text.split() else None
            if country is None and part.kind not in FILLABLE:
                continue
            country = country or self.after(text, part.end, sentence[1], words=2)
            country = country or self.origin(text, part.end, sentence[1], parts)
            part.placed = country is None  # the report's place, not a word, gives it
            if country is None and part.sector == _OPPOSITION:
                country = _opposed(part, parts)
            if country is None and places:
                country = min(places, key=lambda p: abs(p.start - part.start)).country
            part.country = country or fallback
        _foreign_police(parts, places, fallback)

    def origin(self, text: str, end: int, limit: int, parts: list[Participant]) -> str | None:
        """«لاجئون من التبت», «المتظاهرون من فلسطينيين», «عناصر من الجيش العراقي»: people
        «من» a country, a place or a nationality belong to it."""
        match = _ORIGIN.match(text, end, limit)
        if match is None:
            return None
        at = match.end()
        named = next((p for p in parts if at <= p.start <= at + 1 and p.country), None)
        if named is not None:
            return named.country if named.country not in _NO_ORIGIN else None
        word = _WORD.match(text, at, limit)
        return self._country(word.group()) if word else None

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


_OPPOSITION = "OPP"


def _opposed(part: Participant, parts: list[Participant]) -> str | None:
    """«ترفض الحكومة التركية اتهامات من المعارضة»: an unmarked opposition is that of the
    government the sentence names (CAMEO codes it with the country it opposes), not of a
    place named in passing."""
    governments = [p for p in parts if p.sector == "GOV" and p.country
                   and p.country not in _NO_ORIGIN and p is not part]  # fmt: skip
    if not governments:
        return None
    return min(governments, key=lambda p: abs(p.start - part.start)).country


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


# «حافلة مملوكة للحرس الثوري», «طائرة تابعة للقوات الأمريكية»: the owner after a noun
_OWNED = re.compile(r"(?<!\w)(?:ال)?(?:تابع|مملوك)(?:ة|ه|ان|تان|ين|ون)?\s+(?=ل)")
# «غارة شنتها طائرة …», «هجوم نفذه …»: a verb of carrying out a few words after a noun trigger
_CARRIED = re.compile(
    r"(?:\s+[^\s،,.]+){0,2}?\s+(?:التي\s+|الذي\s+)?(?:شن|نفذ)(?:ه|ها|ته|تها|وه|وها)(?!\w)"
)
_AIMED = re.compile(r"(?<!\w)و?(?:استهدف|استهدفت|استهدفوا|يستهدف|تستهدف|مستهدفا|مستهدفة)\s")
_OWNER_PREP = re.compile(r"ل(?:ل|ا)")  # «للجيش», «لاسرائيل»: the mention opens with «ل»
# sectors a protest is aimed at when the sentence names one (the place is only the default)
_AUTHORITIES = frozenset({"GOV", "COP", "MIL", "LEG", "JUD", "SPY", "IGO"})
# a country or a capital in the sentence is more often where than what it is against
_LANDS = PLACE_KINDS | {"country"}
_LATE = re.compile(r"(?<!\w)(?:ال)?راحل(?:ة|ه)?(?!\w)")  # a late leader is no one's target
_UNNAMED = frozenset({"UAF", "CRM"})  # unidentified gunmen, criminals: no state is implied
# kinds whose missing country the place of the report or the sentence's other parties give
_LOCAL = frozenset({"agent", "person"})


def owned_by(text: str, start: int, limit: int, parts: list[Participant]) -> Participant | None:
    """The participant that «تابعة لـ», «مملوكة لـ» names within 40 characters of `start`."""
    match = _OWNED.search(text, start, min(limit, start + 40))
    if match is None:
        return None
    at = match.end()
    return next((p for p in parts if at <= p.start <= at + 2 and (p.country or p.sector)), None)


def carried_by(text: str, end: int, limit: int, parts: list[Participant]) -> Participant | None:
    """«غارة شنتها طائرة بدون طيار تابعة للقوات الأميركية»: who carried out the act a noun
    trigger names, when a noun that is no participant stands between (the owner then)."""
    match = _CARRIED.match(text, end, limit)
    if match is None:
        return None
    after = [p for p in parts if match.end() <= p.start < min(limit, match.end() + 60)]
    if not after:
        return None
    first = after[0]
    if text[match.end() : first.start].strip():
        return owned_by(text, match.end(), limit, parts)
    return first


def aimed_at(text: str, end: int, limit: int, parts: list[Participant]) -> list[Participant]:
    """«هجوم … استهدف نقطة تفتيش مشتركة، للجيش الأميركي والقوات العراقية»: the owners of
    what a verb of aiming after the trigger names (its object is no participant)."""
    match = _AIMED.search(text, end, min(limit, end + 100))
    if match is None:
        return []
    after = [p for p in parts if match.end() <= p.start < match.end() + 50
             and (p.country or p.sector)]  # fmt: skip
    if not after:
        return []
    # «استهدف ثكنة عسكرية»: an agent noun right after the verb is its object
    direct = after[0].kind == "agent" and not text[match.end() : after[0].start].strip()
    if not direct and not _OWNER_PREP.match(text, after[0].start):
        return []
    return [p for p in after if p.group == after[0].group]


def authority(
    text: str, parts: list[Participant], actors: list[Participant], at: int
) -> list[Participant]:
    """The government, police or army the sentence names (not among the actors, nor a late
    leader: «صورا للرئيس الراحل»), nearest to `at`: what a protest is against rather than
    the place it happens in."""
    taken = {p.entity_id or p.text for p in actors}
    found = [
        p for p in parts
        if p.sector in _AUTHORITIES and p.country and not p.placed and p.kind not in _LANDS
        and (p.entity_id or p.text) not in taken and not _late(text, p)
    ]  # fmt: skip
    return [min(found, key=lambda p: abs(p.start - at))] if found else []


def _late(text: str, part: Participant) -> bool:
    """«الرئيس المصري الراحل», «الزعيم الراحل ياسر عرفات»: a deceased leader (the word may
    stand inside the mention, which apposition joins to the name)."""
    return bool(_LATE.search(text, max(0, part.start - 10), part.end + 10))


def localize(roles_sides: tuple[list[Participant], list[Participant]],
             parts: list[Participant], at: int) -> None:  # fmt: skip
    """Unmarked local actors («سكان», «سياسيين», «المتظاهرون») with no country after
    `CountryFiller.fill` (no place in the sentence): the country of the nearest party the
    sentence names, not one of the other side (CAMEO codes unmarked local actors with the
    country where the event happens, which the named parties then stand for)."""
    # victims first: they are the local ones more often than whoever attacked them
    for side, other in (roles_sides[::-1], roles_sides):
        against = {p.country for p in other if p.country}
        for i, part in enumerate(side):
            unknown = (part.entity_id or "").startswith("ner:")  # a name the KB lacks
            if part.country or not (part.kind in _LOCAL or unknown) or part.sector in _UNNAMED:
                continue
            known = [p for p in parts if p.country and p.country not in against
                     and p.country not in _NO_ORIGIN and not (p.start < part.end and part.start < p.end)]  # fmt: skip
            if known:
                near = min(known, key=lambda p: abs(p.start - part.start))
                side[i] = dataclasses.replace(part, country=near.country)


def _foreign_police(parts: list[Participant], places: list[Participant], home: str | None) -> None:
    """«دورية بريطانية» in Basra: police serve at home, so a unit of another country than
    the places of the sentence (or the article's home) is a military one."""
    local = {p.country for p in places} | ({home} if home else set())
    if not local:
        return
    for part in parts:
        if part.sector == "COP" and part.kind == "agent" and part.country not in local:
            part.sector = "MIL" if part.country and part.country not in _NO_ORIGIN else "COP"


# «موكبا لسفارة الولايات المتحدة»: the country owns a mission abroad, it is not where it stands
_MISSION_BEFORE = re.compile(r"(?:^|\s)[وفبل]{0,2}(?:ال)?(?:سفار[ةه]|سفارات|قنصلي[ةه]|قنصليات)\s+$")


def mission_owners(text: str, floor: int, parts: list[Participant]) -> list[Participant]:
    """Countries named as the owner of an embassy or consulate: a state body (GOV), and no
    place for the others' country."""
    found = []
    for part in parts:
        if part.kind == "country" and _MISSION_BEFORE.search(
            text, max(floor, part.start - 14), part.start
        ):
            if part.sector is None:
                part.sector = "GOV"
            found.append(part)
    return found
