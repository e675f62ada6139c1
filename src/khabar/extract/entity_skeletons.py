"""Spelling variants of known people's full names: «سلفان شالوم» is «سيلفان شالوم», «سيرجي
لافروف» is «سيرغي لافروف».

Foreign names reach Arabic through several transcriptions: long vowels written or not («سلفان»,
«سيلفان»), g as غ or ج, t as ت or ط, s as س or ص. A name's skeleton drops the long vowels after a
word's first letter and merges those letter pairs; a person found by pattern or by the tagger
whose whole name (two words or more) has the skeleton of exactly one known person's name is that
person. One-word names are left to the surname linker: a skeleton that short matches too much.
Arabic names are spelt one way, and their vowels tell names apart («حسن», «حسين»; «سلمان»,
«سليمان»): a name with an Arabic given name, «ال», «عبد», «بن» or «أبو» is not matched so.
"""

from __future__ import annotations

from ..text.normalize import fold_text
from .entity_found import seed_from_entry
from .entity_lexicon import EntityLexicon
from .entity_link import Located

_MERGED = str.maketrans({"غ": "ج", "ط": "ت", "ص": "س", "ث": "ت", "ذ": "د", "ظ": "ز", "ق": "ك"})
_VOWELS = str.maketrans("", "", "اويىءئؤ")
_UNKNOWN_PERSON = ("per:", "ner:PER:")
MIN_LETTERS = 6  # a shorter skeleton («جن كر») fits too many names
_ARABIC_NAME_PARTS = frozenset({"عبد", "بن", "ابن", "ابو", "ابي", "ال", "بنت"})


def skeleton(name: str) -> str:
    """The skeleton of a (folded or not) name: «سيلفان شالوم» → «سلفن شلم»."""
    words = []
    for word in fold_text(name).split():
        word = word.translate(_MERGED)
        words.append(word[:1] + word[1:].translate(_VOWELS).rstrip("ه"))
    return " ".join(words)


def skeleton_index(lexicon: EntityLexicon) -> dict[str, str]:
    """Skeleton of every multiword name of a known person -> that person; a skeleton two
    people share is left out."""
    index: dict[str, str] = {}
    shared: set[str] = set()
    for entry in lexicon.kb.entries.values():
        if entry.type != "PER":
            continue
        for name in {entry.name_ar or "", *entry.aliases_ar}:
            if len(name.split()) < 2 or _arabic(name, lexicon):
                continue
            key = skeleton(name)
            if len(key) - key.count(" ") < MIN_LETTERS:
                continue
            if index.get(key, entry.id) != entry.id:
                shared.add(key)
            index[key] = entry.id
    for key in shared:
        del index[key]
    return index


def link_skeletons(
    text: str, located: list[Located], lexicon: EntityLexicon, index: dict[str, str]
) -> None:
    """Relink (in place) unknown people whose full name is a known person's variant."""
    for item in located:
        if item.seed.type != "PER" or not item.seed.id.startswith(_UNKNOWN_PERSON):
            continue
        name = text[item.start : item.end]
        if len(name.split()) < 2 or _arabic(name, lexicon):
            continue
        person = index.get(skeleton(name))
        if person is not None:
            item.seed = seed_from_entry(lexicon.kb.entries[person])


def _arabic(name: str, lexicon: EntityLexicon) -> bool:
    arabic = lexicon.kb.arabic_given_names
    return any(
        word in arabic or word in _ARABIC_NAME_PARTS or word.startswith(("ال", "عبد"))
        for word in fold_text(name).split()
    )
