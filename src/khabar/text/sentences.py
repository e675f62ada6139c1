"""Sentence splitting for Arabic news text, with offsets.

A sentence ends at `.`, `!`, `?`, «؟» or «۔» (closing quotes and brackets right after the mark
belong to the sentence) and at every paragraph break (a blank line). No split:
- inside a quotation or a bracket that closes later in the same paragraph (a multi-sentence
  quote is one sentence, also across a «(تستمر)» marker the cleaner removed);
- after an initial or a one-letter abbreviation («د.», «م.», «أ.»), inside dotted
  abbreviations («أ.ف.ب», «ص.ب»), numbers («3.5», «1.000»), URLs and e-mail addresses (a
  mark must be followed by a space to end anything);
- after «..» (a pause in Arabic headlines) or a list number at the start of a sentence;
- at «،» (a comma). «؛» ends a sentence only between two clauses of at least six words each.
"""

from __future__ import annotations

import bisect
import re
from typing import ClassVar

from ..doc import Document, Sentence, Tokens
from ..pipeline import BaseStage
from .tokens import token_spans

# A sentence mark (with the closers that belong to it) or a paragraph break. Both patterns open
# with the class of every first character, so the regex engine scans for a candidate in C;
# a look-behind at that character then picks the branch.
_BOUNDARY = re.compile(
    r"[.!?؟۔…؛\n](?:(?<=\n)[^\S\n]*\n\s*"
    r"|(?:(?<=[.!?؟۔])[.!?؟۔]*|(?<=…)…*|(?<=؛))[\"'”’»)\]]*(?=\s|$))"
)
_MAY_PROTECT = re.compile(r"[«\"“(\[]")
# a quotation mark, or a paragraph break (quotes do not run over one)
_QUOTE = re.compile(r"[«»\"“”\n](?:(?<=\n)[^\S\n]*\n|(?<!\n))")
_BRACKET = re.compile(r"\([^()\n]{0,300}\)|\[[^\[\]\n]{0,300}\]")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_URL_OR_MAIL = re.compile(r"://|^www\.|@")
QUOTE_LIMIT = 1500  # a «quotation» longer than this is more likely an unbalanced mark
SEMICOLON_CLAUSE = 6
ABBREVIATIONS = frozenset({"mr", "mrs", "dr", "st", "jr", "no", "vs", "etc", "prof", "gen", "col"})


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, stripped of surrounding whitespace."""
    sentences: list[Sentence] = []
    protected = _protected(text) if _MAY_PROTECT.search(text) else []
    begin = 0
    for start, end in map(re.Match.span, _BOUNDARY.finditer(text)):
        if text[start] == "\n":  # a paragraph break
            _add(text, begin, start, sentences)
            begin = end
        elif not (protected and _inside(protected, start, end)) and (
            _ends_sentence(text, begin, start, end)
        ):
            _add(text, begin, end, sentences)
            begin = end
    _add(text, begin, len(text), sentences)
    return sentences


def _ends_sentence(text: str, begin: int, start: int, end: int) -> bool:
    """Does the mark at text[start:end] (with its closers) end the sentence from `begin`?"""
    mark = text[start:end].rstrip("\"'”’»)]")
    if mark == "..":
        return False
    if mark == "؛":
        before = len(_WORD.findall(text, begin, start))
        after = len(_WORD.findall(text, end, end + 400))
        return before >= SEMICOLON_CLAUSE and after >= SEMICOLON_CLAUSE
    if mark not in (".", "۔"):
        return True
    window = text[max(begin, start - 60) : start]
    if not window or window[-1].isspace():
        return True
    last = window.rsplit(None, 1)[-1]
    word = last.lstrip('(«"“[')
    if len(word) == 1 and not word.isdigit():
        return False  # an initial or a one-letter abbreviation
    if "." in word and not _URL_OR_MAIL.search(word):
        return False  # «أ.ف.ب», «ص.ب», «U.S»
    if word.lower() in ABBREVIATIONS:
        return False
    # «1.» numbering a list item
    return not (word.isdigit() and not text[begin : start - len(last)].strip())


def _protected(text: str) -> list[tuple[int, int]]:
    """Quotation and bracket regions where a mark does not end the sentence."""
    regions = _quote_regions(text)
    regions += [m.span() for m in _BRACKET.finditer(text)]
    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _quote_regions(text: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for at in map(re.Match.start, _QUOTE.finditer(text)):
        char = text[at]
        if char == "\n":  # a paragraph break
            stack.clear()
            continue
        if char in "«“":
            stack.append((char, at))
            continue
        if char in "»”":
            _close(stack, "«" if char == "»" else "“", at, regions)
            continue
        role = _ascii_role(text, at)
        top_ascii = bool(stack) and stack[-1][0] == '"'
        if role == "close" or (role == "either" and top_ascii):
            _close(stack, '"', at, regions)
        elif role != "close":
            stack.append(('"', at))
    return [(s, e) for s, e in regions if e - s <= QUOTE_LIMIT]


def _close(stack: list[tuple[str, int]], opener: str, at: int, regions: list) -> None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == opener:
            if depth == 0:
                regions.append((stack[0][1], at + 1))
            del stack[depth:]
            return


def _ascii_role(text: str, at: int) -> str:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    open_before = before.isspace() or before in "(:[«“-–—/،,"
    close_after = after.isspace() or after in ".,،؛:!?؟)]»”-"
    if open_before and not close_after:
        return "open"
    if close_after and not open_before:
        return "close"
    return "either"


def _inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """A mark inside a region, unless its closers reach the region's end («…."» ends)."""
    k = bisect.bisect_right(regions, (start, end)) - 1
    return k >= 0 and regions[k][0] < start and end < regions[k][1]


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        left = start + len(chunk) - len(chunk.lstrip())
        out.append(Sentence(left, left + len(stripped)))


class SentenceStage(BaseStage):
    name: ClassVar[str] = "sentences"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"sentences", "tokens"})

    def __call__(self, doc: Document) -> Document:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = Tokens(token_spans(doc.text))
        return doc
