"""A relative of a known person: another given name before his family name.

«ميلانيا ترامب», «إيفانكا ترامب» are not Donald Trump. The name scanner already tells
«ميشيل أوباما» from Barack Obama when it knows the given name; this covers the tagger's
longer person spans around a known person's family name, whatever the given name: a name
part before the family name that none of the person's own names has (by skeleton, so
«جون إيف لودريان» stays Jean-Yves Le Drian) is someone else of the family.
"""

from __future__ import annotations

from ..text.normalize import fold_text
from .entity_lexicon import NAME_LINKS, EntityLexicon
from .entity_skeletons import skeleton


class KinCheck:
    """`is_other(text, start, inner_start, inner_end, person)`: the name [start, …) around
    the known `person`'s one-word form [inner_start, inner_end) names another person."""

    def __init__(self, lexicon: EntityLexicon) -> None:
        self._lexicon = lexicon
        self._own: dict[str, frozenset[str]] = {}

    def is_other(
        self, text: str, start: int, inner_start: int, inner_end: int, person: str
    ) -> bool:
        entry = self._lexicon.kb.entries.get(person)
        if entry is None or entry.type != "PER" or start >= inner_start:
            return False
        if " " in text[inner_start:inner_end].strip():
            return False  # «الأمير نايف بن عبدالعزيز»: a full name inside, titles before it
        before = [w for w in fold_text(text[start:inner_start]).split() if w not in NAME_LINKS]
        if not before or not all(self._name_part(w) for w in before):
            return False  # a title or a common word the tagger kept: no name of its own
        own = self._own.get(person)
        if own is None:
            names = (entry.name_ar or "", *entry.aliases_ar)
            own = frozenset(skeleton(w) for a in names if a for w in fold_text(a).split())
            self._own[person] = own
        # a middle name the KB lacks is no sign («دونالد جون ترامب»): one own name is enough
        return not any(skeleton(w) in own for w in before)

    def _name_part(self, word: str) -> bool:
        lexicon = self._lexicon
        if len(word) < 3 or word.startswith("ال") or lexicon.is_stop(word):
            return False
        if word in lexicon.cue_nouns:  # «السيدة», «الشيخ» without the article too
            return False
        if word in lexicon.kb.given_names:
            return True
        return word not in lexicon.common and word not in lexicon.forms
