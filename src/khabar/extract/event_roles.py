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
from .event_recipients import (
    about_topic,
    carried_thanks,
    instrument_owner,
    own_side,
    relation_owner,
    thanked,
    topic_recipients,
)
from .event_role_rules import (
    ATTACKERS,
    LETTERS,
    NUMBER_AFTER,
    among,
    approximate_count,
    attackers_group,
    casualties,
    cause_acts,
    destination_hosts,
    doer,
    has_enclitic,
    indefinite_victim,
    inside_actor,
    light_verb_subject,
    noun_source,
    possessive,
    protested_against,
    protesters_act,
    reporter,
    sentence_attacker,
    subject_before,
    undergone,
    victims_first,
    with_sector,
)
from .event_triggers import Candidate
from .event_visits import (
    aid_beneficiary,
    arrival_destination,
    delegation_leaders,
    expelled_from,
    host_actor,
    hosted_pronoun,
)

_NUMBER_BEFORE = re.compile(
    r"(?:\d|[٠-٩]|ثلاث\w*|أربع\w*|خمس\w*|ست\w*|سبع\w*|ثماني\w*|تسع\w*|عشر\w*|عشرات|مئات|اثن\w*)"
    r"\s*(?:من\s*)?$"
)
_GOVERNED = re.compile(r"(?<!\S)(?:في|إلى|الى|على|عن|من|جراء|إثر|اثر|عقب|خلال)\s+$")
_BARE_THAT = re.compile(r"(?<!\w)[إأا]ن(?!\w)")
# «تعرضت القوات لهجوم», «تعرضت قافلته الدبلوماسية لهجوم»: the subject may stand between
_SUFFERED = re.compile(
    r"(?:تعرض|تعرضت|تعرضوا|يتعرض|تتعرض|يتعرضون|تعرضها|تعرضه)(?:\s+[^\s،,]+){0,6}?\s+\S{0,2}$"
)
# «قتل الصحفي أمس برصاص قناص», «أصيب جندي بنيران القوات»: a casualty verb, then its
# subject, then the instrument noun opened by «ب»
_FELL = re.compile(
    r"(?<!\S)[وف]?(?:قتل|قتلوا|قتلت|قتلا|أصيب|اصيب|أصيبوا|اصيبوا|أصيبت|اصيبت|أصيبا|جرح|جرحوا"
    r"|جرحت|استشهد|استشهدوا|استشهدت|لقي|لقيت|لقوا)(?:\s+[^\s،,]+){1,6}?\s+$"
)
# an attack or weapon noun (and an adjective) as the subject right before an attack verb
_WEAPON_SUBJECT = re.compile(
    r"(?<!\S)(?:[إأا]ن\s+)?(?:ال)?(?:انفجار|تفجير|هجوم|هجمات|غارة|غارات|قصف|صاروخ|صواريخ|قذيفة"
    r"|قذائف|عبوة|عبوات|ضربة|ضربات|سيارة مفخخة|السيارة المفخخة|طائرة مسيرة|الطائرة المسيرة)"
    r"(?:\s+[^\s،,]+[يةه])?\s+$"
)
_TOLD_NOUNS = frozenset({"COERCE"})  # noun triggers whose reporter is often read as the actor
_SUBJECT_BEFORE = 30  # characters before a casualty verb its subject may stand in
_SETTING_PREPS = frozenset({"في", "ب", "قرب", "عن"})

# the sector of the place-of-report fallback: victims of an attack with no named target are
# civilians; a protest with no named target is against the government of the country
PLACE_TARGET = {"ASSAULT": "CVL", "PROTEST": "GOV"}
PLACE_ACTOR = {"PROTEST": "CVL"}
# actors whose country may itself come from the place: no reason to look elsewhere
_FILLED_KINDS = frozenset({"agent", "person", "place", "site", "region"})
_NO_TOPIC = frozenset({"ASSAULT", "PROTEST"})  # passives without agent are common there
_TOPIC_KINDS = frozenset({"person", "country", "igo", "institution", "org", "party", "role"})
# «عقد المجلس اجتماعا», «أجرى الوزيران محادثات»: the subject of hold / conduct is the actor
_HOLD_VERB = re.compile(
    r"(?<!\w)(?:و|ف)?(?:عقد|عقدت|عقدا|عقدوا|يعقد|تعقد|يعقدون|سيعقد|ستعقد|أجرى|اجرى|أجرت|اجرت|"
    r"أجريا|أجروا|يجري|تجري|سيجري|ستجري)(?!\w)"
)
_UNDERGOER_TYPES = frozenset({"ASSAULT", "COERCE"})
_TIME_BEFORE = re.compile(r"(?<!\S)[وف]?(?:لدى|عند|بعد|قبل|إثر|اثر|فور|منذ|أثناء|اثناء)\s+$")
_PRONOUN_AFTER = re.compile(r"(?:ه|ها|هم|هما|هن)(?!\w)")
_NO_MEDIA = frozenset({"ASSAULT", "PROTEST"})
_CLASH = "firefight"  # the mode of «اشتباك», «مواجهة»: both sides fight
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
        # countries named as an embassy's owner («لسفارة الولايات المتحدة»): the target of
        # an act at the embassy, never where its actor comes from
        self.missions: list[Participant] = []
        self.filler = filler
        self.topics = topics
        self._settings: dict[tuple[int, str, int], bool] = {}
        self._named: tuple[list[Participant], list[Participant]] | None = None

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
        done_by = accused or (done_by and light_verb_subject(text, cand, all_parts, roles))
        if not cand.verbal and not done_by and kind in SYMMETRIC:
            done_by = light_verb_subject(text, cand, all_parts, roles, _HOLD_VERB, clause[0])
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
            if undergone(cand, passive) and not done_by:
                victims_first(text, roles)
        if not cand.verbal and _SUFFERED.search(text, max(clause[0], hit.word_start - 70),
                                                 hit.word_start):  # fmt: skip
            # «تعرضت القوات لهجوم»: who suffers the act is its target, not its actor
            before = [p for p in roles.actors if p.end <= hit.word_start]
            roles.recipients = before + [p for p in roles.recipients if p not in before]
            roles.actors = [p for p in roles.actors if p not in before]
        if kind == "ASSAULT" and not cand.verbal:
            self._fell_by(cand, clause, parts, roles)
        elif (
            kind == "ASSAULT"
            and not hit.prefix
            and _WEAPON_SUBJECT.search(text, max(0, hit.word_start - 30), hit.word_start)
        ):
            # «إن الانفجار استهدف القيادي»: the blast is the subject; who follows, the target
            # («هجوم وهاجم نشطاء …»: after «و» the verb opens a clause of its own)
            after = [p for p in roles.actors if p.start >= hit.end]
            roles.recipients = after + [p for p in roles.recipients if p not in after]
            roles.actors = [p for p in roles.actors if p not in after]
        if kind in _TOLD_NOUNS and not cand.verbal:
            self._told(cand, roles)
        if cand.entry.mode == "visit":
            destination_hosts(roles, cand)
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
                roles.actors = self.place_target([], hit.start, PLACE_ACTOR[kind], actor=True)
            # a country that demonstrates is its people; one demonstrated against, its government
            roles.actors = with_sector(roles.actors, PLACE_ACTOR[kind])
            roles.recipients = with_sector(roles.recipients, PLACE_TARGET[kind])
        return roles

    def _told(self, cand: Candidate, roles: Roles) -> None:
        """«قالت الأمم المتحدة إن الحصار المفروض على المدينة …»: whoever reports a blockade
        or a crackdown in an «إن/أن» clause (a body of nations, always) does not impose it."""
        at = cand.hit.word_start
        told = [
            p
            for p in roles.actors + roles.recipients
            if self._reports(p, at)
            or (p.kind == "igo" and p.end <= at and _BARE_THAT.search(self.text, p.end, at))
        ]
        if told:
            roles.recipients = [p for p in roles.recipients if p not in told]
            roles.actors = [p for p in roles.actors if p not in told]
            roles.unnamed = roles.unnamed or not roles.actors

    def _fell_by(
        self, cand: Candidate, clause: tuple[int, int], parts: list[Participant], roles: Roles
    ) -> None:
        """«قتل الصحفي برصاص قناص»: with the instrument noun after the one side a casualty
        verb names, that side is who fell (the verb is a passive), not who shot."""
        hit, text = cand.hit, self.text
        if "ب" not in hit.prefix or has_enclitic(text, hit.end):
            return  # «برصاصها»: the pronoun names the shooter, the verb is active
        fell = _FELL.search(text, max(clause[0], hit.word_start - 70), hit.word_start)
        if fell is None:
            return
        # the subject stands right before the verb («إن الجندي قتل») or after it
        floor = max(clause[0], fell.start() - _SUBJECT_BEFORE)
        between = {p.group for p in parts if floor <= p.start and p.end <= hit.word_start}
        before = [p for p in roles.actors if p.group in between]
        if len(between) != 1 or not before:
            return  # «قتل الجيش 5 مسلحين بقصف»: subject and object, an active verb
        roles.recipients = before + [p for p in roles.recipients if p not in before]
        roles.actors = [p for p in roles.actors if p not in before]

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
            protesters_act(roles, cand, parts, self.text)
            protested_against(
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
                      and p.sector in ATTACKERS]  # fmt: skip
            if itself:  # «انتحاريا», «المهاجمون»: the trigger names the attacker
                roles.actors = itself[:1]
                roles.recipients = [p for p in roles.recipients if p is not itself[0]]
            taken = {p.entity_id or p.text for p in roles.recipients}
            claimed = responsible_party(self.text, self.sentence, parts, taken)
            if claimed:  # who claimed or is held responsible carried it out
                roles.actors = claimed
            if not roles.actors:
                roles.actors = (
                    instrument_owner(self.text, self.sentence, cand, parts)
                    or sentence_attacker(self.text, roles, cand, parts)
                    or doer(self.text, roles, cand, parts)
                )
            if roles.actors and all(self._reports(p, hit.word_start) for p in roles.actors):
                roles.actors = []  # «قالت الشرطة إن الأسرة نفذت هجمات»: who tells it did not
            if not any(agent_marked(self.text, p) for p in roles.actors):
                cause_acts(self.text, self.sentence_start, cand, roles, parts)
        elif cand.entry.type == "COERCE" and _gave_up(cand):
            # «سلّم نفسه إلى الشرطة»: the police arrest the one who gives himself up
            giver = roles.actors or self._implicit_actor(cand, roles, parts)
            roles.actors, roles.recipients = roles.recipients, giver
        if not cand.verbal and cand.entry.type in _SOURCED_NOUNS:
            noun_source(self.text, self.sentence_start, cand, roles, parts)
        if cand.entry.type == "SUPPORT":
            thanked(self.text, cand, roles, parts)
            carried_thanks(self.text, self.sentence, cand, roles, parts)
        about_topic(self.text, cand, roles)
        aid_beneficiary(self.text, self.sentence_start, cand, parts, roles)
        expelled_from(self.text, self.sentence_start, cand, parts, roles)
        if cand.entry.mode == "visit":
            delegation_leaders(self.text, roles)
            arrival_destination(self.text, self.sentence_start, cand, parts, roles)
        host_actor(self.text, self.sentence_start, cand, parts, roles)
        if hosted_pronoun(self.text, cand, parts):
            # «قال … خلال استضافته في إذاعة»: the pronoun of the verbal noun was hosted
            hosted = roles.actors or self._implicit_actor(cand, roles, parts)
            roles.recipients = hosted + [p for p in roles.recipients if p not in hosted]
            roles.actors, roles.unnamed = [], True
        if not roles.actors and not roles.unnamed:
            roles.actors = self._implicit_actor(cand, roles, parts)
        # «قصفت مقاتلات التحالف»: a name inside the actor's words is no target of its own
        roles.recipients = [r for r in roles.recipients if not inside_actor(r, roles.actors)]
        relation_owner(self.text, roles, parts)
        self._countries(cand, roles, parts)
        topic_recipients(self.text, cand, roles)  # after the countries: the topic gives none
        own_side(roles)
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
        if cand.entry.type == "ASSAULT":
            attackers_group(text, roles)
        if cand.entry.type == "ASSAULT" and all(p.default for p in roles.recipients):
            owner = owned_by(text, hit.end, end, parts)
            aimed = [owner] if owner is not None else aimed_at(text, hit.end, end, parts)
            aimed = [p for p in aimed if p not in roles.actors]
            roles.recipients = aimed or roles.recipients
        if cand.entry.type == "ASSAULT":
            self._victims(cand, roles, parts)
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

    def _victims(self, cand: Candidate, roles: Roles, parts: list[Participant]) -> None:
        """The people a casualty word names («مقتل رجل دين») rather than the place, when no
        target is named; the kinds among them («بينهم قضاة»); what a verb of aiming after
        the trigger names («هجوم استهدف ثكنة عسكرية») besides the victims counted."""
        text, end = self.text, self.sentence[1]
        named = self._casualties(parts)
        # «أعلنت مصادر مقتل رجل دين … في هجمات»: one a casualty word names was hit
        hit = [p for p in roles.actors if p in named]
        if hit:
            # in a clash the dead fought too: they stay on its actor side as well
            if cand.entry.mode != _CLASH:
                roles.actors = [p for p in roles.actors if p not in hit]
            roles.recipients = [p for p in roles.recipients if not p.default]
            roles.recipients = hit + [p for p in roles.recipients if p not in hit]
        if all(p.default for p in roles.recipients):
            named = [p for p in named if p not in roles.actors]
            roles.recipients = named or roles.recipients
        if roles.recipients and not roles.recipients[0].default:
            aimed = aimed_at(text, cand.hit.end, end, parts)
            extra = among(text, roles.recipients, parts) + aimed
            taken = {p.entity_id or p.text for p in roles.actors + roles.recipients}
            for part in extra:
                if (part.entity_id or part.text) not in taken:
                    taken.add(part.entity_id or part.text)
                    roles.recipients.append(part)

    def _casualties(self, parts: list[Participant]) -> list[Participant]:
        """`casualties`, once per sentence: every attack of it asks of the same parts."""
        if self._named is None or self._named[0] is not parts:
            self._named = (parts, casualties(self.text, self.sentence, parts))
        return self._named[1]

    def _reports(self, part: Participant, at: int) -> bool:
        """Whether `part` is the subject of a speech verb whose «إن/أن» clause, with a
        subject of its own (no pronoun on the particle), holds offset `at`."""
        return (
            part.end <= at
            and reporter(self.text, part)
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
        words = LETTERS.findall(fold_word(span))
        seen = False
        while words and (bare := bare_direction(words[-1])) is not None:
            if bare != words[-1]:
                return True  # the preposition is a proclitic of the direction word
            words.pop()
            seen = True
        return seen  # «غرب بغداد»: a direction word names where, with or without «في»

    def place_target(
        self, actors: list[Participant], at: int, sector: str | None = None, actor: bool = False
    ) -> list[Participant]:
        """The place of the sentence nearest to `at` (of another country than the actors,
        unless theirs came from a place) as a participant of `sector` (an embassy's owner
        keeps its own, GOV; for an `actor` it is no place)."""
        used = {p.country for p in actors if p.kind not in _FILLED_KINDS}
        places = [p for p in self.places if p.country and p.country not in used]
        if actor and self.missions:
            places = [p for p in places if p not in self.missions]
        if not places:
            return []
        place = min(places, key=lambda p: abs(p.start - at))
        if self.missions and place in self.missions:
            sector = place.sector or sector
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
        if NUMBER_AFTER.match(text, hit.end, hit.end + 12) or approximate_count(text, hit.end):
            # «طالبان قتلت ثلاثة جنود»: a subject right before the verb makes it active
            return not subject_before(text, before, hit.word_start)
        if (
            entry.type == "ASSAULT"
            and indefinite_victim(text, hit.end, parts)
            and not subject_before(text, before, hit.word_start)
        ):
            return True
        if not before or len(text[before[-1].end : hit.word_start].split()) > 2:
            return False
        return bool(_NUMBER_BEFORE.search(text, max(0, before[-1].start - 14), before[-1].start))
