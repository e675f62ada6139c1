"""Frames of a trigger's sentence: what kind of statement the trigger sits in.

A trigger word is a report of a fresh act, or background, a total, a fear, a reference.
These sentence-level signals become detector features: a year (background: «في 2004»),
the pluperfect «وكان … قد» (an earlier act), an imperfect trigger, a question, words of
fear or expectation («مخاوف من وقوع هجمات»), an attribution to a source («قال مصدر»), a
noun governed by a preposition («من الاتفاق»: a thing referred to) and a light verb that
carries out or suffers the act the noun names («شنت غارات», «تعرضت لهجوم»), and two
sides after the trigger («اشتباكات بين الجيش ومسلحين»). Clause frames ask what the
trigger's own clause holds: a count, a place, a time of its own (a concrete report), a
relative pronoun before it (a clause about something else: «الذي قتل في هجوم»), a plan or
a call governing it («دعا إلى التظاهر»), «منذ» (a span, a total), and whether the trigger
opens the sentence (the head of the main clause in Arabic's verb-first order).
"""

from __future__ import annotations

import re

from ..text.normalize import fold_text
from .event_triggers import TriggerHit

_YEAR = re.compile(r"(?<!\d)(?:19[4-9]\d|20[0-4]\d)(?!\d)")
_PLUPERFECT = re.compile(r"(?:^|\s)و?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,5}قد\s")
_FEAR = re.compile(
    r"مخاوف|تخوف|خشية|يخشى|تحذير|حذر|تهديد|محتمل|احتمال|استعداد|تستعد|يستعد|لمنع|منع وقوع"
)
_FEAR_WORDS = tuple(_FEAR.pattern.split("|"))
_ATTRIBUTED = re.compile(
    r"(?:^|\s)و?(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|أفاد|أفادت|افاد|افادت|ذكر|ذكرت|أكد|أكدت|اكد|"
    r"اكدت|أوضح|أوضحت|صرح)|مصادر|مصدر|شهود"
)
# every match of `_ATTRIBUTED` holds one of these: without one the search is skipped
_ATTRIBUTED_WORDS = ("قال", "أعلن", "اعلن", "أفاد", "افاد", "ذكر", "أكد", "اكد", "أوضح", "صرح",
                     "مصادر", "مصدر", "شهود")  # fmt: skip
_LIGHT_VERB = re.compile(
    r"(?:^|\s)[وف]?(?:شن|شنت|شنوا|يشن|تشن|نفذ|نفذت|نفذوا|ينفذ|تنفذ|بتنفيذ|قام|قامت|قاموا|وقع|وقعت|"
    r"اندلع|اندلعت|تعرض|تعرضت|تعرضوا|استهدف|استهدفت|أسفر|اسفر|جرح|أصيب|اصيب|تجدد|تجددت|"
    r"نظم|نظمت|نظموا|خرج|خرجت|شارك|شاركت)\s+(?:\S+\s+)?\S*$"
)
# a verb that wages or resumes what a noun names («شنت مقاتلات التحالف غارات», «خاضت القوات
# اشتباكات», «عاودت الطائرات غاراتها»): Arabic puts the subject between them (VSO), so up to
# three words may stand between (other light verbs only one: «تعرض» is also a noun)
_WAGING_VERB = re.compile(
    r"(?:^|\s)[وف]?(?:شن|شنت|شنوا|يشن|تشن|نفذ|نفذت|نفذوا|ينفذ|تنفذ|خاض|خاضت|خاضوا|يخوض|تخوض|"
    r"عاود|عاودت|عاودوا|واصل|واصلت|واصلوا|يواصل|تواصل)\s+"
    # the words between are a subject or a time, not a particle that opens another verb
    r"(?:(?![أاإ]ن\s|[أا]و\s|ثم\s|لم\s|لن\s|لا\s|قد\s|[فو]?[يت]\S+\s)[^\s،,.]+\s+){0,3}\S*$"
)
_WAGING_REACH = 45  # characters before the trigger word searched for a waging verb
# verbs that carry out or voice what a noun trigger names («أعرب عن دعمه», «وقعا اتفاقا»,
# «أجرى محادثات», «عقد اجتماعا»): with one, the noun reports an act, not a topic
_REALISING = re.compile(
    r"(?:^|\s)[وف]?(?:أعرب|اعرب|أعربت|اعربت|عبر|عبرت|أكد|اكد|أكدت|اكدت|جدد|جددت|أبدى|ابدى|أبدت|"
    r"ابدت|وقع|وقعت|وقعا|وقعوا|أبرم|ابرم|أبرمت|ابرمت|توصل|توصلت|توصلا|أجرى|اجرى|أجرت|اجرت|"
    r"يجري|تجري|سيجري|ستجري|عقد|عقدت|عقدا|يعقد|تعقد|قدم|قدمت|وجه|وجهت|أعلن|اعلن|أعلنت|اعلنت|"
    r"بدأ|بدأت|يبدأ|تبدأ|قام|قامت|أصدر|اصدر|أصدرت|اصدرت|حصل|حصلت|تلقى|تلقت|منح|منحت|"
    r"أبلغ|ابلغ|أبلغت|ابلغت)\S{0,2}\s+(?:\S+\s+)?(?:عن\s+|على\s+|إلى\s+|الى\s+|ب)?\S*$"
)
# «ردت روسيا بطرد دبلوماسيين», «قام بطرد», «تقدم بطلب»: the noun after «ب» is the act done
_CARRIED_OUT = re.compile(
    r"(?:^|\s)[وف]?(?:قام|قامت|قاموا|يقوم|تقوم|يقومون|رد|ردت|ردوا|يرد|ترد|ردّ|ردّت|ردّوا|"
    r"تقدم|تقدمت|تقدموا|يتقدم|تتقدم|التقدم)"
    r"\s+(?:\S+\s+){0,2}$"
)
_ENCLITIC = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")
# «مواجهات بين القوات ومسلحين»: a clash between two named sides
_BETWEEN = re.compile(r"\S*\s+(?:\S+\s+){0,2}بين\s")
_NUMBER = re.compile(
    r"\d|[٠-٩]|(?:^|\s)\S?(?:ثلاث|أربع|اربع|خمس|ست|سبع|ثماني|تسع|عشر|مئ|مائ|ألف|الف|اثن|عشرات|مئات)"
)
_TIME = re.compile(
    r"(?:^|\s)\S?(?:أمس|امس|اليوم|الليلة|ليلة|صباح|مساء|فجر|ظهر|الأحد|الاثنين|الإثنين|الثلاثاء|"
    r"الأربعاء|الاربعاء|الخميس|الجمعة|السبت)"
)
_RELATIVE = re.compile(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|ممن|مما)\s")
_PLAN = re.compile(
    r"(?:^|\s)[وف]?(?:دعا|دعت|دعوا|يدعو|تدعو|دعوة|دعوات|قرر|قررت|يعتزم|تعتزم|اعتزام|ينوي|تنوي|"
    r"يخطط|تخطط|خطة|خطط|مخطط|عزم|يعتزمون|لتنظيم|بتنظيم|تنظيم|هدد|هددت|يهدد|تهدد|طالب|طالبت)"
)
_SINCE = re.compile(r"(?:^|\s)(?:منذ|خلال|طيلة|طوال)\s")
_PREPOSITIONS = frozenset(
    fold_text(w)
    for w in ("من", "عن", "في", "على", "إلى", "مع", "بشأن", "حول", "تجاه", "إزاء", "بسبب", "لأن")
)


def sentence_frames(text: str, sentence: tuple[int, int]) -> dict[str, float]:
    """The frames that hold for every trigger of the sentence."""
    start, end = sentence
    span = text[start:end]
    # substring tests first: a year holds «19» or «20», and `_FEAR` is plain words (no
    # anchors), so that one of them occurs in the sentence is exactly a match
    year = ("19" in span or "20" in span) and _YEAR.search(text, start, end) is not None
    return {
        "year": float(year),
        "question": float("؟" in span),
        "fear": float(any(word in span for word in _FEAR_WORDS)),
        "attributed": float(
            any(word in span for word in _ATTRIBUTED_WORDS)
            and _ATTRIBUTED.search(text, start, end) is not None
        ),
    }


def trigger_frames(text: str, sentence: tuple[int, int], hit: TriggerHit) -> dict[str, float]:
    """The frames of one trigger: its form and the words just before it."""
    start = sentence[0]
    return {
        "imperfect": float(hit.folded.startswith("ي") and not hit.prefix.endswith("ال")),
        "pluperfect": float(bool(_PLUPERFECT.search(text[start : hit.word_start]))),
        "prep_noun": float(prep_noun(text, start, hit)),
        "between": float(bool(_BETWEEN.match(text, hit.end, min(sentence[1], hit.end + 50)))),
        "light_verb": float(light_verb(text, start, hit.word_start)),
    }


def light_verb(text: str, sentence_start: int, word_start: int) -> bool:
    """A verb right before a noun trigger carries out what it names."""
    if _LIGHT_VERB.search(text, max(sentence_start, word_start - 30), word_start):
        return True
    return bool(
        _WAGING_VERB.search(text, max(sentence_start, word_start - _WAGING_REACH), word_start)
    )


def bare_noun(text: str, sentence_start: int, hit: TriggerHit) -> bool:
    """A noun trigger with neither a pronoun for its author («دعمها», «زيارته») nor a verb
    that realises it («أعرب عن دعمه», «أجرى محادثات»): mostly a topic («دعم الإرهاب»,
    «ويهدف الاتفاق»), not an act the sentence reports."""
    # the unfolded word, where «ه» (pronoun) and «ة» (feminine ending) still differ
    if text[hit.start : hit.end].endswith(_ENCLITIC):
        return False
    before = text[max(sentence_start, hit.word_start - 40) : hit.word_start]
    if _REALISING.search(before):
        return False
    return not _REALISED_AFTER.match(text, hit.end, hit.end + 40)


def realised_after(text: str, hit: TriggerHit) -> bool:
    """«القمة التي جمعت كيم وترامب»: a relative clause names who met or acted."""
    return bool(_REALISED_AFTER.match(text, hit.end, hit.end + 40))


# «القمة التاريخية التي جمعت كيم وترامب», «الاتفاق الذي وقعه الطرفان»: a relative clause
# that brings the sides together or carries the act out
# («مباحثات سيجريها مع …»: without the pronoun, a verb with one that refers back)
_REALISED_AFTER = re.compile(
    r"\s+(?:\S+\s+)?(?:(?:الذي|التي|الذين)\s+(?:جمع|جمعت|عقد|عقدت|عقده|عقدها|أجرا|أجراها|"
    r"أجرته|أجرتها|وقع|وقعت|وقعه|وقعها|وقعته|وقعتها|أبرم|أبرمت|أبرمه|أبرمها)|"
    r"[وف]?س?(?:يجري|تجري|نجري|أجرا|اجرا|أجرت|اجرت|يعقد|تعقد|نعقد|عقد|عقدت|جمع|جمعت)"
    r"(?:ه|ها|هما|هم))(?:\s|$)"
)


def carried_out(text: str, floor: int, hit: TriggerHit) -> bool:
    """A noun after «ب» that names how a verb of doing or answering was done («ردت روسيا
    بطرد دبلوماسيين»): the act itself, not a thing referred to."""
    if "ب" not in hit.prefix:
        return False
    # a slice, not search bounds: «^» must match at the sentence start
    return bool(_CARRIED_OUT.search(text[max(floor, hit.word_start - 40) : hit.word_start]))


# «تعرض لمحاولة اغتيال», «نجا من محاولة خطف»: an attempt on someone is itself an attack
_ATTEMPT = re.compile(r"(?:^|\s)[وفلب]?(?:محاولة|محاولات|المحاولة)\s+$")
# «استمرت الطائرات … في استهداف», «مضت القوات في قصف»: a verb of continuing with its subject
# and «في» before the verbal noun carries the act out, as a waging verb does
_CONTINUED = re.compile(
    r"(?:^|\s)[وف]?(?:استمر|استمرت|استمروا|يستمر|تستمر|يستمرون|واصل|واصلت|واصلوا|يواصل|"
    r"تواصل|مضى|مضت|مضوا|يمضي|تمضي)\s+"
    r"(?:(?![أاإ]ن\s|[أا]و\s|ثم\s|لم\s|لن\s|لا\s|قد\s)[^\s،,.]+\s+){0,4}في\s+$"
)
_CONTINUED_REACH = 60  # characters before the trigger word searched for a continuing verb
# «تعرض الوزير العراقي لهجوم», «نجا المحافظ من هجوم»: the victim underwent the attack
_UNDERGONE = re.compile(
    r"(?:^|\s)[وف]?(?:(?:تعرض|تعرضت|تعرضوا|يتعرض|تتعرض|يتعرضون)\s+(?:[^\s،,.]+\s+){0,3}|"
    r"(?:نجا|نجت|نجوا|ينجو|تنجو)\s+(?:[^\s،,.]+\s+){0,3}من\s+)$"
)


def pressed_act(text: str, sentence_start: int, hit: TriggerHit) -> bool:
    """A noun trigger that an attempt, a continuing verb or a victim's «تعرض ل»/«نجا من»
    before it turns into an act («لمحاولة اغتيال», «استمرت الطائرات في استهداف»)."""
    before = text[max(sentence_start, hit.word_start - _CONTINUED_REACH) : hit.word_start]
    if hit.prefix in ("", "ل") and _UNDERGONE.search(before):
        return True
    if hit.prefix:  # another proclitic («بقصف») makes no verbal noun of these frames
        return False
    return bool(_ATTEMPT.search(before[-16:]) or _CONTINUED.search(before))


def prep_noun(text: str, floor: int, hit: TriggerHit) -> bool:
    """A noun trigger governed by a preposition («من الاتفاق», «بدعم من») names a thing
    the sentence refers to, rarely the act it reports."""
    if hit.prefix.rstrip("ال").endswith(("ب", "ل")):
        return True
    if not definite(hit):
        return False
    words = text[max(floor, hit.word_start - 12) : hit.word_start].split()
    return bool(words) and fold_text(words[-1]) in _PREPOSITIONS


# «خلال زيارته», «عقب اجتماع»: a noun after these names the time frame of what the
# sentence reports, an act mentioned in passing («قبل اجتماع سيعقده» announces one: kept)
_FRAME_PREPS = frozenset(
    fold_text(w)
    for w in (
        "خلال",
        "أثناء",
        "عقب",
        "إثر",
        "اثر",
        "بعيد",
        "غداة",
        "إبان",
        "لدى",
        "منذ",
        "بعد",
        "طوال",
        "طيلة",
        "هامش",
        "إطار",  # «في إطار لقاءات التشاور»: the frame another act falls within
        "سياق",
        "بمناسبة",
    )
)


# «يهدف الاتفاق إلى منع …», «العقوبات الرامية إلى إرغام …»: a noun after these names an aim
_PURPOSE = re.compile(
    r"(?:^|\s)[وف]?(?:يهدف|تهدف|الهادف|الهادفة|هادفة|الرامي|الرامية|الرامين|رامية|تسعى|يسعى|"
    r"سعيا|بهدف|لأجل|أجل)\s+(?:إلى\s+|الى\s+|ل)?$"
)


def frame_noun(text: str, floor: int, hit: TriggerHit) -> bool:
    """A noun trigger right after a preposition of time («خلال زيارته») or a word of aim
    («يهدف إلى منع»)."""
    if _PURPOSE.search(text[max(floor, hit.word_start - 24) : hit.start]):
        return True
    if hit.prefix.rstrip("ال") or _REALISED_AFTER.match(text, hit.end, hit.end + 40):
        return False  # «عقب القمة التي جمعت كيم وترامب»: an encounter of its own
    words = text[max(floor, hit.word_start - 14) : hit.word_start].split()
    return bool(words) and fold_text(words[-1]).removeprefix("و") in _FRAME_PREPS


_RELATIVE_PRONOUN_VERB = re.compile(
    r"(?:^|\s)و?(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان)\s+(?:قد\s+|كان\s+|كانت\s+)?$"
)
_RELATIVE_HEAD = re.compile(
    r"(\S+)\s+و?(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان)\s+(?:(?:قد|كان|كانت|تم)\s+)?$"
)
_RELATIVE_VERB = re.compile(
    r"(?:^|\s)و?(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|من|ممن|مما)\s+(?:قد\s+|كان\s+|كانت\s+)?$"
)


def relative_verb(text: str, floor: int, hit: TriggerHit, who: bool = True) -> bool:
    """A verb right after a relative pronoun («طالبان، التي التزمت بهدنة», «من يدعمون»)
    says who someone is, it does not report the act. `who`: «من» counts (not for a listed
    form, which after the preposition «من» is a noun: «بعد ساعات من رفضه»)."""
    pattern = _RELATIVE_VERB if who else _RELATIVE_PRONOUN_VERB
    return bool(pattern.search(text[max(floor, hit.word_start - 16) : hit.word_start]))


def relative_head(text: str, floor: int, hit: TriggerHit) -> tuple[int, int] | None:
    """Where the noun a relative clause describes («الاتفاقية النووية التي أبرمت») may end:
    the word before the pronoun and the one before it."""
    m = _RELATIVE_HEAD.search(text, max(floor, hit.word_start - 60), hit.word_start)
    return (max(floor, m.start(1) - 20), m.end(1)) if m else None


def definite(hit: TriggerHit) -> bool:
    """The article as a proclitic or inside a listed form («الضربات الجوية»)."""
    return hit.prefix.endswith("ال") or hit.folded.startswith("ال")


def clause_frames(
    text: str, clause: tuple[int, int], sentence_start: int, hit: TriggerHit, places: list[int]
) -> dict[str, float]:
    """The frames of a trigger's own clause (`places`: starts of the sentence's places)."""
    start, end = clause
    before = text[max(start, hit.word_start - 40) : hit.word_start]
    head = text[sentence_start : hit.word_start].split()
    return {
        "clause_count": float(
            bool(_NUMBER.search(text, start, hit.word_start) or _NUMBER.search(text, hit.end, end))
        ),
        "clause_place": float(any(start <= p < end for p in places)),
        "clause_time": float(bool(_TIME.search(text, start, end))),
        "relative": float(bool(_RELATIVE.search(before))),
        "plan": float(bool(_PLAN.search(before))),
        "since": float(bool(_SINCE.search(text, start, end))),
        "initial": float(len(head) <= 1),
    }
