"""The subject phrase after a speech verb, in its own words.

`SubjectPhrases` is a part of `quote_speakers.Attribution`, which provides the text, the entity
mentions in order and the subject words of speech_verbs.tsv: it reads where the subject phrase
after a verb starts and ends (adverbs, circumstances and the outlet spoken to left out, a definite
head cut where its object begins), and whose relation noun («محامي ترامب») or outlet («لـ"الوطن"»)
a mention in it is, so that neither is taken for the speaker.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from ..doc import Entity
from ..text.normalize import fold, fold_text
from .quote_marks import strip_span
from .quote_verbs import SubjectWords

__all__ = ["GOVERNING", "MentionRef", "SubjectPhrases"]


@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: Entity
    source: str


_PREPOSITION = re.compile(r"(?:في|الي|علي|عن|من|مع|الى|لدي|ب|ل)(?!\w)|[\"«“]")
# a word that governs the name after it (a preposition, or «و»): the name is no subject
_GOVERNING = frozenset(
    {"في", "من", "الي", "علي", "عن", "مع", "بين", "لدي", "ضد", "عند", "حول", "و", "او"}
)
_WORD = re.compile(r"\S+")
# «الإذاعة العامة وصحيفة هآرتس»: a noun joined by «و» heads a second subject
_COORDINATED = re.compile(r"و\w{3,}ة$")  # (a written «ه» is a pronoun: «وأنصاره»)
# nouns of an outlet («لراديو هيئة الإذاعة»): after «ل», the outlet is spoken to
_OUTLET_NOUNS = frozenset(
    fold_text(w)
    for w in ["راديو", "صحيفة", "وكالة", "قناة", "محطة", "شبكة", "موقع", "مجلة", "تلفزيون", "إذاعة"]
)
# the same nouns as a pattern, written or folded (ة or ه, إ or ا)
_OUTLET_NOUN = (
    r"(?:راديو|صحيف[ةه]|وكال[ةه]|قنا[ةه]|محط[ةه]|شبك[ةه]|موقع|مجل[ةه]|تلفزيون|[إا]ذاع[ةه])"
)
_TO_OUTLET = re.compile(rf"ل{_OUTLET_NOUN}(?!\w)")
_TOLD_OUTLET = re.compile(rf"(?<!\w)ل[ـ\s«\"“]*$|(?<!\w)لل?$|(?<!\w)ل{_OUTLET_NOUN}\s*[«\"“(]?\s*$")
_OUTLETS = frozenset({"media", "agency"})
# a definite head's own words: definite (or coordinated definite) words, numbers, «نفسه»
_DEFINITE = re.compile(r"[وف]?ال|\d|نفس|ذات")
# a prepositional phrase glued to its noun («لجامعة», «بوزارة»): its noun governs what follows
_PP = re.compile(r"[وف]?[لبك]\w{2,}")
_QUANTITY = frozenset({"عدد", "من", "بعض", "احد", "احدي", "عشرات", "مئات", "الاف"})
_PREPOSITION_WORDS = frozenset({"باسم", "بن", "ابن", "بنت", "ابو", "ابي", "عبد", "لدي"})
# «لـ"الوطن"», «لـ«عكاظ»» ending the phrase: the outlet spoken to (not «الرئيس التنفيذي
# لـ"آبل"، تيم كوك», whose apposition follows)
_TOLD = re.compile(r"\s+لـ?\s*[\"«“][^\"«»“”]{1,40}[\"»”]\s*$")
# «ما ذكرت رويترز», «لما أعلنته الوزارة»: the relative «ما» and its verb before the source
_TO = re.compile(r"\s*ل[ـ\s«\"“]*$")
_WHAT = re.compile(r"ل?ما\s+(?!ل)\w+\s+(?![لب]\w)")
_MARKS = re.compile(r'[،,"«»“”()]')
GOVERNING = _GOVERNING


class SubjectPhrases:
    """Reading the subject phrase of a speech verb; `Attribution` provides the attributes."""

    text: str
    mentions: list[MentionRef]
    mention_starts: list[int]
    words: SubjectWords

    def _until(self, lo: int, end: int) -> list[MentionRef]:
        """The mentions from index `lo` that start before `end`."""
        return self.mentions[lo : bisect.bisect_left(self.mention_starts, end, lo)]

    def _phrase(self, region: tuple[int, int]) -> tuple[int, int] | None:
        """The subject noun phrase at the start of `region`, without adverbs and circumstances."""
        if region[1] <= region[0]:
            return None
        folded, mapping = fold(self.text[region[0] : region[1]])
        lead = self.words.lead.match(folded)
        begin = lead.end() if lead else 0
        stop = self.words.end.search(folded, begin)
        finish = stop.start() if stop else len(folded)
        if finish <= begin:
            return None
        if folded.startswith("لل", begin):
            begin += 1  # «وفقا للوكالة»: the attribution is «الوكالة»
        elif _PREPOSITION.match(folded, begin) or _TO_OUTLET.match(folded, begin):
            return None  # «وأضافت في بيانها», «وأضافت لراديو …»: no subject after the verb
        start, end = mapping.span(begin, finish)
        start, end = strip_span(self.text, region[0] + start, region[0] + end)
        words = list(_WORD.finditer(self.text[start:end]))
        if not words:
            return None
        if len(words) > 12:  # a long apposition: its head names the speaker …
            reach = start + words[min(15, len(words) - 1)].end()
            person = next(
                (
                    m
                    for m in self.mentions[bisect.bisect_left(self.mention_starts, start) :]
                    if m.start >= reach or m.entity.type == "PER"
                ),
                None,
            )
            # … unless it runs on to the person's name («الكاتب … ومدير المركز … بجنيف فلان»)
            if person is not None and person.start < reach and person.end <= end:
                end = person.end
            else:
                end = start + words[5].end()
        return start, end

    def _own_words(self, start: int, end: int) -> tuple[int, int]:
        """The source's own words: not «ما ذكرت» before it (`بحسب ما ذكرت رويترز`), nor the
        outlet it spoke to after it («مصدر في الشرطة لـ"الوطن"», «لوكالة الأنباء»)."""
        phrase = self.text[start:end]
        if " ل" in phrase:
            told = _TOLD.search(phrase)
            cut = start + told.start() if told else end
            for m in self._until(bisect.bisect_left(self.mention_starts, start), cut):
                if m.entity.kind in _OUTLETS and self._spoken_to(m):
                    before = _TO.search(self.text, start, m.start)
                    cut = before.start() if before else cut
                    break
            if cut > start:
                end = min(end, cut)
        if phrase.startswith(("م", "لم")):
            what = _WHAT.match(self.text, start, end)
            if what is not None and what.end() < end:
                start = what.end()
        return start, end

    def _owner(self, start: int, end: int) -> Entity | None:
        """«محامي الرئيس ترامب», «عدد من مؤيدي الأسد»: a relation noun heads the phrase, so the
        first person after it is whose lawyer or supporters speak, not the speaker."""
        written = self.text[start:end].split()
        k = 0  # folded one at a time: most phrases stop at their first word
        while k < len(written) - 1 and fold_text(written[k]) in _QUANTITY:  # «عدد من», «بعض»
            k += 1
        # «شقيقه محمد» (his brother Muhammad) folds like «شقيقة» (sister of): the pronoun is
        # an apposition's, so a written «ه» is never a relation noun
        if (
            k >= len(written)
            or written[k].endswith("ه")
            or fold_text(written[k]) not in self.words.relations
        ):
            return None
        lo = bisect.bisect_left(self.mention_starts, start)
        first = next((m for m in self._until(lo, end) if m.entity.type == "PER"), None)
        return first.entity if first is not None else None

    def _spoken_to(self, ref: MentionRef) -> bool:
        """«مصادر في المقاومة لـ«عكاظ»», «قال للجزيرة»: the outlet after «ل» is spoken to."""
        if ref.entity.kind not in _OUTLETS:
            return False
        before = self.text[max(0, ref.start - 16) : ref.start]
        if _TOLD_OUTLET.search(before) is not None:
            return True
        # «لراديو هيئة الإذاعة», «لوكالة الأنباء» (the clitic inside the tagger's mention)
        first = fold_text(self.text[ref.start : ref.end].split()[0])
        return first.startswith("ل") and first[1:] in _OUTLET_NOUNS

    def _definite_head_end(self, start: int, end: int) -> int:
        """A definite head takes no noun after it as its complement, so an indefinite word
        there opens the object: «واتهم البيان الختامي | إدارة ترامب», «أعلن الجيش | قتل
        فلان». Words of a name, definite words, a preposition and the nouns it governs
        («باسم قوات التحالف», «لرصد انتهاكات حقوق الإنسان») stay with the head, and so does
        an apposition after a comma («الصين، حليفة بيونغ يانغ»)."""
        words = list(_WORD.finditer(self.text[start:end]))
        if len(words) < 2:
            return end
        k = bisect.bisect_left(self.mention_starts, start)
        # «وأكد أحمد الزهراني تفهمه قلق الأهالي»: a name is a definite head too (one that
        # fills the phrase leaves nothing to cut)
        if not fold_text(words[0].group()).startswith("ال") and not any(
            start - 1 <= m.start <= start and m.entity.type in ("PER", "ORG") and m.end < end - 1
            for m in self.mentions[max(0, k - 1) : k + 2]
        ):
            return end
        names = [(m.start, m.end) for m in self._until(k, end)]
        governed = False  # the word follows a preposition or a noun in a construct chain
        for before, word in itertools.pairwise(words):
            at = start + word.start()
            if any(s <= at < e for s, e in names):
                governed = False
                continue
            folded = _MARKS.sub("", fold_text(word.group()))  # «لـ"آبل"،» is «لابل»
            if not folded or _DEFINITE.match(folded):
                governed = False
            elif folded in self.words.given_names:
                governed = True  # a name the tagger missed: «المتحدث باسم الوزارة أشرف القدرة»
            elif folded in _GOVERNING or folded in _PREPOSITION_WORDS or _PP.match(folded):
                governed = True
            elif (
                governed or before.group().endswith(("،", ",")) or _COORDINATED.match(word.group())
            ):
                governed = True  # a noun of the chain, an apposition's or a coordinated head
            else:
                return _trim_prepositions(self.text, start, at)
        return end


def _trim_prepositions(text: str, start: int, end: int) -> int:
    """`end` moved back over white space and prepositions left dangling at the cut."""
    words = text[start:end].split()
    while len(words) > 1 and fold_text(words[-1]) in _GOVERNING:
        words.pop()
    return start + len(" ".join(words)) if words else end
