"""What one event is, once its candidate is kept: the context features the detector scores
(participants, fresh-report cues, frames, legal and negation cues) and the PLOVER record
with its modes, modality, date, place, casualties and confidence. A part of
`event_sentence.SentenceCoder`, which provides the sentence, its cues and its participants."""

from __future__ import annotations

import re

from ..doc import Event, Span
from . import event_attributes as attrs
from .event_actors import Participant, Roles
from .event_background import imperfect_form
from .event_forms import subjunctive
from .event_frames import (
    bare_noun,
    carried_out,
    clause_frames,
    definite,
    frame_noun,
    realised_after,
    relative_head,
    relative_verb,
    trigger_frames,
)
from .event_roles import NUMBER_AFTER
from .event_triggers import Candidate, CueHit, logit

_ARMED = frozenset({"MIL", "REB", "UAF", "COP", "SPY", "INS"})
MODAL = frozenset({"negation", "future", "hypothetical"})
_BEFORE_KINDS = MODAL | {"legal", "generic", "history"}
_LEGAL = frozenset({"legal"})
_TYPED_NEGATION = 6  # words back a negation naming one type reaches («أحبطت قوات الأمن …»)
_GENERIC = frozenset({"generic"})
_MODE = frozenset({"mode"})


class EventDescription:
    """Features and record of a kept candidate (`SentenceCoder` holds the state they read)."""

    def features(self, cand: Candidate, roles: Roles, repeated: bool) -> dict[str, float]:
        hit, entry = cand.hit, cand.entry
        text = self.doc.text
        kinds = {c.kind for c in self.cues if not (c.start < hit.end and hit.start < c.end)}
        before = {c.kind for c in self.near(cand, 4, 0, _BEFORE_KINDS)}
        f = {
            "prior": logit(entry.weight),
            "verb": float(cand.verbal),
            "passive": float(cand.passive),
            "actor": float(bool(roles.actors)),
            "recipient": float(bool(roles.recipients)),
            "no_participant": float(not roles.actors and not roles.recipients),
            "report": float("report" in kinds or self.relative_date),
            "casualty": float("casualty" in kinds or self.casualty_amount),
            "number_after": float(bool(NUMBER_AFTER.match(text, hit.end, hit.end + 12))),
            # trials recall an earlier act; rejecting or condemning a verdict is itself one
            "legal": self._legal(cand),
            "generic": float("generic" in {c.kind for c in self.near(cand, 2, 0, _GENERIC)}),
            "future": float("future" in before or hit.prefix.endswith("س")),
            "hypothetical": float("hypothetical" in before),
            "negation": self._negation(cand),
            "history": float("history" in before),
            "definite_noun": float(not cand.verbal and definite(hit)),
            "repeated": float(repeated),
            "quoted": float(attrs.quote_at(self.doc.quotes, hit.start, hit.end) is not None),
            "place": float(bool(self.places)),
            "armed_sides": float(armed(roles.actors) and armed(roles.recipients)),
        }
        f.update(self.frames)
        f.update(trigger_frames(text, self.sentence, hit))
        if entry.pos == "noun" and entry.type not in self.model.types:
            if carried_out(text, self.sentence[0], hit):
                f["prep_noun"] = 0.0
            else:
                f["bare_noun"] = float(bare_noun(text, self.sentence[0], hit))
        if not cand.verbal and entry.type not in self.model.types:
            f["frame_noun"] = float(frame_noun(text, self.sentence[0], hit))
            f["realised_after"] = float(realised_after(text, hit))  # no weight: for re-mentions
        # a listed form of a verb («التي طالب بها») is as much a verb as a conjugated one
        if entry.type not in self.model.types and (cand.verbal or entry.pos != "noun"):
            relative = relative_verb(text, self.sentence[0], hit, cand.verbal)
            if cand.verbal:
                f["relative"] = float(relative)
            # «الاتفاقية التي أبرمت», «المطالب التي طالب بها»: a noun of the verb's type
            # already named the act; the relative clause describes that noun (a listed form
            # too: «الاتفاق الذي أدانته الخارجية» stays a condemnation, told in a clause)
            f["relative_repeated"] = float(relative and self._named_head(cand))
        if entry.type in self.model.types:
            clause = self.clause(hit.start)
            starts = [p.start for p in self.places]
            f.update(clause_frames(text, clause, self.sentence[0], hit, starts))
            words = self.sentence_words()
            f.update(words.features(entry.type, entry.lemma, hit.word_start, hit.end))
            cand.bag = words.bag
        return f

    def _named_head(self, cand: Candidate) -> bool:
        """The noun a relative verb describes is a trigger of the verb's own type."""
        head = relative_head(self.doc.text, self.sentence[0], cand.hit)
        if head is None:
            return False
        kind = cand.entry.type
        return any(t == kind and head[0] < end <= head[1] for t, end in self.trigger_ends)

    def _legal(self, cand: Candidate) -> float:
        """Trials recall an earlier act; rejecting or condemning a verdict is itself one, so
        is a sentence («قضت المحكمة بسجنه»: the trigger requires the verdict word) and an
        arrest on a charge («اعتقلته الشرطة بتهمة الرشوة»: the charge comes after)."""
        entry = cand.entry
        if self.lexicon.types[entry.type].quad_code not in (2, 4):
            return 0.0
        if entry.requires and self.stage._legal_words.intersection(entry.requires):
            return 0.0
        ahead = 0 if entry.mode == "arrest" else 3
        return float(bool(self.near(cand, 6, ahead, _LEGAL)))

    def _negation(self, cand: Candidate) -> float:
        """A plain negation a few words before; one that names a type («أحبطت الشرطة …
        هجوما»: a foiled attack) negates only that type, further back."""
        text, etype = self.doc.text, cand.entry.type
        plain = any(_negates(text, c) and not c.value for c in self.near(cand, 3, 0, MODAL))
        if plain or etype not in self.typed_negations:
            return float(plain)
        typed = (c for c in self.near(cand, _TYPED_NEGATION, 0, MODAL) if c.value == etype)
        return float(any(_negates(text, c) for c in typed))

    def event(self, cand: Candidate, roles: Roles) -> Event:
        hit, entry = cand.hit, cand.entry
        cand.actor_ids = frozenset(p.entity_id or p.text for p in roles.actors)
        roles = self.finder.finish(cand, roles, self.parts)
        doc = self.doc
        plover = self.lexicon.types[entry.type]
        near = self.near(cand, 4, 4, _MODE)
        modes = attrs.refine_modes(entry.type, entry.mode, near)
        if entry.type == "CONSULT" and any(p.kind == "igo" for p in roles.recipients):
            modes.append("multilateral")
        quote = attrs.quote_at(doc.quotes, hit.start, hit.end)
        before = self.near(cand, 4, 0, MODAL)
        if not cand.features.get("negation"):
            before = [c for c in before if c.kind != "negation"]
        aux = attrs.aux_modes(before, hit.prefix, quote is not None)
        if cand.features.get("negation") and "negated" not in aux:
            aux.insert(0, "negated")  # a typed negation further back than `before` reaches
        fitted = entry.type in self.model.types  # their detector judged the modality
        if (
            not fitted
            and not {"hypothetical", "future"} & set(aux)
            and subjunctive(doc.text, cand, imperfect_form(cand))
        ):
            aux.append("hypothetical")
        date = attrs.event_date(
            doc.dates, self.sentence, hit.start, doc.source.published,
            future=bool({"future", "hypothetical"} & set(aux)), text=doc.text,
        )  # fmt: skip
        if cand.background or attrs.is_historical(date, doc.source.published):
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


def armed(parts: list[Participant]) -> bool:
    """Forces, rebels or gunmen: two such sides on a trigger make a fight of it."""
    return any(p.sector in _ARMED or p.kind == "armed" for p in parts)


# «، ما أدى إلى», «، ما تسبب بمقتل»: after a comma «ما» is "which" opening a consequence
_COMMA_BEFORE = re.compile(r"[،,]\s*$")


def _negates(text: str, cue: CueHit) -> bool:
    """A negation cue standing as its own word, or after «و»/«ف» («كما» is no «ما»)."""
    if cue.kind != "negation" or text[cue.word_start : cue.start] not in ("", "و", "ف"):
        return False
    if text[cue.start : cue.end] == "ما" and cue.word_start == cue.start:
        return not _COMMA_BEFORE.search(text, max(0, cue.start - 3), cue.start)
    return True
