"""Whom a speech act or an attack is about, where word order names the wrong party.

- A call or a rejection «دعا إلى مقاطعة المنتجات الأمريكية» addresses no one named: the
  goods after the verbal noun are its topic, and their nisba is no recipient.
- A message «تتضمن شكرا» thanks its addressee («رسالة إلى الأمين العام»); its sender, the
  subject of the sentence, is the thanker — not whoever is thanked for («على دعم المنظمة»).
- «قتل ثلاثة أطفال بقصف لقوات النظام»: the owner after «ل» of the instrument noun fired.
- «دعا الوزير حلفاء بلاده», «أكد رفض بلاده»: «بلاده» owns a noun of the actor's side; it is
  no recipient when it is the actor's own country.
- «تحذيرات بشأن تحركات مقاتلي X»: who comes after «بشأن», «حول» is what the words are about.
- «كوشنر صهر الرئيس ترامب»: the owner of a kinship or service noun that titles the person
  before it stands for that person, not for a party of its own.
- «عبرت عن شكرها وتقديرها لـ X»: X is the thanked.
"""

from __future__ import annotations

import re

from .event_actors import Participant, Roles
from .event_triggers import Candidate

SPEECH_TOPIC_TYPES = frozenset({"REQUEST", "REJECT", "SUPPORT", "ACCUSE", "THREATEN"})
# «إلى مقاطعة », «بمقاطعة »: a preposition, then one verbal noun in construct (no article)
_TOPIC_HEAD = re.compile(r"(?<!\S)(?:(?:إلى|الى)\s+(?!ال)\S+|ب(?!ال)\S{3,})\s+$")
_TOPIC_REACH = 80  # characters from the trigger to the topic noun (a subject may stand between)
# the message carrying the thanks is the object of the sentence's verb
_CARRIES = re.compile(r"(?<!\S)(?:تتضمن|تضمنت|يتضمن|تضمن|تحمل|حملت|يحمل|حمل|تحمل)\s+$")
# «بلاده»: the country of the person named before (a possessive country noun)
_OWN_COUNTRY = frozenset({"بلاده", "بلادها", "بلادهم", "بلده", "بلدها", "بلدهم", "بلادهما"})
_ABOUT = re.compile(r"(?<!\S)(?:بشأن|بشان|حول)\s+(?:\S+\s+){0,2}#?$")
_ABOUT_REACH = 40  # characters back from a participant to «بشأن»
# «صهر الرئيس», «نجل الرئيس», «مستشار الملك»: the person before is the one named
_RELATION = re.compile(
    r"(?<!\S)(?:صهر|نجل|ابن|ابنة|نجلة|شقيق|شقيقة|زوجة|زوج|حفيد|والد|والدة|مستشار|مستشارة"
    r"|مبعوث|مبعوثة|كبير مستشاري)\s+$"
)
_RELATION_GAP = re.compile(r"\s*[،,]?\s*$")
# «شكره وتقديره لـ», «شكرها لصاحب السمو الملكي»: the thanked after «ل» and a title or two
_THANKED = re.compile(r"\S*(?:\s+و\S+){0,2}\s+ل\S*(?:\s+\S+){0,3}?\s*$")
_TO = re.compile(r"(?<!\S)(?:إلى|الى)\s+$")
# «بقصف لقوات النظام», «بنيران للجيش»: an instrument noun opened by «ب», its owner after «ل»
_INSTRUMENT_OWNER = re.compile(
    r"(?<!\S)ب(?:قصف|نيران|رصاص|غارة|غارات|قذائف|قذيفة|صواريخ|صاروخ|هجوم|ضربات|ضربة)"
    r"(?:\s+\S+[يةه])?\s+[وف]?ل$"
)
_BREAK = re.compile(r"[،,.:؛;]")
_INSTRUMENT_REACH = 60  # characters from the casualty word to the instrument noun


def topic_recipients(text: str, cand: Candidate, roles: Roles) -> None:
    """Drop a recipient that is a common noun owned by the verbal noun of the call
    («دعا إلى مقاطعة البضائع الإسرائيلية»): it is what is called for, not who is called."""
    if cand.entry.type not in SPEECH_TOPIC_TYPES or not roles.recipients:
        return
    end = cand.hit.end
    topic = [
        p
        for p in roles.recipients
        if p.kind == "agent"
        and p.sector is None
        and end <= p.start <= end + _TOPIC_REACH
        and _TOPIC_HEAD.search(text, max(end, p.start - 20), p.start)
    ]
    if topic:
        roles.recipients = [p for p in roles.recipients if p not in topic]


def own_side(roles: Roles) -> None:
    """«حلفاء بلاده»: the actor's own country in the recipient slot is the owner of a noun."""
    if not roles.recipients or not roles.actors:
        return
    mine = {p.country for p in roles.actors if p.country}
    roles.recipients = [
        p for p in roles.recipients if not (p.text in _OWN_COUNTRY and p.country in mine)
    ]


def about_topic(text: str, cand: Candidate, roles: Roles) -> None:
    """«تحذيرات بشأن تحركات مقاتلي X», «دعوة حول مصير X»: X is the topic, no party."""
    if cand.entry.type not in SPEECH_TOPIC_TYPES:
        return
    end = cand.hit.end
    topic = [
        p
        for p in roles.actors + roles.recipients
        if p.start >= end and _ABOUT.search(text, max(end, p.start - _ABOUT_REACH), p.start)
    ]
    if topic:
        # the warner of «تلقى تحذيرات بشأن …» is unnamed: no one before stands in for him
        roles.unnamed = roles.unnamed or any(p in topic for p in roles.actors)
        roles.actors = [p for p in roles.actors if p not in topic]
        roles.recipients = [p for p in roles.recipients if p not in topic]


def carried_thanks(
    text: str, sentence: tuple[int, int], cand: Candidate, roles: Roles, parts: list[Participant]
) -> None:
    """«وجه X رسالة إلى Y تتضمن شكرا على …»: X thanks Y."""
    hit = cand.hit
    if not _CARRIES.search(text, max(sentence[0], hit.word_start - 12), hit.word_start):
        return
    before = [p for p in parts if sentence[0] <= p.start and p.end <= hit.word_start]
    told = [p for p in before if _TO.search(text, max(0, p.start - 6), p.start)]
    if not told:
        return
    senders = [p for p in before if p.end <= told[0].start and p.group != told[0].group]
    if not senders:
        return
    roles.actors = [p for p in senders if p.group == senders[0].group]
    roles.recipients = [p for p in told if p.group == told[0].group]
    roles.unnamed = False


def instrument_owner(
    text: str, sentence: tuple[int, int], cand: Candidate, parts: list[Participant]
) -> list[Participant]:
    """The participant owning the weapon a casualty verb's «ب» names («بقصف لقوات X»)."""
    end = cand.hit.end
    for p in parts:
        if p.start < end or p.end > sentence[1] or p.start - end > _INSTRUMENT_REACH:
            continue
        found = _INSTRUMENT_OWNER.search(text, max(end, p.start - 24), p.start)
        # «مقتل 12 شخصا، وقد لقي عامري حتفه برصاص الشرطة»: another clause, another death
        if found and not _BREAK.search(text, end, found.start()):
            return [p]
    return []


def relation_owner(text: str, roles: Roles, parts: list[Participant]) -> None:
    """Put the person a relation noun titles («كوشنر صهر الرئيس ترامب») in its owner's slot."""
    for slot in ("actors", "recipients"):
        members: list[Participant] = getattr(roles, slot)
        if not members:
            continue
        out: list[Participant] = []
        for p in members:
            owner = p
            rel = _RELATION.search(text, max(0, p.start - 16), p.start)
            if rel is not None:
                titled = [q for q in parts if q.end <= rel.start() and q.kind == "person"
                          and _RELATION_GAP.fullmatch(text, q.end, rel.start())]  # fmt: skip
                owner = titled[-1] if titled else p
            if owner not in out:
                out.append(owner)
        setattr(roles, slot, out)


def thanked(text: str, cand: Candidate, roles: Roles, parts: list[Participant]) -> None:
    """«عبرت عن شكرها وتقديرها لصاحب السمو الأمير X»: X is who is thanked."""
    hit = cand.hit
    if not text.startswith("شكر", hit.start):
        return
    after = [p for p in parts if p.start >= hit.end and p.start - hit.end <= 60]
    if after and _THANKED.match(text, hit.end, after[0].start):
        roles.recipients = [after[0]]
        roles.actors = [p for p in roles.actors if p is not after[0]]
