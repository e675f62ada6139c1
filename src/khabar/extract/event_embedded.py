"""Roles of a trigger embedded in another clause: who the frame around it names.

Word order (`event_actors`) reads a trigger's own clause. Some frames name the participants
outside it: a pronoun subject after «أن» stands for the one who speaks («قال الحلف إنه قتل
…»); the accused of «اتهم X بـ» carried out the act the noun names; the subject of «تمكن X
من» / «نجح X في» did what follows; who «نجا من» an attack was its target.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .event_actors import PLACE_KINDS, Participant, Roles
from .event_triggers import Candidate

# «إنه», «أنها», «بأنهم» right before a verb: a pronoun subject («قد» may stand between)
_THAT_PRONOUN = re.compile(
    r"(?<!\w)[وف]?(?:[إأا]ن|ب[أا]ن|ل[أا]ن)(?:ه|ها|هم|هما)\s+[\"«“]?(?:قد\s+)?$"
)
# a noun in the dual or the sound plural («صاروخان», «مسلحين», «المتظاهرون»)
_DUAL_PLURAL = re.compile(r"(?:ان|ين|ون)$")
# «اتهمت دمشق الطيران الإسرائيلي باستهداف …»: the accused carried out the act the noun names
_ACCUSED = re.compile(r"(?<!\w)[وف]?(?:اتهم|يتهم|تتهم|متهما|متهمة)\S{0,3}\s+(?:\S+\s+){0,5}$")
# «تمكن طيران التحالف من استهداف …», «نجح الجيش في قتل …»: the subject carried it out
_MANAGED = re.compile(
    r"(?<!\w)[وف]?(?:تمكن|تمكنت|تمكنوا|نجح|نجحت|نجحوا)\s+(?:\S+\s+){0,5}(?:من|في)\s+$"
)
# «أعلنت طالبان مسؤوليتها عن الهجوم», «تحمّل لندن موسكو مسؤوليته», «أن تكون إسرائيل
# مسؤولة عنها»: the party named right before the word of responsibility carried the act out
_RESPONSIBLE = re.compile(
    r"(?<!\w)(?:ال)?مسؤولي(?:ة|تها|ته|تهم|تهما)(?!\w)|(?<!\w)مسؤول(?:ة|ين|ون)?\s+عن"
)
# «نجا الوزير من محاولة اغتيال»: who survived it was its target
_SURVIVED = re.compile(r"(?<!\w)[وف]?(?:نجا|نجت|نجوا|ينجو|تنجو)\s+(?:\S+\s+){0,6}$")


def that_pronoun(text: str, word_start: int) -> re.Match[str] | None:
    """«إنه» / «أنها» right before the word at `word_start`."""
    return _THAT_PRONOUN.search(text, max(0, word_start - 16), word_start)


def pronoun_subject(
    text: str,
    cand: Candidate,
    parts: list[Participant],
    roles: Roles,
    setting: Callable[[Participant, int], bool],
) -> None:
    """«قال الحلف إنه قتل عددا من زعماء طالبان», «أعلنت إيران أنها أطلقت»: the pronoun
    after «أن» is the verb's subject and stands for the one who speaks (the participant
    named last before it, not a place where something happened: `setting`); the name
    after the verb is then its object."""
    hit = cand.hit
    that = that_pronoun(text, hit.word_start)
    if that is None:
        return
    speakers = [p for p in parts if p.end <= that.start()
                and p.kind not in PLACE_KINDS and not setting(p, 0)]  # fmt: skip
    if not speakers:
        return
    speaker = speakers[-1]
    if that.group().split()[0].endswith(("هما", "هم")):
        # «أعلن المرصد أنهما استهدفا …»: a dual or plural pronoun is not the one speaker
        many = [p for p in speakers if _DUAL_PLURAL.search(p.text.split()[0])]
        speaker = many[-1] if many else speaker
    group = [p for p in speakers if p.group == speaker.group]
    moved = [p for p in roles.actors if p.start >= hit.end]
    roles.actors = group
    roles.recipients = [p for p in moved + roles.recipients if p not in group]


def accused_or_survivor(text: str, cand: Candidate, parts: list[Participant], roles: Roles) -> bool:
    """The participant between an accusing, managing or surviving verb and the noun trigger
    is the noun's actor (or, for a survivor, its target). Whether it set an actor."""
    hit = cand.hit
    lo = max(0, hit.word_start - 70)
    accused = "ب" in hit.prefix and _ACCUSED.search(text, lo, hit.word_start)
    managed = not accused and _MANAGED.search(text, lo, hit.word_start)
    frame = accused or managed or _SURVIVED.search(text, lo, hit.word_start)
    if not frame:
        return False
    between = [p for p in parts if frame.start() < p.start and p.end <= hit.word_start
               and p.kind not in PLACE_KINDS]  # fmt: skip
    if not between:
        return False
    # the subject of «تمكن» comes right after it; the accused right before the noun
    head = between[0] if managed else between[-1]
    group = [p for p in between if p.group == head.group]
    if accused or managed:
        roles.actors = group
        roles.recipients = [p for p in roles.recipients if p not in group]
        return True
    roles.recipients = group
    roles.actors = [p for p in roles.actors if p not in group]
    return False


def responsible_party(
    text: str, sentence: tuple[int, int], parts: list[Participant], taken: set[str]
) -> list[Participant]:
    """The group named within three words before a word of responsibility in the sentence
    (not a place, nor one of `taken`: the targets); empty when there is none."""
    for match in _RESPONSIBLE.finditer(text, *sentence):
        before = [p for p in parts if p.end <= match.start() and p.kind not in PLACE_KINDS]
        if not before:
            continue
        last = before[-1]
        if (
            len(text[last.end : match.start()].split()) > 3
            or (last.entity_id or last.text) in taken
        ):
            continue
        return [p for p in before if p.group == last.group]
    return []
