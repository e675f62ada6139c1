"""Role heuristics of news style, as small functions over the text and the roles found:
victims counted after a killing verb, the attacker named elsewhere in the sentence, the
source of a noun trigger («اتهامات من المعارضة»), protesters and what they protest against,
reporters who are no actors, hosts of a visit. `event_roles.RoleFinder` applies them."""

from __future__ import annotations

import bisect
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
    r"أمام\s+(?:مقر\s+)?(?:ال)?(?:سفارة|قنصلية|سفارات)"
    # «للمطالبة باستقالة الحكومة», «تطالب برحيل الرئيس»: whose fall they demand
    r"|(?:باستقالة|برحيل|بإسقاط|باسقاط|بتنحي|بإقالة|باقالة))"
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
    roles.actors = [p for p in roles.actors if p.start >= cand.hit.end or not is_land(p)]


def is_land(part: Participant) -> bool:
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


# what names the victims of an attack right before them: a death, wound or abduction word,
# an optional approximation and count, and a partitive «من» («مقتل ثلاثة من رجال الشرطة»)
_CASUALTY = re.compile(
    r"(?<!\w)[وفب]?(?:ال)?(?:مقتل|قتل|قتلت|قتلوا|اصابة|إصابة|جرح|اغتيال|اختطاف|خطف|قتلى|القتلى"
    r"|ضحايا|وفاة|استشهاد)(?!\w)"
)
# after the casualty word: an approximation, a count and a partitive, then the victims
_CASUALTY_TAIL = re.compile(
    r"(?:\s+(?:فيه|فيها|نحو|قرابة|حوالي|حوالى|زهاء|أكثر من|اكثر من|ما لا يقل عن|ما يزيد عن"
    r"|ما يزيد على))*"
    r"(?:\s+(?:\d+|[٠-٩]+|(?:و?(?:ثلاث|أربع|اربع|خمس|ست|سبع|ثماني|تسع|عشر|مئ|مائ|ألف|الف|آلاف|الاف"
    r"|اثن|عشرات|مئات|أحد|احد|إحدى|احدى|واحد)[^\W\d_]*))){0,3}"
    r"(?:\s+(?:من|بين|منهم|بينهم|من بينهم))?\s*"
)
# «مقتل 30 شخصا بينهم قضاة»: the kinds of victims among those counted
_AMONG = re.compile(r"(?:،\s*|\s)(?:و?(?:من\s+)?(?:بينهم|منهم))\s+(?:\S+\s+)?(?:من\s+)?$")
_VICTIM_KINDS = frozenset({"agent", "person", "role"})


def casualties(text: str, sentence: tuple[int, int], parts: list[Participant]) -> list[Participant]:
    """«… في هجمات متفرقة أسفرت عن مقتل رجل دين», «فقتلت 32 متمردا», «القتلى خمسة مسلحين»,
    «مقتل 30 شخصا بينهم قضاة ورجال شرطة»: the people a death, wound or abduction word of the
    sentence names are the victims of the attack it reports (not attackers, not places)."""
    ends = [m.end() for m in _CASUALTY.finditer(text, *sentence)]
    if not ends:
        return []
    found: list[Participant] = []
    for part in parts:
        if part.kind not in _VICTIM_KINDS or part in found:
            continue
        if part.sector in ATTACKERS and fold_word(part.text.split()[0]).endswith("ون"):
            continue  # «قتل مسلحون خمسة أشخاص»: a nominative after the verb is its subject
        i = bisect.bisect_right(ends, part.start)
        if (
            i
            and part.start - ends[i - 1] <= 60
            and _CASUALTY_TAIL.fullmatch(text, ends[i - 1], part.start)
        ):
            found.extend(p for p in parts if p.group == part.group and p not in found)
    return found + among(text, found, parts)


def among(text: str, victims: list[Participant], parts: list[Participant]) -> list[Participant]:
    """«مقتل 30 شخصا على الأقل بينهم قضاة ورجال شرطة»: the kinds of people named among
    the victims counted, right after them."""
    if not victims:
        return []
    last = max(victims, key=lambda p: p.end)
    found = [p for p in parts if p.kind in _VICTIM_KINDS and p not in victims
             and 0 < p.start - last.end <= 40 and _AMONG.search(text, last.end, p.start)]  # fmt: skip
    return [p for p in parts if found and p.group == found[0].group and p not in victims]


# «مهاجما انتحاريا من حركة طالبان»: an adjective may stand between
_FROM = re.compile(r"(?:\s+[^\W\d_]+)?\s*،?\s*من\s*")


def attackers_group(text: str, roles: Roles) -> None:
    """«مهاجما انتحاريا من حركة طالبان، فجر حافلة»: the group named with «من» right after
    an attacker is the one he came from, the actor rather than the target."""
    for part in list(roles.recipients):
        if part.kind in PLACE_KINDS:
            continue
        if any(
            a.sector in ATTACKERS
            and a.end < part.start
            and _FROM.fullmatch(text, a.end, part.start)
            for a in roles.actors
        ):
            roles.actors = [part]
            roles.recipients = [p for p in roles.recipients if p.group != part.group]
            return
