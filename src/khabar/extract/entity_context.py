"""Readings that depend on the country the article is about: parties and common names.

A person's name made only of given names («محمد مصطفى») is the known person of that name only
when the article names his country, names no country, or he is in office on its date.

Many parties share their name across countries: «الحزب الجمهوري» is the US Republican Party in
an American story and Tunisia's Al Joumhouri in a Tunisian one, «حزب العدالة والتنمية» is
Turkish or Moroccan. A KB party is taken only when the text names its country somewhere (a
country, a place of it, a nisba); otherwise the name is read as a party of the country the
article names most, unless the article names none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from ..kb.model import KBEntry
from ..text.normalize import fold_text
from .entity_lexicon import EntityLexicon
from .entity_scan import Scanner

_PARTY_HEADS = ("حزب ", "الحزب ")
_LETTERS = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"[ \t]*[\"«“]([^\"»”\n]{2,30})[\"»”]")
MAX_NAME_WORDS = 3


def home_country(entry: KBEntry, key: str, context: Mapping[str, int]) -> str | None:
    """The article's country when `entry` is a party of a country the text never names, and
    `key` (the folded form) a descriptive «party» name («الحزب الجمهوري»), not a proper one
    («الليكود», «الإخوان»: the party wherever the story is)."""
    if entry.kind != "party" or not entry.country or context.get(entry.country, 0):
        return None
    if not key.startswith(_PARTY_HEADS):
        return None
    named = [(count, country) for country, count in context.items() if count]
    if not named:
        return None
    home = max(named)[1]
    return home if home != entry.country else None


def party_name(home: str | None, text: str) -> tuple[str, str]:
    """(id, name) of a party of `home` named as the text writes it (`text`: the mention)."""
    name = " ".join(text.split())
    key = "_".join(_LETTERS.findall(fold_text(name)))
    return (f"party:{home}:{key}" if home else f"party:{key}"), name


def named_party(scan: Scanner, pos: int) -> tuple[int, int, str | None] | None:
    """«حزب التحالف الديمقراطي», «حزب "جوا"», «حزب العمال الكوري»: the name after a bare
    party head at `pos`, as (end of the name, end with a nisba after it, the nisba's country);
    None when no name follows («حزب يساري») or the name is a dictionary entry («حزب "البيت
    اليهودي"»). Name words are definite («العدالة والتنمية»); a stopword, a nisba, a role or
    a title («حزب الرئيس الفرنسي») ends the name."""
    quoted = _QUOTED.match(scan.text, pos)
    if quoted is not None:
        if _starts(scan, quoted.start(1), ("entry",)):
            return None
        end = quoted.end()
    else:
        end = _name_end(scan, pos)
        if end is None:
            return None
    word = scan.next_word(end)
    nisba = scan.nisba(word) if word is not None else None
    return (end, nisba[1], nisba[0]) if nisba is not None else (end, end, None)


def _name_end(scan: Scanner, pos: int) -> int | None:
    end, words = pos, 0
    while words < MAX_NAME_WORDS:
        word = scan.next_word(end)
        if word is None:
            break
        text = word.text[1:] if words and word.text.startswith("وال") else word.text
        stop = scan.lexicon.is_stop(text) and not (words and text in scan.lexicon.body_adjectives)
        if not text.startswith("ال") or stop or scan.nisba(word):
            break  # «الوطنية» is no name alone, but «حزب الجبهة الوطنية» ends with it
        if _starts(scan, word.start, ("entry", "role", "title") if words else ("role", "title")):
            break
        end, words = word.end, words + 1
    return end if words else None


def _starts(scan: Scanner, pos: int, kinds: tuple[str, ...]) -> bool:
    match = scan.at.get(pos)
    return match is not None and any(cue.kind in kinds for cue in match.payloads)


def common_namesake(
    lexicon: EntityLexicon,
    person: str,
    key: str,
    named: AbstractSet[str],
    published: str | None,
) -> bool:
    """«محمد مصطفى», a commander in Manbij, is not the Palestinian politician: a known person's
    form made only of given names (`key`, folded) names him only when the article names his
    country (`named`: the countries of every place and organisation it names), names none,
    or he had held an office by the publication date (Saddam Hussein is no namesake)."""
    entry = lexicon.kb.entries[person]
    words = key.split()
    if len(words) < 2 or not all(word in lexicon.kb.given_names for word in words):
        return False
    if not named or entry.country in named:
        return False
    terms = lexicon.person_offices.get(person, ())
    if published is None:
        return not terms
    return not any(published[: len(t.start)] >= t.start for t in terms)
