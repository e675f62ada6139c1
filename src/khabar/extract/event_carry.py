"""Subjects a clause does not repeat: carried over from the main clause of the sentence.

Arabic news drops a subject it has already named. Three shapes are read here:
- a participle clause after a comma («…، مهددا بتكثيف الغارات», «…، مؤكدة تضامنها مع …»)
  has the subject of the main clause;
- a verb agreeing in the plural («وقتلوا عشرات المدنيين») cannot have its subject after it
  (a verb before its subject stays singular): what follows is its object, the subject is
  before it or the one of the main clause;
- a coordinated verb with one noun phrase and then «بـ» + a verbal noun («ونفت موسكو …،
  واتهمت الاستخبارات البريطانية بتدبير الهجوم») names its object there, not its subject.
The main clause's subject is the first participant of the sentence that no preposition
governs and that is not a place (VSO and SVO alike put it first).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .event_actors import PLACE_KINDS, Participant, Roles, preposition_before
from .event_triggers import Candidate

# «، مهددا», «، مؤكدة», «، معربا عن», «، قائلا», «، رافضة»: an accusative participle opening
# a clause after a comma (prefix م + three letters or more, or the pattern فاعل)
_PARTICIPLE = re.compile(
    r"[،,]\s*(?:و\s*)?(?:م[^\W\d_]{3,}|[^\W\d_][اآ][^\W\d_]{2})(?:اً|ا|ة|ين)(?![^\W\d_])"
)
# a plural perfect («قتلوا», «شنّوا») or imperfect («يطالبون») as the verb's own word
_PLURAL_VERB = re.compile(r"(?:وا|ون)$")
_LETTERS = re.compile(r"[^\W\d_]+")
# nouns of the same shape in apposition («، مدينة غزة», «، منظمة …»)
_NOT_PARTICIPLE = re.compile(r"(?:مدينة|منطقة|محافظة|مجموعة|منظمة|مؤسسة|مقاطعة|مدرسة|مملكة)$")
# the pronoun enclitic right after a noun trigger («تضامنها», «دعمه»)
_ENCLITIC = re.compile(r"(?:ها|ه)$")
# «بـ» + a verbal noun of three letters or more right after the noun phrase
_BI_NOUN = re.compile(r"\s*[«\"]?ب[^\W\d_]{3,}")
_COORD = frozenset({"و", "ف"})
_WINDOW = 40  # characters between a participle and the trigger it governs


def participle_opening(text: str, sentence_start: int, cand: Candidate) -> int | None:
    """The comma of a participle clause whose subject the trigger shares: the trigger is
    the participle («، مهددا») or a noun right after it whose pronoun agrees with it
    («، مؤكدة تضامنها»; not «، مشيرا إلى سيطرتها», whose «ها» is someone else, nor
    «، مطالبا بانسحاب القوات», a noun with an actor of its own). None otherwise."""
    word_start = cand.hit.word_start
    lo = max(sentence_start, word_start - _WINDOW)
    if "،" not in text[lo:word_start] and "," not in text[lo:word_start]:
        return None  # the common case: no comma to open such a clause
    found = None
    for match in _PARTICIPLE.finditer(text, lo, word_start + 20):
        if match.start() <= word_start:
            found = match
    if found is None or found.start() <= sentence_start:
        return None
    if _NOT_PARTICIPLE.search(found.group()):
        return None
    if found.end() > word_start:
        return found.start()  # the trigger is the participle
    between = _LETTERS.findall(text, found.end(), word_start)
    if len(between) > 2:
        return None
    word = _LETTERS.match(text, word_start)
    pronoun = _ENCLITIC.search(word.group()) if word else None
    if cand.verbal or pronoun is None:
        return None
    feminine = found.group().endswith("ة")
    return found.start() if (pronoun.group() == "ها") == feminine else None


def sentence_subject(
    text: str,
    sentence_start: int,
    limit: int,
    parts: list[Participant],
    setting: Callable[[Participant, int], bool],
) -> list[Participant]:
    """The group of the first participant before `limit` that no preposition governs and
    that is not a place: the subject of the sentence's main clause."""
    for part in parts:
        if part.end > limit:
            break
        if part.kind in PLACE_KINDS or setting(part, sentence_start):
            continue
        if preposition_before(text, sentence_start, part):
            continue
        return [p for p in parts if p.group == part.group and p.end <= limit]
    return []


def plural_verb(text: str, cand: Candidate) -> bool:
    """Whether the trigger is a verb in the plural («قتلوا», «يطالبون»)."""
    if not cand.verbal:
        return False
    end = cand.hit.end
    match = _LETTERS.match(text, cand.hit.word_start)
    word = match.group() if match else text[cand.hit.word_start : end]
    return bool(_PLURAL_VERB.search(word))


def carry_subject(
    text: str,
    sentence_start: int,
    clause_start: int,
    cand: Candidate,
    parts: list[Participant],
    roles: Roles,
    setting: Callable[[Participant, int], bool],
    passive: bool,
) -> bool:
    """Set the actor from the main clause where the trigger's clause drops its subject;
    whether it did. `parts` are the sentence's (sorted, grouped)."""
    hit = cand.hit
    comma = participle_opening(text, sentence_start, cand)
    if comma is not None:
        subject = sentence_subject(text, sentence_start, comma, parts, setting)
        return _set_actor(roles, subject)
    if not cand.verbal or passive:
        return False
    after = [p for p in roles.actors if p.start >= hit.end]
    if plural_verb(text, cand):
        if not after and roles.actors:
            return False
        before = [p for p in parts if clause_start <= p.start and p.end <= hit.word_start
                  and p.kind not in PLACE_KINDS and not setting(p, clause_start)]  # fmt: skip
        subject = [p for p in before if p.group == before[-1].group] if before else []
        subject = subject or sentence_subject(text, sentence_start, clause_start, parts, setting)
        _to_recipients(roles, after)
        return _set_actor(roles, subject) or bool(after)
    if hit.prefix[:1] not in _COORD or clause_start <= sentence_start:
        return False
    if not after:
        if roles.actors:
            return False
        subject = sentence_subject(text, sentence_start, clause_start, parts, setting)
        return _set_actor(roles, subject)
    # «واتهمت الاستخبارات البريطانية بتدبير …»: one noun phrase, then «بـ» + noun
    group = [p for p in parts if p.group == after[0].group]
    tail = max(p.end for p in group)
    if any(p.start >= tail and p.start - tail < 4 for p in parts):
        return False
    if not _BI_NOUN.match(text, tail):
        return False
    subject = sentence_subject(text, sentence_start, clause_start, parts, setting)
    if not subject:
        return False
    _to_recipients(roles, group)
    return _set_actor(roles, subject)


def _to_recipients(roles: Roles, moved: list[Participant]) -> None:
    if not moved:
        return
    roles.actors = [p for p in roles.actors if p not in moved]
    roles.recipients = moved + [p for p in roles.recipients if p not in moved]


def _set_actor(roles: Roles, subject: list[Participant]) -> bool:
    if not subject:
        return False
    roles.actors = subject
    roles.recipients = [p for p in roles.recipients if p not in subject]
    return True
