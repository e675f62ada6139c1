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
3. The speaker is the subject: the entity mention between the verb and the content (VSO,
   «وقال لافروف»; a person in apposition wins over the title's organisation), else the mention
   just before the verb (SVO), else — no subject, a participle («مضيفا»), or a definite role
   word without an entity («وأضاف الوزير») — the speaker of the previous quotation, or the last
   person or organisation named before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import ClassVar

from ..doc import Document, Entity, Quote, Speaker
from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..pipeline import BaseStage
from ..text.matcher import PhraseMatcher
from ..text.normalize import OffsetMap, fold, fold_text

_KINDS = ("verb", "participle", "noun", "source")
_WORD_KINDS = ("adverb", "boundary", "circumstance")
_RECENT = 700  # a subjectless verb continues the last speaker if it spoke this recently
_LAST_NP = re.compile(r"(?:(?<=\s)|^)(?:(?!(?:من|في|عن|علي|الي|مع|ضد)\s)\S+\s*){1,3}$")
_PREPOSITION = re.compile(r"(?:في|الي|علي|عن|من|مع|الى|لدي|ب|ل)(?!\w)|[\"«“]")
_CLAUSE_BREAK = re.compile(r"(?<!\w)(?:ب?ان|ان)(?!\w)|[،,:\"«»“”]")
_OPEN_CONTEXT = "([{«-–—/:،,"
_CLOSE_CONTEXT = ")]}».,،:;!?؟-–—"
_FA_INNA = re.compile(r"(?<!\w)ف(?:ان|انه|انها|انهم|قد)(?!\w)")
_MARKS = re.compile(r"[«»“”\"]")
_OBJECT_LIKE = re.compile(r"\w+(?:ه|ها|هم|هما)(?!\w)")
_AN = re.compile(r"(?<!\w)عن(?!\w)")
_WINDOW = 220  # how far after a verb its content may start
_CONTINUE_PARAGRAPHS = 3
# what introduces reported content, searched in folded text after the verb
_OPENER = re.compile(
    r"(?P<mark>[«\"“”])|(?P<colon>:)"
    r"|(?<!\w)(?P<comp>(?:(?:الي|علي|عن|من)\s+)?ب?ان(?:ه|ها|هم|هما|نا|ني)?)(?!\w)"
    r"|(?P<end>[.؟!?\n])"
)
_SUBJECT_CUT = re.compile(r"[،,:(\[]|(?<!\w)(?:في|خلال|عبر|امام|لدي|خلال|بعد|قبل|اليوم|امس)(?!\w)")
_TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2}
_APPOSITION_GAP = re.compile(r"^[\s،,\"«»“”]*$")


@dataclass(slots=True)
class _Verb:
    start: int  # original offsets
    end: int
    word_start: int
    lemma: str
    kind: str


@dataclass(slots=True)
class _MentionRef:
    start: int
    end: int
    entity: Entity
    source: str


@dataclass(slots=True)
class _Words:
    """Regexes over folded text that delimit the subject phrase of a speech verb."""

    lead: re.Pattern[str]  # adverbs between the verb and its subject
    end: re.Pattern[str]  # where the subject phrase stops
    before: tuple[re.Pattern[str], ...]  # a subject before the verb, ending the clause so far


def _load_verbs() -> tuple[PhraseMatcher, _Words]:
    path = data_path("speech_verbs.tsv")
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
    return matcher, _Words(
        lead=re.compile(rf"(?:[\s،,]*(?:{adverb})(?!\w))*[\s،,]*"),
        end=re.compile(rf"(?<!\w){stop}|[،,]\s*(?:(?:{adverb})(?!\w)|{stop})|[.:؟!?\n(]"),
        before=(  # tried in this order: relative clause, «كان … قد», a short clause-initial phrase
            re.compile(r"(?P<np2>[^.،,\n]{2,60}?)\s+(?:الذي|التي|الذين)\s+$"),
            re.compile(
                r"(?<!\w)[وف]?(?P<kana>كان|كانت|كانوا)\s+(?P<np>[^.،,]{2,80}?)\s+(?:قد\s+)?$"
            ),
            re.compile(r"(?:^|(?:^|\s)(?:ب?ان|ان)\s)\s*(?P<np3>(?:\S+\s+){0,5}\S+)\s+$"),
        ),
    )


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))


def quoted_spans(text: str) -> dict[int, int]:
    """Opening mark offset -> closing mark offset, for every quotation in `text`."""
    spans: dict[int, int] = {}
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pending: tuple[int, str] | None = None  # an opening mark still waiting for its close
    carried = 0
    for start, end in paragraphs:
        marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, start, end)]
        if pending is not None:
            close = _continuation_close(marks, pending[1])
            if close is not None:
                spans[pending[0]] = close
                marks = [m for m in marks if m[0] > close]
                pending = None
            else:
                carried += 1
                if carried > _CONTINUE_PARAGRAPHS:
                    pending = None
                continue
        pending = _pair(text, marks, spans)
        carried = 0
    return spans


def _continuation_close(marks: list[tuple[int, str]], opener: str) -> int | None:
    if opener == '"':
        plain = [i for i, c in marks if c == '"']
        return plain[-1] if len(plain) % 2 == 1 else None
    closer = "»" if opener == "«" else "”"
    depth = 0
    for i, c in marks:
        if c == opener:
            depth += 1
        elif c == closer:
            if depth == 0:
                return i
            depth -= 1
    return None


def _plain_role(text: str, i: int) -> str:
    """Whether a straight quote opens («"word»), closes («word" »), or could do either."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    spaced_before = before.isspace() or before in _OPEN_CONTEXT
    spaced_after = after.isspace() or after in _CLOSE_CONTEXT
    if spaced_before and not spaced_after:
        return "open"
    if spaced_after and not spaced_before:
        return "close"
    return "either"


def _pair(text: str, marks: list[tuple[int, str]], spans: dict[int, int]) -> tuple[int, str] | None:
    """Pairs the marks of one paragraph; returns an opening mark left open, if any."""
    stack: list[tuple[int, str]] = []
    plain_open: int | None = None
    for i, c in marks:
        if c == '"':
            role = _plain_role(text, i)
            if plain_open is None:
                plain_open = i if role != "close" else None  # a stray closing mark
            elif role == "open":
                plain_open = i  # the earlier opening mark was never closed («"ابل "لتوفير»)
            else:
                spans[plain_open] = i
                plain_open = None
        elif c in "«“":
            stack.append((i, c))
        elif stack and {"»": "«", "”": "“"}[c] == stack[-1][1]:
            spans[stack.pop()[0]] = i
    if plain_open is not None:
        return plain_open, '"'
    return stack[0] if stack else None


class QuoteStage(BaseStage):
    """Finds quotations in `doc.text` and attributes them to entities."""

    name: ClassVar[str] = "quotes"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "sentences", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __init__(self) -> None:
        self._verbs: PhraseMatcher | None = None
        self._words: _Words | None = None

    def setup(self) -> None:
        if self._verbs is None:
            self._verbs, self._words = _load_verbs()

    def __call__(self, doc: Document) -> Document:
        self.setup()
        assert self._verbs is not None
        assert self._words is not None
        doc.quotes = _Finder(doc, self._verbs, self._words).run()
        return doc


class _Finder:
    def __init__(self, doc: Document, verbs: PhraseMatcher, words: _Words):
        self.text = doc.text
        folded, mapping = fold(doc.text)
        self.verbs = []
        for m in verbs.find(folded):
            start, end = mapping.span(m.start, m.end)
            word_start = mapping.to_original(m.word_start)
            self.verbs.append(_Verb(start, end, word_start, *m.payloads[0]))
        self.spans = quoted_spans(doc.text)
        self.sentence_ends = sorted(s.end for s in doc.sentences) or [len(doc.text)]
        self.mentions = sorted(
            (
                _MentionRef(m.start, m.end, e, m.source)
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

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        used_marks: set[int] = set()
        for index, verb in enumerate(self.verbs):
            if quotes and quotes[-1].direct and quotes[-1].start <= verb.start < quotes[-1].end:
                continue  # a verb inside a direct quotation is part of what was said
            if verb.start in self.consumed:
                continue
            quote = self._from_verb(verb, self.verbs[index + 1 :], used_marks)
            if quote is not None:
                quotes.append(quote)
        quotes.extend(self._speaker_after(used_marks))
        quotes.sort(key=lambda q: q.start)
        return quotes

    # --- content ---------------------------------------------------------------------

    def _from_verb(self, verb: _Verb, later: list[_Verb], used: set[int]) -> Quote | None:
        if verb.kind == "source":
            return self._from_source(verb)
        window_end = min(len(self.text), verb.end + _WINDOW)
        folded, mapping = fold(self.text[verb.end : window_end])
        opener = self._opener(folded, mapping, verb.end)
        if opener is None:
            return None
        open_start = verb.end + mapping.to_original(opener.start())
        open_end = verb.end + mapping.span(opener.start(), opener.end())[1]
        between = [v for v in later if v.word_start < open_start]
        if any(v.kind == "noun" for v in between):
            return None  # «نقلت سانا عن مصدر قوله إن»: the later speech word introduces it
        self.consumed.update(v.start for v in between if v.kind == "participle")  # «وأضاف قائلا»
        region = (verb.end, open_start)
        content = self._content(opener.lastgroup or "", open_start, open_end, later, used)
        if content is None:
            return None
        start, end, direct = content
        speaker = self._speaker(verb, region)
        self.quote_spans.append((start, end))
        return Quote(start, end, self.text[start:end], speaker, verb.lemma, direct)

    def _opener(self, folded: str, mapping: OffsetMap, offset: int) -> re.Match[str] | None:
        """What introduces the content; a short quoted name («وكالة "تشاينا نيوز" أن») is skipped."""
        position = 0
        while True:
            opener = _OPENER.search(folded, position)
            if opener is None or opener.lastgroup == "end":
                return None
            if opener.lastgroup != "mark":
                return opener
            at = offset + mapping.to_original(opener.start())
            close = self.spans.get(at)
            if close is None or len(self.text[at:close].split()) > 3:
                return opener
            # quote marks survive folding: the close is the next such mark in the folded window
            position = folded.find(self.text[close], opener.end()) + 1
            if position <= 0:
                return None

    def _content(
        self, kind: str, open_start: int, open_end: int, later: list[_Verb], used: set[int]
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
            return open_start + 1, close, True
        end = self._sentence_end(position)
        if kind == "comp":
            end = min([end] + [v.word_start for v in later if position < v.word_start < end])
        start, end = _strip(self.text, position, end)
        return (start, end, kind == "colon") if end > start else None

    def _sentence_end(self, position: int) -> int:
        k = bisect.bisect_right(self.sentence_ends, position)
        return self.sentence_ends[k] if k < len(self.sentence_ends) else len(self.text)

    def _from_source(self, verb: _Verb) -> Quote | None:
        """«بحسب المرصد فإن …» reports what follows «فإن»; «… ، بحسب المرصد» what precedes."""
        sentence_end = self._sentence_end(verb.end)
        folded, mapping = fold(self.text[verb.end : sentence_end])
        fa = _FA_INNA.search(folded)
        if fa is not None:
            open_end = verb.end + mapping.span(fa.start(), fa.end())[1]
            speaker = self._subject((verb.end, verb.end + mapping.to_original(fa.start())))
            start, end = _strip(self.text, open_end, sentence_end)
            if speaker is None or end <= start:
                return None
            if self.text[start] in '«"“' and start in self.spans:
                start, end = start + 1, self.spans[start]
            self.history.append(speaker)
            return Quote(start, end, self.text[start:end], speaker, verb.lemma, False)
        k = bisect.bisect_right(self.sentence_ends, verb.word_start) - 1
        sentence_start = self.sentence_ends[k] if k >= 0 else 0
        start, end = _strip(self.text, sentence_start, verb.word_start)
        if end - start < 15:
            return None
        speaker = self._subject((verb.end, min(len(self.text), verb.end + 80)))
        if speaker is None or speaker.entity is None:
            return None
        return Quote(start, end, self.text[start:end], speaker, verb.lemma, False)

    def _speaker_after(self, used: set[int]) -> list[Quote]:
        """«…»، قال المتحدث: a quotation whose speaker comes after it."""
        out = []
        for open_at, close in self.spans.items():
            if open_at in used:
                continue
            after = next((v for v in self.verbs if close < v.word_start <= close + 5), None)
            if (
                after is None
                or after.kind != "verb"
                or self.text[close + 1 : after.word_start].strip(" ،,-")
            ):
                continue
            used.add(open_at)
            speaker = self._speaker(after, (after.end, min(len(self.text), after.end + 60)))
            out.append(
                Quote(
                    open_at + 1, close, self.text[open_at + 1 : close], speaker, after.lemma, True
                )
            )
        return out

    # --- speaker ---------------------------------------------------------------------

    def _speaker(self, verb: _Verb, region: tuple[int, int]) -> Speaker | None:
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
            speaker = self._subject(region) or self._subject_before(verb)
        elif verb.kind == "noun":  # «عن مصدر عسكري قوله»
            source = self._after_an((max(0, verb.word_start - 100), verb.word_start))
            speaker = self._subject(source) if source else None
        elif verb.kind == "participle":
            speaker = self._sentence_subject(verb)
        if speaker is None:
            # «وأضاف أن» continues the last speaker; a bare «قال» inside a clause refers to
            # the person just named («منزل … قال إنه لا يملكه»)
            speaker = self._antecedent(verb.word_start, named_first=verb.word_start == verb.start)
        if speaker is not None:
            self.history.append(speaker)
        return speaker

    def _sentence_subject(self, verb: _Verb) -> Speaker | None:
        """A participle («مضيفا») continues the speaker of its sentence, or its person."""
        sentence_start = self._sentence_start(verb.word_start)
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
        start, end = _strip(self.text, region[0] + start, region[0] + end)
        words = list(re.finditer(r"\S+", self.text[start:end]))
        if not words:
            return None
        if len(words) > 12:  # a long apposition: its head names the speaker
            end = start + words[5].end()
        return start, end

    def _subject(self, region: tuple[int, int]) -> Speaker | None:
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

    def _subject_before(self, verb: _Verb) -> Speaker | None:
        """SVO («الوزارة قالت»), «وكانت الوزارة قد قالت», «فريق الدفاع الذي قال»."""
        clause_start = self._sentence_start(verb.word_start)
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
        self, match: re.Match[str], mapping: OffsetMap, clause_start: int, verb: _Verb
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
        return self._subject((clause_start + start, clause_start + end))

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

    def _sentence_start(self, position: int) -> int:
        k = bisect.bisect_right(self.sentence_ends, position) - 1
        return self.sentence_ends[k] if k >= 0 else 0

    def _mention_before(
        self, position: int, reach: int, types: tuple[str, ...] = ("PER", "ORG")
    ) -> _MentionRef | None:
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

    def _named_since(self, position: int, since: int) -> _MentionRef | None:
        k = bisect.bisect_left(self.mention_starts, position)
        for ref in reversed(self.mentions[max(0, k - 30) : k]):
            if ref.start < since:
                return None
            inside = any(s <= ref.start < e for s, e in self.quote_spans)
            if ref.entity.type == "PER" and ref.end <= position and not inside:
                return ref
        return None

    @staticmethod
    def _speaker_from(ref: _MentionRef) -> Speaker:
        return Speaker(ref.entity.id, ref_text(ref), ref.start, ref.end, ref.entity.name)


def ref_text(ref: _MentionRef) -> str:
    return next((m.text for m in ref.entity.mentions if m.start == ref.start), ref.entity.name)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trims spaces and edge punctuation from a span."""
    while start < end and (text[start].isspace() or text[start] in "،,:-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,.:-"):
        end -= 1
    return start, end
