"""The entity stage: recognise, link and code the actors of an article.

One pass of the knowledge-base matcher over the folded text finds countries, places,
organisations and known people, plus the cue words around unknown ones (roles, titles,
institutions, agent nouns, given names); `entity_recognize` turns them into referents, the
optional CRF tagger adds names no dictionary knows (and, where it is confident, corrects the
dictionaries' boundaries and readings: `entity_arbitrate`), and mentions of the same referent
merge into one `Entity` with offsets into `doc.text`. Names guessed from a given name or a
plain-noun title alone («الفريق», «المدرب») are kept only when the tagger confirms them.
`named_only` (NER evaluation) keeps the names as NER corpora tag them (`entity_named`) and
flags the document so that coreference adds no nominal mentions.

Ids: ISO alpha-3 for countries, `geonames:<id>` for places, the KB id for other known
entries, `inst:<CTY>:<key>` for institutions, `agent:<CTY>:<SECTOR>` (or `agent:<SECTOR>`)
for agent nouns, `role:<CTY>:<office>` for an office whose holder is unknown, `per:<folded
name>` for people found by pattern, `loc:<folded name>` for unknown places after a head noun
(`entity_places`), `ner:<TYPE>:<folded text>` for tagger-only spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, ClassVar

from ..doc import Document
from ..pipeline import BaseStage
from ..text.normalize import fold, fold_text
from .entity_arbitrate import arbitrate, join_city_names
from .entity_facilities import name_facilities
from .entity_junk import SpanCleaner, name_words
from .entity_kin import KinCheck
from .entity_lexicon import PLACE_KINDS, EntityLexicon, load_lexicon
from .entity_link import Located, assemble, confirmed, merge_model_spans
from .entity_lists import headless_regions, name_listed_regions
from .entity_named import named_mentions
from .entity_places import PLACE_HEADS_FILE, PlaceHeads, load_place_heads
from .entity_recognize import Recognizer
from .entity_skeletons import link_skeletons, skeleton_index
from .entity_surnames import link_surnames
from .entity_teams import DOMAINS_FILE, load_sport_words, name_teams
from .entity_verbs import VerbForms, listed_verbs
from .entity_vessels import head_pattern, name_vessels

NAMED_ONLY_FLAG = "entities-named-only"


class EntityStage(BaseStage):
    name: ClassVar[str] = "entities"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "sentences", "tokens", "source"})
    assigns: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(
        self,
        *,
        use_crf: bool = True,
        named_only: bool = False,
        kb_dir: str | None = None,
        kb_extra: list[str] | None = None,
    ):
        """`use_crf`: add the CRF tagger's spans when a model is shipped. `named_only`: keep
        only named entities (no agent nouns, no role phrases), as NER evaluation counts them.
        `kb_dir`: a knowledge-base directory other than the shipped one. `kb_extra`: folders
        of users' own KB files (people.tsv, organizations.tsv…) read on top of it."""
        self.use_crf = use_crf
        self.named_only = named_only
        self.kb_dir = kb_dir
        self.kb_extra = tuple(Path(d) for d in kb_extra or ())
        self._lexicon: EntityLexicon | None = None
        self._crf: Any = None
        self._places: PlaceHeads | None = None
        self._skeletons: dict[str, str] = {}
        self._ranks: dict[str, int] = {}
        self._verbs: VerbForms | None = None
        self._cleaner = SpanCleaner()
        self._support: frozenset[str] | None = None
        self._sport: Any = None
        self._headless: dict[str, str] = {}
        self._vessels: re.Pattern[str] | None = None
        self._kin: KinCheck | None = None

    def setup(self) -> None:
        if self._lexicon is not None:
            return
        self._lexicon = load_lexicon(Path(self.kb_dir) if self.kb_dir else None, self.kb_extra)
        own = Path(self.kb_dir) / PLACE_HEADS_FILE if self.kb_dir else None
        self._places = load_place_heads(own if own is not None and own.exists() else None)
        self._skeletons = skeleton_index(self._lexicon)
        self._headless = headless_regions(self._lexicon.kb.entries)
        self._vessels = head_pattern(self._lexicon.vessel_forms)
        domains = Path(self.kb_dir) / DOMAINS_FILE if self.kb_dir else None
        self._sport = load_sport_words(str(domains) if domains and domains.exists() else None)
        if self.use_crf:
            from .crf import CrfTagger

            self._crf = CrfTagger.load()
            # the news word list tells a rare name from a common word after «مدينة»
            self._ranks = self._crf.features.res.ranks if self._crf is not None else {}
        self._verbs = self._verb_forms(self._lexicon)
        lexicon = self._lexicon
        self._kin = KinCheck(lexicon)
        self._cleaner = SpanCleaner(
            self._verbs,
            lexicon.not_org,
            lexicon.kb.given_names,
            lexicon.function,
            lexicon.after_name,
            lexicon.cue_nouns,
            lexicon.homographs,
            frozenset().union(*lexicon.word_spellings.values()),
        )
        # a town whose name is a verb form too needs its country named, like «مالي»
        self._support = self._lexicon.needs_support | self._verbs.homographs(self._places_forms())

    def _places_forms(self) -> list[str]:
        lexicon = self.lexicon
        entries = lexicon.kb.entries
        return [
            form
            for form, ids in lexicon.forms.items()
            if any(entries[i].kind in PLACE_KINDS for i in ids)
        ]

    def _verb_forms(self, lexicon: EntityLexicon) -> VerbForms:
        """Finite verbs (listed, and told by the news word list where the tagger ships it):
        names end before them (`entity_verbs`)."""
        kb = lexicon.kb
        names = name_words(kb.given_names, lexicon.forms.keys(), kb.nisba.keys(), lexicon.surnames)
        listed = listed_verbs(Path(self.kb_dir) if self.kb_dir else None, lexicon.verbs)
        res = self._crf.features.res if self._crf is not None else None
        return VerbForms(listed, names, res.ranks if res else None, res.clusters if res else None)

    @property
    def lexicon(self) -> EntityLexicon:
        if self._lexicon is None:
            self.setup()
        assert self._lexicon is not None
        return self._lexicon

    def __call__(self, doc: Document) -> Document:
        doc.entities = self.extract(doc.text, doc.source.published, doc)
        if self.named_only and NAMED_ONLY_FLAG not in doc.flags:
            doc.flags.append(NAMED_ONLY_FLAG)  # tells coreference to add no nominal mentions
        return doc

    def extract(self, text: str, published: str | None, doc: Document | None = None) -> list:
        """The entities of `text` (a whole article or one sentence)."""
        if not text.strip():
            return []
        lexicon = self.lexicon
        # «#الولايات_المتحدة»: hashtags join the words of a name with underscores (same
        # length: offsets hold); other stages keep them joined («#اليمن_اليوم» is no date)
        folded, offsets = fold(text.replace("_", " ") if "_" in text else text)
        matches = lexicon.matcher.find(folded)

        def original(start: int, end: int) -> str:
            orig_start, orig_end = offsets.span(start, end)
            return text[orig_start:orig_end]

        found = Recognizer(
            folded, matches, lexicon, published, original, self._places, self._ranks, self._verbs,
            self._support,
        ).run()  # fmt: skip
        located = []
        weak = []
        for item in found:
            start, end = offsets.span(item.start, item.end)
            (weak if item.weak else located).append(Located(start, end, item.seed, item.source))
        if self._crf is not None:
            located = self._with_tagger(text, located, weak, published, doc)
        else:
            located += weak
        link_skeletons(text, located, lexicon, self._skeletons)
        name_facilities(text, located, lexicon.facility_heads)
        name_vessels(text, located, lexicon.vessel_heads, self._vessels)
        name_listed_regions(text, located, self._headless, lexicon.kb.entries)
        name_teams(text, located, self._sport, lambda: _sentence_finder(text, doc))
        return assemble(text, located, named_only=self.named_only)

    def _with_tagger(
        self,
        text: str,
        located: list[Located],
        weak: list[Located],
        published: str | None,
        doc: Document | None,
    ) -> list[Located]:
        """Dictionary mentions and the CRF tagger's spans, disagreements settled by the
        tagger's confidence (`entity_arbitrate`), then the tagger's new names added."""
        lexicon = self.lexicon
        tokens = doc.tokens if doc is not None else []
        scored = join_city_names(text, located, self._crf.tag_scored(text, tokens))
        scored = self._cleaner.clean(text, scored, located, weak)
        spans = [(start, end, kind) for start, end, kind, _ in scored]
        located = arbitrate(
            text, located + confirmed(weak, spans), scored, lexicon.kb.given_names, self._ranks
        )
        if self.named_only:
            located = named_mentions(text, located, spans, lexicon)
        located = merge_model_spans(
            text,
            located,
            spans,
            lexicon.forms,
            lexicon.nisba_country,
            lexicon.kb.given_names,
            _known_surnames(text, located, lexicon.surnames.keys()),
            self._support or frozenset(),
            self._ranks,
            self._kin.is_other if self._kin is not None else None,
        )
        link_surnames(text, located, lexicon, published)
        return located


def _sentence_finder(text: str, doc: Document | None) -> Callable[[int], tuple[int, int]]:
    """Offset -> the (start, end) of its sentence (the whole text without sentences)."""
    spans = [(s.start, s.end) for s in doc.sentences] if doc is not None else []
    if not spans:
        return lambda pos: (0, len(text))
    starts = [start for start, _ in spans]

    def sentence_of(pos: int) -> tuple[int, int]:
        return spans[max(0, bisect.bisect_right(starts, pos) - 1)]

    return sentence_of


def _known_surnames(
    text: str, located: list[Located], surnames: AbstractSet[str]
) -> frozenset[str]:
    """The surnames of the known people the text names: «بكيم» glued to another name in a
    tagger span is Kim only in a story that names a Kim."""
    words = {
        word
        for item in located
        if item.seed.id.startswith("person:")
        for word in fold_text(text[item.start : item.end]).split()
    }
    return frozenset(words & surnames)
