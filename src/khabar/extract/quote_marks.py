"""Quoted spans: «…», “…” and "…" paired per paragraph.

A straight quote opens or closes by the spaces around it, so one stray mark does not shift every
later pair; a quotation opened and not closed in its paragraph goes on into the next ones (up to
three) — the convention of multi-paragraph quotes, and what remains when a cleaner removed
«(تستمر)».
"""

from __future__ import annotations

import re

__all__ = ["quoted_spans", "strip_span"]

_OPEN_CONTEXT = "([{«-–—/:،,"
_CLOSE_CONTEXT = ")]}».,،:;!?؟-–—"
_MARKS = re.compile(r"[«»“”\"]")
_CONTINUE_PARAGRAPHS = 3


def quoted_spans(text: str) -> dict[int, int]:
    """Opening mark offset -> closing mark offset, for every quotation in `text`."""
    spans: dict[int, int] = {}
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pending: tuple[int, str] | None = None  # an opening mark still waiting for its close
    carried = 0
    for start, end in paragraphs:
        marks = [(m.start(), m.group()) for m in _MARKS.finditer(text, start, end)]
        if pending is not None:
            close = _continuation_close(marks, pending[1])
            if close is not None:
                spans[pending[0]] = close
                marks = [m for m in marks if m[0] > close]
                pending = None
            else:
                carried += 1
                if carried > _CONTINUE_PARAGRAPHS:
                    pending = None
                continue
        pending = _pair(text, marks, spans)
        carried = 0
    return spans


def _continuation_close(marks: list[tuple[int, str]], opener: str) -> int | None:
    if opener == '"':
        plain = [i for i, c in marks if c == '"']
        return plain[-1] if len(plain) % 2 == 1 else None
    closer = "»" if opener == "«" else "”"
    depth = 0
    for i, c in marks:
        if c == opener:
            depth += 1
        elif c == closer:
            if depth == 0:
                return i
            depth -= 1
    return None


def _plain_role(text: str, i: int) -> str:
    """Whether a straight quote opens («"word»), closes («word" »), or could do either."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    spaced_before = before.isspace() or before in _OPEN_CONTEXT
    spaced_after = after.isspace() or after in _CLOSE_CONTEXT
    if spaced_before and not spaced_after:
        return "open"
    if spaced_after and not spaced_before:
        return "close"
    return "either"


def _pair(text: str, marks: list[tuple[int, str]], spans: dict[int, int]) -> tuple[int, str] | None:
    """Pairs the marks of one paragraph; returns an opening mark left open, if any."""
    stack: list[tuple[int, str]] = []
    plain_open: int | None = None
    for i, c in marks:
        if c == '"':
            role = _plain_role(text, i)
            if plain_open is None:
                plain_open = i if role != "close" else None  # a stray closing mark
            elif role == "open":
                plain_open = i  # the earlier opening mark was never closed («"ابل "لتوفير»)
            else:
                spans[plain_open] = i
                plain_open = None
        elif c in "«“":
            stack.append((i, c))
        elif stack and {"»": "«", "”": "“"}[c] == stack[-1][1]:
            spans[stack.pop()[0]] = i
    if plain_open is not None:
        return plain_open, '"'
    return stack[0] if stack else None


_MARKS_AFTER = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "ـ"}


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trims spaces and edge punctuation from a span, and the harakat a split word left at its
    start («إنّ» read up to the nun leaves its shadda)."""
    while start < end and (
        text[start].isspace() or text[start] in "،,:-" or text[start] in _MARKS_AFTER
    ):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,.:-"):
        end -= 1
    return start, end
