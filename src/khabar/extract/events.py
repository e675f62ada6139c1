"""The event stage: PLOVER events (who did what to whom, when, where) from each sentence.

Trigger words from the lexicon (`event_lexicon`) are candidates; context features and a
small logistic model (`event_triggers`) decide which report an act; roles come from the
participants of the clause (`event_actors`); modality, date, place, casualties and context
from `event_attributes`. Same-type triggers of one sentence that share their actors merge
into one event («شنت القوات هجوما … وقصفت»).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from pathlib import Path
from typing import ClassVar

from ..doc import ActorRef, Document, Entity, Event, Span
from ..kb.tsv import data_path
from ..pipeline import BaseStage
from ..text.matcher import PhraseMatcher, is_letter
from ..text.normalize import fold, fold_text
from ..text.tokens import WORD
from . import event_attributes as attrs
from .event_actors import (
    PLACE_KINDS,
    Participant,
    Roles,
    add_agent_fallback,
    assign_roles,
    group_coordination,
    participants_from_entities,
    preposition_before,
)
from ..kb.loader import load_kb
from .event_context import SentenceWords, pool
from .event_country import CountryFiller, document_country
from .event_lexicon import EventLexicon, load_event_lexicon
from .event_triggers import (
    Candidate,
    CueHit,
    CueIndex,
    DetectorModel,
    TriggerHit,
    Words,
    find_cues,
    find_triggers,
    logit,
)

_CLAUSE_BREAK = re.compile(r"[؛;:«»\"“”()\[\]]|،\s*(?=و)|\s(?:فيما|بينما|في حين|وفي حين)\s")
_NUMBER_AFTER = re.compile(
    r"\s*(?:\d|[٠-٩]|(?:ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر|مئ|مائ|ألف|اثن|اثني|عشرات|مئات))"
)
_NUMBER_BEFORE = re.compile(
    r"(?:\d|[٠-٩]|ثلاث\w*|أربع\w*|خمس\w*|ست\w*|سبع\w*|ثماني\w*|تسع\w*|عشر\w*|عشرات|مئات|اثن\w*)"
    r"\s*(?:من\s*)?$"
)
_YEAR = re.compile(r"(?<!\d)(?:19[4-9]\d|20[0-4]\d)(?!\d)")
_PLUPERFECT = re.compile(r"(?:^|\s)و?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,5}قد\s")
_FEAR = re.compile(
    r"مخاوف|تخوف|خشية|يخشى|تحذير|حذر|تهديد|محتمل|احتمال|استعداد|تستعد|يستعد|لمنع|منع وقوع"
)
_ATTRIBUTED = re.compile(
    r"(?:^|\s)و?(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|أفاد|أفادت|افاد|افادت|ذكر|ذكرت|أكد|أكدت|اكد|"
    r"اكدت|أوضح|أوضحت|صرح)|مصادر|مصدر|شهود"
)
# a verb that carries out or suffers the act named by the noun after it («شنت غارات»,
# «تعرضت لهجوم», «وقع انفجار»): the noun reports an act, not a topic
_LIGHT_VERB = re.compile(
    r"(?:^|\s)[وف]?(?:شن|شنت|شنوا|يشن|تشن|نفذ|نفذت|نفذوا|ينفذ|تنفذ|بتنفيذ|قام|قامت|قاموا|وقع|وقعت|"
    r"اندلع|اندلعت|تعرض|تعرضت|تعرضوا|استهدف|استهدفت|أسفر|اسفر|جرح|أصيب|اصيب|تجدد|تجددت|"
    r"نظم|نظمت|نظموا|خرج|خرجت|شارك|شاركت)\s+(?:\S+\s+)?\S*$"
)
_PREPOSITIONS = frozenset(
    {"من", "عن", "في", "على", "الى", "مع", "بشان", "حول", "تجاه", "ازاء", "بسبب", "لان"}
)
_NO_TOPIC = frozenset({"ASSAULT", "PROTEST"})  # passives without agent are common there
_TOPIC_KINDS = frozenset({"person", "country", "igo", "institution", "org", "party", "role"})
_LAND = frozenset({"country", "place", "region", "site"})
_SETTING_PREPS = frozenset({"في", "ب", "قرب", "عن"})
# the sector of the place-of-report fallback: victims of an attack with no named target are
# civilians; a protest with no named target is against the government of the country
_PLACE_TARGET = {"ASSAULT": "CVL", "PROTEST": "GOV"}
# actors whose country may itself come from the place: no reason to look elsewhere
FILLED_KINDS = frozenset({"agent", "person", "place", "site", "region"})
_PLACE_ACTOR = {"PROTEST": "CVL"}
_MODAL = frozenset({"negation", "future", "hypothetical"})
_NAME_KINDS_KEEP = frozenset({"agent", "role"})


class EventStage(BaseStage):
    name: ClassVar[str] = "events"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "sentences", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(
        self,
        *,
        threshold: float = 0.4,
        keep_negated: bool = False,
        keep_hypothetical: bool = False,
        kb_dir: str | None = None,
        model_path: str | None = None,
    ):
        """`threshold`: minimum detector probability. `keep_negated` / `keep_hypothetical`:
        keep events under negation or a condition (marked in aux_mode) instead of dropping
        them. `kb_dir`: another directory with plover.tsv, triggers.tsv, event_cues.tsv."""
        self.threshold = threshold
        self.keep_negated = keep_negated
        self.keep_hypothetical = keep_hypothetical
        self.kb_dir = kb_dir
        self.model_path = model_path
        self._lexicon: EventLexicon | None = None
        self._triggers: PhraseMatcher | None = None
        self._cues: PhraseMatcher | None = None
        self._model: DetectorModel | None = None

    def setup(self) -> None:
        if self._lexicon is not None:
            return
        self._lexicon = load_event_lexicon(Path(self.kb_dir) if self.kb_dir else None)
        self._triggers = self._lexicon.trigger_matcher()
        self._triggers.build()
        self._cues = self._lexicon.cue_matcher()
        self._cues.build()
        # the fitted model scores the types it was trained on; the hand-set one all others
        self._model = DetectorModel.load(Path(self.model_path) if self.model_path else None)
        self._default_model = DetectorModel.load(data_path("event_detector_default.tsv"))
        kb = load_kb()
        self._filler = CountryFiller(kb.nisba, kb.capitals)

    def __call__(self, doc: Document) -> Document:
        self.setup()
        doc.events = [e for e, _ in self.candidates(doc) if self._keep(e)]
        for index, event in enumerate(doc.events):
            event.id = f"{doc.id}:{index}"
        return doc

    def _keep(self, event: Event) -> bool:
        if event.confidence < self.threshold:
            return False
        if "negated" in event.aux_mode and not self.keep_negated:
            return False
        return "hypothetical" not in event.aux_mode or self.keep_hypothetical

    def candidates(self, doc: Document) -> list[tuple[Event, Candidate]]:
        """Every scored event candidate of the document (above or below the threshold)."""
        assert self._triggers is not None and self._cues is not None
        folded, offsets = fold(doc.text)
        hits, _ = find_triggers(self._triggers, folded, offsets)
        if not hits:
            return []
        hits = _outside_names(hits, doc.entities)
        cues = CueIndex(find_cues(self._cues, folded, offsets))
        sentences = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
        starts = [s for s, _ in sentences]
        by_sentence: dict[int, list[TriggerHit]] = {}
        for hit in hits:
            by_sentence.setdefault(bisect.bisect_right(starts, hit.start) - 1, []).append(hit)
        lookup = {e.id: e for e in doc.entities}
        context = _DocContext(document_country(doc), _Topics(doc))
        out: list[tuple[Event, Candidate]] = []
        for index, sentence_hits in by_sentence.items():
            if index >= 0:
                coder = _SentenceCoder(self, doc, sentences[index], cues, lookup, context)
                out += coder.code(sentence_hits)
        return out


def _outside_names(hits: list[TriggerHit], entities: list[Entity]) -> list[TriggerHit]:
    """Drop triggers inside a name («حركة المقاومة», «شرطة مكافحة الشغب»)."""
    spans = sorted(
        (m.start, m.end)
        for e in entities
        if (e.kind or "") not in _NAME_KINDS_KEEP
        for m in e.mentions
    )
    if not spans:
        return hits
    starts = [s for s, _ in spans]
    kept = []
    for hit in hits:
        i = bisect.bisect_right(starts, hit.start) - 1
        inside = i >= 0 and spans[i][0] <= hit.start and hit.end <= spans[i][1]
        if not inside:
            kept.append(hit)
    return kept


class _SentenceCoder:
    """Codes the trigger hits of one sentence."""

    def __init__(self, stage: EventStage, doc: Document, sentence, cues: CueIndex, lookup,
                 context: _DocContext):  # fmt: skip
        self.stage = stage
        self.lexicon = stage._lexicon
        self.model = stage._model
        self.default_model = stage._default_model
        self.doc = doc
        self.sentence = sentence
        self.lookup = lookup
        start, end = sentence
        text = doc.text
        self.cues = cues.between(start, end)
        self.words = Words(
            [(start + m.start(), start + m.end()) for m in WORD.finditer(text[start:end])]
        )
        parts = participants_from_entities(doc.entities, start, end)
        agents = [
            (c.start, c.end, text[c.start : c.end], c.value) for c in self.cues if c.kind == "agent"
        ]
        add_agent_fallback(parts, agents, text)
        self.parts = parts
        self.trigger_spans: list[tuple[int, int]] = []
        group_coordination(text, parts)
        stage._filler.metonymy(text, start, parts)
        stage._filler.add_people(text, sentence, parts)
        group_coordination(text, parts)
        stage._filler.fill(text, sentence, parts, context.home)
        self.topics = context.topics
        self.parts = parts
        self.places = [p for p in parts if p.kind in PLACE_KINDS or p.kind == "country"]
        self.breaks = [start + m.start() for m in _CLAUSE_BREAK.finditer(text[start:end])]
        self._words: SentenceWords | None = None

    def sentence_words(self) -> SentenceWords:
        if self._words is None:
            self._words = SentenceWords(self.doc.text, *self.sentence)
        return self._words

    def clause(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.breaks, offset)
        left = self.breaks[i - 1] + 1 if i else self.sentence[0]
        right = self.breaks[i] if i < len(self.breaks) else self.sentence[1]
        return left, right

    def code(self, hits: list[TriggerHit]) -> list[tuple[Event, Candidate]]:
        # a mention that overlaps a trigger word («على اتفاق») is no actor; agent nouns may
        self.parts = [
            p for p in self.parts
            if p.kind == "agent" or not any(h.start < p.end and p.start < h.end for h in hits)
        ]  # fmt: skip
        group_coordination(self.doc.text, self.parts)
        candidates: list[tuple[Candidate, Roles]] = []
        types_seen: dict[str, int] = {}
        for hit in hits:
            for cand in _readings(hit):
                if cand.entry.requires and not self._required(cand):
                    continue
                types_seen[cand.entry.type] = types_seen.get(cand.entry.type, 0) + 1
                candidates.append((cand, Roles([], [])))
        for i, (cand, _) in enumerate(candidates):
            roles = self.roles(cand)
            cand.features = self.features(cand, roles, types_seen[cand.entry.type] > 1)
            model = self.model if cand.entry.type in self.model.types else self.default_model
            cand.score = model.probability(cand.features, cand.entry.type)
            candidates[i] = (cand, roles)
        self._gate([c for c, _ in candidates])
        events = [(self.event(c, r), c) for c, r in candidates]
        return _merge(events)

    def _gate(self, cands: list[Candidate]) -> None:
        """For the fitted types the model judges the sentence (the pooled features of all
        candidates of a type): its best candidate takes that score, the others no more."""
        by_type: dict[str, list[Candidate]] = {}
        for cand in cands:
            if cand.entry.type in self.model.types:
                by_type.setdefault(cand.entry.type, []).append(cand)
        for event_type, group in by_type.items():
            gate = self.model.probability(pool([c.features for c in group]), event_type)
            best = max(group, key=lambda c: c.score)
            for cand in group:
                cand.score = gate if cand is best else min(cand.score, gate)

    def _required(self, cand: Candidate) -> bool:
        """A discontinuous expression («وقعت الولايات المتحدة … على اتفاق») is complete."""
        clause = self.clause(cand.hit.start)
        end = self.words.ahead(cand.hit.end, 8, clause[1])
        words = fold_text(self.doc.text[cand.hit.end : end]).split()
        return any(req in word for word in words for req in cand.entry.requires)

    def roles(self, cand: Candidate) -> Roles:
        clause = self.clause(cand.hit.start)
        parts = [
            p for p in self.parts
            if clause[0] <= p.start and p.end <= clause[1] and not self._setting(p, clause[0])
        ]  # fmt: skip
        text, hit = self.doc.text, cand.hit
        roles = assign_roles(
            text, clause, (hit.start, hit.end), parts,
            event_type=cand.entry.type, verbal=cand.verbal,
            passive=cand.passive or self._counted_victims(cand, parts),
            genitive=cand.entry.genitive, possessive=_has_enclitic(text, hit.end),
        )  # fmt: skip
        if not roles.recipients and cand.entry.type in _PLACE_TARGET:
            roles.recipients = self._place_target(
                roles.actors, hit.start, _PLACE_TARGET[cand.entry.type]
            )
        if not cand.verbal:
            # «قصف إسرائيلي», «غارات جوية روسية»: the nisba after the noun names the actor
            country = self.stage._filler.after(text, hit.end, clause[1])
            if country is not None:
                sector = "MIL" if cand.entry.type == "ASSAULT" else None  # «غارة أميركية»
                roles.actors = [Participant(hit.start, hit.end, text[hit.start : hit.end],
                                            country, country, sector, "country")]  # fmt: skip
                roles.recipients = [p for p in roles.recipients if p.country != country]
        if not roles.actors and cand.entry.type not in _NO_TOPIC:
            if cand.verbal or _has_enclitic(text, hit.end):
                # a dropped or pronoun subject («وانتقد في تقريره», «موافقته») is the one
                # named last before the trigger
                roles.actors = self.topics.before(hit.word_start)
        if not roles.actors and cand.entry.type in _PLACE_ACTOR:
            roles.actors = self._place_target([], hit.start, _PLACE_ACTOR[cand.entry.type])
        if cand.entry.type in _PLACE_ACTOR:
            # a country that demonstrates is its people; one demonstrated against, its government
            roles.actors = _with_sector(roles.actors, _PLACE_ACTOR[cand.entry.type])
            roles.recipients = _with_sector(roles.recipients, _PLACE_TARGET[cand.entry.type])
        return roles

    def _setting(self, part: Participant, clause_start: int) -> bool:
        """A place after «في», «قرب», «ب»… is where it happened, not who took part."""
        if part.kind not in PLACE_KINDS:
            return False
        return preposition_before(self.doc.text, clause_start, part) in _SETTING_PREPS

    def _place_target(
        self, actors: list[Participant], at: int, sector: str | None = None
    ) -> list[Participant]:
        """An attack with no named target is coded against the country where it happened;
        a protest with no named protesters is by people of that country."""
        used = {p.country for p in actors if p.kind not in FILLED_KINDS}
        places = [p for p in self.places if p.country and p.country not in used]
        if places:
            place = min(places, key=lambda p: abs(p.start - at))
            return [Participant(place.start, place.end, place.text, place.entity_id,
                                place.country, sector, place.kind)]  # fmt: skip
        return []

    def _counted_victims(self, cand: Candidate, parts: list[Participant]) -> bool:
        """«قتل 28 شخصا», «ثلاثة جنود قتلوا»: a killing verb next to a counted noun is
        the passive (the count are its victims), not an active verb with its subject."""
        if not cand.verbal or (cand.entry.genitive != "recipient" and cand.entry.mode != "abduct"):
            return False
        text, hit = self.doc.text, cand.hit
        if _NUMBER_AFTER.match(text, hit.end, hit.end + 12):
            return True
        before = [p for p in parts if p.end <= hit.word_start]
        if not before or len(text[before[-1].end : hit.word_start].split()) > 2:
            return False
        return bool(_NUMBER_BEFORE.search(text, max(0, before[-1].start - 14), before[-1].start))

    def near(self, cand: Candidate, back: int, ahead: int, kinds: frozenset[str]) -> list[CueHit]:
        clause = self.clause(cand.hit.start)
        lo = self.words.back(cand.hit.word_start, back, clause[0])
        hi = self.words.ahead(cand.hit.end, ahead, clause[1]) if ahead else cand.hit.word_start
        return [
            c for c in self.cues
            if lo <= c.start < hi and c.kind in kinds and not _overlaps(c, cand.hit)
        ]  # fmt: skip

    def features(self, cand: Candidate, roles: Roles, repeated: bool) -> dict[str, float]:
        hit, entry = cand.hit, cand.entry
        text = self.doc.text
        others = [c for c in self.cues if not _overlaps(c, hit)]
        kinds = {c.kind for c in others}
        before = {c.kind for c in self.near(cand, 4, 0, _MODAL | {"legal", "generic", "history"})}
        f = {
            "prior": logit(entry.weight),
            "verb": float(cand.verbal),
            "passive": float(cand.passive),
            "actor": float(bool(roles.actors)),
            "recipient": float(bool(roles.recipients)),
            "no_participant": float(not roles.actors and not roles.recipients),
            "report": float("report" in kinds or self._relative_date()),
            "casualty": float("casualty" in kinds or self._casualty_amount()),
            "number_after": float(bool(_NUMBER_AFTER.match(text, hit.end, hit.end + 12))),
            "legal": float(bool(self.near(cand, 6, 3, frozenset({"legal"})))),
            "generic": float(
                "generic" in {c.kind for c in self.near(cand, 2, 0, frozenset({"generic"}))}
            ),
            "future": float("future" in before or hit.prefix.endswith("س")),
            "hypothetical": float("hypothetical" in before),
            "negation": float(any(_negates(text, c) for c in self.near(cand, 3, 0, _MODAL))),
            "history": float("history" in before),
            "definite_noun": float(not cand.verbal and hit.prefix.endswith("ال")),
            "repeated": float(repeated),
            "quoted": float(attrs.quote_at(self.doc.quotes, hit.start, hit.end) is not None),
            "place": float(bool(self.places)),
        }
        f.update(self.sentence_features(hit))
        if entry.type in self.model.types:
            f.update(
                self.sentence_words().features(entry.type, entry.lemma, hit.word_start, hit.end)
            )
        return f

    def sentence_features(self, hit: TriggerHit) -> dict[str, float]:
        """Frames of the sentence: a year (background), «وكان … قد» (pluperfect, an earlier
        act), an imperfect trigger, a question, fears or expectations, an attribution."""
        start, end = self.sentence
        text = self.doc.text
        head = text[start : hit.word_start]
        return {
            "year": float(bool(_YEAR.search(text, start, end))),
            "imperfect": float(hit.folded.startswith("ي") and not hit.prefix.endswith("ال")),
            "question": float("؟" in text[start:end]),
            "pluperfect": float(bool(_PLUPERFECT.search(head))),
            "fear": float(bool(_FEAR.search(text, start, end))),
            "attributed": float(bool(_ATTRIBUTED.search(text, start, end))),
            "prep_noun": float(self._prep_noun(hit)),
            "light_verb": float(bool(_LIGHT_VERB.search(text, max(start, hit.word_start - 30),
                                                        hit.word_start))),  # fmt: skip
        }

    def _prep_noun(self, hit: TriggerHit) -> bool:
        """A noun trigger governed by a preposition («من الاتفاق», «بدعم من») names a thing
        the sentence refers to, rarely the act it reports."""
        if hit.prefix.rstrip("ال").endswith(("ب", "ل")):
            return True
        if not hit.prefix.endswith("ال"):
            return False
        words = self.doc.text[max(self.sentence[0], hit.word_start - 12) : hit.word_start].split()
        return bool(words) and fold_text(words[-1]) in _PREPOSITIONS

    def _relative_date(self) -> bool:
        s, e = self.sentence
        return any(s <= d.start < e and d.kind in ("relative", "weekday") for d in self.doc.dates)

    def _casualty_amount(self) -> bool:
        s, e = self.sentence
        return any(s <= a.start < e and a.kind in ("killed", "injured") for a in self.doc.amounts)

    def event(self, cand: Candidate, roles: Roles) -> Event:
        hit, entry = cand.hit, cand.entry
        doc = self.doc
        plover = self.lexicon.types[entry.type]
        near = self.near(cand, 4, 4, frozenset({"mode"}))
        modes = attrs.refine_modes(entry.type, entry.mode, near)
        if entry.type == "CONSULT" and any(p.kind == "igo" for p in roles.recipients):
            modes.append("multilateral")
        quote = attrs.quote_at(doc.quotes, hit.start, hit.end)
        before = self.near(cand, 4, 0, _MODAL)
        if not cand.features.get("negation"):
            before = [c for c in before if c.kind != "negation"]
        aux = attrs.aux_modes(before, hit.prefix, quote is not None)
        date = attrs.event_date(doc.dates, self.sentence, hit.start, doc.source.published)
        if attrs.is_historical(date, doc.source.published):
            aux.append("historical")
        used = {p.entity_id or p.text for p in roles.actors + roles.recipients}
        loc = attrs.event_location(self.places, used, hit.start, doc, self.lookup)
        dead, injured = (
            attrs.casualties(doc.amounts, self.sentence)
            if entry.type == "ASSAULT"
            else (None, None)
        )
        root = next(
            (plover.mode_roots[m] for m in modes if m in plover.mode_roots), plover.cameo_root
        )
        return Event(
            id="", event=entry.type, mode=modes, aux_mode=aux, context=attrs.contexts(self.cues),
            date=date, actor=[p.ref() for p in roles.actors],
            recipient=[p.ref() for p in roles.recipients], event_loc=loc,
            event_text=doc.text[hit.start : hit.end], trigger=Span(hit.start, hit.end),
            text_info=Span(*self.sentence), quad_code=plover.quad_code, cameo_root=root,
            dead=dead, injured=injured, confidence=round(cand.score, 3),
        )  # fmt: skip


def _readings(hit: TriggerHit) -> list[Candidate]:
    """One candidate per PLOVER type of the hit: the strongest reading of that type."""
    best: dict[str, Candidate] = {}
    nominal_prefix = "ب" in hit.prefix or "ك" in hit.prefix or hit.prefix.endswith("ال")
    for reading in hit.readings:
        if reading.verbal and nominal_prefix:
            continue  # «بحث» is ب + noun, not the verb «حث»
        kind = reading.entry.type
        if kind not in best or reading.entry.weight > best[kind].entry.weight:
            best[kind] = Candidate(hit, reading.entry, reading.passive, reading.verbal)
    return list(best.values())


class _Topics:
    """Actor-capable mentions of the whole document with a country, in text order."""

    def __init__(self, doc: Document):
        parts = participants_from_entities(doc.entities, 0, len(doc.text))
        self.parts = sorted(
            (p for p in parts if p.country and p.kind in _TOPIC_KINDS), key=lambda p: p.start
        )
        self.ends = [p.end for p in self.parts]

    def before(self, offset: int) -> list[Participant]:
        i = bisect.bisect_right(self.ends, offset)
        return [self.parts[i - 1]] if i else []


@dataclasses.dataclass(slots=True)
class _DocContext:
    home: str | None  # the dateline's or most mentioned country
    topics: _Topics


def _with_sector(parts: list[Participant], sector: str) -> list[Participant]:
    """Countries and places standing for a sector («خرج المصريون»: civilians)."""
    return [
        dataclasses.replace(p, sector=sector) if p.sector is None and p.kind in _LAND else p
        for p in parts
    ]


def _negates(text: str, cue: CueHit) -> bool:
    """A negation cue standing as its own word, or after «و»/«ف» («كما» is no «ما»)."""
    return cue.kind == "negation" and text[cue.word_start : cue.start] in ("", "و", "ف")


def _has_enclitic(text: str, end: int) -> bool:
    return end < len(text) and is_letter(text[end])


def _overlaps(cue: CueHit, hit: TriggerHit) -> bool:
    return cue.start < hit.end and hit.start < cue.end


def _merge(events: list[tuple[Event, Candidate]]) -> list[tuple[Event, Candidate]]:
    """Same-type events of a sentence with compatible actors become one (the strongest)."""
    kept: list[tuple[Event, Candidate]] = []
    for event, cand in sorted(events, key=lambda item: -item[1].score):
        twin = next((k for k, _ in kept if k.event == event.event and _compatible(k, event)), None)
        if twin is None:
            kept.append((event, cand))
            continue
        twin.actor = twin.actor or event.actor
        twin.recipient = twin.recipient or event.recipient
        twin.mode += [m for m in event.mode if m not in twin.mode][: max(0, 2 - len(twin.mode))]
    kept.sort(key=lambda item: item[0].trigger.start if item[0].trigger else 0)
    return kept


def _compatible(a: Event, b: Event) -> bool:
    if not a.actor or not b.actor:
        return True
    return bool(_ids(a.actor) & _ids(b.actor))


def _ids(refs: list[ActorRef]) -> set[str]:
    return {r.entity_id or r.entity_text for r in refs}


__all__ = ["EventStage", "Participant"]
