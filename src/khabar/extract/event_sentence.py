"""One sentence's events: its trigger hits become scored candidates, then PLOVER events.

`SentenceCoder` holds what a sentence needs (its words, clause breaks, participants, cues)
and codes its hits: readings per type, required words and senses, roles, features and the
detector's gate, then the event record with its attributes (`event_attributes`).
`DocIndex` keeps the document-level indexes by position that every sentence consults.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from ..doc import Document, Event
from ..text.normalize import fold_text
from ..text.tokens import WORD
from .clause_breaks import clause_break_pattern
from .event_actors import PLACE_KINDS, MentionIndex, Participant, Roles
from .event_background import BACKGROUND_TYPES, imperfect_form, is_background_act
from .event_context import SentenceWords, match_bounds, pool
from .event_country import mission_owners
from .event_describe import EventDescription, armed
from .event_domains import STATE, STATE_WINDOW, DocDomains, other_sense
from .event_forms import date_follows, disaster_deaths
from .event_frames import (
    pressed_act,
    sentence_frames,
)
from .event_mentions import merge
from .event_participants import (
    add_agent_fallback,
    group_coordination,
    resolve_coalitions,
    resolve_media,
)
from .event_roles import DocContext, RoleFinder
from .event_triggers import (
    Candidate,
    CueHit,
    CueIndex,
    TriggerHit,
    Words,
)
from .event_windows import (
    ATTACKED_WINDOW,
    PARTICLE_WINDOW,
    MentionSpans,
    Spans,
    UnitWords,
    agreement_topic,
    attacked,
    describes_noun,
    split_requires,
)

if TYPE_CHECKING:
    from .events import EventStage

# «رجال أمن "اختطفوا" أمس»: quotes around a word or two mark a term, not a quoted clause
_SCARE_QUOTE = re.compile(r"[«\"“][^«»\"“”\s]+(?:\s[^«»\"“”\s]+)?[»\"”]")
# a number right before a word: the word is a counted noun («839 طلبا»)
_COUNT_BEFORE = re.compile(r"[\d٠-٩]\s*$")
# a preposition as the word before: what follows is a noun («إلى منع», «على قتل»)
_PREP_BEFORE = re.compile(r"(?<!\S)(?:إلى|الى|على|عن|من|في)\s+$")
CLASH_SCORE = 0.6
_NOT_PRESSED = (
    "negation", "future", "hypothetical", "history", "legal", "generic", "year", "pluperfect",
    "since", "relative",
)  # fmt: skip
_PRIVATE_TYPES = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN"})
_PRIVATE_SECTORS = frozenset({"BUS", "CVL"})
SENSE_WINDOW = 5  # words after a trigger in which a `sense` cue changes its meaning


class DocIndex:
    """Document-level indexes by position, built once instead of scanned per sentence."""

    def __init__(self, doc: Document):
        self.mentions = MentionIndex(doc.entities)
        self.relative_dates = sorted(
            d.start for d in doc.dates if d.kind in ("relative", "weekday")
        )
        self.casualty_amounts = sorted(
            a.start for a in doc.amounts if a.kind in ("killed", "injured")
        )
        self.date_starts = sorted(d.start for d in doc.dates)
        self._doc = doc
        self.domains: DocDomains | None = None

    # a name is read as one word and a date as none when counting how far a complement is
    # («شددت دولة الإمارات العربية المتحدة … على ضرورة», «زار الأتراك الأحد مدافن»)
    @functools.cached_property
    def names(self) -> Spans:
        return MentionSpans(self.mentions.starts, self.mentions.rows)

    @functools.cached_property
    def dates(self) -> Spans:
        return Spans((d.start, d.end) for d in self._doc.dates)

    @staticmethod
    def any_between(starts: list[int], start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end


class SentenceCoder(EventDescription):
    """Codes the trigger hits of one sentence."""

    def __init__(self, stage: EventStage, doc: Document, sentence, cues: CueIndex, lookup,
                 context: DocContext, index: DocIndex):  # fmt: skip
        self.stage = stage
        self.lexicon = stage._lexicon
        self.model = stage._model
        self.default_model = stage._default_model
        self.doc = doc
        self.sentence = sentence
        self.lookup = lookup
        self.context = context
        self.index = index
        start, end = sentence
        text = doc.text
        self.cues = cues.between(start, end)
        # the types a negation naming one type («أحبطت») negates in this sentence
        self.typed_negations = {c.value for c in self.cues if c.value and c.kind == "negation"}
        # WORD has no anchors or lookarounds: matching within bounds equals matching a slice
        starts, ends, _ = match_bounds(WORD, text, start, end)
        self.words = Words(starts, ends)
        self.units = UnitWords(text, self.words, index)
        self.breaks = [m.start() for m in clause_break_pattern().finditer(text, start, end)]
        if self.breaks:
            terms = {
                i for m in _SCARE_QUOTE.finditer(text, start, end) for i in (m.start(), m.end() - 1)
            }
            self.breaks = [b for b in self.breaks if b not in terms]
        self._words: SentenceWords | None = None
        self._bag_scores: dict[str, float] = {}
        self._windows: dict[int, tuple[Candidate, tuple[int, int], list[CueHit]]] = {}
        self.disaster = False  # the sentence or the article reports a disaster or an accident
        self.trigger_ends: list[tuple[str, int]] = []  # (type, end) of the candidates found

    def _prepare(self) -> None:
        """The participants and sentence features: only for a sentence with candidates
        (one whose triggers all lack a required word never needs them)."""
        stage, text, sentence = self.stage, self.doc.text, self.sentence
        start, end = sentence
        parts = self.index.mentions.participants(start, end)
        agents = [
            (c.start, c.end, text[c.start : c.end], c.value) for c in self.cues if c.kind == "agent"
        ]
        topics = self.context.topics
        add_agent_fallback(parts, agents, text, lambda at: next(iter(topics.before(at)), None))
        resolve_media(parts, self.index.mentions)
        resolve_coalitions(parts, self.index.mentions)
        group_coordination(text, parts)
        stage._filler.metonymy(text, start, parts)
        known = len(parts)
        stage._filler.add_people(text, sentence, parts, agents)
        if len(parts) != known:  # grouping reads positions only, which metonymy keeps
            group_coordination(text, parts)
        stage._filler.fill(text, sentence, parts, self.context.home)
        self.parts = parts
        self.places = [p for p in parts if p.kind in PLACE_KINDS or p.kind == "country"]
        self.finder = RoleFinder(text, self.places, stage._filler, self.context.topics, sentence)
        self.finder.missions = mission_owners(text, start, parts)
        self.frames = sentence_frames(text, sentence)
        index = self.index
        self.relative_date = index.any_between(index.relative_dates, start, end)
        self.casualty_amount = index.any_between(index.casualty_amounts, start, end)

    def sentence_words(self) -> SentenceWords:
        if self._words is None:
            self._words = SentenceWords(self.doc.text, *self.sentence)
        return self._words

    def clause(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.breaks, offset)
        left = self.breaks[i - 1] + 1 if i else self.sentence[0]
        right = self.breaks[i] if i < len(self.breaks) else self.sentence[1]
        return left, right

    def code(
        self, hits: list[TriggerHit], floor: float | None = None
    ) -> list[tuple[Event, Candidate]]:
        """Events of the hits (those scoring below `floor` are not built)."""
        candidates: list[tuple[Candidate, Roles]] = []
        types_seen: dict[str, int] = {}
        text = self.doc.text
        found = [cand for hit in hits for cand in self._hit_candidates(hit, text)]
        self.trigger_ends = [(c.entry.type, c.hit.end) for c in found]
        attacks = [c.hit.end for c in found if c.verbal and c.entry.type == "ASSAULT"]
        for cand in found:
            if (
                attacks
                and cand.entry.type not in self.model.types
                and self._attacked(cand, attacks)
            ):
                continue
            types_seen[cand.entry.type] = types_seen.get(cand.entry.type, 0) + 1
            candidates.append((cand, Roles([], [])))
        if not candidates:
            return []
        self._prepare()
        # a mention that overlaps a trigger word («على اتفاق») is no actor; agent nouns may
        spans = [(h.start, h.end) for h in hits]
        kept = [p for p in self.parts if p.kind == "agent" or not _overlaps_any(p, spans)]
        if len(kept) != len(self.parts):  # the same parts keep the groups they have
            group_coordination(self.doc.text, kept)
        self.parts = kept
        for i, (cand, _) in enumerate(candidates):
            roles = self.roles(cand)
            cand.features = self.features(cand, roles, types_seen[cand.entry.type] > 1)
            model = self.model if cand.entry.type in self.model.types else self.default_model
            extra = self._bag_score(cand.entry.type) if cand.bag else 0.0
            cand.score = model.probability(cand.features, cand.entry.type, extra)
            candidates[i] = (cand, roles)
        self._gate([c for c, _ in candidates])
        for cand, roles in candidates:
            if _clash(cand) or self._pressed(cand, roles):
                cand.score = max(cand.score, CLASH_SCORE)
            self._background(cand, roles)
            if (
                self._period_total(cand)
                or _private(cand, roles)
                or (self.disaster and disaster_deaths(cand, armed(roles.actors), self.disaster))
            ):
                cand.score = 0.0
        for cand, roles in candidates:
            if cand.score >= self.stage.threshold and roles.actors:
                self.finder.topics.add_subject(roles.actors[0])
                self.finder.topics.add_actors(cand.entry.type, cand.hit.start, roles.actors)
        if floor is not None:
            candidates = [(c, r) for c, r in candidates if c.score >= floor]
        events = [(self.event(c, r), c) for c, r in candidates]
        return merge(events, self.model.types, self.doc.text)

    def _hit_candidates(self, hit: TriggerHit, text: str) -> list[Candidate]:
        """The readings of a hit that pass its frame checks. A reading whose required
        complement is there («إدانة الحزب في قضية فساد»: a conviction) is the sense of the
        word; its readings with no such requirement (a condemnation) are dropped."""
        fitted = self.model.types
        counted = bool(_COUNT_BEFORE.search(text, max(0, hit.word_start - 8), hit.word_start))
        governed = bool(_PREP_BEFORE.search(text, max(0, hit.word_start - 6), hit.word_start))
        kept, specific = [], False
        for cand in _readings(hit, governed, fitted):
            if cand.entry.requires:
                if not self._required(cand):
                    continue
                specific = specific or cand.entry.type not in fitted
            if cand.entry.type not in fitted and self._other_sense(cand):
                continue
            if self._domain_sense(cand):
                continue  # «طرد اللاعب» in a match report, «خطف الأضواء»
            if counted and cand.entry.type not in fitted:
                continue  # «قبلت منها 839 طلبا»: things counted, not an act
            if cand.entry.type not in fitted and (
                _attributive(cand)
                or describes_noun(text, cand, self.index)
                or date_follows(text, cand, self.index.date_starts)
                or agreement_topic(text, cand)
            ):
                continue
            kept.append(cand)
        if specific:
            kept = [c for c in kept if c.entry.requires or c.entry.type in fitted]
        return kept

    def _pressed(self, cand: Candidate, roles: Roles) -> bool:
        """An attack noun an attempt or a continuing verb carries out, on a named side, told
        as fresh news (a day in its clause) with no modal, legal or past frame («تعرض
        الوزير لمحاولة اغتيال أمس»)."""
        if cand.entry.type != "ASSAULT" or cand.verbal or not (roles.actors or roles.recipients):
            return False
        f = cand.features
        if any(f.get(k) for k in _NOT_PRESSED) or not f.get("clause_time"):
            return False  # a past episode («تعرض عام 1986 لمحاولة اغتيال», «قبل ثمانية أشهر»)
        return pressed_act(self.doc.text, self.sentence[0], cand.hit)

    def _period_total(self, cand: Candidate) -> bool:
        """«مقتل وإصابة 2500 شخص خلال شهر يوليو»: a count of victims over a period sums many
        acts; a trigger that names a kind of attack («غارة») still reports one."""
        if cand.entry.type != "ASSAULT" or cand.entry.mode or not cand.features.get("clause_count"):
            return False
        start, end = self.clause(cand.hit.start)
        return any(c.kind == "total" and start <= c.start < end for c in self.cues)

    def _attacked(self, cand: Candidate, attacks: list[int]) -> bool:
        """What an attack verb of the sentence takes as its object (`attacked`)."""
        start = self.words.back(
            cand.hit.word_start, ATTACKED_WINDOW, self.clause(cand.hit.start)[0]
        )
        return attacked(self.doc.text, cand, attacks, start)

    def _background(self, cand: Candidate, roles: Roles) -> None:
        """A rejected candidate that names a specific earlier act is kept as background."""
        threshold = self.stage.threshold
        if cand.score >= threshold or cand.entry.type not in BACKGROUND_TYPES:
            return
        if not self.stage.keep_background:
            return
        text = self.doc.text
        clause_end = self.clause(cand.hit.start)[1]
        after = self.stage._filler.after
        if is_background_act(text, cand, roles, clause_end, lambda o, e: after(text, o, e, 1)):
            cand.background = True
            cand.score = threshold

    def _bag_score(self, event_type: str) -> float:
        if event_type not in self._bag_scores:
            bag = self.sentence_words().bag
            self._bag_scores[event_type] = self.model.bag_score(event_type, bag)
        return self._bag_scores[event_type]

    def _gate(self, cands: list[Candidate]) -> None:
        """For the fitted types the model judges the sentence (the pooled features of all
        candidates of a type): its best candidate takes that score, the others no more."""
        by_type: dict[str, list[Candidate]] = {}
        for cand in cands:
            if cand.entry.type in self.model.types:
                by_type.setdefault(cand.entry.type, []).append(cand)
        for event_type, group in by_type.items():
            pooled = pool([c.features for c in group])
            if self.stage.gate_log is not None:
                self.stage.gate_log.append((event_type, pooled, group[0].bag))
            gate = self.model.probability(pooled, event_type, self._bag_score(event_type))
            best = max(group, key=lambda c: c.score)
            for cand in group:
                cand.score = gate if cand is best else min(cand.score, gate)

    def _required(self, cand: Candidate) -> bool:
        """A discontinuous expression («وقعت الولايات المتحدة … على اتفاق») is complete."""
        clause = self.clause(cand.hit.start)
        plain, stems, particles = split_requires(cand.entry.requires)
        # the plain words first (most complements stand there), then the rest of the window
        # a name counting as one word reaches
        start, end = cand.hit.end, self.words.ahead(cand.hit.end, 8, clause[1])
        if self._has_required(start, end, plain, stems):
            return True
        fitted = cand.entry.type in self.model.types  # they keep what their detector saw
        further = end if fitted else self.units.ahead(cand.hit.end, 8, clause[1])
        if further > end and self._has_required(end, further, plain, stems):
            return True
        # a particle («حقق … في», «اعترض على») is a word of its own, right after the subject
        if particles:
            end = self.units.ahead(cand.hit.end, PARTICLE_WINDOW, clause[1])
            if any(w in particles for w in fold_text(self.doc.text[cand.hit.end : end]).split()):
                return True
        # «الاتفاقية التي تم التوقيع عليها»: the object heads the relative clause (not for
        # the fitted types: their detector was trained on the candidates without this)
        if fitted:
            return False
        start = self.words.back(cand.hit.word_start, 4, clause[0])
        head = _RELATIVE_HEAD.search(self.doc.text, start, cand.hit.word_start)
        return head is not None and any(
            _satisfies(fold_text(head.group(1)), req) for req in cand.entry.requires
        )

    def _has_required(
        self, start: int, end: int, plain: tuple[str, ...], stems: tuple[str, ...]
    ) -> bool:
        words = fold_text(self.doc.text[start:end]).split()
        joined = "\0".join(words)  # a required word is found inside one word, never across
        if any(req in joined for req in plain):
            return True
        return bool(stems) and any(_satisfies(word, req) for word in words for req in stems)

    def _other_sense(self, cand: Candidate) -> bool:
        """A `sense` cue a few words on gives the trigger another sense: «خطوة تهدد أمن
        زبائننا» endangers, «طلبت منه التعليق» asks for comment, «مذكرة توقيف» is a warrant."""
        hit, kind = cand.hit, cand.entry.type
        lemma = f"{kind}/{cand.entry.lemma}"
        senses = [c.start for c in self.cues if c.kind == "sense" and c.value in (kind, lemma)]
        if not any(s >= hit.end for s in senses):
            return False
        end = self.units.ahead(hit.end, SENSE_WINDOW, self.clause(hit.start)[1])
        return any(hit.end <= s < end for s in senses)

    def _domain_sense(self, cand: Candidate) -> bool:
        """The reading names no act in the field of the sentence or with the complement that
        follows (`event_domains`)."""
        senses = self.stage._domains.senses_for(cand.entry)
        if not senses or self.index.domains is None:
            return False
        hit, domains, sentence = cand.hit, self.index.domains, self.sentence
        clause_end = self.clause(hit.start)[1]

        def state_near() -> bool:
            start = self.words.back(hit.word_start, STATE_WINDOW, sentence[0])
            end = self.words.ahead(hit.end, STATE_WINDOW, sentence[1])
            return domains.weight(STATE, start, end) > 0

        return other_sense(
            senses,
            hit.folded,
            self.doc.text,
            hit.end,
            lambda n: self.units.ahead(hit.end, n, clause_end),
            lambda domain: domains.in_domain(domain, sentence),
            state_near,
        )

    def roles(self, cand: Candidate) -> Roles:
        return self.finder.roles(cand, self.clause(cand.hit.start), self.parts)

    def near(self, cand: Candidate, back: int, ahead: int, kinds: frozenset[str]) -> list[CueHit]:
        if not self.cues:
            return []
        hit = cand.hit
        clause, cues = self._cue_window(cand)
        lo = self.words.back(hit.word_start, back, clause[0])
        hi = self.words.ahead(hit.end, ahead, clause[1]) if ahead else hit.word_start
        return [c for c in cues if lo <= c.start < hi and c.kind in kinds]

    def _cue_window(self, cand: Candidate) -> tuple[tuple[int, int], list[CueHit]]:
        """The clause of a candidate and the cues of the sentence that can qualify it (in
        order), computed once per candidate for its several `near` questions."""
        key = id(cand)
        cached = self._windows.get(key)
        if cached is not None and cached[0] is cand:
            return cached[1], cached[2]
        hit = cand.hit
        # «قد» + imperfect is "may"; «قد» + perfect («قد استهدف») asserts the act
        perfect = not (cand.verbal and imperfect_form(cand))
        h_start, h_end = hit.start, hit.end
        # «ولاية» folds to و + ل + «أي» + ه: a ة ending the word is no pronoun suffix (the
        # fitted types keep the cues their detector was trained on)
        text = self.doc.text if cand.entry.type not in self.model.types else ""
        cues = [
            c for c in self.cues
            if not (c.start < h_end and h_start < c.end)
            and not (perfect and c.value == "imperfect")
            and not (text and text[c.end : c.end + 1] == "ة")
        ]  # fmt: skip
        clause = self.clause(hit.start)
        self._windows[key] = (cand, clause, cues)
        return clause, cues


def _readings(
    hit: TriggerHit, governed: bool = False, fitted: frozenset[str] = frozenset()
) -> list[Candidate]:
    """One candidate per PLOVER type of the hit: the strongest reading of that type. After
    a preposition (`governed`: «إلى منع») a verb's form is its verbal noun (the `fitted`
    types keep the reading their detector was trained on)."""
    best: dict[str, Candidate] = {}
    nominal_prefix = "ب" in hit.prefix or "ك" in hit.prefix or hit.prefix.endswith("ال")
    for reading in hit.readings:
        if reading.verbal and nominal_prefix:
            continue  # «بحث» is ب + noun, not the verb «حث»
        kind = reading.entry.type
        if kind not in best or reading.entry.weight > best[kind].entry.weight:
            verbal = reading.verbal and not (governed and kind not in fitted)
            best[kind] = Candidate(hit, reading.entry, reading.passive and verbal, verbal)
    return list(best.values())


# a noun, then the relative pronoun and at most «تم»/«قد» before the trigger
_RELATIVE_HEAD = re.compile(r"(\S+)\s+(?:الذي|التي|اللذين|اللتين)\s+(?:(?:تم|قد)\s+)?$")
# «ب» + a word of manner qualifies the verb («أدين بشدة»), it names no object
_MANNER = frozenset(
    fold_text(w) for w in ("بشكل", "بشدة", "بقوة", "بصورة", "بطريقة", "بالكامل", "بالفعل")
)


def _satisfies(word: str, required: str) -> bool:
    """A required word is contained in `word`; a required proclitic («ب-») opens a word of
    three letters more («بسحب»), so that the short particles «بين», «بعد» do not count,
    nor words of manner («بشدة»)."""
    if required.endswith("-"):
        stem = required[:-1]
        return word.startswith(stem) and len(word) >= len(stem) + 3 and word not in _MANNER
    return required in word


def _attributive(cand: Candidate) -> bool:
    """«ردود الفعل المنددة», «الدول الموقعة»: a participle of a verb with the article is
    an adjective that describes someone; it reports no act."""
    hit, word = cand.hit, cand.hit.folded
    if cand.entry.pos != "verb" or not hit.prefix.endswith("ال"):
        return False
    # «المنع» is the verb's own noun; «الموافقة», «المصادقة» are verbal nouns (مفاعلة)
    return word.startswith("م") and len(word) >= 4 and word[2] != "ا"


def _private(cand: Candidate, roles: Roles) -> bool:
    """«طالب مالك المبنى السكان بإخلاء الشقق»: a business asking, refusing or blaming
    private people is a private dispute, no political act."""
    if cand.entry.type not in _PRIVATE_TYPES or not roles.actors:
        return False
    return all(p.sector == "BUS" for p in roles.actors) and all(
        p.sector in _PRIVATE_SECTORS for p in roles.recipients
    )


def _clash(cand: Candidate) -> bool:
    """«مواجهات بين القوات الحكومية ومسلحي طالبان»: fighting between two named armed sides
    reports an act whatever the sentence around it (trend, summary) looks like."""
    f = cand.features
    return cand.entry.mode == "firefight" and bool(f.get("between") and f.get("armed_sides"))


def _overlaps_any(part: Participant, spans: list[tuple[int, int]]) -> bool:
    start, end = part.start, part.end
    for s, e in spans:  # noqa: SIM110 - a plain loop: no generator per participant
        if s < end and start < e:
            return True
    return False


def _overlaps(cue: CueHit, hit: TriggerHit) -> bool:
    return cue.start < hit.end and hit.start < cue.end


__all__ = ["EventStage", "Participant"]
