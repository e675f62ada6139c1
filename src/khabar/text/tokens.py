"""Regex tokenizer: words, numbers and single punctuation marks, with offsets into the text.

A word is a run of letters of any script, with Arabic diacritics, tatweel and zero-width
joiners after its first letter («بـ», «مُحمّد»). A number is a run of digits (ASCII, Arabic-Indic, Persian)
with `.`, `,`, «٫», «٬» or the Maghrebi «ر» between digit groups («3.5», «1,000», «٣٫٥», «7ر3»). Anything else that is
not a space is a token of its own.
"""

from __future__ import annotations

import re
from itertools import starmap

from ..doc import Token

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u200c\u200d"
# the word branch is unrolled (letters, then marks+letters): a run of plain letters, the
# common case, is one fast class loop
_WORD = rf"[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*"
# «7ر3» is how Maghrebi wires write 3.7 (the decimal part first): one number
_NUMBER = r"\d+(?:[.,٫٬ر]\d+)*"
# the look-ahead skips spaces before trying the branches. The first branch is a fast path for
# the common word, a run of letters of the Arabic block (all letters) that neither a mark nor
# another letter follows: the word branch would take the same run, one costly class at a time
_ARABIC_RUN = rf"[\u0621-\u064a]++(?![^\W\d_]|[{_MARKS}])"
TOKEN_PATTERN = re.compile(rf"(?=\S)(?:{_ARABIC_RUN}|{_WORD}|{_NUMBER}|.)")
WORD = re.compile(_WORD)
NUMBER = re.compile(_NUMBER)


def tokenize(text: str) -> list[Token]:
    """Every token of `text` in order; `text[t.start:t.end]` is the token."""
    return list(starmap(Token, map(re.Match.span, TOKEN_PATTERN.finditer(text))))


def token_spans(text: str) -> list[tuple[int, int]]:
    """The same as `tokenize` as plain tuples (cheaper when no Token objects are needed)."""
    return list(map(re.Match.span, TOKEN_PATTERN.finditer(text)))


def token_kind(token_text: str) -> str:
    """word | number | punct, for a token produced by `tokenize`."""
    if NUMBER.fullmatch(token_text):
        return "number"
    if WORD.fullmatch(token_text):
        return "word"
    return "punct"
