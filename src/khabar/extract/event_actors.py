"""Who did it to whom: actor and recipient of a trigger from the participants of its clause.

Participants are entity mentions (countries, organisations, people, agent nouns) plus
agent nouns from the event cue list that no entity covers. Roles follow Arabic word order:
VSO (a participant right after a verb is its subject), SVO (the nearest one before it),
passives (the subject is the recipient, «على يد / من قبل» names the actor), nominal
triggers (the genitive after the noun is the actor or the patient, per lexicon row) and
prepositions (مع → partner, ضد / على / إلى → recipient, بين X و Y → actor and recipient).
Coordinated participants («روسيا والولايات المتحدة والصين») share one role.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..doc import ActorRef, Entity
from .event_context import fold_word as fold_text  # cached: the same short gaps recur

ACTOR_KINDS = frozenset({"country", "igo", "armed", "person", "institution", "agent", "org",
                         "party", "media", "agency", "role", "group", "company"})  # fmt: skip
PLACE_KINDS = frozenset({"place", "site", "region"})
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# prepositions that mark the participant after them as the recipient; folded, as the words
# they are compared with are («على» is «علي», «لدى» is «لدي» there)
RECIPIENT_PREPS = frozenset(fold_text(w) for w in ("ضد", "على", "إلى", "مع", "تجاه", "بحق", "نحو",
                                                   "لدى", "من", "أمام", "قبالة"))  # fmt: skip
_TOPIC_PREPS = frozenset(fold_text(w) for w in ("ضد", "على", "تجاه", "بحق", "نحو"))
AGENT_MARKERS = ("من قبل", "على يد", "على ايدي", "بأيدي", "برصاص", "بنيران", "نفذه", "نفذها", "شنه",
                 "شنها", "نفذته", "نفذتها", "شنته", "شنتها", "نفذوه", "نفذوها", "شنوه", "شنوها",
                 "أطلقه", "أطلقته", "أطلقها", "أطلقتها", "أطلقوه", "أطلقوها", "ارتكبه", "ارتكبته",
                 "ارتكبها", "ارتكبتها", "نسبت الى", "نسب الى", "تبناه", "تبنته", "تبنتها",
                 "تفرضه", "يفرضه", "تفرضها", "يفرضها", "فرضته", "فرضه", "فرضها", "فرضتها",
                 "يفرضونه", "يفرضونها")  # fmt: skip
# «هجوم … استهدف دورية», «غارة مستهدفة مواقع»: what a verb of aiming names after a noun
# trigger is the target of the act the noun names
TARGET_MARKERS = ("استهدف", "استهدفت", "استهدفا", "استهدفوا", "يستهدف", "تستهدف", "مستهدفا",
                  "مستهدفة", "مستهدفين")  # fmt: skip
# compared with folded text: «على» is «علي» there
_FOLDED_MARKERS = tuple(fold_text(m) for m in AGENT_MARKERS)
_ATTACK_MARKERS = re.compile(r"^(?:برصاص|بنيران|شن|أطلق)")
# types whose act is launched or waged («هجوم شنه», «إضراب شنه العمال», «حملة اعتقالات شنتها»)
_LAUNCHED = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "THREATEN", "RETREAT"})
_FOLDED_AGENCY = tuple(fold_text(m) for m in AGENT_MARKERS if not _ATTACK_MARKERS.match(m))
_FOLDED_TARGETS = tuple(fold_text(m) for m in TARGET_MARKERS)
# the members a group acts through, between an agent marker and the group's name; folded
_MEMBERS = ("عناصر", "مسلحي", "مقاتلي", "أفراد", "جنود", "قوات", "ميليشيات", "مليشيات",
            "عناصر من", "مسلحين من", "مقاتلين من", "أعضاء", "عصابات", "قناصة", "قناص")  # fmt: skip
_MEMBERS_BEFORE = re.compile(r"(?<!\S)(?:" + "|".join(fold_text(w) for w in _MEMBERS) + r")\s*$")
_MEMBER_WORDS = frozenset(fold_text(w.split()[0]) for w in _MEMBERS) | {"من"}
# a pronoun enclitic closing the word («قواتها», «جنوده», «عناصرهم»)
ENCLITIC = re.compile(r"(?:هما|هم|ها|ه)(?![^\W\d_])")
_PROCLITIC_PREPS = {"ل": "الى", "ب": "ب", "وب": "ب", "ول": "الى", "فل": "الى", "فب": "ب"}
# «ل» + article («للحرس») or «ب» + article («بالجيش») opening a mention: no name starts so
_OWNER_PREPS = frozenset({"ل", "ول", "فل"})  # «مواقع للحوثيين»: ل names the owner
_OWN_PREP = re.compile(r"([وف]?ل(?=ل)|[وف]?ب(?=ال))")
_SKIPPABLE = frozenset({"امس", "اليوم", "الليله", "فجر", "صباح", "مساء", "الماضي", "ايضا",
                        "قد", "بالفعل", "رسميا", "الاحد", "السبت", "الاثنين", "الثلاثاء",
                        "الاربعاء", "الخميس", "الجمعه", "اول", "من"})  # fmt: skip
WORD_WITH_MARKS = re.compile(r"[^\W\d_][\w\u064b-\u065f\u0670\u0640]*")
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي",
                         "قلب", "ضواحي", "اطراف", "محيط"})  # fmt: skip
# nouns that name the kind of place before its name («في بلدة بلدروز», «بمدينة صعدة»)
_PLACE_NOUNS = frozenset({"بلده", "مدينه", "قريه", "منطقه", "حي", "محافظه", "ولايه", "اقليم",
                          "شارع", "ميدان", "ساحه", "معبد", "ضاحيه", "مخيم", "بلدات", "مدن",
                          "مناطق", "قضاء", "ناحيه", "العاصمه", "عاصمه", "مقاطعه", "جزيره",
                          "جامعه", "مطار", "سجن", "ميناء", "مستشفى", "سوق", "ضواحي"})  # fmt: skip
_OTHER_PREPS = frozenset({"بين", "في", "قبل", "يد", "ايدي", "عن", "حول", "قرب"})
_TOWARDS = "نحو"
_ABOUT = re.compile(r"نحو\s+[\d٠-٩]")
# buildings and posts whose owner follows them («مركز الشرطة», «مقر الحزب», «دورية للجيش»)
_HELD_NOUNS = frozenset(fold_text(w) for w in (
    "مركز", "مراكز", "مقر", "مقار", "مقرات", "منزل", "منازل", "مبنى", "مباني", "قاعدة",
    "قواعد", "موقع", "مواقع", "نقطة", "نقاط", "مكتب", "مكاتب", "سفارة", "قنصلية", "معسكر",
    "ثكنة", "دورية", "دوريات", "قافلة", "حافلة", "سيارة", "آلية", "آليات", "مخفر"))  # fmt: skip
# the kind of a tagger entity the knowledge base does not know: an unknown LOC is a place
_DEFAULT_KINDS = {"PER": "person", "LOC": "place"}


@dataclass(slots=True)
class Participant:
    start: int
    end: int
    text: str
    entity_id: str | None
    country: str | None
    sector: str | None
    kind: str
    group: int = -1  # index of the coordination group
    apposed: bool = False  # a title and the name after it, merged into one participant
    # no word names it: the place of the report stands in for it (not part of identity)
    default: bool = field(default=False, compare=False)
    placed: bool = field(default=False, compare=False)  # its country is the place's

    def ref(self) -> ActorRef:
        # an international body is coded "IGO", not "IGOIGO": the sector repeats the country
        sector = None if self.sector == self.country else self.sector
        code = (self.country or "") + (sector or "") or None
        return ActorRef(self.text, self.entity_id, code, self.sector, self.country)


def participants_from_entities(entities: list[Entity], start: int, end: int) -> list[Participant]:
    """Mentions inside [start, end) of entities that can take part in an event."""
    return MentionIndex(entities).participants(start, end)


class MentionIndex:
    """The mentions of a document's entities by position, so that each sentence finds its
    participants by bisection instead of a scan over every mention of the document."""

    def __init__(self, entities: list[Entity]):
        rows = []
        for e_index, entity in enumerate(entities):
            kind = entity.kind or _DEFAULT_KINDS.get(entity.type, "org")
            for m_index, mention in enumerate(entity.mentions):
                rows.append((mention.start, e_index, m_index, mention, entity, kind))
        rows.sort(key=lambda row: row[0])
        self.rows = rows
        self.starts = [row[0] for row in rows]

    def participants(self, start: int, end: int) -> list[Participant]:
        """Fresh participants (callers change them), in entity then mention order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        inside = sorted(
            (row for row in self.rows[lo:hi] if row[3].end <= end), key=lambda r: (r[1], r[2])
        )
        return [
            Participant(m.start, m.end, m.text, e.id, e.country, e.sector, kind)
            for _, _, _, m, e, kind in inside
        ]

    def last_of(self, offset: int, kinds: frozenset[str]) -> Entity | None:
        """The entity of the last mention of one of `kinds` starting before `offset`."""
        for row in reversed(self.rows[: bisect.bisect_left(self.starts, offset)]):
            if row[5] in kinds:
                return row[4]
        return None


# «الصحيفة», «الوكالة»: a definite generic noun for the newspaper or agency named before
def preposition_before(text: str, clause_start: int, part: Participant) -> str:
    """The preposition governing a participant: a separate word or a proclitic (ب، ل)."""
    word_start = part.start
    while word_start > clause_start and not text[word_start - 1].isspace():
        word_start -= 1
    attached = fold_text(text[word_start : part.start])
    if attached.endswith("ال"):
        attached = attached[:-2]
    words = WORD_WITH_MARKS.findall(
        fold_text(text[max(clause_start, word_start - 25) : word_start])
    )
    held = len(words) > 1 and words[-1] in _HELD_NOUNS
    if attached in _PROCLITIC_PREPS and not (held and attached in _OWNER_PREPS):
        return _PROCLITIC_PREPS[attached]
    if not attached:
        # the tagger may keep the preposition inside the mention («للحرس الثوري»)
        own = _OWN_PREP.match(part.text)
        if own and not (held and own.group(1) in _OWNER_PREPS):
            return _PROCLITIC_PREPS[own.group(1)]
    if held:
        # «على مركز الشرطة», «على مواقع للحوثيين»: the owner of the building shares its
        # preposition
        words.pop()
    if words[-3:] == ["بين", "كل", "من"]:
        return "بين"  # «بين كل من الوكالة الفلسطينية ونظيرتها التونسية»
    if words:
        last = words[-1].lstrip("و")
        if last == _TOWARDS and _ABOUT.search(text, max(clause_start, word_start - 25), word_start):
            return ""  # «قتل نحو 20 مسلحا»: «نحو» before a count is «about», no preposition
        if last in RECIPIENT_PREPS or last in _OTHER_PREPS:
            return last
    return ""


# types whose verb hits a post («قصفت مواقع الحوثيين»); after another verb the post may be
# its subject («دعا موقع يوتيوب», «أعلن مكتب الأمم المتحدة»)
_HITTING = frozenset({"ASSAULT", "COERCE"})


def owned(text: str, floor: int, part: Participant) -> bool:
    """Whether a post or building noun stands right before the participant, in construct
    or with «ل» («مواقع الحوثيين», «مقرات للحزب»): the participant owns it."""
    word_start = part.start
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    last = text[max(floor, word_start - 12) : word_start].split()
    return bool(last) and fold_text(last[-1]) in _HELD_NOUNS


def _words_between(text: str, start: int, end: int) -> list[str]:
    return WORD_WITH_MARKS.findall(fold_text(text[start:end])) if end > start else []


@dataclass(slots=True)
class Roles:
    actors: list[Participant]
    recipients: list[Participant]
    # a word no participant covers stands in the subject slot after the verb («استنكرت دول
    # غربية التصعيد الإسرائيلي», «انتقد نجم الأسد»): the actor is unnamed, not carried
    unnamed: bool = False


def _group(parts: list[Participant], first: Participant) -> list[Participant]:
    return [p for p in parts if p.group == first.group]


def assign_roles(
    text: str,
    clause: tuple[int, int],
    trigger: tuple[int, int],
    parts: list[Participant],
    *,
    event_type: str,
    verbal: bool,
    passive: bool,
    genitive: str,
    possessive: bool = False,
) -> Roles:
    """Actor and recipient of the trigger at `trigger` among `parts` (sorted, grouped)."""
    start, end = trigger
    unnamed = False
    cands = [p for p in parts if p.kind not in PLACE_KINDS or event_type in ("ASSAULT", "COERCE")]
    before = [p for p in cands if p.end <= start]
    after = [p for p in cands if p.start >= end]
    actors: list[Participant] = []
    recipients: list[Participant] = []
    marked = _agent_marked(text, end, after, event_type in _LAUNCHED)
    # «نددت بكين بابتزاز من قبل واشنطن»: a subject after the verb, then «من قبل» that
    # belongs to a noun of the object
    if (
        marked is not None
        and verbal
        and not passive
        and any(p.start < marked.start and _plain(text, clause[0], p) for p in after)
    ):
        marked = None
    if marked is not None:
        actors = _group(cands, marked)
        passive = True
    aimed = None if verbal else _target_marked(text, end, after)
    if aimed is not None:
        recipients = _group(cands, aimed)
        after = [p for p in after if p.group != aimed.group]
    heads = {}
    for part in cands:
        heads.setdefault(part.group, part)  # a coordinated group shares its head's preposition
    plain_after = [
        p for p in after if _plain(text, clause[0], heads.get(p.group, p)) and p not in actors
    ]
    prep_after = [p for p in after if p not in plain_after and p not in actors]
    if recipients:
        pass  # the noun's actor is its nisba or the sentence's attacker (`event_roles`)
    elif passive:
        # (a place before a comma ends the clause it stood in: «… إلى القدس، في وقت قتل فيه»)
        subject = (
            before[-1]
            if before
            and _close(text, before[-1].end, start, 3)
            and not (_is_place(before[-1]) and _COMMA.search(text, before[-1].end, start))
            else None
        )
        subject = plain_after[0] if plain_after and not subject else subject
        if plain_after and _counted(text, end, plain_after[0].start):
            subject = plain_after[0]  # «سقطت صواريخ على وزيرستان فقتلت 32 متمردا»: the count
        recipients = _group(cands, subject) if subject else []
    elif possessive and not verbal:
        # «سيطرتها على …»: the enclitic is the actor, its antecedent comes before (one
        # that no preposition governs, if any: «تسليم نفسه للسلطات بعد … من رفضه»)
        plain = [p for p in before if p.kind not in PLACE_KINDS and _plain(text, clause[0], p)]
        head = plain[-1] if plain else before[-1] if before else None
        actors = actors or (_group(cands, head) if head else [])
    elif (
        verbal
        and not actors
        and plain_after
        and not (before and _close(text, before[-1].end, start, 0))  # SVO: named before
        and unnamed_subject(text, end, plain_after[0])
    ):
        unnamed = True
        recipients = _group(cands, plain_after[0])
    else:
        actors, recipients = _active(
            text, start, end, before, plain_after, verbal, genitive, actors, prep_after, event_type
        )
    if not recipients:
        recipients, actors = _prepositional(
            text, clause[0], cands, prep_after, actors, event_type, verbal
        )
    elif event_type == "CONSULT" and prep_after:
        # «التقى لودريان بالرئيس السيسي وتناولت المحادثات القضية الفلسطينية»: whom one meets
        # with («ب», «مع») comes before what is talked about
        met = _met_with(text, clause[0], prep_after, recipients[0].start)
        recipients = _group(cands, met) if met is not None else recipients
    recipients = [p for p in recipients if p not in actors]
    return Roles(_unique(actors), _unique(recipients), unnamed)


def _is_place(part: Participant) -> bool:
    return part.kind in PLACE_KINDS or part.kind == "country"


def _met_with(
    text: str, clause_start: int, prep_after: list[Participant], before: int
) -> Participant | None:
    """The first participant after «ب» or «مع» that stands before offset `before`."""
    for part in prep_after:
        if part.start >= before:
            return None
        if preposition_before(text, clause_start, part) in ("ب", "مع"):
            return part
    return None


def _prepositional(text, clause_start, cands, prep_after, actors, event_type, verbal=True):
    seen_groups: set[int] = set()
    for part in prep_after:
        if part.group in seen_groups:
            continue
        seen_groups.add(part.group)
        prep = preposition_before(text, clause_start, part)
        if prep == "بين":
            group = _group(cands, part)  # «بين X و Y»: X against / with Y
            # «أعلنت سيول إمكان عقد قمة بين ترمب وكيم»: the meeting's sides are the pair,
            # not who reports it
            symmetric_noun = not verbal and event_type in SYMMETRIC
            if (not actors or symmetric_noun) and len(group) > 1:
                return group[1:], group[:1]
            if actors:
                return group, actors
            actors = group
            continue
        if event_type == "PROTEST" and prep == "من":
            continue  # «جاء المتظاهرون من ألمانيا»: where they came from
        if event_type == "CONSULT" and prep in _TOPIC_PREPS:
            continue  # «ناقشا التعاون ضد تنظيم الدولة»: who the talk is about, not with
        if (
            prep in RECIPIENT_PREPS
            or (prep == "في" and part.kind == "igo" and event_type in SYMMETRIC)
            or (prep == "ب" and event_type == "CONSULT")  # «التقى بـ», «اجتمع بـ», «اتصل بـ»
        ):
            return _group(cands, part), actors
    return [], actors


def _active(text, start, end, before, plain_after, verbal, genitive, actors, prep_after=(),
            event_type=""):  # fmt: skip
    recipients: list[Participant] = []
    # (a comma between ends the clause the name stood in: «… من الجانب الأمريكي، دعا …»)
    if (
        verbal
        and not actors
        and before
        and _close(text, before[-1].end, start, 0)
        and not _COMMA.search(text, before[-1].end, start)
    ):
        # SVO: a participant right before the verb («القوات الروسية أسقطت طائرتين») is its
        # subject, and what follows is the object
        actors = [p for p in before if p.group == before[-1].group]
    if plain_after and _close(text, end, plain_after[0].start, 3):
        first = plain_after[0]
        if owned(text, start, first) and (not verbal or actors or event_type in _HITTING):
            # «استهدفت الغارات مواقع للحوثيين», «قصفت مواقع الحوثيين»: the owner of the post
            # the act hits is its target, never the subject or the noun's agent
            return actors, [p for p in plain_after if p.group == first.group]
        if verbal or genitive == "actor":
            actors = actors or [p for p in plain_after if p.group == first.group]
            rest = [p for p in plain_after if p.group != first.group]
            if rest and event_type != "ACCUSE" and _REPORTED.search(text, first.end, rest[0].start):
                rest = []  # «رفض الوزير التصريحات قائلا إن تركيا …»: the report's own words
            if rest:
                recipients = [p for p in rest if p.group == rest[0].group]
        else:
            recipients = [p for p in plain_after if p.group == first.group]
    if not actors and before:
        last = before[-1]
        actors = [p for p in before if p.group == last.group]
    if not recipients and verbal and plain_after:
        first = next((p for p in plain_after if p not in actors), None)
        # «انفجرت على دورية بريطانية على الطريق الدولي بصرة»: a far name without a
        # preposition is no object when a preposition names one before it
        if first is not None and any(q.start < first.start for q in prep_after):
            first = None
        # «رفض … التصريحات قائلا إن تركيا أجرت …»: a name in the clause it reports is no object
        if (
            first is not None
            and event_type != "ACCUSE"
            and _REPORTED.search(text, end, first.start)
        ):
            first = None
        if first is not None:
            recipients = [p for p in plain_after if p.group == first.group]
    return actors, recipients


# words after a verb that are no subject: particles, prepositions, time words, titles (a
# title before a name the tagger found alone is part of that name)
_NO_SUBJECT = frozenset(fold_text(w) for w in (
    "في", "إلى", "على", "عن", "من", "مع", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "لدى",
    "خلال", "بعد", "قبل", "عبر", "حول", "أمام", "ضد", "منذ", "يوم", "أيضا", "هذا", "هذه",
    "ذلك", "كل", "كما", "وقت", "لا", "لم", "لن", "ما", "إلا", "قد", "هو", "هي", "هم",
    "رئيس", "وزير", "زعيم", "أمين", "مدير", "قائد", "سفير", "نائب", "ولي", "ملك", "أمير",
    "شيخ", "مستشار", "متحدث", "ناطق", "مبعوث", "مندوب", "ممثل", "عضو", "رئيسة", "وزيرة",
    "الرئيس", "الوزير", "الملك", "الأمير", "الشيخ", "السيد", "السيدة", "الدكتور", "دكتور",
    "الزعيم", "الجنرال", "العقيد", "اللواء", "المستشار", "المرشد", "البابا", "الإمام",
    "الأسبوع", "الشهر", "العام", "صباحا", "مساء", "ليلا", "أسبوع", "شهر", "عام",
    "مئات", "آلاف", "عشرات", "ملايين", "بعض", "عدد", "جميع", "معظم", "غالبية", "أغلب",
    "أحد", "إحدى", "بين", "حتى", "أي", "غير"))  # fmt: skip
# what opens a reported clause: «إن/أن», a speech participle («قائلا», «مؤكدا»)
_REPORTED = re.compile(
    r"(?<!\w)(?:[وف]?ب?[أإا]ن(?:ه|ها|هم)?|قائلا|قائلة|مؤكدا|مؤكدة|معتبرا|معتبرة|مضيفا|مضيفة"
    r"|مشيرا|مشيرة|موضحا|موضحة)(?!\w)"
)
# nisba adjectives after the noun («غربية», «عربية», «أوروبيون»), folded (ة is ه there)
_ADJECTIVE_ENDINGS = ("يه", "ي", "يون", "يين", "ين")
_GAP_BREAK = re.compile(r"[،,؛;:.«»\"“”()\[\]\-–]")


def unnamed_subject(text: str, end: int, first: Participant) -> bool:
    """Whether an indefinite noun and its adjectives, which no participant covers («دول
    غربية وعربية»), stand between a verb ending at `end` and the first participant after
    it: that noun is the subject, the participant the object. A noun right before the
    participant is in construct with it («غارات التحالف») and makes no such subject."""
    if first.start - end > 40 or _GAP_BREAK.search(text, end, first.start):
        return False
    words = [
        w
        for w in WORD_WITH_MARKS.findall(fold_text(text[end : first.start]))
        if w not in _SKIPPABLE
    ]
    if not 2 <= len(words) <= 3 or any(w.removeprefix("و") in _NO_SUBJECT for w in words):
        return False
    head, last = words[0], words[-1].removeprefix("و")
    return (
        len(head) > 2
        and head not in _HELD_NOUNS  # «قصفت مواقع داعش»: the object of a dropped subject
        and not head.startswith(("ال", "وال", "بال", "لل", "فال", "كال"))
        and not head.endswith(("ا", "ه", "هم", "هما", "هن"))
        and last.endswith(_ADJECTIVE_ENDINGS)
    )


def agent_marked(text: str, part: Participant, floor: int = 0, attack: bool = True) -> bool:
    """Whether «على يد», «من قبل», «برصاص»… stands right before the participant, or before
    a plural head noun that the participant completes («على يد عناصر المقاومة»). Without
    `attack`, the markers of firing and launching («شنه», «برصاص») do not count: in «تعليق
    الرحلات إثر هجوم شنه المتمردون» they name who attacked, not who suspended."""
    markers = _FOLDED_MARKERS if attack else _FOLDED_AGENCY
    head = fold_text(text[max(floor, part.start - 14) : part.start]).strip()
    if head.endswith(markers):
        return True
    last = text[max(floor, part.start - 16) : part.start].split()
    if not last or fold_text(last[-1]) not in _MEMBER_WORDS:
        return False  # the common case, kept cheap: no member noun right before
    wide = fold_text(text[max(floor, part.start - 34) : part.start])
    members = _MEMBERS_BEFORE.search(wide)
    return members is not None and wide[: members.start()].rstrip().endswith(markers)


def _target_marked(text: str, end: int, after: list[Participant]) -> Participant | None:
    """The first participant right after a verb of aiming («استهدف دورية للجيش»)."""
    for part in after:
        head = fold_text(text[max(end, part.start - 12) : part.start]).strip()
        if head.endswith(_FOLDED_TARGETS):
            return part
    return None


def _agent_marked(
    text: str, end: int, after: list[Participant], attack: bool = True
) -> Participant | None:
    for part in after:
        if agent_marked(text, part, end, attack):
            return part
    return None


def _plain(text: str, clause_start: int, part: Participant) -> bool:
    return preposition_before(text, clause_start, part) == ""


_COMMA = re.compile(r"[،,]")
# a count (and an approximation before it) between a killing verb and the noun it counts
_COUNT_GAP = re.compile(
    r"\s*(?:(?:فيه|فيها|نحو|قرابة|حوالي|حوالى|زهاء|أكثر من|اكثر من|ما لا يقل عن)\s+)*"
    r"(?:\d+|[٠-٩]+)(?:\s+(?:من\s+)?)?"
)


def _counted(text: str, end: int, start: int) -> bool:
    """Whether only a number in digits stands between offsets `end` and `start`."""
    return 0 < start - end <= 40 and _COUNT_GAP.fullmatch(text, end, start) is not None


def _close(text: str, start: int, end: int, max_words: int) -> bool:
    words = [w for w in _words_between(text, start, end) if w not in _SKIPPABLE]
    return len(words) <= max_words


def _unique(parts: list[Participant]) -> list[Participant]:
    seen: set[str] = set()
    out = []
    for part in parts:
        key = part.entity_id or part.text
        if key not in seen:
            seen.add(key)
            out.append(part)
    return out


def bare_direction(word: str) -> str | None:
    """«شمال», «بجنوب», «وسط»… (or a place noun: «بلدة», «بمدينة») with or without «ال»;
    None for any other word. A returned form that differs from the word means a preposition
    is attached («بجنوب» → «جنوب»)."""
    bare = word.removeprefix("ال")
    if bare in _DIRECTIONS or bare in _PLACE_NOUNS:
        return word
    if (
        word[:1] == "ب"
        and (rest := word[1:].removeprefix("ال"))
        and (rest in _DIRECTIONS or rest in _PLACE_NOUNS)
    ):
        return word[1:]
    return None
