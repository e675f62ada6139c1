"""The entity stage: recognise, link and code the actors of an article.

One pass of the knowledge-base matcher over the folded text finds countries, places,
organisations and known people, plus the cue words around unknown ones (roles, titles,
institutions, agent nouns, given names); `entity_recognize` turns them into referents, the
optional CRF tagger adds names no dictionary knows, and mentions of the same referent merge
into one `Entity` with offsets into `doc.text`.

Ids: ISO alpha-3 for countries, `geonames:<id>` for places, the KB id for other known
entries, `inst:<CTY>:<key>` for institutions, `agent:<CTY>:<SECTOR>` (or `agent:<SECTOR>`)
for agent nouns, `role:<CTY>:<office>` for an office whose holder is unknown, `per:<folded
name>` for people found by pattern, `ner:<TYPE>:<folded text>` for tagger-only spans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from ..doc import Document
from ..pipeline import BaseStage
from ..text.normalize import fold
from .entity_lexicon import EntityLexicon, load_lexicon
from .entity_link import Located, assemble, confirmed, merge_model_spans
from .entity_recognize import Recognizer


class EntityStage(BaseStage):
    name: ClassVar[str] = "entities"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "sentences", "tokens", "source"})
    assigns: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(
        self, *, use_crf: bool = True, named_only: bool = False, kb_dir: str | None = None
    ):
        """`use_crf`: add the CRF tagger's spans when a model is shipped. `named_only`: keep
        only named entities (no agent nouns, no role phrases), as NER evaluation counts them.
        `kb_dir`: a knowledge-base directory other than the shipped one."""
        self.use_crf = use_crf
        self.named_only = named_only
        self.kb_dir = kb_dir
        self._lexicon: EntityLexicon | None = None
        self._crf: Any = None

    def setup(self) -> None:
        if self._lexicon is not None:
            return
        self._lexicon = load_lexicon(Path(self.kb_dir) if self.kb_dir else None)
        if self.use_crf:
            from .crf import CrfTagger

            self._crf = CrfTagger.load()

    @property
    def lexicon(self) -> EntityLexicon:
        if self._lexicon is None:
            self.setup()
        assert self._lexicon is not None
        return self._lexicon

    def __call__(self, doc: Document) -> Document:
        doc.entities = self.extract(doc.text, doc.source.published, doc)
        return doc

    def extract(self, text: str, published: str | None, doc: Document | None = None) -> list:
        """The entities of `text` (a whole article or one sentence)."""
        if not text.strip():
            return []
        lexicon = self.lexicon
        folded, offsets = fold(text)
        matches = lexicon.matcher.find(folded)

        def original(start: int, end: int) -> str:
            orig_start, orig_end = offsets.span(start, end)
            return text[orig_start:orig_end]

        found = Recognizer(folded, matches, lexicon, published, original).run()
        located = []
        weak = []
        for item in found:
            start, end = offsets.span(item.start, item.end)
            (weak if item.weak else located).append(Located(start, end, item.seed, item.source))
        if self._crf is not None:
            tokens = doc.tokens if doc is not None else []
            spans = self._crf.tag(text, tokens)
            located += confirmed(weak, spans)
            located = merge_model_spans(text, located, spans, lexicon.forms, lexicon.nisba_country)
        else:
            located += weak
        return assemble(text, located, named_only=self.named_only)
