"""Role heuristics of news style, as small functions over the text and the roles found:
victims counted after a killing verb, the attacker named elsewhere in the sentence, the
source of a noun trigger («اتهامات من المعارضة»), protesters and what they protest against,
reporters who are no actors, hosts of a visit. `event_roles.RoleFinder` applies them."""

from __future__ import annotations

import dataclasses
import re

from ..text.matcher import is_letter
from .event_actors import (
    PLACE_KINDS,
    Participant,
    Roles,
    agent_marked,
    preposition_before,
)
from .event_context import fold_word
from .event_triggers import Candidate

NUMBER_AFTER = re.compile(
    r"\s*(?:\d|[٠-٩]|(?:ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر|مئ|مائ|ألف|اثن|اثني|عشرات|مئات))"
)
LETTERS = re.compile(r"[^\W\d_]+")
_MEMBERSHIP = frozenset({"في", "من"})
_APPROX = re.compile(
    r"(?:\s+(?:فيه|فيها|خلاله|خلالها|نحو|قرابة|حوالي|حوالى|زهاء|أكثر من|اكثر من"
    r"|ما لا يقل عن|ما يزيد عن|ما يزيد على|ما يربو على)(?!\w)){1,2}"
)
_LAND = frozenset({"country", "place", "region", "site"})
_PARTICLES = frozenset({"قد", "لقد", "فقد", "وقد"})
_POSSESSED = re.compile(r"(?:ته|تها|تهم|ه|ها|هم|هما)$")
_LIGHT_VERB = re.compile(r"(?<!\w)(?:و|ف)?(?:قام|قامت|قاموا|يقوم|تقوم|يقومون)(?!\w)")
_SPEAKER = re.compile(
    r"(?<!\w)(?:و|ف)?(?:أعلن|أعلنت|اعلن|اعلنت|قال|قالت|أفاد|أفادت|افاد|"
    r"افادت|ذكر|ذكرت|أكد|أكدت|اكد|اكدت)\s+(?:\S+\s+)?$"
)
_UNDERGONE_LEMMAS = frozenset({"انفجر", "انفجار"})
_DEVICE = "explosives"  # the mode of bomb nouns («عبوة ناسفة», «سيارة مفخخة»)
ATTACKERS = frozenset({"UAF", "REB", "CRM", "INS"})
# «قام X بـ»: the verb «did» right before a participant (or the participant's own first word)
_DID_BEFORE = re.compile(r"(?<!\S)[وف]?(?:قام|قامت|قاموا)\s+$")
_DID_AT = re.compile(r"[وف]?(?:قام|قامت|قاموا)\s")
_ARMED = ATTACKERS | {"MIL", "COP"}
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


def approximate_count(text: str, end: int) -> bool:
    """«قتل نحو 30 مسلحا», «قتل فيه قرابة عشرات الفلسطينيين»: a count after an
    approximation word (and «فيه», the pronoun of the time or place) still follows."""
    approx = _APPROX.match(text, end, end + 30)
    return approx is not None and bool(NUMBER_AFTER.match(text, approx.end(), approx.end() + 12))


def indefinite_victim(text: str, end: int, parts: list[Participant]) -> bool:
    """«قتل صحافيان فلسطينيان», «خطف موظف بريطاني»: a killing verb right before an
    indefinite noun of people is the passive (news names an active subject with the
    article); gunmen and bombers are the exception («خطف مسلحون موظفا»)."""
    first = next((p for p in parts if p.start >= end), None)
    if first is None or first.kind != "agent" or text[end : first.start].strip():
        return False
    words = first.text.split()
    if first.sector in ATTACKERS or not words or words[0].startswith(("ال", "وال")):
        return False
    if len(words) > 1 and words[1].startswith("ال"):
        return False  # «قوات الأمن»: a construct is definite
    return first.entity_id is None or first.entity_id.startswith("agent:")


def undergone(cand: Candidate, passive: bool) -> bool:
    """Triggers that name what the victims underwent, not what someone did: an explosion,
    a passive («أصيب», «قتل 28 شخصا»), a death or wound noun («مقتل», «إصابة»)."""
    entry = cand.entry
    if fold_word(entry.lemma) in _UNDERGONE_LEMMAS or entry.mode == _DEVICE:
        return True  # an explosion or a bomb («عبوة ناسفة»): no one in the actor slot set it
    return passive or (
        not cand.verbal and entry.genitive == "recipient" and entry.mode != "targeted"
    )


def light_verb_subject(
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


def inside_actor(part: Participant, actors: list[Participant]) -> bool:
    """Whether the words of one of `actors` hold `part` («مقاتلات التحالف»: «التحالف»); a
    place standing in for both sides (a protest's people and government) is not held."""
    return not part.default and any(
        a.start <= part.start and part.end <= a.end and (a.start, a.end) != (part.start, part.end)
        for a in actors
    )


def noun_source(
    text: str, clause_start: int, cand: Candidate, roles: Roles, parts: list[Participant]
) -> None:
    """«ترفض الحكومة اتهامات من المعارضة», «تلقى دعوة من نظيره»: «من» right after the
    noun names whom the accusation, call or threat comes from; the subject before the
    noun (who rejects or receives it) is then its target."""
    end = cand.hit.end
    source = next((p for p in parts if p.start >= end), None)
    if source is None or source.kind in PLACE_KINDS or source.start - end > 30:
        return
    gap = LETTERS.findall(fold_word(text[end : source.start]))
    if not gap or gap[-1] != "من" or len(gap) > 2:
        return
    if preposition_before(text, clause_start, source) != "من":
        return
    group = [p for p in parts if p.group == source.group]
    before = [p for p in roles.actors if p.end <= cand.hit.word_start]
    roles.actors = group
    kept = [p for p in roles.recipients if p.group != source.group]
    roles.recipients = kept or [p for p in before if p.group != source.group]


def victims_first(text: str, roles: Roles) -> None:
    """With such a trigger, a participant the clause puts in the actor slot («دورية», «قائد
    الشرطة», «الجيش الأميركي … مقتل اثنين من جنوده») is what was hit; only an attacker
    (gunmen, bombers, rebels: `ATTACKERS`) or an agent-marked one stays the actor."""
    marked = [p for p in roles.actors if agent_marked(text, p)]
    if marked:
        roles.actors = marked  # «قتل … على أيدي قوات الاحتلال»
        return
    told = [p for p in roles.actors if reporter(text, p)]
    hit = [
        p for p in roles.actors
        if p not in told and p.sector not in ATTACKERS and p.kind != "armed"
        and (p.sector is not None or p.kind in ("person", "role"))
    ]  # fmt: skip
    if not hit and not told:
        return
    # «أعلنت مصادر أمنية مقتل …»: who reports it took no part in it
    roles.actors = [p for p in roles.actors if p not in hit and p not in told]
    roles.recipients = hit + [p for p in roles.recipients if p not in hit]


def reporter(text: str, part: Participant) -> bool:
    """The subject of a speech verb right before it («أعلنت مصادر», «قالت الشرطة»)."""
    return bool(_SPEAKER.search(text, max(0, part.start - 14), part.start))


def cause_acts(
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
              and preposition_before(text, floor, p) == "" and not reporter(text, p)]  # fmt: skip
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


def sentence_attacker(
    text: str, roles: Roles, cand: Candidate, parts: list[Participant]
) -> list[Participant]:
    """«انتحاريا … فجر نفسه فقتل خمسة من رجال الشرطة», «… مما أسفر عن مقتل 59 شخصا»: the
    death or blast names no actor, but the attacker of the sentence (a bomber, gunmen,
    rebels: `ATTACKERS`) is who caused it; the nearest one before the trigger, else after."""
    hit = cand.hit
    taken = {p.entity_id or p.text for p in roles.recipients}
    attackers = [
        p for p in parts
        if p.sector in ATTACKERS and (p.entity_id or p.text) not in taken
        and not any(r.start < p.end and p.start < r.end for r in roles.recipients)
        and not _member_of(text, p, roles.recipients)
    ]  # fmt: skip
    if not attackers:
        return []
    before = [p for p in attackers if p.start < hit.start]
    best = before[-1] if before else attackers[0]
    return [best]


def doer(text: str, roles: Roles, cand: Candidate, parts: list[Participant]) -> list[Participant]:
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


def protested_against(roles: Roles, parts: list[Participant], text: str, at: int,
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
        noun = LETTERS.search(text, cue.end(), cue.end() + 30)
        # «أمام السفارة اليونانية»: the nisba right after the cue; «على الاتفاقية الأوروبية»:
        # after the noun
        country = nisba_after(cue.end(), cue.end() + 40)
        if country is None and noun:
            country = nisba_after(noun.end(), noun.end() + 40)
        if noun and country:
            roles.recipients = [Participant(noun.start(), noun.end(), noun.group(), country,
                                            country, "GOV", "country")]  # fmt: skip
            return


def protesters_act(roles: Roles, cand: Candidate, parts: list[Participant], text: str) -> None:
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


def subject_before(text: str, before: list[Participant], word_start: int) -> bool:
    """A named participant ending right before the verb (at most a particle between)."""
    if not before or before[-1].kind in PLACE_KINDS:
        return False
    gap = text[before[-1].end : word_start]
    # «كانت حركة طالبان قد خطفت 23 …»: a particle may stand between
    return (
        all(fold_word(w) in _PARTICLES for w in gap.split()) and "،" not in gap and "," not in gap
    )


def destination_hosts(roles: Roles, cand: Candidate) -> None:
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
    if after is None or not _is_land(after):
        return
    gap = _words_after(text, hit.end, after.start)
    if gap is None or len(gap) > _HOST_GAP or preposition_before(text, clause_start, after):
        return
    if any(p.start < hit.word_start and not _is_land(p) for p in roles.actors):
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
    if cand.verbal or cand.entry.mode != "visit" or any(_is_land(p) for p in roles.recipients):
        return
    floor = max(clause_start, hit.word_start - _ARRIVAL_REACH)
    verbs = list(_ARRIVED.finditer(text, floor, hit.word_start))
    if not verbs:
        return
    verb = verbs[-1]  # the nearest arrival
    reached = [p for p in parts if verb.end() <= p.start and p.end <= hit.word_start
               and _is_land(p) and p not in roles.actors
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
    expelled = [p for p in roles.actors if p.kind not in _MEDIA and not _is_land(p)
                and not reporter(text, p) and p.country != land.country]  # fmt: skip
    others = [p for p in roles.recipients if p is not land]
    roles.actors = [land]
    roles.recipients = expelled + [p for p in others if p not in expelled]
