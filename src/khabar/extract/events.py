"""The event stage: PLOVER events (who did what to whom, when, where) from each sentence.

Trigger words from the lexicon (`event_lexicon`) are candidates. Roles come from the
participants of the clause (`event_actors` for word order, `event_roles` for the fallbacks
of news style, `event_country` for nisba adjectives, capitals and the place of the report).
Context features (`event_triggers`, `event_frames`, `event_context`) and a logistic model
decide which candidates report an act: for the types it was fitted on (ASSAULT, PROTEST)
the model judges the pooled candidates of the sentence, plus the sentence's words, and the
best candidate takes that score; the other types use hand-set weights. Modality, date,
place, casualties and context come from `event_attributes`. Same-type triggers of one
sentence that share their actors merge into one event («شنت القوات هجوما … وقصفت»).
A specific earlier act the detector turns down (it asks for fresh reports) is kept with
aux_mode "historical" at the threshold (`event_background`); a definite noun trigger of a
type and lemma already coded in the article refers back to that event and is not coded again
(`event_mentions`, which also drops subheadings that sum up the body).
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import ClassVar

from ..doc import Document, Entity, Event
from ..kb.loader import load_kb
from ..kb.tsv import data_path
from ..pipeline import BaseStage
from ..text.matcher import PhraseMatcher
from ..text.normalize import fold, fold_text
from .event_country import CountryFiller, document_country
from .event_domains import DocDomains, load_event_domains
from .event_forms import disaster_document, other_word
from .event_lexicon import EventLexicon, load_event_lexicon
from .event_mentions import first_mentions, is_heading, not_governed
from .event_roles import DocContext, Topics
from .event_sentence import DocIndex, SentenceCoder
from .event_triggers import (
    Candidate,
    CueIndex,
    DetectorModel,
    TriggerHit,
    find_cues,
    find_triggers,
)

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
        keep_background: bool = True,
        kb_dir: str | None = None,
        model_path: str | None = None,
    ):
        """`threshold`: minimum detector probability. `keep_negated` / `keep_hypothetical`:
        keep events under negation or a condition (marked in aux_mode) instead of dropping
        them. `keep_background`: keep specific earlier acts that the sentence recalls
        (aux_mode "historical", confidence at the threshold; `event_background`). `kb_dir`: another directory with plover.tsv, triggers.tsv, event_cues.tsv."""
        self.threshold = threshold
        self.keep_negated = keep_negated
        self.keep_hypothetical = keep_hypothetical
        self.keep_background = keep_background
        self.kb_dir = kb_dir
        self.model_path = model_path
        self._lexicon: EventLexicon | None = None
        self._triggers: PhraseMatcher | None = None
        self._cues: PhraseMatcher | None = None
        self._model: DetectorModel | None = None
        self._ta_keys: frozenset[str] = frozenset()
        self._legal_words: frozenset[str] = frozenset()
        self._opinion_words: frozenset[tuple[str, str]] = frozenset()
        self._opinion_types: frozenset[str] = frozenset()
        # a list to receive (type, pooled features, sentence words) of every sentence the
        # fitted model judges: the training script fits on exactly what the gate sees
        self.gate_log: list[tuple[str, dict[str, float], frozenset[str]]] | None = None

    def setup(self) -> None:
        if self._lexicon is not None:
            return
        self._lexicon = load_event_lexicon(Path(self.kb_dir) if self.kb_dir else None)
        self._triggers = self._lexicon.trigger_matcher()
        self._triggers.build()
        self._domains = load_event_domains(Path(self.kb_dir) if self.kb_dir else None)
        self._cues = self._lexicon.cue_matcher()
        self._ta_keys = frozenset(fold_text(f) for f in self._lexicon.forms if f.endswith("ة"))
        # a trigger that requires one of these words names the verdict itself («قضت … بسجن»)
        # «حذر خبراء من أن …»: what commentators say or urge is an opinion, not an act
        self._opinion_words = frozenset(
            (fold_text(phrase), c.value)
            for phrase, cues in self._lexicon.cues.items()
            for c in cues
            if c.kind == "opinion"
        )
        self._opinion_types = frozenset(t for _, t in self._opinion_words)
        self._legal_words = frozenset(
            fold_text(phrase)
            for phrase, cues in self._lexicon.cues.items()
            if any(c.kind == "legal" for c in cues)
        )
        self._cues.build()
        # the fitted model scores the types it was trained on; the hand-set one all others
        self._model = DetectorModel.load(Path(self.model_path) if self.model_path else None)
        self._default_model = DetectorModel.load(data_path("event_detector_default.tsv"))
        kb = load_kb()
        self._filler = CountryFiller(kb.nisba, kb.capitals)

    def __call__(self, doc: Document) -> Document:
        self.setup()
        found = self.candidates(doc, floor=self.threshold)
        kept = [(e, c) for e, c in first_mentions(found, doc.text) if self._keep(e)]
        fitted = self._model.types if self._model else frozenset()
        doc.events = [e for e, _ in not_governed(doc.text, kept, fitted)]
        for index, event in enumerate(doc.events):
            event.id = f"{doc.id}:{index}"
        return doc

    def _keep(self, event: Event) -> bool:
        if event.confidence < self.threshold:
            return False
        if "negated" in event.aux_mode and not self.keep_negated:
            return False
        if (
            event.event in self._opinion_types
            and event.actor
            and all(
                (fold_text(a.entity_text), event.event) in self._opinion_words for a in event.actor
            )
        ):
            return False
        return "hypothetical" not in event.aux_mode or self.keep_hypothetical

    def candidates(
        self, doc: Document, floor: float | None = None
    ) -> list[tuple[Event, Candidate]]:
        """The scored event candidates of the document (all, or those scoring `floor` or
        more: the others are not built)."""
        assert self._triggers is not None and self._cues is not None
        folded, offsets = fold(doc.text)
        hits, _ = find_triggers(self._triggers, folded, offsets)
        if not hits:
            return []
        hits = [
            h
            for h in _outside_names(hits, doc.entities)
            if not other_word(doc.text, h, self._ta_keys)
        ]
        cues = CueIndex(find_cues(self._cues, folded, offsets))
        sentences = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
        title_cues = find_cues(self._cues, *fold(doc.title)) if doc.title else []
        disaster = disaster_document(cues.between(*sentences[0]), title_cues)
        starts = [s for s, _ in sentences]
        by_sentence: dict[int, list[TriggerHit]] = {}
        for hit in hits:
            by_sentence.setdefault(bisect.bisect_right(starts, hit.start) - 1, []).append(hit)
        lookup = {e.id: e for e in doc.entities}
        context = DocContext(document_country(doc), Topics(doc))
        index_ = DocIndex(doc)
        index_.domains = DocDomains(self._domains, folded, offsets, len(sentences))
        out: list[tuple[Event, Candidate]] = []
        for index, sentence_hits in by_sentence.items():
            if index >= 0 and not is_heading(doc.text, *sentences[index]):
                coder = SentenceCoder(self, doc, sentences[index], cues, lookup, context, index_)
                coder.disaster = disaster or any(c.kind == "disaster" for c in coder.cues)
                out += coder.code(sentence_hits, floor)
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
