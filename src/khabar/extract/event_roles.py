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
    SYMMETRIC,
    Participant,
    Roles,
    agent_marked,
    assign_roles,
    bare_direction,
    participants_from_entities,
    preposition_before,
)
from .event_carry import carry_subject, sentence_subject
from .event_context import fold_word
from .event_country import (
    CountryFiller,
    aimed_at,
    authority,
    carried_by,
    localize,
    owned_by,
)
from .event_embedded import (
    accused_or_survivor,
    pronoun_subject,
    responsible_party,
    that_pronoun,
)
from .event_triggers import Candidate

NUMBER_AFTER = re.compile(
    r"\s*(?:\d|[٠-٩]|(?:ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر|مئ|مائ|ألف|اثن|اثني|عشرات|مئات))"
)
_NUMBER_BEFORE = re.compile(
    r"(?:\d|[٠-٩]|ثلاث\w*|أربع\w*|خمس\w*|ست\w*|سبع\w*|ثماني\w*|تسع\w*|عشر\w*|عشرات|مئات|اثن\w*)"
    r"\s*(?:من\s*)?$"
)
_WORD = re.compile(r"[^\W\d_]+")
_GOVERNED = re.compile(r"(?<!\S)(?:في|إلى|الى|على|عن|من|جراء|إثر|اثر|عقب|خلال)\s+$")
_MEMBERSHIP = frozenset({"في", "من"})
_BARE_THAT = re.compile(r"(?<!\w)[إأا]ن(?!\w)")
_APPROX = re.compile(
    r"(?:\s+(?:فيه|فيها|خلاله|خلالها|نحو|قرابة|حوالي|حوالى|زهاء|أكثر من|اكثر من"
    r"|ما لا يقل عن|ما يزيد عن|ما يزيد على|ما يربو على)(?!\w)){1,2}"
)
# «تعرضت القوات لهجوم», «تعرضت قافلته الدبلوماسية لهجوم»: the subject may stand between
_SUFFERED = re.compile(
    r"(?:تعرض|تعرضت|تعرضوا|يتعرض|تتعرض|يتعرضون|تعرضها|تعرضه)(?:\s+[^\s،,]+){0,3}?\s+\S{0,2}$"
)
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
_PARTICLES = frozenset({"قد", "لقد", "فقد", "وقد"})
_POSSESSED = re.compile(r"(?:ته|تها|تهم|ه|ها|هم|هما)$")
_LIGHT_VERB = re.compile(r"(?<!\w)(?:و|ف)?(?:قام|قامت|قاموا|يقوم|تقوم|يقومون)(?!\w)")
# «عقد المجلس اجتماعا», «أجرى الوزيران محادثات»: the subject of hold / conduct is the actor
_HOLD_VERB = re.compile(
    r"(?<!\w)(?:و|ف)?(?:عقد|عقدت|عقدا|عقدوا|يعقد|تعقد|يعقدون|سيعقد|ستعقد|أجرى|اجرى|أجرت|اجرت|"
    r"أجريا|أجروا|يجري|تجري|سيجري|ستجري)(?!\w)"
)
_SPEAKER = re.compile(
    r"(?<!\w)(?:و|ف)?(?:أعلن|أعلنت|اعلن|اعلنت|قال|قالت|أفاد|أفادت|افاد|"
    r"افادت|ذكر|ذكرت|أكد|أكدت|اكد|اكدت)\s+(?:\S+\s+)?$"
)
_UNDERGONE_LEMMAS = frozenset({"انفجر", "انفجار"})
_DEVICE = "explosives"  # the mode of bomb nouns («عبوة ناسفة», «سيارة مفخخة»)
_ATTACKERS = frozenset({"UAF", "REB", "CRM", "INS"})
# «قام X بـ»: the verb «did» right before a participant (or the participant's own first word)
_DID_BEFORE = re.compile(r"(?<!\S)[وف]?(?:قام|قامت|قاموا)\s+$")
_DID_AT = re.compile(r"[وف]?(?:قام|قامت|قاموا)\s")
_ARMED = _ATTACKERS | {"MIL", "COP"}
_UNDERGOER_TYPES = frozenset({"ASSAULT", "COERCE"})
_TIME_BEFORE = re.compile(r"(?<!\S)[وف]?(?:لدى|عند|بعد|قبل|إثر|اثر|فور|منذ|أثناء|اثناء)\s+$")
_PRONOUN_AFTER = re.compile(r"(?:ه|ها|هم|هما|هن)(?!\w)")
# «ما تسبب بـ», «مما أسفر عن», «أدى إلى»: what follows resulted from the act told before
_RESULT = re.compile(
    r"(?<!\w)(?:م?ما\s+)?(?:تسبب|تسببت|أسفر|أسفرت|اسفر|اسفرت|أدى|أدت|ادى|ادت|أوقع|أوقعت)"
    r"(?:\s+(?:عن|إلى|الى|في))?\s*$"
)
# what a protest is against: «احتجاجا على», «تنديدا ب», «ضد», «معادية ل», «الموت ل» (+ a
# noun such as «زيارة», «قرار» before the name: `_protested_against` allows a few letters)
_AGAINST = re.compile(
    r"(?<!\w)(?:(?:احتجاجا|احتجاجاً|تنديدا|تنديداً)\s+(?:على|ب)|(?:ال)?احتجاج(?:ات)?\s+على|ضد|(?:معادية|معاد|مناهضة|"
    r"مناهض|مناوئة|مناوئ|المناهضة|المناوئة)\s+ل|الموت\s+ل|(?:تندد|يندد|ينددون|منددين)\s+ب|"
    r"أمام\s+(?:مقر\s+)?(?:ال)?(?:سفارة|قنصلية|سفارات))"
)
_PROTESTERS = re.compile(r"متظاهر|محتج|معتصم|مضرب")
# actors that stand for protesters themselves: people, parties, unions, named groups
_PROTEST_SIDES = frozenset({"person", "party", "group"})
_PEOPLE = frozenset({"CVL", "EDU", "LAB", "OPP", "PTY", "REF", "ELI", "REL", "JRN"})
# agents a protest is aimed at when the clause put them first («الشرطة», «الحكومة»)
_PROTEST_TARGETS = frozenset({"GOV", "COP", "MIL", "LEG", "JUD", "SPY"})
_NO_MEDIA = frozenset({"ASSAULT", "PROTEST"})
_MEDIA_KINDS = frozenset({"media", "agency"})
# how far back (characters) an event without an actor looks for one of the same type
_COREF_WINDOW = 1500
# noun triggers whose «من X» names the source («اتهامات من المعارضة», «دعوة من الرئيس»),
# not a part of the victims as after a killing noun («مقتل عشرة من الجنود»)
_SOURCED_NOUNS = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "AID"})


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
        # the actors of the coded events of each type: (trigger offset, actors), in text order
        self.by_type: dict[str, list[tuple[int, list[Participant]]]] = {}

    def add_subject(self, part: Participant) -> None:
        if part.country and (not self.subjects or self.subjects[-1].end <= part.end):
            self.subjects.append(part)

    def add_actors(self, event_type: str, offset: int, actors: list[Participant]) -> None:
        if actors and all(p.country for p in actors):
            self.by_type.setdefault(event_type, []).append((offset, actors))

    def same_type(self, event_type: str, offset: int) -> list[Participant]:
        """The actors of the last coded event of this type within `_COREF_WINDOW` before
        `offset`: an act told without its actor continues the one told before («… قتل
        صحافيان»: by those who did the killing the article reported)."""
        for start, actors in reversed(self.by_type.get(event_type, ())):
            if start < offset:
                return actors if offset - start <= _COREF_WINDOW else []
        return []

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


def _victim_pronoun(text: str, hit) -> bool:
    """«لدى خطفهم», «بعد اعتقاله»: after a preposition of time the trigger is a verbal noun and
    its pronoun suffix its object."""
    if not _PRONOUN_AFTER.match(text, hit.end):
        return False
    return bool(_TIME_BEFORE.search(text, max(0, hit.word_start - 10), hit.word_start))


def _gave_up(cand: Candidate) -> bool:
    """A reflexive arrest («سلم نفسه», «سلموا أنفسهم»): its subject is the one arrested."""
    words = cand.hit.folded.split()
    return cand.entry.mode == "arrest" and any(w.startswith(("نفس", "انفس")) for w in words[1:])


class RoleFinder:
    """Roles for the candidates of one sentence."""

    def __init__(self, text: str, places: list[Participant], filler: CountryFiller,
                 topics: Topics, sentence: tuple[int, int] = (0, 0)):  # fmt: skip
        self.text = text
        self.sentence = sentence
        self.sentence_start = sentence[0]
        self.places = places
        self.filler = filler
        self.topics = topics
        self._settings: dict[tuple[int, str, int], bool] = {}

    def roles(self, cand: Candidate, clause: tuple[int, int], parts: list[Participant]) -> Roles:
        text, hit, kind = self.text, cand.hit, cand.entry.type
        all_parts = parts
        parts = [p for p in parts if clause[0] <= p.start and p.end <= clause[1]
                 and not self._setting(p, clause[0])]  # fmt: skip
        # «قال الجيش إنه قتل عشرة»: with a pronoun subject the count is the object
        that = cand.verbal and that_pronoun(text, hit.word_start)
        passive = cand.passive or (not that and self.counted_victims(cand, parts))
        roles = assign_roles(
            text, clause, (hit.start, hit.end), parts,
            event_type=kind, verbal=cand.verbal,
            passive=passive,
            genitive=cand.entry.genitive, possessive=possessive(text, cand),
        )  # fmt: skip
        if cand.verbal and not passive and not roles.unnamed:
            pronoun_subject(text, cand, all_parts, roles, self._setting)
        accused = not cand.verbal and accused_or_survivor(text, cand, all_parts, roles)
        done_by = not cand.verbal and "ب" in hit.prefix
        done_by = accused or (done_by and _light_verb_subject(text, cand, all_parts, roles))
        if not cand.verbal and not done_by and kind in SYMMETRIC:
            done_by = _light_verb_subject(text, cand, all_parts, roles, _HOLD_VERB, clause[0])
        # «قتلوا … على يد عناصر المقاومة»: the marked agent is the actor, the subject the victim
        marked = any(agent_marked(text, p) for p in roles.actors)
        if not done_by and not that and not roles.unnamed and not marked:
            carry_subject(text, self.sentence_start, clause[0], cand, all_parts, roles,
                          self._setting, passive)  # fmt: skip
        if kind in _NO_MEDIA:
            # «قال … لـ«الشرق الأوسط» إن …»: a newspaper or agency tells of it, takes no part
            roles.actors = [p for p in roles.actors if p.kind not in _MEDIA_KINDS]
        if kind == "ASSAULT":
            # a town does not attack; a place in the actor slot is where it happened
            roles.actors = [p for p in roles.actors if p.kind not in PLACE_KINDS]
            # «قام جنود باغتصابها»: the subject of «قام» did it, whatever the noun
            if _undergone(cand, passive) and not done_by:
                _victims_first(text, roles)
        if not cand.verbal and _SUFFERED.search(text, max(clause[0], hit.word_start - 50),
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
            and not roles.unnamed
            and kind not in _NO_TOPIC
            and (cand.verbal or possessive(text, cand))
        ):
            roles.actors = self.topics.before(hit.word_start)
        if kind in PLACE_ACTOR:
            if not roles.actors:
                roles.actors = self.place_target([], hit.start, PLACE_ACTOR[kind])
            # a country that demonstrates is its people; one demonstrated against, its government
            roles.actors = with_sector(roles.actors, PLACE_ACTOR[kind])
            roles.recipients = with_sector(roles.recipients, PLACE_TARGET[kind])
        return roles

    def finish(self, cand: Candidate, roles: Roles, parts: list[Participant]) -> Roles:
        """Refinements of the coded roles that the detector does not see (it was fitted on
        the roles before them): the protesters the sentence names act in its protest; the
        bomber or gunmen it names carried out the attack it reports without an actor."""
        if cand.entry.type in _UNDERGOER_TYPES and _victim_pronoun(self.text, cand.hit):
            # «عدد الكوريين لدى خطفهم»: the pronoun of the verbal noun is who underwent it
            before = [p for p in roles.actors if p.end <= cand.hit.start]
            if before:
                roles.recipients = before + [p for p in roles.recipients if p not in before]
                roles.actors = [p for p in roles.actors if p not in before]
        if cand.verbal and _GOVERNED.search(self.text, max(0, cand.hit.word_start - 8),
                                            cand.hit.word_start):  # fmt: skip
            # «في قصف روسي»: after a preposition the verb's form is its noun, whose nisba
            # names the actor (the detector keeps the verbal reading it was fitted on)
            self._nisba_actor(cand, self.sentence, roles)
        if cand.entry.type == "PROTEST":
            _protesters_act(roles, cand, parts, self.text)
            _protested_against(
                roles,
                parts,
                self.text,
                cand.hit.start,
                lambda o, e: self.filler.after(self.text, o, e, 2),
            )
        elif cand.entry.type == "ASSAULT":
            hit = cand.hit
            # the attacker noun covers the trigger («انتحاريا») or is part of it («هجوم انتحاري»)
            itself = [p for p in parts if p.start < hit.end and hit.start < p.end
                      and p.sector in _ATTACKERS]  # fmt: skip
            if itself:  # «انتحاريا», «المهاجمون»: the trigger names the attacker
                roles.actors = itself[:1]
                roles.recipients = [p for p in roles.recipients if p is not itself[0]]
            taken = {p.entity_id or p.text for p in roles.recipients}
            claimed = responsible_party(self.text, self.sentence, parts, taken)
            if claimed:  # who claimed or is held responsible carried it out
                roles.actors = claimed
            if not roles.actors:
                roles.actors = _sentence_attacker(self.text, roles, cand, parts) or _doer(
                    self.text, roles, cand, parts
                )
            if roles.actors and all(self._reports(p, hit.word_start) for p in roles.actors):
                roles.actors = []  # «قالت الشرطة إن الأسرة نفذت هجمات»: who tells it did not
            if not any(agent_marked(self.text, p) for p in roles.actors):
                _cause_acts(self.text, self.sentence_start, cand, roles, parts)
        elif cand.entry.type == "COERCE" and _gave_up(cand):
            # «سلّم نفسه إلى الشرطة»: the police arrest the one who gives himself up
            giver = roles.actors or self._implicit_actor(cand, roles, parts)
            roles.actors, roles.recipients = roles.recipients, giver
        if not cand.verbal and cand.entry.type in _SOURCED_NOUNS:
            _noun_source(self.text, self.sentence_start, cand, roles, parts)
        if not roles.actors and not roles.unnamed:
            roles.actors = self._implicit_actor(cand, roles, parts)
        # «قصفت مقاتلات التحالف»: a name inside the actor's words is no target of its own
        roles.recipients = [r for r in roles.recipients if not _inside_actor(r, roles.actors)]
        self._countries(cand, roles, parts)
        return roles

    def _countries(self, cand: Candidate, roles: Roles, parts: list[Participant]) -> None:
        """Owners, carriers and the local default: the parties a clause names only through
        another noun («غارة شنتها طائرة تابعة لـ…», «فجرت حافلة مملوكة لـ…»), and the country
        of unmarked local actors."""
        hit, text, end = cand.hit, self.text, self.sentence[1]
        if not cand.verbal:
            carrier = carried_by(text, hit.end, end, parts)
            if carrier is not None and carrier not in roles.actors:
                roles.actors = [carrier]
                roles.recipients = [p for p in roles.recipients if p is not carrier]
        if cand.entry.type == "ASSAULT" and all(p.default for p in roles.recipients):
            owner = owned_by(text, hit.end, end, parts)
            aimed = [owner] if owner is not None else aimed_at(text, hit.end, end, parts)
            aimed = [p for p in aimed if p not in roles.actors]
            roles.recipients = aimed or roles.recipients
        if (
            cand.entry.type == "PROTEST"
            and roles.recipients
            and all(p.default for p in roles.recipients)
        ):
            # «جاء المتظاهرون من ألمانيا»: where they came from is not what they protest
            kept = [p for p in roles.recipients
                    if preposition_before(text, self.sentence_start, p) != "من"]  # fmt: skip
            roles.recipients = authority(text, parts, roles.actors, hit.start) or kept
        if cand.entry.type == "PROTEST" and not roles.recipients and not self.places:
            # no place to stand for where it happens: the one nationality the sentence names
            roles.recipients = self.filler.sole_country(text, self.sentence, roles.actors)
        localize((roles.actors, roles.recipients), parts, hit.start)

    def _reports(self, part: Participant, at: int) -> bool:
        """Whether `part` is the subject of a speech verb whose «إن/أن» clause, with a
        subject of its own (no pronoun on the particle), holds offset `at`."""
        return (
            part.end <= at
            and _reporter(self.text, part)
            and _BARE_THAT.search(self.text, part.end, at) is not None
        )

    def _implicit_actor(
        self, cand: Candidate, roles: Roles, parts: list[Participant]
    ) -> list[Participant]:
        """An actor the clause does not name: for a noun, the sentence's subject («فشلت قطر
        … فيما يخص ادعاءات ضد الإمارات»); else the actor of the last event of the same
        type (not the target, nor of the target's country)."""
        countries = {p.country for p in roles.recipients if p.country}
        if cand.entry.type not in _NO_TOPIC:
            subject = sentence_subject(self.text, self.sentence_start, cand.hit.word_start,
                                       parts, self._setting)  # fmt: skip
            subject = [p for p in subject if p.country and p.country not in countries]
            if subject:
                return subject
        taken = {p.entity_id or p.text for p in roles.recipients} | countries
        earlier = self.topics.same_type(cand.entry.type, cand.hit.start)
        return [p for p in earlier if (p.entity_id or p.text) not in taken
                and p.country not in taken]  # fmt: skip

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

    def _setting(self, part: Participant, clause_start: int) -> bool:
        """`setting`, memoised: every candidate of a sentence asks it of the same parts."""
        key = (part.start, part.kind, clause_start)
        known = self._settings.get(key)
        if known is None:
            known = self._settings[key] = self.setting(part, clause_start)
        return known

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
        return seen  # «غرب بغداد»: a direction word names where, with or without «في»

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
                            place.country, sector, place.kind, default=True)]  # fmt: skip

    def counted_victims(self, cand: Candidate, parts: list[Participant]) -> bool:
        """«قتل 28 شخصا», «ثلاثة جنود قتلوا»: a killing verb next to a counted noun is
        the passive (the count are its victims), not an active verb with its subject."""
        entry = cand.entry
        if not cand.verbal or (entry.genitive != "recipient" and entry.mode != "abduct"):
            return False
        text, hit = self.text, cand.hit
        before = [p for p in parts if p.end <= hit.word_start]
        if NUMBER_AFTER.match(text, hit.end, hit.end + 12) or _approximate_count(text, hit.end):
            # «طالبان قتلت ثلاثة جنود»: a subject right before the verb makes it active
            return not _subject_before(text, before, hit.word_start)
        if (
            entry.type == "ASSAULT"
            and _indefinite_victim(text, hit.end, parts)
            and not _subject_before(text, before, hit.word_start)
        ):
            return True
        if not before or len(text[before[-1].end : hit.word_start].split()) > 2:
            return False
        return bool(_NUMBER_BEFORE.search(text, max(0, before[-1].start - 14), before[-1].start))


def _approximate_count(text: str, end: int) -> bool:
    """«قتل نحو 30 مسلحا», «قتل فيه قرابة عشرات الفلسطينيين»: a count after an
    approximation word (and «فيه», the pronoun of the time or place) still follows."""
    approx = _APPROX.match(text, end, end + 30)
    return approx is not None and bool(NUMBER_AFTER.match(text, approx.end(), approx.end() + 12))


def _indefinite_victim(text: str, end: int, parts: list[Participant]) -> bool:
    """«قتل صحافيان فلسطينيان», «خطف موظف بريطاني»: a killing verb right before an
    indefinite noun of people is the passive (news names an active subject with the
    article); gunmen and bombers are the exception («خطف مسلحون موظفا»)."""
    first = next((p for p in parts if p.start >= end), None)
    if first is None or first.kind != "agent" or text[end : first.start].strip():
        return False
    words = first.text.split()
    if first.sector in _ATTACKERS or not words or words[0].startswith(("ال", "وال")):
        return False
    if len(words) > 1 and words[1].startswith("ال"):
        return False  # «قوات الأمن»: a construct is definite
    return first.entity_id is None or first.entity_id.startswith("agent:")


def _undergone(cand: Candidate, passive: bool) -> bool:
    """Triggers that name what the victims underwent, not what someone did: an explosion,
    a passive («أصيب», «قتل 28 شخصا»), a death or wound noun («مقتل», «إصابة»)."""
    entry = cand.entry
    if fold_word(entry.lemma) in _UNDERGONE_LEMMAS or entry.mode == _DEVICE:
        return True  # an explosion or a bomb («عبوة ناسفة»): no one in the actor slot set it
    return passive or (
        not cand.verbal and entry.genitive == "recipient" and entry.mode != "targeted"
    )


def _light_verb_subject(
    text: str,
    cand: Candidate,
    parts: list[Participant],
    roles: Roles,
    verb: re.Pattern[str] | None = None,
    floor: int = 0,
) -> bool:
    """«قام عدد من الجنود بقتل …», «قامت الجماعة في ديسمبر (…) بخطف …»: the verbal noun
    after «قام ب» takes the subject of «قام» as its actor (brackets and quotes between are
    no clause break here; `parts` are the sentence's). Whether it found that subject.
    `verb` another light verb («يعقد مجلس الجامعة اجتماعا»), looked for from `floor`."""
    hit = cand.hit
    light = None
    pattern = verb or _LIGHT_VERB
    for match in pattern.finditer(text, max(floor, hit.word_start - 80), hit.word_start):
        light = match
    if light is None:
        return False
    subject = [p for p in parts if light.end() <= p.start and p.end <= hit.word_start
               and p.kind not in PLACE_KINDS]  # fmt: skip
    if not subject:
        return False
    group = [p for p in subject if p.group == subject[0].group]
    roles.actors = group
    roles.recipients = [p for p in roles.recipients if p not in group]
    return True


def _inside_actor(part: Participant, actors: list[Participant]) -> bool:
    """Whether the words of one of `actors` hold `part` («مقاتلات التحالف»: «التحالف»); a
    place standing in for both sides (a protest's people and government) is not held."""
    return not part.default and any(
        a.start <= part.start and part.end <= a.end and (a.start, a.end) != (part.start, part.end)
        for a in actors
    )


def _noun_source(
    text: str, clause_start: int, cand: Candidate, roles: Roles, parts: list[Participant]
) -> None:
    """«ترفض الحكومة اتهامات من المعارضة», «تلقى دعوة من نظيره»: «من» right after the
    noun names whom the accusation, call or threat comes from; the subject before the
    noun (who rejects or receives it) is then its target."""
    end = cand.hit.end
    source = next((p for p in parts if p.start >= end), None)
    if source is None or source.kind in PLACE_KINDS or source.start - end > 30:
        return
    gap = _WORD.findall(fold_word(text[end : source.start]))
    if not gap or gap[-1] != "من" or len(gap) > 2:
        return
    if preposition_before(text, clause_start, source) != "من":
        return
    group = [p for p in parts if p.group == source.group]
    before = [p for p in roles.actors if p.end <= cand.hit.word_start]
    roles.actors = group
    kept = [p for p in roles.recipients if p.group != source.group]
    roles.recipients = kept or [p for p in before if p.group != source.group]


def _victims_first(text: str, roles: Roles) -> None:
    """With such a trigger, a participant the clause puts in the actor slot («دورية», «قائد
    الشرطة», «الجيش الأميركي … مقتل اثنين من جنوده») is what was hit; only an attacker
    (gunmen, bombers, rebels: `_ATTACKERS`) or an agent-marked one stays the actor."""
    marked = [p for p in roles.actors if agent_marked(text, p)]
    if marked:
        roles.actors = marked  # «قتل … على أيدي قوات الاحتلال»
        return
    told = [p for p in roles.actors if _reporter(text, p)]
    hit = [
        p for p in roles.actors
        if p not in told and p.sector not in _ATTACKERS and p.kind != "armed"
        and (p.sector is not None or p.kind in ("person", "role"))
    ]  # fmt: skip
    if not hit and not told:
        return
    # «أعلنت مصادر أمنية مقتل …»: who reports it took no part in it
    roles.actors = [p for p in roles.actors if p not in hit and p not in told]
    roles.recipients = hit + [p for p in roles.recipients if p not in hit]


def _reporter(text: str, part: Participant) -> bool:
    """The subject of a speech verb right before it («أعلنت مصادر», «قالت الشرطة»)."""
    return bool(_SPEAKER.search(text, max(0, part.start - 14), part.start))


def _cause_acts(
    text: str, floor: int, cand: Candidate, roles: Roles, parts: list[Participant]
) -> None:
    """«… الطيران الإسرائيلي باستهداف مطار …، ما تسبب بمقتل سبعة», «القوات الأجنبية أمرت
    بضربات على مركز الشرطة أسفرت عن مقتل …»: a death that a result verb ties to the act told
    before was caused by the nearest armed party named before it as a subject or object (no
    preposition: «على مركز الشرطة» was hit; not who reports it), whichever role the death
    noun gave it."""
    hit = cand.hit
    cue = _RESULT.search(text, max(floor, hit.word_start - 24), hit.word_start)
    if cue is None:
        return
    victims = {p.entity_id or p.text for p in roles.recipients if p.start >= cue.end()}
    causes = [p for p in parts if floor <= p.start and p.end <= cue.start()
              and p.sector in _ARMED and (p.entity_id or p.text) not in victims
              and preposition_before(text, floor, p) == "" and not _reporter(text, p)]  # fmt: skip
    if causes:
        cause = causes[-1]  # the nearest: «قالت الشرطة إن انتحاريا فجر نفسه مما أسفر عن»
        roles.actors = [cause]
        roles.recipients = [p for p in roles.recipients if p.start >= cue.end()]


def _member_of(text: str, group: Participant, victims: list[Participant]) -> bool:
    """«قتل ثلاثة ناشطين في سرايا القدس», «عناصر من حزب الله»: the group right after the
    victims with «في/من» is theirs, not who attacked them."""
    return any(
        0 <= group.start - v.end <= 6 and text[v.end : group.start].strip() in _MEMBERSHIP
        for v in victims
    )


def _sentence_attacker(
    text: str, roles: Roles, cand: Candidate, parts: list[Participant]
) -> list[Participant]:
    """«انتحاريا … فجر نفسه فقتل خمسة من رجال الشرطة», «… مما أسفر عن مقتل 59 شخصا»: the
    death or blast names no actor, but the attacker of the sentence (a bomber, gunmen,
    rebels: `_ATTACKERS`) is who caused it; the nearest one before the trigger, else after."""
    hit = cand.hit
    taken = {p.entity_id or p.text for p in roles.recipients}
    attackers = [
        p for p in parts
        if p.sector in _ATTACKERS and (p.entity_id or p.text) not in taken
        and not any(r.start < p.end and p.start < r.end for r in roles.recipients)
        and not _member_of(text, p, roles.recipients)
    ]  # fmt: skip
    if not attackers:
        return []
    before = [p for p in attackers if p.start < hit.start]
    best = before[-1] if before else attackers[0]
    return [best]


def _doer(text: str, roles: Roles, cand: Candidate, parts: list[Participant]) -> list[Participant]:
    """«اذ قام فلسطيني … بقيادة جرافة»: «قام X بـ» names who carried out what the sentence
    tells; with no attacker named, X is the actor of its attack."""
    taken = {id(p) for p in roles.recipients}
    for part in parts:
        if id(part) in taken or part.kind in PLACE_KINDS:
            continue
        start = part.start
        if _DID_BEFORE.search(text, max(0, start - 12), start) or _DID_AT.match(text, start):
            return [part]
    return []


def _protested_against(roles: Roles, parts: list[Participant], text: str, at: int,
                       nisba_after) -> None:  # fmt: skip
    """«… احتجاجا على زيارة بوش», «هتافات الموت لأميركا», «ضد الحكومة»: what the sentence
    protests against is the target, rather than the place of the protest (whose government
    is only the default) or one the clause put after «من», «أمام» or «في» (where the
    protesters came from or stood). With no name there, a nationality adjective after the
    noun («احتجاجا على الاتفاقية الأوروبية») gives the target's country.
    `nisba_after(offset, limit)`: that country, or None."""
    actors = {p.entity_id or p.text for p in roles.actors}
    cues = _AGAINST.finditer(text, max(0, at - 250), min(len(text), at + 250))
    for cue in sorted(cues, key=lambda m: abs(m.start() - at)):  # the nearest cue first
        after = [
            p for p in parts
            if 0 <= p.start - cue.end() <= 14 and (p.entity_id or p.text) not in actors
            and (p.kind not in PLACE_KINDS)
        ]  # fmt: skip
        if after:
            roles.recipients = [after[0]]
            return
        noun = _WORD.search(text, cue.end(), cue.end() + 30)
        # «أمام السفارة اليونانية»: the nisba right after the cue; «على الاتفاقية الأوروبية»:
        # after the noun
        country = nisba_after(cue.end(), cue.end() + 40)
        if country is None and noun:
            country = nisba_after(noun.end(), noun.end() + 40)
        if noun and country:
            roles.recipients = [Participant(noun.start(), noun.end(), noun.group(), country,
                                            country, "GOV", "country")]  # fmt: skip
            return


def _protesters_act(roles: Roles, cand: Candidate, parts: list[Participant], text: str) -> None:
    """«وأحرق المتظاهرون …», «اعتصم متظاهرون أمام البرلمان»: where the sentence names the
    protesters, they are the actor of its protest, not the place, the police or the building
    the clause also names (those are the setting or the target)."""
    if any(_PROTESTERS.search(p.text) for p in roles.actors):
        return
    if any(
        p.kind in _PROTEST_SIDES or (p.sector in _PEOPLE and p.kind not in _LAND)
        for p in roles.actors
    ):
        return  # «تظاهر آلاف الإيرانيين», «أضرب العمال»: the protesters, named otherwise
    found = [p for p in parts if p.kind == "agent" and _PROTESTERS.search(p.text)]
    if not found:
        return
    hit = cand.hit
    best = min(found, key=lambda p: 0 if p.start < hit.end and hit.start < p.end
               else abs(p.start - hit.start))  # fmt: skip
    roles.recipients = [p for p in roles.recipients if p is not best] + [
        p for p in roles.actors if p.kind == "agent" and p.sector in _PROTEST_TARGETS
    ]
    roles.actors = [best]


def _subject_before(text: str, before: list[Participant], word_start: int) -> bool:
    """A named participant ending right before the verb (at most a particle between)."""
    if not before or before[-1].kind in PLACE_KINDS:
        return False
    gap = text[before[-1].end : word_start]
    # «كانت حركة طالبان قد خطفت 23 …»: a particle may stand between
    return (
        all(fold_word(w) in _PARTICLES for w in gap.split()) and "،" not in gap and "," not in gap
    )


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
    # «قصد بكين في أول رحلة له …، ثم زار مدينة داليان»: a place before the verb is where
    # the visitor went or was, not the visitor
    roles.actors = [p for p in roles.actors if p.start >= cand.hit.end or not _is_land(p)]


def _is_land(part: Participant) -> bool:
    return part.kind in PLACE_KINDS or part.kind == "country"


def with_sector(parts: list[Participant], sector: str) -> list[Participant]:
    """Countries and places standing for a sector («خرج المصريون»: civilians)."""
    return [
        dataclasses.replace(p, sector=sector) if p.sector is None and p.kind in _LAND else p
        for p in parts
    ]


def possessive(text: str, cand: Candidate) -> bool:
    """A pronoun enclitic on the trigger word: after the matched form, or inside it where
    the lexicon lists the possessed form («موافقته», «اتهامه»)."""
    hit = cand.hit
    if has_enclitic(text, hit.end):
        return True
    return bool(_POSSESSED.search(text, hit.word_start, hit.end)) and not fold_word(
        cand.entry.lemma
    ).endswith("ه")


def has_enclitic(text: str, end: int) -> bool:
    return end < len(text) and is_letter(text[end])
