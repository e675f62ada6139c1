"""Direct and indirect quotations and who said them.

1. Quoted spans: «…», “…” and "…" are paired per paragraph (a straight quote opens or closes
   by the spaces around it, so one stray mark does not shift every later pair); a quotation
   opened and not closed in its paragraph goes on into the next ones (up to three) — the
   convention of multi-paragraph quotes, and what remains when a cleaner removed «(تستمر)».
2. Speech verbs (speech_verbs.tsv, with و/ف clitics) look ahead in their sentence for what
   introduces the content: a quote mark or a colon (direct), or «إن / أن / بأن / إلى أن …»
   (indirect: the reported clause runs to the end of the sentence or to the next speech verb).
   A quotation followed by «، قال X» takes its speaker from that verb.
   «بحسب X فإن …» reports what follows «فإن»; «…، بحسب X» attributes the clause before it.
   «… على حد قوله» ends the content; without a subject of its own, the sentence names the speaker.
3. The speaker is the subject: the entity mention between the verb and the content (VSO,
   «وقال لافروف»; a person in apposition wins over the title's organisation), else the mention
   just before the verb (SVO), else — no subject, a participle («مضيفا»), or a definite role
   word without an entity («وأضاف الوزير») — the speaker of the previous quotation, or the last
   person or organisation named before.

Part 1 is khabar.extract.quote_marks, part 3 khabar.extract.quote_speakers (speech verbs:
khabar.extract.quote_verbs).
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..doc import Document, Quote
from ..pipeline import BaseStage
from ..text.matcher import PhraseMatcher
from ..text.normalize import OffsetMap, fold
from .quote_marks import quoted_spans, strip_span
from .quote_sacred import sacred_saying
from .quote_speakers import Attribution
from .quote_verbs import SHOWED, SubjectWords, Verb, load_speech_verbs

__all__ = ["QuoteStage", "quoted_spans"]

_FA_INNA = re.compile(r"(?<!\w)ف(?:ان|انه|انها|انهم|قد)(?!\w)")
# «التي أوردت», «الذي كان يتحدث»: a verb of a relative clause governs no later content
_RELATIVE = re.compile(
    r"(?<!\w)[وف]?(?:التي|التى|الذي|الذى|الذين|اللذين|اللتين)\s+(?:(?:كان|كانت|كانوا|قد|لم|لا)\s+)*$"
)
# «لم تعلن أي حملة», «لن يقول»: no statement was made; «مع من يقول إن»: whoever says it is
# nobody (and these verbs do not end the content of the verb before them)
_NOT_SAID = re.compile(r"(?<!\w)[وف]?(?:لم|لن|(?P<who>من|لمن|ممن))\s+$")
# «أو قل إن شئت»: a condition, no complementizer
_IF_YOU_WISH = re.compile(r"\s+(?:شئت|شئتم|شئنا)(?!\w)")
_PLAIN_AN = re.compile(r"ب?ان")
_SOURCE_END = re.compile(r"[،,«\"“]")
_TOLD_TO = re.compile(r"ما\s+\w+\s+ل")
_WINDOW = 220  # how far after a verb its content may start
# «وهي كالتالي:», «إحضار الآتي:», a numbered line after the colon: a list, not what was said
_LIST_COLON = re.compile(r"(?<!\w)(?:ك?ال(?:تالي|اتي)ه?|يلي)\s*$")
_LIST_ITEM = re.compile(r"\s*(?:[-•*]|\d{1,2}\s*[-.)–])")
# what introduces reported content, searched in folded text after the verb
_OPENER = re.compile(
    r"(?P<mark>[«\"“”])|(?P<colon>:)"
    r"|(?<![\w.])(?P<comp>(?:(?:الي|علي|عن|من)\s+)?ب?ان(?:ه|ها|هم|هما|نا|ني)?)(?!\w)"
    r"|(?P<end>\.(?!\w)|[؟!?\n])"  # («ار.تي.ال»: a dot inside a word ends nothing)
)


def _noun_context(before: str) -> bool:
    """«عدم ذكر اسمه», «(ذكر أو أنثى)»: the speech verb's form is a noun here."""
    if "(" not in before and "عدم" not in before:
        return False
    before = before.rstrip()
    return before.endswith("(") or before.endswith(" عدم") or before == "عدم"


def _not_said(folded: str, word_start: int, start: int) -> bool:
    """«لم تعلن», «مع من يقول» (not «من تأكيد الشرطة»: a verbal noun after «من»)."""
    found = _NOT_SAID.search(folded, max(0, word_start - 6), word_start)
    return found is not None and (found["who"] is None or folded.startswith("ي", start))


class QuoteStage(BaseStage):
    """Finds quotations in `doc.text` and attributes them to entities."""

    name: ClassVar[str] = "quotes"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "sentences", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __init__(self) -> None:
        self._verbs: PhraseMatcher | None = None
        self._words: SubjectWords | None = None

    def setup(self) -> None:
        if self._verbs is None:
            self._verbs, self._words = load_speech_verbs()

    def __call__(self, doc: Document) -> Document:
        self.setup()
        assert self._verbs is not None
        assert self._words is not None
        doc.quotes = _Finder(doc, self._verbs, self._words).run()
        return doc


class _Finder:
    """The content of each quotation; `Attribution` finds who said it."""

    def __init__(self, doc: Document, verbs: PhraseMatcher, words: SubjectWords):
        self.text = doc.text
        folded, mapping = fold(doc.text)
        self.verbs = []
        previous_end = -2
        sacred = False
        for m in verbs.find(folded):
            kind = m.payloads[0][1]
            if kind == "sacred":
                sacred = True
                continue
            if kind in ("verb", "participle") and (
                "ك" in m.prefix
                or (m.prefix and folded[previous_end : m.word_start] == " ")
                or _noun_context(folded[max(0, m.word_start - 5) : m.word_start])
                or (kind == "verb" and _not_said(folded, m.word_start, m.start))
            ):
                # «كيري» is no «ك» + «يرى», and «وأضاف فرات» no «ف» + «رأت»: a verb takes no
                # «ك», nor follows a speech verb with a clitic of its own; «عدم ذكر اسمه»,
                # «(ذكر أو أنثى)» are nouns; see _NOT_SAID
                continue
            if kind in ("verb", "participle"):
                previous_end = m.end
            start, end = mapping.span(m.start, m.end)
            word_start = mapping.to_original(m.word_start)
            self.verbs.append(Verb(start, end, word_start, *m.payloads[0]))
        self.spans = quoted_spans(doc.text)
        self.governed = words.governed
        self.work = words.work
        self.att = Attribution(doc, self.verbs, words)
        self.att.sacred = sacred

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        used_marks: set[int] = set()
        by_span: dict[tuple[int, int], Verb] = {}
        for index, verb in enumerate(self.verbs):
            if quotes and quotes[-1].direct and quotes[-1].start <= verb.start < quotes[-1].end:
                continue  # a verb inside a direct quotation is part of what was said
            if verb.start in self.att.consumed:
                continue
            if verb.lemma == SHOWED and quotes and quotes[-1].start <= verb.start < quotes[-1].end:
                continue  # «وقال الباحثون إن الدراسات أظهرت أن»: part of what they said
            quote = self._from_verb(verb, self.verbs[index + 1 :], used_marks)
            if quote is None:
                continue
            earlier = by_span.get((quote.start, quote.end))
            if earlier is not None:
                # two verbs reached the same content («أعلن المصدر مقتل … قال إنهم»): it is
                # the nearer verb's, unless that one sits in a relative clause («التي أوردت»)
                if self._relative(verb) and not self._relative(earlier):
                    continue
                quotes = [q for q in quotes if (q.start, q.end) != (quote.start, quote.end)]
            by_span[(quote.start, quote.end)] = verb
            quotes.append(quote)
        quotes.extend(self._speaker_after(used_marks, quotes))
        quotes.sort(key=lambda q: q.start)
        return quotes

    def _relative(self, verb: Verb) -> bool:
        # the pronouns are written one way: the raw text needs no folding
        start = max(0, verb.word_start - 24)
        return _RELATIVE.search(self.text[start : verb.word_start]) is not None

    def _from_verb(self, verb: Verb, later: list[Verb], used: set[int]) -> Quote | None:
        if verb.kind == "afterword":  # «على حد قوله» closes content, it introduces none
            return None
        if verb.kind == "source":
            return self._from_source(verb)
        window_end = min(len(self.text), verb.end + _WINDOW)
        folded, mapping = fold(self.text[verb.end : window_end])
        opener = self._opener(folded, mapping, verb.end)
        if opener is None:
            return None
        open_start = verb.end + mapping.to_original(opener.start())
        open_end = verb.end + mapping.span(opener.start(), opener.end())[1]
        if verb.lemma == SHOWED and not (opener.lastgroup == "comp" and _PLAIN_AN.match(opener[0])):
            return None  # («أظهر مقطع فيديو … على أن»: a condition, no finding)
        if opener.lastgroup == "colon" and (
            _LIST_COLON.search(folded, 0, opener.start()) or _LIST_ITEM.match(self.text, open_end)
        ):
            return None
        between = [v for v in later if v.word_start < open_start]
        if any(v.kind == "noun" for v in between):
            return None  # «نقلت سانا عن مصدر قوله إن»: the later speech word introduces it
        nearer = next((v for v in between if v.kind == "verb" and not self._relative(v)), None)
        if nearer is not None:
            # «نفت الخبر، إذ ذكرت الوكالة أن»: the nearer verb's content
            if verb.kind == "verb":
                self.att.note_subject((verb.end, nearer.word_start))
            return None
        # «وأضاف قائلا»: the participle repeats the verb, it speaks no new quotation
        self.att.consumed.update(v.start for v in between if v.kind == "participle")
        region = (verb.end, open_start)
        content = self._content(opener.lastgroup or "", open_start, open_end, later, used)
        if content is None:
            if verb.kind == "verb" and opener.lastgroup == "comp" and opener[0][-1] in "هم":
                # «وقال شاهد إنه رأى …»: the next verb says it, its pronoun is this subject
                self.att.speaker(verb, region)
            return None
        start, end, direct = content
        speaker = None
        if direct and self.att.sacred:
            speaker = sacred_saying(self.text, open_start, self.att.words)
        speaker = speaker or self.att.speaker(verb, region)
        if speaker is None or speaker.entity is None:
            # «… على حد قوله»: the sentence's subject said it
            tail = self._afterword(end, later)
            found = self.att.said_after(tail, speaker, verb.word_start) if tail else None
            speaker = found or speaker
        self.att.quote_spans.append((start, end))
        return Quote(start, end, self.text[start:end], speaker, verb.lemma, direct)

    def _afterword(self, end: int, later: list[Verb]) -> Verb | None:
        for other in later:
            if other.word_start > end + 4:
                return None
            gap = self.text[end : other.word_start]
            if other.kind == "afterword" and not gap.strip(' ،,"»”'):
                return other
        return None

    def _opener(self, folded: str, mapping: OffsetMap, offset: int) -> re.Match[str] | None:
        """What introduces the content; a short quoted name («وكالة "تشاينا نيوز" أن») is skipped."""
        position = 0
        while True:
            opener = _OPENER.search(folded, position)
            if opener is None or opener.lastgroup == "end":
                return None
            if opener.lastgroup == "comp" and (
                self._governed(folded, opener.start()) or _IF_YOU_WISH.match(folded, opener.end())
            ):
                # «لم يعلن موقفه بعد لكن يمكن أن», «قال بعد أن التقى …، إن»: that «أن» is
                # the other word's; the content may still come later
                position = opener.end()
                continue
            if opener.lastgroup != "mark":
                return opener
            at = offset + mapping.to_original(opener.start())
            close = self.spans.get(at)
            if close is None or (
                len(self.text[at:close].split()) > 3 and not self._titled(folded, opener.start())
            ):
                return opener
            # quote marks survive folding: the close is the next such mark in the folded window
            position = folded.find(self.text[close], opener.end()) + 1
            if position <= 0:
                return None

    def _titled(self, folded: str, at: int) -> bool:
        """«كتاب "…"», «بعنوان «…»»: the quoted words are a title, however long."""
        return self.work is not None and self.work.search(folded, max(0, at - 24), at) is not None

    def _governed(self, folded: str, at: int) -> bool:
        return self.governed is not None and (
            self.governed.search(folded, max(0, at - 20), at) is not None
        )

    def _content(
        self, kind: str, open_start: int, open_end: int, later: list[Verb], used: set[int]
    ) -> tuple[int, int, bool] | None:
        position = open_end
        if kind in ("colon", "comp"):
            rest = self.text[open_end : open_end + 4]
            mark = next((open_end + i for i, c in enumerate(rest) if c in '«"“”'), None)
            if mark is not None and mark in self.spans and not rest[: mark - open_end].strip():
                open_start, kind = mark, "mark"
        if kind == "mark":
            close = self.spans.get(open_start)
            if close is None or open_start in used:
                return None
            used.add(open_start)
            start, end = strip_span(self.text, open_start + 1, close)  # «" أنا …»
            return start, end, True
        end = self.att.sentence_end(position)
        if kind == "comp":
            end = min(
                [end]
                + [
                    v.word_start
                    for v in later
                    if position < v.word_start < end and v.lemma != SHOWED
                ]
            )
        start, end = strip_span(self.text, position, end)
        return (start, end, kind == "colon") if end > start else None

    def _from_source(self, verb: Verb) -> Quote | None:
        """«بحسب المرصد فإن …» reports what follows «فإن»; «… ، بحسب المرصد» what precedes."""
        sentence_end = self.att.sentence_end(verb.end)
        folded, mapping = fold(self.text[verb.end : sentence_end])
        fa = _FA_INNA.search(folded)
        if fa is not None:
            open_end = verb.end + mapping.span(fa.start(), fa.end())[1]
            speaker = self.att.subject((verb.end, verb.end + mapping.to_original(fa.start())))
            start, end = strip_span(self.text, open_end, sentence_end)
            if speaker is None or end <= start:
                return None
            if self.text[start] in '«"“' and start in self.spans:
                start, end = start + 1, self.spans[start]
            self.att.heard(speaker, verb.word_start)
            return Quote(start, end, self.text[start:end], speaker, verb.lemma, False)
        sentence_start = self.att.sentence_start(verb.word_start)
        start, end = strip_span(self.text, sentence_start, verb.word_start)
        reach = min(len(self.text), verb.end + 80)
        speaker = self.att.subject((verb.end, reach))
        quoted = speaker is not None and speaker.entity is not None
        if not quoted:  # «بحسب المرصد، "…" …، مشيرا»: the source up to its comma still speaks
            comma = _SOURCE_END.search(self.text, verb.end, reach)
            speaker = self.att.subject((verb.end, comma.start())) if comma else None
        if speaker is None or speaker.entity is None:
            return None
        if self.text[sentence_start : verb.word_start].strip(" و") and not _TOLD_TO.match(
            speaker.text
        ):
            # «…، بحسب ما أفادت الشركة. مضيفا أن»: the source is who speaks next (not when it
            # opens the sentence, «وحسب رويترز، قال»; nor the one it was told to, «بحسب ما
            # أكده لمراسلة …، فلان»)
            self.att.heard(speaker, verb.word_start)
        if end - start < 15 or not quoted:
            return None
        return Quote(start, end, self.text[start:end], speaker, verb.lemma, False)

    def _speaker_after(self, used: set[int], found: list[Quote]) -> list[Quote]:
        """«…»، قال المتحدث: a quotation whose speaker comes after it."""
        out = []
        for open_at, close in self.spans.items():
            if open_at in used:
                continue
            after = next((v for v in self.verbs if close < v.word_start <= close + 5), None)
            if (
                after is None
                or after.kind not in ("verb", "afterword")
                or after.lemma == SHOWED
                or self.text[close + 1 : after.word_start].strip(" ،,-")
                or (after.kind == "verb" and after.word_start != after.start)
            ):
                # («…»، وأضاف: a verb with «و» opens a clause of its own)
                continue
            if after.kind == "afterword":
                # «"…"، حسب تعبيره»: whom the sentence names before the quotation, unless the
                # quotation is part of content already found
                if any(q.start <= open_at < q.end for q in found):
                    continue
                speaker = self.att.said_after(after, None, open_at)
            else:
                speaker = self.att.speaker(after, (after.end, min(len(self.text), after.end + 60)))
            used.add(open_at)
            out.append(
                Quote(
                    open_at + 1, close, self.text[open_at + 1 : close], speaker, after.lemma, True
                )
            )
        return out
