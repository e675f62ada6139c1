"""Inflect nisba adjectives (روسي → روسية، الروس …) into every form a news text uses.

A stem whose last word ends in ي is an adjective: its words ending in ي get the feminine,
dual and plural endings together («كوري جنوبي» → «كورية جنوبية»). Any other stem (a broken
plural such as «روس» or «أفغان») is used as written. Every form also gets the article: on
every word when all words are adjectives («الكوري الجنوبي»), else on the first
(«الجنوب أفريقية»).
"""

from __future__ import annotations

# masc., fem., dual (nom./obl.), fem. dual (nom./obl.), sound plurals (nom./obl.), fem. plural
_ENDINGS = ("", "ة", "ان", "ين", "تان", "تين", "ون", "ات")


def nisba_forms(stem: str) -> list[str]:
    words = stem.split()
    if not words:
        return []
    if words[-1].endswith("ي"):
        bases = [
            " ".join(w + ending if w.endswith("ي") else w for w in words) for ending in _ENDINGS
        ]
    else:
        bases = [stem]
    every = all(w.endswith("ي") for w in words)
    forms: list[str] = []
    for base in bases:
        forms.append(base)
        parts = base.split()
        articled = [_article(w) for w in parts] if every else [_article(parts[0]), *parts[1:]]
        forms.append(" ".join(articled))
    return list(dict.fromkeys(forms))


def _article(word: str) -> str:
    return word if word.startswith("ال") else "ال" + word
