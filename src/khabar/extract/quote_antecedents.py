"""Whom a speaker phrase without a name of its own refers to: the issuer of «البيان», the
last person named with a role's country and office («وأضاف الوزير المصري»), the last speaker
heard, or the subject of the last sentence that names someone.

`Antecedents` is a part of `quote_speakers.Attribution`, which provides the text, the mentions,
the speakers heard so far and the sentence and mention helpers declared below.
"""

from __future__ import annotations

import bisect
import re

from ..doc import Entity, Speaker
from ..text.normalize import fold, fold_text
from .quote_phrases import MentionRef

__all__ = ["Antecedents", "ref_text"]

_RECENT = 700  # a subjectless verb continues the last speaker if it spoke this recently


class Antecedents:
    """The speaker a phrase, a role word or a subjectless verb continues."""

    text: str
    mentions: list[MentionRef]
    mention_starts: list[int]
    entity_by_id: dict[str, Entity]
    history: list[Speaker]
    said_at: list[int]
    quote_spans: list[tuple[int, int]]

    def sentence_start(self, position: int) -> int:
        raise NotImplementedError

    def sentence_end(self, position: int) -> int:
        raise NotImplementedError

    def _first_in(self, start: int, end: int, types: tuple[str, ...]) -> MentionRef | None:
        raise NotImplementedError

    def _governed(self, ref: MentionRef) -> bool:
        raise NotImplementedError

    def _named_after(self, ref: MentionRef, limit: int) -> MentionRef:
        raise NotImplementedError

    def _document_author(self, head: str, position: int) -> Speaker | None:
        """Who issued the document «البيان»/«التقرير» names, from the last sentence that
        mentions it before: its speaker («وقالت الدول … في البيان الختامي»), else its subject
        («نشر المرصد … تقريرا»), else the organisation right after it («تقرير لمنظمة العفو»);
        nobody when none is named, rather than the last speaker (a report is not the person
        it quotes)."""
        window_start = max(0, position - 3000)
        folded, mapping = fold(self.text[window_start:position])
        form = re.compile(
            rf"(?<!\w)(?:[وفبلك]|ال|[وفبل]ال|لل)?{re.escape(head)}(?:ا|ه|ها|هم)?(?!\w)"
        )
        found = [m.start() for m in form.finditer(folded)]
        if not found:
            return None
        at = window_start + mapping.to_original(found[-1])
        sentence, sentence_end = self.sentence_start(at), self.sentence_end(at)
        for speaker, said in zip(reversed(self.history), reversed(self.said_at), strict=True):
            if said < sentence:
                break
            if said < sentence_end and speaker.entity is not None:
                return speaker
        author = self._first_in(sentence, at, ("PER", "ORG"))
        if author is None:
            k = bisect.bisect_left(self.mention_starts, at)
            author = next(
                (
                    r
                    for r in self.mentions[k : k + 3]
                    if r.entity.type == "ORG" and r.start - at < 40
                ),
                None,
            )
        return self._speaker_from(author) if author is not None else None

    def _named_role(self, role: Entity, phrase: str) -> Entity | None:
        """«وأضاف الوزير المصري» after «وزير الخارجية المصري سامح شكري»: the last speaker who is
        a named person of the role's country with the role's noun among their words."""
        head = fold_text(phrase.split()[0])
        head = head[2:] if head.startswith("ال") else head
        for speaker in reversed(self.history):
            person = self.entity_by_id.get(speaker.entity or "")
            if person is None or person.kind != "person" or person.country != role.country:
                continue
            texts = [speaker.text] + [m.text for m in person.mentions[:4]]
            if any(_names_head(t, head) for t in texts):
                return person
        return None

    def _head_antecedent(self, phrase: str, position: int) -> Speaker | None:
        """«المصدر», «الوزارة», «الصحيفة»: the last speaker or entity whose text has that noun."""
        head = fold_text(phrase.split()[0])[2:]
        if len(head) < 3:
            return None
        for speaker in reversed(self.history):  # «المخرجة» after «المخرجة اللبنانية نادين لبكي»
            if _names_head(speaker.text, head) and speaker.entity:
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
            if _names_head(speaker.text, head):
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
        # counted from the end of what was said: a long quotation keeps its speaker current
        said = self.quote_spans[-1][1] if self.quote_spans else 0
        if self.history and position - max(self.history[-1].end or 0, said) < _RECENT:
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
        ref = self._unquoted_before(position)
        if ref is not None:
            return self._speaker_from(ref)
        return self.history[-1] if self.history else None

    def _named_since(self, position: int, since: int) -> MentionRef | None:
        k = bisect.bisect_left(self.mention_starts, position)
        for ref in reversed(self.mentions[max(0, k - 30) : k]):
            if ref.start < since:
                return None
            inside = any(s <= ref.start < e for s, e in self.quote_spans)
            named = ref.entity.type == "PER" and ref.end <= position and not inside
            if named and not self._governed(ref):
                return ref
        return None

    def _unquoted_before(self, position: int) -> MentionRef | None:
        """The subject of the last sentence that names a person or organisation outside
        quotations: named first in it («وكان زيهوفر … تحدى … ميركل. … وقال» is Seehofer)."""
        k = bisect.bisect_left(self.mention_starts, position)
        for ref in reversed(self.mentions[max(0, k - 30) : k]):
            quoted = any(s <= ref.start < e for s, e in self.quote_spans)
            if ref.end <= position and ref.entity.type in ("PER", "ORG") and not quoted:
                start = self.sentence_start(ref.start)
                first = self._first_in(start, ref.end, (ref.entity.type,))
                return self._named_after(first, ref.end) if first is not None else ref
        return None

    @staticmethod
    def _speaker_from(ref: MentionRef) -> Speaker:
        return Speaker(ref.entity.id, ref_text(ref), ref.start, ref.end, ref.entity.name)


def _names_head(text: str, head: str) -> bool:
    """`head` (folded, without «ال») is a word of `text`, or its first word with «ال»."""
    words = fold_text(text).split()
    return head in words or bool(words and words[0] == "ال" + head)


def ref_text(ref: MentionRef) -> str:
    return next((m.text for m in ref.entity.mentions if m.start == ref.start), ref.entity.name)
