"""Who said a quotation: the subject of its speech verb, or the speaker it continues.

Speech verbs come from speech_verbs.tsv (with و/ف clitics). The speaker is the subject: the
entity mention between the verb and the content (VSO, «وقال لافروف»; a person in apposition wins
over the title's organisation), else the mention just before the verb (SVO), else — no subject,
a participle («مضيفا»), or a definite role word without an entity («وأضاف الوزير») — the speaker
of the previous quotation, or the last person or organisation named before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from ..doc import Document, Entity, Speaker
from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..text.matcher import PhraseMatcher
from ..text.normalize import OffsetMap, fold, fold_text
from .quote_marks import strip_span

__all__ = ["Attribution", "MentionRef", "SubjectWords", "Verb", "load_speech_verbs", "ref_text"]

_KINDS = ("verb", "participle", "noun", "source")
_WORD_KINDS = ("adverb", "boundary", "circumstance", "governor")
_RECENT = 700  # a subjectless verb continues the last speaker if it spoke this recently
_LAST_NP = re.compile(r"(?:(?<=\s)|^)(?:(?!(?:من|في|عن|علي|الي|مع|ضد)\s)\S+\s*){1,3}$")
_PREPOSITION = re.compile(r"(?:في|الي|علي|عن|من|مع|الى|لدي|ب|ل)(?!\w)|[\"«“]")
_CLAUSE_BREAK = re.compile(r"(?<!\w)(?:ب?ان|ان)(?!\w)|[،,:\"«»“”]")
_OBJECT_LIKE = re.compile(r"\w+(?:ه|ها|هم|هما)(?!\w)")
_AN = re.compile(r"(?<!\w)عن(?!\w)")
_TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2}


@dataclass(slots=True)
class Verb:
    start: int  # original offsets
    end: int
    word_start: int
    lemma: str
    kind: str


@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: Entity
    source: str


@dataclass(slots=True)
class SubjectWords:
    """Regexes over folded text that delimit the subject phrase of a speech verb."""

    lead: re.Pattern[str]  # adverbs between the verb and its subject
    end: re.Pattern[str]  # where the subject phrase stops
    before: tuple[re.Pattern[str], ...]  # a subject before the verb, ending the clause so far
    # a word that governs the «أن» right after it («دون أن», «يمكن أن»): no reported speech
    governed: re.Pattern[str] | None = None


def load_speech_verbs(path: Path | None = None) -> tuple[PhraseMatcher, SubjectWords]:
    """speech_verbs.tsv: the verb matcher, and the words that delimit a subject phrase."""
    path = path or data_path("speech_verbs.tsv")
    matcher = PhraseMatcher()
    words: dict[str, list[str]] = {kind: [] for kind in _WORD_KINDS}
    for number, row in read_tsv(path, ("form", "lemma", "kind"), non_empty=("form", "kind")):
        kind = row["kind"]
        if kind in words:
            words[kind].append(" ".join(fold_text(row["form"]).split()))
        elif kind in _KINDS and row["lemma"]:
            matcher.add(row["form"], (row["lemma"], kind))
        else:
            raise KnowledgeBaseError(f"{path}:{number}: bad kind {kind!r} or missing lemma")
    matcher.build()
    adverb, boundary = _alternation(words["adverb"]), _alternation(words["boundary"])
    circumstance = _alternation(words["circumstance"])
    # «في بيانها», «في بلاغه»: a noun with a possessive after «في» is a circumstance too
    stop = rf"(?:[وف]?(?:{boundary})|في\s+(?:{circumstance}|\w+(?:ه|ها|هم)))(?!\w)"
    return matcher, SubjectWords(
        lead=re.compile(rf"(?:[\s،,]*(?:{adverb})(?!\w))*[\s،,]*"),
        end=re.compile(rf"(?<!\w){stop}|[،,]\s*(?:(?:{adverb})(?!\w)|{stop})|[.:؟!?\n(]"),
        before=(  # tried in this order: relative clause, «كان … قد», a short clause-initial phrase
            re.compile(r"(?P<np2>[^.،,\n]{2,60}?)\s+(?:الذي|التي|الذين)\s+$"),
            re.compile(
                r"(?<!\w)[وف]?(?P<kana>كان|كانت|كانوا)\s+(?P<np>[^.،,]{2,80}?)\s+(?:قد\s+)?$"
            ),
            re.compile(r"(?:^|(?:^|\s)(?:ب?ان|ان)\s)\s*(?P<np3>(?:\S+\s+){0,5}\S+)\s+$"),
        ),
        governed=re.compile(rf"(?<!\w)[وف]?(?:{_alternation(words['governor'])})\s+$")
        if words["governor"]
        else None,
    )


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))


class Attribution:
    """The speaker of each quotation of one document, and what earlier quotations left behind."""

    def __init__(self, doc: Document, verbs: list[Verb], words: SubjectWords):
        self.text = doc.text
        self.verbs = verbs
        self.sentence_ends = sorted(s.end for s in doc.sentences) or [len(doc.text)]
        self.mentions = sorted(
            (
                MentionRef(m.start, m.end, e, m.source)
                for e in doc.entities
                if e.type in _TYPE_RANK and e.kind != "agent"
                for m in e.mentions
            ),
            key=lambda r: (r.start, -r.end),
        )
        self.mention_starts = [r.start for r in self.mentions]
        self.words = words
        self.history: list[Speaker] = []
        self.quote_spans: list[tuple[int, int]] = []
        self.consumed: set[int] = set()  # source words already read as part of a verb's subject

    def sentence_start(self, position: int) -> int:
        k = bisect.bisect_right(self.sentence_ends, position) - 1
        return self.sentence_ends[k] if k >= 0 else 0

    def sentence_end(self, position: int) -> int:
        k = bisect.bisect_right(self.sentence_ends, position)
        return self.sentence_ends[k] if k < len(self.sentence_ends) else len(self.text)

    def speaker(self, verb: Verb, region: tuple[int, int]) -> Speaker | None:
        speaker = None
        if verb.kind == "verb":
            if verb.lemma == "نقل":  # «نقلت الوكالة عن المصدر»: the source speaks
                region = self._after_an(region) or region
            for other in self.verbs:  # «وقالت البعثة في بيان، نقلا عن الممثل الخاص …، إن»
                if (
                    other.kind == "source"
                    and other.lemma == "نقل"
                    and region[0] <= other.start < region[1]
                ):
                    region = (other.end, region[1])
                    self.consumed.add(other.start)
            speaker = self.subject(region) or self._subject_before(verb)
        elif verb.kind == "noun":  # «عن مصدر عسكري قوله»
            source = self._after_an((max(0, verb.word_start - 100), verb.word_start))
            speaker = self.subject(source) if source else None
        elif verb.kind == "participle":
            speaker = self._sentence_subject(verb)
        if speaker is None:
            # «وأضاف أن» continues the last speaker; a bare «قال» inside a clause refers to
            # the person just named («منزل … قال إنه لا يملكه»)
            speaker = self._antecedent(verb.word_start, named_first=verb.word_start == verb.start)
        if speaker is not None:
            self.history.append(speaker)
        return speaker

    def _sentence_subject(self, verb: Verb) -> Speaker | None:
        """A participle («مضيفا») continues the speaker of its sentence, or its person."""
        sentence_start = self.sentence_start(verb.word_start)
        if self.history and (self.history[-1].start or 0) >= sentence_start:
            return self.history[-1]
        reach = verb.word_start - sentence_start
        for types in (("PER",), ("ORG",)):
            ref = self._mention_before(verb.word_start, reach, types)
            if ref is not None:
                return self._speaker_from(ref)
        return None

    def _after_an(self, region: tuple[int, int]) -> tuple[int, int] | None:
        found = [m.end() for m in _AN.finditer(self.text, region[0], region[1])]
        return (found[-1], region[1]) if found else None

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
        elif _PREPOSITION.match(folded, begin):
            return None  # «وأضافت في بيانها»: no subject after the verb
        start, end = mapping.span(begin, finish)
        start, end = strip_span(self.text, region[0] + start, region[0] + end)
        words = list(re.finditer(r"\S+", self.text[start:end]))
        if not words:
            return None
        if len(words) > 12:  # a long apposition: its head names the speaker
            end = start + words[5].end()
        return start, end

    def subject(self, region: tuple[int, int]) -> Speaker | None:
        span = self._phrase(region)
        if span is None:
            return None
        start, end = span
        lo = bisect.bisect_left(self.mention_starts, start)
        inside = [m for m in self.mentions[lo:] if m.start < end and m.end <= end + 1]
        ref = min(inside, key=lambda m: (_TYPE_RANK[m.entity.type], m.start), default=None)
        phrase = self.text[start:end]
        if ref is None and _OBJECT_LIKE.match(phrase):
            return None  # «ووصف إدانته بأنها»: a noun with a pronoun is the object, not the subject
        if ref is not None:
            return Speaker(ref.entity.id, phrase, start, end, ref.entity.name)
        antecedent = None
        if phrase.startswith("ال"):  # «المصدر», «البيان»: someone already named
            antecedent = self._head_antecedent(phrase, start) or self._recent(start)
        if antecedent is not None:
            return Speaker(antecedent.entity, phrase, start, end, antecedent.name)
        return Speaker(None, phrase, start, end, None)

    def _subject_before(self, verb: Verb) -> Speaker | None:
        """SVO («الوزارة قالت»), «وكانت الوزارة قد قالت», «فريق الدفاع الذي قال»."""
        clause_start = self.sentence_start(verb.word_start)
        folded, mapping = fold(self.text[clause_start : verb.word_start])
        for pattern in self.words.before:
            match = pattern.search(folded)
            found = self._subject_from_clause(match, mapping, clause_start, verb) if match else None
            if found is not None:
                return found
        adjacent = self._mention_before(verb.word_start, 3, ("PER", "ORG", "LOC"))
        plain = verb.word_start == verb.start  # «وقال» opens a new clause
        if plain and adjacent is not None and not self.text[adjacent.end : verb.word_start].strip():
            return self._speaker_from(adjacent)
        return None

    def _subject_from_clause(
        self, match: re.Match[str], mapping: OffsetMap, clause_start: int, verb: Verb
    ) -> Speaker | None:
        group = next(g for g in ("np", "np2", "np3") if match.groupdict().get(g) is not None)
        if group == "np3" and verb.word_start != verb.start:
            return None  # «وقال»: a new clause, no subject before it
        if group == "np3" and _CLAUSE_BREAK.search(match.group("np3")):
            return None
        if group == "np2":  # «من فريق الدفاع الذي قال»: the noun phrase after any preposition
            inner = _LAST_NP.search(match.group(group))
            offset = inner.start() if inner else 0
            start, end = mapping.span(match.start(group) + offset, match.end(group))
        else:
            start, end = mapping.span(match.start(group), match.end(group))
        return self.subject((clause_start + start, clause_start + end))

    def _head_antecedent(self, phrase: str, position: int) -> Speaker | None:
        """«المصدر», «الوزارة», «الصحيفة»: the last speaker or entity whose text has that noun."""
        head = fold_text(phrase.split()[0])[2:]
        if len(head) < 3:
            return None
        for speaker in reversed(self.history):
            if head in fold_text(speaker.text).split() and speaker.entity:
                return speaker
        k = bisect.bisect_left(self.mention_starts, position)
        for ref in reversed(self.mentions[max(0, k - 60) : k]):
            words = {
                w[2:] if w.startswith("ال") else w
                for w in fold_text(ref.entity.mentions[0].text).split()
            }
            if head in words | set(fold_text(self.text[ref.start : ref.end]).split()):
                return self._speaker_from(ref)
        for speaker in reversed(self.history):
            if head in fold_text(speaker.text).split():
                return speaker
        return None

    def _mention_before(
        self, position: int, reach: int, types: tuple[str, ...] = ("PER", "ORG")
    ) -> MentionRef | None:
        k = bisect.bisect_left(self.mention_starts, position)
        for ref in reversed(self.mentions[max(0, k - 12) : k]):
            if ref.end <= position and position - ref.end <= reach and ref.entity.type in types:
                return ref
        return None

    def _recent(self, position: int) -> Speaker | None:
        if self.history and position - (self.history[-1].end or 0) < _RECENT:
            return self.history[-1]
        return None

    def _antecedent(self, position: int, *, named_first: bool = False) -> Speaker | None:
        """The last speaker, or with `named_first` a person named since (outside quotes)."""
        last = self._recent(position)
        since = last.end if last and last.end is not None else 0
        ref = self._named_since(position, since) if named_first else None
        if ref is not None:
            return self._speaker_from(ref)
        if last is not None:
            return Speaker(last.entity, last.text, last.start, last.end, last.name)
        ref = self._mention_before(position, position)
        if ref is not None:
            return self._speaker_from(ref)
        return self.history[-1] if self.history else None

    def _named_since(self, position: int, since: int) -> MentionRef | None:
        k = bisect.bisect_left(self.mention_starts, position)
        for ref in reversed(self.mentions[max(0, k - 30) : k]):
            if ref.start < since:
                return None
            inside = any(s <= ref.start < e for s, e in self.quote_spans)
            if ref.entity.type == "PER" and ref.end <= position and not inside:
                return ref
        return None

    @staticmethod
    def _speaker_from(ref: MentionRef) -> Speaker:
        return Speaker(ref.entity.id, ref_text(ref), ref.start, ref.end, ref.entity.name)


def ref_text(ref: MentionRef) -> str:
    return next((m.text for m in ref.entity.mentions if m.start == ref.start), ref.entity.name)
