"""Roles that a visit, a hosting, an aid or an expulsion implies: the host named right after a
hosting word, the guest behind its pronoun, the leader of a delegation, the place a visitor
reached, the beneficiary after «ل/إلى», the country that expels («طرد … من X»).
`event_roles.RoleFinder.finish` applies them."""

from __future__ import annotations

import re

from .event_actors import (
    Participant,
    Roles,
    preposition_before,
)
from .event_role_rules import is_land, reporter
from .event_triggers import Candidate

_WORD_END = re.compile(r"\w*")
_DESTINATION_PREPS = frozenset({"الى", "إلى"})  # folded «إلى»; «ل» folds to it too
# «وفد حماس برئاسة زعيمها خالد مشعل»: who leads the delegation is one of the visitors
_LED_BY = re.compile(
    r"(?<!\w)(?:برئاسة|بقيادة|يرأسه|يرأسها|يترأسه|يترأسها|يقوده|يقودها|ترأسه|ترأسها)"
    r"(?:\s+[^\s،,]+){0,2}\s+$"
)
_HOST_GAP = 2  # words between a hosting verb and its host («العاصمة الموريتانية نواكشوط»)
_AID_REACH = 50
_GIVEN = frozenset(
    {"AID", "SUPPORT"}
)  # characters after an aid trigger where «ل/إلى» + its beneficiary may stand


def _words_after(text: str, start: int, end: int) -> list[str] | None:
    """The words between the end of the word at `start` and `end`; None across a comma."""
    word_end = _WORD_END.match(text, start).end()
    gap = text[word_end:end] if end > word_end else ""
    if "،" in gap or "," in gap or "." in gap:
        return None
    return gap.split()


def host_actor(
    text: str, clause_start: int, cand: Candidate, parts: list[Participant], roles: Roles
) -> None:
    """«تستضيفها العاصمة الموريتانية نواكشوط», «استضافت قطر اجتماعا»: the country or place
    right after a word of hosting, with no preposition, is its subject: the host is the
    actor, not what it hosts («استقبل الرئيس ضيفه في القاهرة»: a setting stays out)."""
    if cand.entry.mode != "host":  # its noun too: «استضافة قطر للبطولة»
        return
    hit = cand.hit
    after = next((p for p in parts if p.start >= hit.end), None)
    if after is None or not is_land(after):
        return
    gap = _words_after(text, hit.end, after.start)
    if gap is None or len(gap) > _HOST_GAP or preposition_before(text, clause_start, after):
        return
    if any(p.start < hit.word_start and not is_land(p) for p in roles.actors):
        return  # «قالت الوزارة إن … تستضيف»: a named subject before the verb stays
    roles.actors = [after]
    roles.recipients = [p for p in roles.recipients if p is not after]


def delegation_leaders(text: str, roles: Roles) -> None:
    """«زيارة وفد حماس برئاسة زعيمها خالد مشعل إلى …»: the leader named after «برئاسة»
    belongs to the visiting side, not to whom it visits."""
    led = [p for p in roles.recipients if _LED_BY.search(text, max(0, p.start - 40), p.start)]
    if not led:
        return
    roles.recipients = [p for p in roles.recipients if p not in led]
    roles.actors = roles.actors + [p for p in led if p not in roles.actors]


def aid_beneficiary(
    text: str, clause_start: int, cand: Candidate, parts: list[Participant], roles: Roles
) -> None:
    """«قدمت السعودية مساعدات إنسانية لليمن», «مساعدات تركية إلى لبنان», «دعما للسودان»:
    a party after «ل/إلى» shortly after the aid verb or noun, or a support noun (its object
    between), receives the aid or support."""
    kind = cand.entry.type
    if kind not in _GIVEN or (kind == "SUPPORT" and cand.verbal):
        return  # «يدعم X» names its object; «دعما ماليا للسودان» after «ل»
    if any(p.country for p in roles.recipients):
        return
    hit = cand.hit
    taken = {p.entity_id or p.text for p in roles.actors}
    for part in parts:
        if part.start < hit.end or (part.entity_id or part.text) in taken:
            continue
        if part.start - hit.end > _AID_REACH:
            return
        gap = _words_after(text, hit.end, part.start)
        if gap is None:
            return
        if preposition_before(text, clause_start, part) in _DESTINATION_PREPS and part.country:
            roles.recipients = [part] + [p for p in roles.recipients if p is not part]
            return


# «حل المبعوث بصنعاء في زيارة», «وصل الوزير إلى القاهرة في زيارة»: arrival before the visit
_ARRIVED = re.compile(
    r"(?<!\w)[وف]?(?:وصل|وصلت|وصلا|وصلوا|يصل|تصل|حل|حلت|يحل|تحل|توجه|توجهت|يتوجه|يتوجهون|"
    r"قدم|قدمت|يقوم|تقوم|بدأ|بدأت|يبدأ|تبدأ)(?!\w)"
)
_ARRIVAL_PREPS = frozenset({"ب", "الى"})
_ARRIVAL_REACH = 120


def arrival_destination(
    text: str, clause_start: int, cand: Candidate, parts: list[Participant], roles: Roles
) -> None:
    """«حل المبعوث الأممي بصنعاء في زيارة تستغرق ثلاثة أيام»: a visit noun after a verb of
    arrival visits the place reached («ب/إلى» after the verb), when it names no other."""
    hit = cand.hit
    if cand.verbal or cand.entry.mode != "visit" or any(is_land(p) for p in roles.recipients):
        return
    floor = max(clause_start, hit.word_start - _ARRIVAL_REACH)
    verbs = list(_ARRIVED.finditer(text, floor, hit.word_start))
    if not verbs:
        return
    verb = verbs[-1]  # the nearest arrival
    reached = [p for p in parts if verb.end() <= p.start and p.end <= hit.word_start
               and is_land(p) and p not in roles.actors
               and preposition_before(text, clause_start, p) in _ARRIVAL_PREPS]  # fmt: skip
    if reached:
        roles.recipients = [reached[-1], *roles.recipients]


_DURING = re.compile(r"(?<!\S)[وف]?(?:خلال|أثناء|اثناء|لدى|عند|بعد|قبل|فور|منذ)\s+$")
_HOSTED_PRONOUN = re.compile(r"(?:ه|ها|هم|هما)(?!\w)")


def hosted_pronoun(text: str, cand: Candidate, parts: list[Participant]) -> bool:
    """«قال … خلال استضافته في إذاعة محلية»: after a preposition of time, the pronoun on a
    hosting noun with no object of its own is who was hosted («خلال استقباله نظيره»: the
    pronoun hosts the counterpart after it)."""
    hit = cand.hit
    if cand.entry.mode != "host" or not _HOSTED_PRONOUN.match(text, hit.end):
        return False
    if not _DURING.search(text, max(0, hit.word_start - 10), hit.word_start):
        return False
    word_end = _WORD_END.match(text, hit.end).end()
    nxt = next((p for p in parts if p.start >= word_end), None)
    if nxt is None:
        return True
    gap = _words_after(text, word_end, nxt.start)
    return not (gap is not None and len(gap) <= 1 and not preposition_before(text, 0, nxt))


_MEDIA = frozenset({"media", "agency"})


def expelled_from(
    text: str, clause_start: int, cand: Candidate, parts: list[Participant], roles: Roles
) -> None:
    """«عملية طرد سرية من كوسوفو», «الرجال الذين طردوا من كوسوفو»: the country after «من»
    is where they were expelled from, not who was expelled: it expelled them (the actor),
    and the party the clause put first, unless a reporter, was expelled."""
    if cand.entry.mode != "expel":
        return
    hit = cand.hit
    land = next(
        (p for p in roles.recipients if p.start >= hit.end and p.kind == "country"
         and preposition_before(text, clause_start, p) == "من"),
        None,
    )  # fmt: skip
    if land is None:
        return
    expelled = [p for p in roles.actors if p.kind not in _MEDIA and not is_land(p)
                and not reporter(text, p) and p.country != land.country]  # fmt: skip
    others = [p for p in roles.recipients if p is not land]
    roles.actors = [land]
    roles.recipients = expelled + [p for p in others if p not in expelled]
