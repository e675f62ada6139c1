"""Places no gazetteer knows, announced by a head noun: «مديرية نهم», «قرية المدفون», «بلدتي بصر
الحرير ومليحة العطش», «جبل الأزهور», «مطار تيفور العسكري».

Villages, districts, hills and bases are where conflict happens, and most of them are in no
gazetteer. After a head noun (place_heads.tsv) one to three words are read as a name when the
first is rare in news text — a frequent word after «مدينة» or «قاعدة» is an adjective or a noun
(«مدينة الثقافة», «قاعدة بيانات»), unless it is a toponym's usual first word («عين الحلوة») —
and no dictionary entry starts there (known places are the gazetteer's). The name stops at a
function word, a frequent word, a proclitic («ومحطة»), a known entity or a nisba, which gives the
place its country («مقاطعة هوبي الصينية»). Works on folded text; offsets are folded offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..text.normalize import fold_text
from .entity_lexicon import EntityLexicon

PLACE_HEADS_FILE = "place_heads.tsv"
# a first name word ranked above this in the news word list is too common to start a name
MIN_RANK = 8000
# a later word ranked above this ends the name («قرب», «شمال», «التابعة»)
STOP_RANK = 2000
_WORD = re.compile(r"[\u0621-\u064a]+")
_AND = re.compile(r"\s*و(?=[\u0621-\u064a])")
_CLITIC_START = ("بال", "لل", "وال", "فال", "كال")
_PROCLITIC_LETTERS = frozenset("وبلفك")
_ASPECT = re.compile(r"(?<!\w)من $")


@dataclass(frozen=True, slots=True)
class PlaceHead:
    keep: bool  # the head is part of the name («جبل الأزهور»)
    names: int  # 2 for a dual («بلدتي X وY»)
    site: bool  # a facility: airport, base, prison, port, crossing


@dataclass(frozen=True, slots=True)
class PlaceHeads:
    heads: dict[str, PlaceHead]  # folded head -> how it introduces a name
    prefixes: frozenset[str]  # folded toponym first words
    pattern: re.Pattern[str] | None  # a head (group 1), possibly after proclitics, then a space


@dataclass(frozen=True, slots=True)
class NamedPlace:
    start: int  # the mention: the name, with its head when the head is part of it
    end: int
    site: bool
    country: str | None  # from a nisba after the name


def load_place_heads(path: Path | None = None) -> PlaceHeads:
    """place_heads.tsv (default: the shipped file)."""
    path = path or data_path(PLACE_HEADS_FILE)
    heads: dict[str, PlaceHead] = {}
    prefixes: set[str] = set()
    columns = ("phrase", "kind", "keep", "names", "site")
    for number, row in read_tsv(path, columns, non_empty=("phrase", "kind")):
        key = fold_text(row["phrase"].strip())
        if not key or " " in key:
            raise KnowledgeBaseError(f"{path}:{number}: a head or prefix is one word")
        if row["kind"] == "prefix":
            prefixes.add(key)
            continue
        flags = (row["keep"], row["names"], row["site"])
        if row["kind"] != "head" or flags[0] not in "01" or flags[1] not in ("1", "2"):
            raise KnowledgeBaseError(
                f"{path}:{number}: kind must be head or prefix; keep 0|1, names 1|2, site 0|1"
            )
        heads[key] = PlaceHead(flags[0] == "1", int(flags[1]), flags[2] == "1")
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)[وف]?[بل]?({alternation}) ") if heads else None
    return PlaceHeads(heads, frozenset(prefixes), pattern)


def find_places(
    text: str,
    heads: PlaceHeads,
    lexicon: EntityLexicon,
    known: bytearray,
    ranks: Mapping[str, int],
    towns: Mapping[int, int] | None = None,
) -> Iterator[NamedPlace]:
    """Unknown places in folded `text`; `known` marks the characters of dictionary entries,
    `towns` maps the start of a known town's name to its end: after a head that is part of
    the name, a town's name is another place («جبل القاهرة» in Taiz is no Cairo)."""
    if heads.pattern is None or not ranks:
        return
    for found in heads.pattern.finditer(text):
        head = heads.heads[found.group(1)]
        if known[found.start(1)] or _ASPECT.search(text, max(0, found.start() - 4), found.start()):
            continue  # «مدينة حمص» is itself a known form; «من ناحية» is «on the side of»
        pos = found.end()
        town = towns.get(pos) if towns and head.keep else None
        if town is not None:
            yield NamedPlace(found.start(1), town, head.site, _nisba_after(text, town, lexicon))
            continue
        for _ in range(head.names):
            name = _name(text, pos, head.keep, heads, lexicon, known, ranks)
            if name is None:
                break
            start, end, country = name
            yield NamedPlace(found.start(1) if head.keep else start, end, head.site, country)
            joined = _AND.match(text, end)
            if joined is None:
                break
            pos = joined.end()


def _name(
    text: str,
    pos: int,
    keep: bool,
    heads: PlaceHeads,
    lexicon: EntityLexicon,
    known: bytearray,
    ranks: Mapping[str, int],
) -> tuple[int, int, str | None] | None:
    """(start, end, country) of the name that starts at `pos`, or None."""
    first = _WORD.match(text, pos)
    if first is None or not _may_start(first.group(), heads, lexicon, ranks) or known[pos]:
        return None
    end = first.end()
    prefix = first.group() in heads.prefixes
    limit = 3 if prefix else 2
    words = 1
    while words < limit and text[end : end + 1] == " ":
        word = _WORD.match(text, end + 1)
        if word is None or known[word.start()]:
            break
        if not _continues(word.group(), lexicon, ranks, prefix or keep):
            break
        end, words = word.end(), words + 1
    if prefix and words == 1:
        return None  # «رأس», «عين» alone are common nouns
    return pos, end, _nisba_after(text, end, lexicon)


def _nisba_after(text: str, end: int, lexicon: EntityLexicon) -> str | None:
    if text[end : end + 1] != " ":
        return None
    after = _WORD.match(text, end + 1)
    return lexicon.nisba_country(after.group()) if after is not None else None


def _may_start(word: str, heads: PlaceHeads, lexicon: EntityLexicon, ranks: Mapping[str, int]):
    if word in heads.prefixes:
        return True
    if word.startswith(_CLITIC_START) or lexicon.is_stop(word) or word in lexicon.common:
        return False
    if word[0] == "و" and word[1:] in ranks:
        return False  # «جبال وغابات»: a conjunction, not a name
    if _common_after_proclitic(word, ranks, MIN_RANK) or _adjective(word, first=True):
        return False  # «لاحتجاجات», «وغابات»; «ناحية اشتقاقية»
    return ranks.get(word, MIN_RANK) >= MIN_RANK and lexicon.nisba_country(word) is None


def _continues(word: str, lexicon: EntityLexicon, ranks: Mapping[str, int], loose: bool) -> bool:
    """A later name word: a definite word that is not too frequent («بصر الحرير», «عين
    الحلوة»), or one the news word list does not hold at all («ريجو إيميليا»); after a
    toponym prefix (`loose`), any rare word. Never a clitic-joined common word («بريف»), an
    adjective («الحدودية») or a nisba; a listed word after a foreign name is most often a verb
    or a noun of the sentence («كيبيك تمركزت»)."""
    if word[0] == "و" or word.startswith(_CLITIC_START) or _adjective(word, first=False):
        return False  # «ماسي ومستشار», «هيسن بالكامل», «شرناق الحدودية»
    if word[0] in _PROCLITIC_LETTERS and word[1:] in ranks:
        return False  # «بشمالي», «بصدد»
    if lexicon.is_stop(word) or word in lexicon.common or lexicon.nisba_country(word):
        return False
    rank = ranks.get(word)
    if rank is None:
        return True
    return rank >= STOP_RANK and (word.startswith("ال") or (loose and rank >= MIN_RANK))


def _common_after_proclitic(word: str, ranks: Mapping[str, int], limit: int) -> bool:
    return word[0] in _PROCLITIC_LETTERS and ranks.get(word[1:], limit) < limit


def _adjective(word: str, *, first: bool) -> bool:
    """A relational adjective: «سكنية» after an indefinite head, «الحدودية» after a name."""
    if first:
        return not word.startswith("ال") and word.endswith("يه") and len(word) > 4
    return word.startswith("ال") and word.endswith(("يه", "ي", "ين")) and len(word) > 5
