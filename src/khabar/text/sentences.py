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

from ..doc import Document, Sentence
from ..pipeline import BaseStage
from .tokens import tokenize

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
_END = re.compile(r"(?:[.!?؟۔]+|…+|؛)[\"'”’»)\]]*(?=\s|$)")
_QUOTE = re.compile(r"[«»\"“”]")
_BRACKET = re.compile(r"\([^()\n]{0,300}\)|\[[^\[\]\n]{0,300}\]")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_URL_OR_MAIL = re.compile(r"://|^www\.|@")
QUOTE_LIMIT = 1500  # a «quotation» longer than this is more likely an unbalanced mark
SEMICOLON_CLAUSE = 6
ABBREVIATIONS = frozenset({"mr", "mrs", "dr", "st", "jr", "no", "vs", "etc", "prof", "gen", "col"})


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, stripped of surrounding whitespace."""
    sentences: list[Sentence] = []
    start = 0
    for brk in [*_PARAGRAPH.finditer(text), None]:
        end = brk.start() if brk else len(text)
        _split_paragraph(text, start, end, sentences)
        if brk:
            start = brk.end()
    return sentences


def _split_paragraph(text: str, start: int, end: int, out: list[Sentence]) -> None:
    paragraph = text[start:end]
    protected = _protected(paragraph)
    begin = 0
    for match in _END.finditer(paragraph):
        if _inside(protected, match.start(), match.end()) or not _ends_sentence(
            paragraph, begin, match
        ):
            continue
        _add(text, start + begin, start + match.end(), out)
        begin = match.end()
    _add(text, start + begin, end, out)


def _ends_sentence(paragraph: str, begin: int, match: re.Match[str]) -> bool:
    mark = match.group().rstrip("\"'”’»)]")
    if mark == "..":
        return False
    if mark == "؛":
        before = len(_WORD.findall(paragraph, begin, match.start()))
        after = len(_WORD.findall(paragraph, match.end(), match.end() + 400))
        return before >= SEMICOLON_CLAUSE and after >= SEMICOLON_CLAUSE
    if mark not in (".", "۔"):
        return True
    window = paragraph[max(begin, match.start() - 60) : match.start()]
    if not window or window[-1].isspace():
        return True
    last = window.split()[-1]
    word = last.lstrip('(«"“[')
    if len(word) == 1 and not word.isdigit():
        return False  # an initial or a one-letter abbreviation
    if "." in word and not _URL_OR_MAIL.search(word):
        return False  # «أ.ف.ب», «ص.ب», «U.S»
    if word.lower() in ABBREVIATIONS:
        return False
    # «1.» numbering a list item
    return not (word.isdigit() and not paragraph[begin : match.start() - len(last)].strip())


def _protected(paragraph: str) -> list[tuple[int, int]]:
    """Quotation and bracket regions where a mark does not end the sentence."""
    regions = _quote_regions(paragraph)
    regions += [m.span() for m in _BRACKET.finditer(paragraph)]
    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _quote_regions(paragraph: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _QUOTE.finditer(paragraph):
        char, at = match.group(), match.start()
        if char in "«“":
            stack.append((char, at))
            continue
        if char in "»”":
            _close(stack, "«" if char == "»" else "“", at, regions)
            continue
        role = _ascii_role(paragraph, at)
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


def _ascii_role(paragraph: str, at: int) -> str:
    before = paragraph[at - 1] if at else " "
    after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
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
        doc.tokens = tokenize(doc.text)
        return doc
