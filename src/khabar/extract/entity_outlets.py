"""News outlets named in the text: «صحيفة وول ستريت جورنال الأمريكية», «لـ«الشرق الأوسط»».

Outlets are cited as sources in most articles, and most of them are in no knowledge base.
Two shapes are safe to read without one:
- a head noun (صحيفة، جريدة، مجلة، وكالة أنباء) + a short name + a country's nisba: the nisba
  closes the name and gives the outlet's country;
- an outlet's bare title in quotation marks, when the KB knows that title («الجزيرة»).
Everything works on folded text; offsets are folded offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .entity_lexicon import EntityLexicon

# a short title in quotation marks: «الشرق الأوسط», "الجزيرة"
_QUOTED_TITLE = re.compile(r"[«\"“]([^«»\"“”\n]{3,40})[»\"”]")
# «وقناة» is also a canal («قناة السويس»): only heads that name nothing else
_HEAD = re.compile(r"(?<!\w)(?:[وف]?[بل]?)(صحيفه|جريده|مجله|وكاله انباء) ")
_WORD = re.compile(r"[^\W\d_]+")
_MAX_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class Outlet:
    start: int  # folded offsets of the whole phrase
    end: int
    name: str  # the name as written in the folded text («وول ستريت جورنال»)
    entry: str | None  # KB entry id when the KB knows the outlet
    country: str | None


def find_outlets(text: str, lexicon: EntityLexicon) -> Iterator[Outlet]:
    """Outlets in folded `text`, in no particular order, possibly overlapping."""
    if "«" in text or '"' in text or "“" in text:
        for quoted in _QUOTED_TITLE.finditer(text):
            entry = lexicon.quoted_media.get(" ".join(quoted.group(1).split()))
            if entry is not None:
                # «صحيفة "المحور" الجزائرية»: a nisba after the title gives the paper's country
                after = _WORD.match(text, quoted.end() + 1)
                country = lexicon.nisba_country(after.group()) if after is not None else None
                yield Outlet(quoted.start(1), quoted.end(1), quoted.group(1), entry, country)
    for head in _HEAD.finditer(text):
        outlet = _named_with_nisba(text, head.start(1), head.end(), lexicon)
        if outlet is not None:
            yield outlet


def _named_with_nisba(text: str, start: int, pos: int, lexicon: EntityLexicon) -> Outlet | None:
    """Head at `start`, name words from `pos` until a nisba («… الأمريكية»), or None."""
    words: list[re.Match[str]] = []
    while len(words) <= _MAX_NAME_WORDS:
        word = _WORD.match(text, pos)
        if word is None:
            return None
        country = lexicon.nisba_country(word.group())
        if country is not None and words:
            name = text[words[0].start() : words[-1].end()]
            entry = lexicon.quoted_media.get(name)
            return Outlet(start, word.end(), name, entry, country)
        if lexicon.is_stop(word.group()) or word.group() in lexicon.common:
            return None
        words.append(word)
        pos = word.end()
        if text[pos : pos + 1] != " ":
            return None  # a name runs on plain spaces: a comma or a quote ends the search
        pos += 1
    return None
