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

from ..doc import Document, Speaker
from ..text.normalize import OffsetMap, fold, fold_text
from .quote_antecedents import Antecedents, ref_text
from .quote_phrases import GOVERNING as _GOVERNING
from .quote_phrases import MentionRef, SubjectPhrases
from .quote_sacred import sacred_speaker
from .quote_verbs import SHOWED, SubjectWords, Verb

__all__ = ["Attribution", "MentionRef", "ref_text"]

_LAST_NP = re.compile(r"(?:(?<=\s)|^)(?:(?!(?:من|في|عن|علي|الي|مع|ضد)\s)\S+\s*){1,3}$")
_CLAUSE_BREAK = re.compile(r"(?<!\w)(?:ب?ان|ان)(?!\w)|[،,:\"«»“”]")
_OBJECT_LIKE = re.compile(r"\w+(?:ه|ها|هم|هما)(?!\w)")
# «ودعت لإجراء تحقيق»: a verbal noun after «ل»/«ب» is the verb's complement, not its subject
_MASDAR_COMPLEMENT = re.compile(r"[لب](?:إ|است|ات)\w{2,}")
_WHAT = re.compile(r"(?:كل\s+)?ما(?!\w)")
# «وهي تحذر», «أنه نفى»: a pronoun right before the verb is its subject
_PRONOUN_BEFORE = re.compile(r"(?<!\w)(?:[بل]?[أإا]ن(?:ه|ها|هم)|و(?P<own>هو|هي|هم))\s+$")
_FOLLOW = frozenset({"تابع"})
_RELATIVE_BEFORE = re.compile(r"[،,]\s*(الذي|التي|الذين)\s+$")
_NOUN_GOVERNORS = re.compile(r"(?<!\w)(?:على|بعد|عقب|إثر|اثر|رغم|قبل|حول|عن|إلى|الى)\s+$")
_LATTER = frozenset({"الاخير", "الاخيره", "الاخيرين", "الاخيرتين"})
# «الأمن الفرنسي», «المصدر الأمني»: a definite noun with a nisba describes someone anew
_NISBA = re.compile(r"ال\w+(?:ي|يه|ية)(?!\w)")
# an indefinite feminine noun right before a name governs it («حكومة», «زيارة»); verbs never
# end in «ة»
_CONSTRUCT = re.compile(r"(?:^|\s)(?!ال)\w+ة\s+$")
# «المصادر», «المسؤولون»: a plural head is not the single speaker heard last
_PLURAL_HEAD = re.compile(r"(?:ال)?(?:\w{3,}(?:ون|ين|ات)|م\wا\wر)$")
_AN = re.compile(r"(?<!\w)عن(?!\w)")
_TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2}


class Attribution(SubjectPhrases, Antecedents):
    """The speaker of each quotation of one document, and what earlier quotations left behind."""

    def __init__(self, doc: Document, verbs: list[Verb], words: SubjectWords):
        self.text = doc.text
        self.verbs = verbs
        # «نقلا عن»: the only verbs that may stand inside another verb's subject region
        self.relays = [v for v in verbs if v.kind == "source" and v.lemma == "نقل"]
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
        self.entity_by_id = {e.id: e for e in doc.entities}
        # «وأعلنت الحكومة»: a generic actor (agents.tsv) is someone new, not the last speaker
        self.agent_starts = {m.start for e in doc.entities if e.kind == "agent" for m in e.mentions}
        self.words = words
        # a verse or hadith may be quoted («تعالى», «صلى الله عليه وسلم» … in the text): set
        # by the caller, whose verb matcher finds those words
        self.sacred = False
        self.history: list[Speaker] = []
        self.said_at: list[int] = []  # where each speaker of `history` spoke (its verb)
        self.quote_spans: list[tuple[int, int]] = []
        self.consumed: set[int] = set()  # source words already read as part of a verb's subject

    def sentence_start(self, position: int) -> int:
        k = bisect.bisect_right(self.sentence_ends, position) - 1
        return self.sentence_ends[k] if k >= 0 else 0

    def sentence_end(self, position: int) -> int:
        k = bisect.bisect_right(self.sentence_ends, position)
        return self.sentence_ends[k] if k < len(self.sentence_ends) else len(self.text)

    def speaker(self, verb: Verb, region: tuple[int, int]) -> Speaker | None:
        if self.sacred:
            sacred = sacred_speaker(
                self.text, verb, region, self.words, self.sentence_start(verb.word_start)
            )
            if sacred is not None:
                return sacred  # (heard by no later «وأضاف»: that is the preacher again)
        speaker = None
        pronoun = None
        if verb.kind == "verb" and verb.word_start == verb.start:
            pronoun = _PRONOUN_BEFORE.search(
                self.text, max(0, verb.word_start - 9), verb.word_start
            )
        if pronoun is not None and pronoun["own"]:
            # «…، وهي تحذر من أن»: the pronoun is the subject; the noun after it is no speaker
            speaker = self._pronoun_subject(verb, pronoun)
        elif pronoun is not None:
            # «قال شاهد إنه رأى سيارة …»: the pronoun is who spoke in this sentence, and what
            # follows the verb is its object
            sentence_start = self.sentence_start(verb.word_start)
            if self._spoke_since(sentence_start):
                speaker = self.history[-1]
                named = self._first_in(sentence_start, pronoun.start(), ("PER",))
                if speaker.entity is None and named is not None:
                    speaker = self._speaker_from(named)  # («المندوبة … نيكي هيلي، إنها ترى»)
        elif verb.kind == "verb":
            if verb.lemma == "نقل":  # «نقلت الوكالة عن المصدر»: the source speaks
                region = self._after_an(region) or region
            for other in self.relays:  # «وقالت البعثة في بيان، نقلا عن الممثل الخاص …، إن»
                if region[0] <= other.start < region[1]:
                    region = (other.end, region[1])
                    self.consumed.add(other.start)
            speaker = self.subject(region)
            if speaker is not None and _WHAT.match(speaker.text):
                speaker = None  # «نفى ما أشيع عن …»: what was denied, not who denied it
            if speaker is not None and verb.lemma in _FOLLOW and self._topic(speaker):
                speaker = None
            if speaker is None or (speaker.entity is None and self._svo(verb)):
                # «، العقيد صادق دويد، أكد الوصول»: a name just before a verb without «و» is
                # its subject, and the noun after it the object
                speaker = self._subject_before(verb) or speaker
            if speaker is None and verb.word_start != verb.start:
                speaker = self._clause_subject(verb)
        elif verb.kind == "noun":  # «عن مصدر عسكري قوله»
            source = self._after_an((max(0, verb.word_start - 100), verb.word_start))
            if source:
                speaker = self.subject(source)
            elif "ب" in self.text[verb.word_start : verb.start]:
                # «علق المتحدث فلان بقوله»: the sentence's subject says it (not «نقلت عنه
                # الصحيفة قوله», whose pronoun is the last speaker)
                speaker = self._sentence_subject(verb)
        elif verb.kind in ("participle", "afterword"):
            speaker = self._sentence_subject(verb)
        if speaker is None and verb.word_start == verb.start:
            relative = _RELATIVE_BEFORE.search(
                self.text, max(0, verb.word_start - 14), verb.word_start
            )
            ref = None
            if relative is not None and self._agrees(fold_text(relative[1]), verb):
                ref = self._mention_before(relative.start(), 0, ("PER", "ORG", "LOC"))
            if ref is not None:
                # «صحيفة دايلي ميل، التي كشفت»: the name before the comma speaks; a place
                # there («…في العاصمة واشنطن، الذي قال لي») leaves the speaker unknown
                if ref.entity.type == "LOC":
                    return None
                speaker = self._speaker_from(ref)
        if speaker is None:
            # «وأضاف أن» continues the last speaker; a bare «قال» inside a clause refers to
            # the person just named («منزل … قال إنه لا يملكه»)
            speaker = self._antecedent(verb.word_start, named_first=verb.word_start == verb.start)
        if speaker is not None and verb.lemma != SHOWED and not self._verbal_noun(verb):
            self.heard(speaker, verb.word_start)
        return speaker

    def _pronoun_subject(self, verb: Verb, pronoun: re.Match[str]) -> Speaker | None:
        """«وهي تحذر»: the organisation (for «هي») or the person its sentence names first."""
        types = (("ORG",), ("PER",)) if pronoun["own"] == "هي" else (("PER",), ("ORG",))
        sentence_start = self.sentence_start(verb.word_start)
        for kind in types:
            ref = self._first_in(sentence_start, pronoun.start(), kind)
            if ref is not None:
                return self._speaker_from(self._named_after(ref, verb.word_start))
        return None

    def _verbal_noun(self, verb: Verb) -> bool:
        """«ردّ البيت الأبيض على إعلان موسكو أن»: a speech word after a preposition is a
        verbal noun; its subject is not the sentence's, so a later «وأكد» does not continue
        it."""
        if verb.kind != "verb":
            return False
        if any(c in "بل" for c in self.text[verb.word_start : verb.start]):
            return True
        return (
            _NOUN_GOVERNORS.search(self.text, max(0, verb.word_start - 8), verb.word_start)
            is not None
        )

    @staticmethod
    def _topic(speaker: Speaker) -> bool:
        """«وتابع خروج الأرجنتين من كأس العالم»: «تابع» also means to follow something; an
        indefinite phrase naming nobody after it is what was followed, not who speaks."""
        # (two words may be a name the tagger missed: «وتابعت تانيا قائلة»)
        return (
            speaker.entity is None
            and len(speaker.text.split()) > 2
            and not fold_text(speaker.text).startswith(("ال", "مصدر", "مصادر"))
        )

    def heard(self, speaker: Speaker, at: int) -> None:
        self.history.append(speaker)
        self.said_at.append(at)

    def _spoke_since(self, position: int) -> bool:
        """The last speaker spoke (or was named) at or after `position`."""
        if not self.history:
            return False
        return max(self.said_at[-1], self.history[-1].start or -1) >= position

    def said_after(self, tail: Verb, found: Speaker | None, limit: int) -> Speaker | None:
        """«… على حد قوله»: the person (or organisation) its sentence names first, before
        `limit` (the speech verb), in place of `found`, that verb's speaker without an entity."""
        sentence_start = self.sentence_start(tail.word_start)
        for types in (("PER",), ("ORG",)):
            ref = self._first_in(sentence_start, limit, types)
            if ref is not None:
                speaker = self._speaker_from(self._named_after(ref, limit))
                if found is not None and self.history and self.history[-1] is found:
                    self.history[-1] = speaker
                else:
                    self.heard(speaker, tail.word_start)
                return speaker
        return None

    def _sentence_subject(self, verb: Verb) -> Speaker | None:
        """A participle («مضيفا») continues the speaker of its sentence, or its person."""
        sentence_start = self.sentence_start(verb.word_start)
        if self._spoke_since(sentence_start):
            return self.history[-1]
        # «وأيد ماس نظيره الفرنسي قائلا»: the subject is named first, an object may follow it
        for types in (("PER",), ("ORG",)):
            ref = self._first_in(sentence_start, verb.word_start, types)
            if ref is not None:
                return self._speaker_from(self._named_after(ref, verb.word_start))
        return None

    def _named_after(self, ref: MentionRef, limit: int) -> MentionRef:
        """«سفير الإمارات لدى هولندا سعيد النويس»: a title's holder named after it."""
        if ref.entity.kind != "role":
            return ref
        k = bisect.bisect_right(self.mention_starts, ref.start)
        for other in self.mentions[k : k + 4]:
            gap = self.text[ref.end : other.start]
            if other.start >= limit or other.start - ref.end > 30 or "،" in gap or "," in gap:
                break
            if other.entity.type == "PER" and other.entity.kind != "role":
                return other
        return ref

    def _continues_speaker(self, phrase: str, start: int, end: int) -> bool:
        """«وأضاف الوزير», «المصدر نفسه» go on with the last speaker; a generic actor
        («وأعلنت الحكومة»), one a place or a nisba qualifies («الحكومة في أبوجا», «الأمن
        الفرنسي») or «الأخيرة» (the last one named) is someone else."""
        words = phrase.split()
        if len(words) > 3 or start in self.agent_starts or fold_text(words[0]) in _LATTER:
            return False  # a long phrase is a description of its own («الدول الخمس الأخرى …»)
        if len(words) > 1 and _NISBA.match(words[1]):
            return False
        last = self.history[-1].text if self.history else None
        plural_last = bool(last) and _PLURAL_HEAD.match(fold_text(last.split()[0])) is not None
        if (
            words[0].startswith("ال")
            and _PLURAL_HEAD.match(fold_text(words[0]))
            and not plural_last
        ):
            return False
        lo = bisect.bisect_left(self.mention_starts, start)
        return not any(m.start < end and m.entity.type == "LOC" for m in self.mentions[lo : lo + 6])

    def _clause_subject(self, verb: Verb) -> Speaker | None:
        """«و»/«ف» joins a subjectless verb to its sentence: the speaker already heard in it
        («وأعربت منظمات … فأعلنت»), else the person it names first («بيد أن بريت مكجورك …
        قدم تقييما … وقال»)."""
        sentence_start = self.sentence_start(verb.word_start)
        if self._spoke_since(sentence_start):
            return self.history[-1]
        first = self._first_in(sentence_start, verb.word_start, ("PER",))
        if first is None:  # «انتقدت افتتاحية "تايمز" …، وقالت»: the organisation it opens with
            first = self._first_in(sentence_start, verb.word_start, ("ORG",))
            # (not «وحثت الصحيفة السلطات … وأكدت»: after a definite subject it is the object)
            before = self.text[sentence_start : first.start].split() if first else []
            if (
                first is None
                or first.start - sentence_start > 40
                or (len(before) > 1 and fold_text(before[-1]).startswith("ال"))
            ):
                first = None
        return self._speaker_from(self._named_after(first, verb.word_start)) if first else None

    def note_subject(self, region: tuple[int, int]) -> None:
        """A speech verb whose content a nearer verb takes still names who speaks
        («أعلن مصدر أمني مقتل … بأيدي مسلحين قال إنهم»)."""
        found = self.subject(region)
        if found is not None and found.start is not None:
            self.heard(found, region[0])

    def _first_in(self, start: int, end: int, types: tuple[str, ...]) -> MentionRef | None:
        lo = bisect.bisect_left(self.mention_starts, start)
        for ref in self._until(lo, end):
            if (
                ref.entity.type in types
                and ref.end <= end
                and not any(s <= ref.start < e for s, e in self.quote_spans)
                and not self._governed(ref)
            ):
                return ref
        return None

    def _governed(self, ref: MentionRef) -> bool:
        """«لمراسلة الجوهرة», «مع كوشنر», «وكوشنر»: a name after a preposition or joined by
        «و» is no subject."""
        k = bisect.bisect_left(self.mention_starts, ref.start)
        for title in self.mentions[max(0, k - 3) : k]:  # «للرئيس محمود عباس»: the title's
            if title.entity is ref.entity and 0 <= ref.start - title.end <= 1:
                ref = title
        if self.text.startswith(("لل", "بال", "وال", "فال", "كال"), ref.start):
            return True  # the clitic inside the mention: «للرئيس»
        if self.text[ref.start] == "و":  # «وكوشنر», the tagger's span with its conjunction
            rest = fold_text(self.text[ref.start + 1 : ref.end])
            if any(
                fold_text(m.text).endswith(rest)
                for m in ref.entity.mentions
                if m.start != ref.start
            ):
                return True
        before = self.text[max(0, ref.start - 12) : ref.start]
        if before[-1:].isalpha():
            return True  # an attached clitic: و، ب، ل، ف، ك
        if ref.entity.type == "PER" and _CONSTRUCT.search(before):
            return True  # «حكومة نتانياهو»: the name completes a noun, it is no subject
        words = fold_text(before).split()
        return bool(words) and words[-1] in _GOVERNING

    def _after_an(self, region: tuple[int, int]) -> tuple[int, int] | None:
        found = [m.end() for m in _AN.finditer(self.text, region[0], region[1])]
        return (found[-1], region[1]) if found else None

    def subject(self, region: tuple[int, int]) -> Speaker | None:
        span = self._phrase(region)
        if span is None:
            return None
        start, end = self._own_words(*span)
        end = self._definite_head_end(start, end)
        # «طبقا للمرصد»: the tagger's mention may begin with the «ل» the phrase skipped
        lo = bisect.bisect_left(self.mention_starts, start - 1)
        # a place speaks only as the phrase's head («قالت موسكو»); inside it («مديرة المنظمة
        # لنيجيريا», «جيش النيجر», «الحكومة في أبوجا») it only qualifies the speaker
        owner = self._owner(start, end)
        inside = [
            m
            for m in self._until(lo, end)
            if m.end > start
            and m.end <= end + 1
            and (m.entity.type != "LOC" or m.start == start)
            and not self._spoken_to(m)
            and m.entity is not owner
        ]
        ref = min(inside, key=lambda m: (_TYPE_RANK[m.entity.type], m.start), default=None)
        phrase = self.text[start:end]
        if ref is None and (_OBJECT_LIKE.match(phrase) or _MASDAR_COMPLEMENT.match(phrase)):
            return None  # «ووصف إدانته بأنها»: a noun with a pronoun is the object, not the subject
        if ref is not None:
            named = self._named_role(ref.entity, phrase) if ref.entity.kind == "role" else None
            if named is not None:
                return Speaker(named.id, phrase, start, end, named.name)
            return Speaker(ref.entity.id, phrase, start, end, ref.entity.name)
        antecedent = None
        head = fold_text(phrase.split()[0])[2:] if phrase.startswith("ال") else ""
        if head in self.words.documents:  # «وأضاف البيان»: whoever issued the statement
            antecedent = self._document_author(head, start)
        elif head:  # «المصدر», «الوزير»: someone already named
            antecedent = self._head_antecedent(phrase, start)
            if antecedent is None and self._continues_speaker(phrase, start, end):
                antecedent = self._recent(start)
        if antecedent is not None:
            return Speaker(antecedent.entity, phrase, start, end, antecedent.name)
        return Speaker(None, phrase, start, end, None)

    def _svo(self, verb: Verb) -> bool:
        if verb.word_start != verb.start:
            return False
        ref = self._mention_before(verb.word_start, 3, ("PER",))
        return ref is not None and not self._between(self.text[ref.end : verb.word_start])

    def _subject_before(self, verb: Verb) -> Speaker | None:
        """SVO («الوزارة قالت»), «وكانت الوزارة قد قالت», «فريق الدفاع الذي قال»."""
        clause_start = self.sentence_start(verb.word_start)
        folded, mapping = fold(self.text[clause_start : verb.word_start])
        for pattern in self.words.before:
            match = pattern.search(folded)
            if match and match.groupdict().get("rel") and not self._agrees(match["rel"], verb):
                return None  # «للشروط التي يرى أنها»: the relative's noun is the verb's object
            found = self._subject_from_clause(match, mapping, clause_start, verb) if match else None
            if found is not None:
                return found
        adjacent = self._mention_before(verb.word_start, 3, ("PER", "ORG", "LOC"))
        plain = verb.word_start == verb.start  # «وقال» opens a new clause
        if plain and adjacent is not None:
            between = self.text[adjacent.end : verb.word_start]
            # «…، العقيد صادق دويد، أكد»: an apposition's commas still leave a person adjacent
            # (not «وحسب رويترز، قال»: a source phrase ends with its comma)
            if not (between.strip() if adjacent.entity.type != "PER" else self._between(between)):
                return self._speaker_from(adjacent)
        return None

    @staticmethod
    def _between(between: str) -> str:
        return between.strip(" ،,")

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
        found = self.subject((clause_start + start, clause_start + end))
        if group == "np2" and found is not None and found.entity is not None:
            found = self._chain_head(found, clause_start) or found
        if group == "np3" and found is not None and found.entity is not None:
            # «نشر المرصد … تقريرا كشف فيه»: a verb opens the clause, its subject speaks
            lo = bisect.bisect_left(self.mention_starts, found.start or 0)
            head = next(
                (m for m in self.mentions[lo : lo + 6] if m.entity.id == found.entity), None
            )
            first = self.text[found.start or 0 : head.start].split() if head else []
            if head is not None and len(first) == 1 and not first[0].startswith("ال"):
                found = self.subject((head.start, clause_start + end)) or found
        return found

    def _chain_head(self, found: Speaker, clause_start: int) -> Speaker | None:
        """«كريم الناصر رئيس لجنة صياغة الدستور الذي قال»: an organisation whose chain is headed
        by a person noun (titles) is not the relative's antecedent; the person named before the
        title is, else nobody known."""
        entity = self.entity_by_id.get(found.entity or "")
        if entity is None or entity.type == "PER" or found.start is None or found.end is None:
            return None
        lo = bisect.bisect_left(self.mention_starts, found.start - 1)
        ref = next((m for m in self._until(lo, found.end) if m.entity is entity), None)
        if ref is None:
            return None
        words = self.text[max(clause_start, ref.start - 30) : ref.start].split()
        head = fold_text(words[-1]) if words else ""
        if head[:1] in ("و", "ف") and head not in self.words.titles:
            head = head[1:]
        if head not in self.words.titles:
            return None
        k = bisect.bisect_left(self.mention_starts, ref.start)
        for other in reversed(self.mentions[max(0, k - 8) : k]):
            if other.start < clause_start or ref.start - other.end > 90:
                break
            if other.entity.type == "PER" and other.end <= ref.start:
                return self._speaker_from(other)
        return Speaker(None, found.text, found.start, found.end, None)

    def _agrees(self, relative: str, verb: Verb) -> bool:
        """The verb agrees with the relative pronoun, so the noun before it is its subject."""
        form = fold_text(self.text[verb.start : verb.end]).split()[0]
        if form.endswith(("وا", "ون")):
            number = "الذين"
        elif form.endswith("ت") or form.startswith("ت"):
            number = "التي"
        else:
            number = "الذي"
        return number == relative
