"""Article-level choices among coded events: subheadings that sum up the body, re-mentions
of an act already coded, nouns governed by a request or a refusal, and same-type events of
one sentence merged into one."""

from __future__ import annotations

import re

from ..doc import ActorRef, Event
from .event_frames import definite
from .event_triggers import Candidate

_HEADING_WORDS = 15
_HEADING_CHARS = 200  # fifteen words at most: a longer line is no heading
_STOPS = frozenset('.!?؟:…»"”)]')


def is_heading(text: str, start: int, end: int) -> bool:
    """«سوريا تدين بشدة قرار ترامب»: a short paragraph of its own, with no closing stop,
    after a paragraph of prose and before another is a subheading; it sums up an act the
    body reports, so it is no event of its own (the annotators never code one)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_start == 0 or line_end < 0 or line_end - line_start > _HEADING_CHARS:
        return False  # the first and the last paragraph are read as prose
    line = text[line_start:line_end].strip()
    if not line or line[-1] in _STOPS or len(line.split()) > _HEADING_WORDS:
        return False
    before = line_start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    return before >= 0 and text[before] in _STOPS


# «بهذه الهجمات», «هذا الاتفاق»: a demonstrative points back to an act told before
_DEMONSTRATIVE = re.compile(r"(?:^|\s)[وفب]?(?:هذه|هذا|هذين|هاتين|تلك|ذلك)\s+$")


def first_mentions(
    found: list[tuple[Event, Candidate]], text: str = ""
) -> list[tuple[Event, Candidate]]:
    """«وتأتي هذه الزيارة …», «ويهدف الاتفاق إلى …»: a definite noun trigger of a type and
    lemma already coded earlier in the article refers back to that event; it is no new one
    (nor is a visit or meeting noun with no actor after any encounter: «استقبل شي كيم» …
    «وهي ثالث زيارة له إلى الصين»; nor a noun after a demonstrative: «بهذه الهجمات»)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for event, cand in found:
        key = (cand.entry.type, cand.entry.lemma)
        if not cand.verbal:
            # «في زيارة لمدة يومين» after «استقبل شي كيم»: a visit or meeting noun with no
            # actor of its own names an encounter already coded, whatever its word
            # («القمة التي جمعت كيم وترامب» names its own parties)
            again = (
                cand.entry.type == "CONSULT"
                and not cand.actor_ids
                and not cand.features.get("realised_after")
            )
            if (key in seen and definite(cand.hit)) or (again and ("CONSULT", "") in seen):
                continue
            start = cand.hit.word_start
            if (cand.entry.type, "") in seen and _DEMONSTRATIVE.search(
                text, max(0, start - 8), start
            ):
                continue
        seen.add(key)
        seen.add((cand.entry.type, ""))
        kept.append((event, cand))
    return kept


# types whose complement names an act asked for or turned down, not one that took place
_GOVERNING = frozenset({"REQUEST", "REJECT"})
_GAP = re.compile(r"^[^\S\n]*(?:\S+[^\S\n]+)?[^\S\n]*$")
_FAR_GOVERNING = frozenset({"REQUEST", "REJECT", "THREATEN"})
_TO_BEFORE = re.compile(r"(?<!\S)[وف]?(?:إلى|الى)\s+$")
_FAR_WORDS = 12  # words from the head to its complement, a clause at most
_CLAUSE_END = re.compile(r"[.؛;:!?؟«»\"“”\n]")


def _complement(text: str, cand: Candidate) -> bool:
    """The trigger opens a complement: «إلى اجتماع», «بقطع», «بالإفراج»."""
    prefix = cand.hit.prefix
    if prefix.startswith("ب") or prefix.startswith(("وب", "فب")):
        return True
    start = cand.hit.word_start
    return bool(_TO_BEFORE.search(text, max(0, start - 8), start))


def _same_clause(text: str, start: int, end: int) -> bool:
    """No stop, quote or paragraph between, and at most `_FAR_WORDS` words."""
    between = text[start:end]
    return len(between.split()) <= _FAR_WORDS and not _CLAUSE_END.search(between)


def not_governed(
    text: str, found: list[tuple[Event, Candidate]], fitted: frozenset[str] = frozenset()
) -> list[tuple[Event, Candidate]]:
    """«نطالب بإطلاق سراحه», «رفضت إسرائيل طلب الأمين العام», «بطلب اجتماع طارئ»: a
    noun trigger right after a request or a refusal (a word at most between) is what is
    asked for or refused; the request or refusal is the event. Further on, a noun opened by
    «إلى» or «ب» is one too (not for the `fitted` types)."""
    heads = [e.trigger for e, _ in found if e.event in _GOVERNING and e.trigger]
    far = [e.trigger for e, _ in found if e.event in _FAR_GOVERNING and e.trigger]
    if not heads and not far:
        return found
    kept = []
    for event, cand in found:
        start = event.trigger.start if event.trigger else -1
        # «رفضت إسرائيل طلب الأمين العام»: a form that reads as a verb too («طلب») is the
        # noun here when no «و»/«ف» opens a new clause before it
        nominal = not cand.verbal or not cand.hit.prefix.startswith(("و", "ف"))
        governed = nominal and any(
            h.end <= start and start - h.end < 16 and _GAP.match(text[h.end : cand.hit.word_start])
            for h in heads
        )
        # «دعت موسكو إلى اجتماع», «يدعو المتظاهرون والنقابات إلى سحب المشروع», «هدد بقطع
        # العلاقات»: a verbal noun opened by «إلى» or «ب» further on in the clause of the
        # request, refusal or threat is its complement too
        governed = governed or (
            not cand.verbal
            and event.event not in fitted  # their detector judged the sentence
            and _complement(text, cand)
            and any(h.end <= start and _same_clause(text, h.end, cand.hit.word_start) for h in far)
        )
        if not governed:
            kept.append((event, cand))
    return kept


def merge(
    events: list[tuple[Event, Candidate]], fitted: frozenset[str] = frozenset(), text: str = ""
) -> list[tuple[Event, Candidate]]:
    """Same-type events of a sentence with compatible actors become one (the strongest); so
    does a noun that is the object of a verb of its type (not for the `fitted` types: their
    roles were tuned on the events apart). With the `text`, the object may stand after the
    verb's subject and partner («أبرمت الحكومة مع الصندوق اتفاقا»)."""
    kept: list[tuple[Event, Candidate]] = []
    for event, cand in sorted(events, key=lambda item: -item[1].score):
        # a background recall is one more mention of an act of the sentence, not a new one
        twin = next(
            (
                k for k, c in kept
                if k.event == event.event
                and (cand.background or _compatible(c, cand, event.event not in fitted, text))
            ),
            None,
        )  # fmt: skip
        if twin is None:
            kept.append((event, cand))
            continue
        # one side cannot be both («قتل 12 جنديا في هجوم»: the soldiers are the victims)
        taken = _ids(twin.actor) | _ids(twin.recipient)
        twin.actor = twin.actor or [r for r in event.actor if not _ids([r]) & taken]
        twin.recipient = twin.recipient or [
            r for r in event.recipient if not _ids([r]) & _ids(twin.actor)
        ]
        twin.mode += [m for m in event.mode if m not in twin.mode][: max(0, 2 - len(twin.mode))]
    kept.sort(key=lambda item: item[0].trigger.start if item[0].trigger else 0)
    return kept


_OBJECT_GAP = 30  # characters from a verb to a noun of its type it takes as object
_FAR_OBJECT_GAP = 80  # … when the words between are the verb's subject and partner
_FAR_OBJECT_WORDS = 8
# what between a verb and a noun opens another clause or phrase the noun belongs to
_OTHER_CLAUSE = re.compile(
    r"[.،,؛;:!?؟«»\"“”()\n]|(?<!\S)[وف]?(?:أن|إن|أنه|إنه|الذي|التي|الذين|بعد|قبل|حيث|كما|فيما"
    r"|عقب|إثر|اثر|لكن|ثم|حول|بشأن|بخصوص|عن|على|إلى|الى|ضد|لبحث|لمناقشة)(?!\S)"
)


def _compatible(a: Candidate, b: Candidate, objects: bool, text: str = "") -> bool:
    if not a.actor_ids or not b.actor_ids or a.actor_ids & b.actor_ids:
        return True
    return objects and (_object_of(a, b, text) or _object_of(b, a, text))


def _object_of(verb: Candidate, noun: Candidate, text: str = "") -> bool:
    """«تستضيف أستراليا اجتماعات آسيان»: a noun of the verb's type just after it (its
    object) names the same act, whoever the noun's genitive names; so does one after the
    verb's subject and partner («وقع العراق مع روسيا أمس اتفاق تعاون»)."""
    gap = noun.hit.word_start - verb.hit.end
    # «طرد السفير …، واستدعاء سفيرها»: a noun after «و» is the next item of a list
    listed = noun.hit.prefix.startswith(("و", "ف"))
    if not verb.verbal or noun.verbal or listed or gap < 0:
        return False
    if gap <= _OBJECT_GAP:
        return True
    if not text or gap > _FAR_OBJECT_GAP:
        return False
    between = text[verb.hit.end : noun.hit.word_start]
    return len(between.split()) <= _FAR_OBJECT_WORDS and not _OTHER_CLAUSE.search(between)


def _ids(refs: list[ActorRef]) -> set[str]:
    return {r.entity_id or r.entity_text for r in refs}
