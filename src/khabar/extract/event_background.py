"""Background acts: a specific earlier act that the sentence recalls rather than reports.

The detector answers "does this sentence report a fresh act of type T?" — its gold rejects
recalled attacks («ومنذ 2011 قصفت إسرائيل مرارا أهدافا …», «بعد الغارات التي شنتها
إسرائيل»). PLOVER still codes such an act, with the aux mode "historical". So a candidate
the detector turned down is kept as a background event when its own clause shows a
realised, specific act: a perfect verb with a participant, a noun carried out by a light
verb or a relative clause («الغارات التي شنتها إسرائيل»), or a noun with the nationality
of its author («قصف إسرائيلي»); and no negation, intent, condition, genericity, question
or fear frames it. Such events get confidence at the threshold and aux mode "historical",
so a consumer that wants fresh reports only can drop them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.normalize import fold_text
from .event_actors import Roles
from .event_triggers import Candidate

# frames under which a mentioned act did not (or not specifically) take place
_IRREALIS = (
    "negation", "future", "hypothetical", "generic", "question", "fear", "legal", "imperfect",
)  # fmt: skip
# «الغارات التي شنتها», «الصاروخ الذي أطلقه»: a relative clause with a verb of carrying out
_PERFECT_AFTER_RELATIVE = re.compile(
    r"\s+(?:\S+\s+)?(?:الذي|التي|الذين|اللذين|اللتين)\s+(?:[وف]?(?:قد\s+)?)"
    r"(?:شن|نفذ|أطلق|اطلق|ارتكب|استهدف|تبنى|أسفر|اسفر|وقع|أودى|اودى|خلف|قتل|أوقع|اوقع)\S*"
)
# «مقتل والده على أيدي الحوثيين», «اعتداءات نسبت إلى داعش»: the act has a named author
_AGENTIVE = re.compile(
    r"\S*\s+(?:\S+\s+){0,3}?(?:على\s+(?:أيدي|ايدي|يد)|بأيدي|بايدي|من\s+قبل|نسبت?\s+(?:إلى|الى)|"
    r"تبنا?ه|تبنته|تبنتها|نفذه|نفذها|نفذته|نفذتها)\s"
)
# «صاروخا باليستيا أطلقته ميليشيا الحوثي»: a verb of carrying out with a pronoun that refers
# back to the noun, a relative clause without «الذي»
_PERFECT_RESUMPTIVE = re.compile(
    r"\S*\s+(?:\S+\s+)?[وف]?(?:شن|نفذ|أطلق|اطلق|ارتكب|تبنى|تبنت)\S{0,2}?(?:ه|ها|هم|هما)\s+\S"
)
# «شنت فيها روسيا غارات», «تمكن الطيران من استهداف», «نجح الجيش في قتل»: the noun is what
# someone carried out (words may stand between the verb and the noun); «نجا من محاولة
# اغتيال»: what someone survived took place; «اتهمت دمشق الطيران باستهداف …»: the act an
# accusation names is coded too (PLOVER codes the alleged act, the accused as its actor);
# «أحد منفذي هجوم …», «اندلعت مواجهة بين …», «جرت اشتباكات», «شهدت المدينة معارك»: the
# act took place
_CARRIED_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:(?:شن|نفذ)\S{0,3}\s+(?:\S+\s+){0,3}|منفذ\S{0,3}\s+(?:\S+\s+)?|"
    r"(?:اندلع\S{0,3}|جرت|جرى|دارت|دار|شهدت|شهد)\s+(?:\S+\s+){0,2}|"
    r"(?:تمكن|نجح)\S{0,3}\s+(?:\S+\s+){0,3}"
    r"(?:من|في)\s+|(?:نجا|نجت|نجوا|ينجو|تنجو)\s+(?:\S+\s+){0,4}من\s+(?:محاولة\s+)?|"
    r"(?:اتهم|يتهم|تتهم|متهما|متهمة)\S{0,3}\s+(?:\S+\s+){0,4}ب)\S{0,3}$"
)
MIN_AGENTIVE_PRIOR = 0.5
BACKGROUND_TYPES = frozenset({"ASSAULT", "PROTEST"})
# triggers that often count the dead or are figurative («القتلى», «ضرب», «أصاب») say too
# little on their own for an act the detector turned down
MIN_PRIOR = 0.6
_PREPOSITIONS = frozenset({"في", "من", "عن", "على", "الى", "إلى", "بعد", "قبل", "حول"})


def is_background_act(
    text: str,
    cand: Candidate,
    roles: Roles,
    clause_end: int,
    nisba_after: Callable[[int, int], str | None],
) -> bool:
    """Whether a rejected candidate still names a specific, realised earlier act.
    `nisba_after(offset, limit)`: the country of a nationality adjective right after offset."""
    f = cand.features
    if any(f.get(name) for name in _IRREALIS):
        return False
    end = min(clause_end, cand.hit.end + 60)
    if cand.entry.weight >= MIN_AGENTIVE_PRIOR and _AGENTIVE.match(text, cand.hit.end, end):
        return True
    if _PERFECT_RESUMPTIVE.match(text, cand.hit.end, end):
        return True
    hit_start = cand.hit.start  # after the proclitics: «ب» of «باستهداف» is part of the frame
    if _CARRIED_BEFORE.search(text[max(0, hit_start - 50) : hit_start]):
        return True
    if cand.entry.weight < MIN_PRIOR:
        return False
    realis_verb = cand.verbal and not imperfect_form(cand) and not _after_preposition(text, cand)
    if realis_verb and (roles.actors or roles.recipients):
        return True
    # a form read as a verb may be the noun («وكان قصف إسرائيلي قد استهدف …»)
    if f.get("light_verb"):
        return True
    if _PERFECT_AFTER_RELATIVE.match(text, cand.hit.end, end):
        return True
    return nisba_after(cand.hit.end, end) is not None


def imperfect_form(cand: Candidate) -> bool:
    """«تستهدف», «يقتل»: a prefix the perfect of the verb does not start with."""
    folded = cand.hit.folded
    return folded[:1] in ("ي", "ت", "ن") and not fold_text(cand.entry.lemma).startswith(folded[0])


def _after_preposition(text: str, cand: Candidate) -> bool:
    """«في قتل أشخاص»: after a preposition the form is a verbal noun, not a verb."""
    words = text[max(0, cand.hit.word_start - 12) : cand.hit.word_start].split()
    return bool(words) and words[-1] in _PREPOSITIONS
