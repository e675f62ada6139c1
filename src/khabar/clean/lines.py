"""Lines of a raw text with their offsets, and the text-level clean-up around them.

Everything here keeps offsets into `doc.raw`: sanitising replaces characters one for one,
code fragments are blanked with spaces, and a `Line` is a (start, end) range of the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..doc import Span
from ..text.normalize import fold

# length-preserving, so offsets into the sanitised text are offsets into doc.raw
_SANITISE = str.maketrans(
    {
        **{
            c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
        },
        0x0D: "\n",
        0x85: "\n",
        0x2028: "\n",
        0x2029: "\n",
        0xFEFF: " ",
        0x200B: " ",  # zero-width space: invisible, and it defeats str.strip()
    }
)
_NEEDS_SANITISING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
# a long stretch without Arabic letters; it is code (CSS, a script) when code marks are dense
_NON_ARABIC_RUN = re.compile(r"(?:(?<=\s)|^)[^\u0600-\u06FF\s][^\u0600-\u06FF\n]{59,}")
_CODE_MARKS = re.compile(r"[{};=()\[\]]")
_CODE_DENSITY = 0.06
# a line that is not blank; the group is the line without surrounding whitespace
# (\S and str.strip agree on what whitespace is)
_LINE = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)")
# a run of whitespace within a line that is not a single space: what collapse_spaces replaces
# (opening with a class lets the engine scan for candidates in C)
_SPACE_RUN = re.compile(r"[^\S\n](?:(?<= )[^\S\n]+|(?<! )[^\S\n]*)")
# every character str.split() splits on but " " and "\n"
_ODD_SPACE = re.compile(
    "[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)


@dataclass(slots=True)
class Line:
    start: int  # offsets into doc.raw, surrounding whitespace excluded
    end: int
    soft: bool = False  # joined to the previous paragraph by "\n" (a continuation marker was here)


def sanitise(raw: str) -> str:
    """Controls to spaces, other line separators to newlines; same length as `raw`."""
    return raw.translate(_SANITISE) if _NEEDS_SANITISING.search(raw) else raw


def split_lines(safe: str) -> list[Line]:
    """The non-blank lines of a sanitised text, without surrounding whitespace."""
    return [Line(*match.span(1)) for match in _LINE.finditer(safe)]


def blank_code(safe: str, removed: list[Span]) -> str:
    """Blank out style sheet and script fragments a scraper left in the text."""
    pieces: list[str] = []
    last = 0
    for match in _NON_ARABIC_RUN.finditer(safe):
        run = match.group()
        marks = len(_CODE_MARKS.findall(run))
        if marks < _CODE_DENSITY * len(run) or ("{" not in run and ";" not in run):
            continue
        removed.append(Span(*match.span()))
        pieces += [safe[last : match.start()], " " * len(run)]
        last = match.end()
    return "".join(pieces) + safe[last:] if pieces else safe


def stripped(text: str, start: int, end: int, soft: bool = False) -> Line:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk) - len(chunk.rstrip())
    return Line(start + left, end - right, soft)


def prefix_end(safe: str, line: Line, phrase: str) -> int:
    """Where a folded phrase ends in the original line (folding may delete characters)."""
    text = safe[line.start : min(line.end, line.start + 400)]
    folded, mapping = fold(text)
    words = r"[\W_]+".join(re.escape(word) for word in phrase.split())
    match = re.match(rf"[\W_]*{words}[\s:،,\-–—|/]*", folded, re.IGNORECASE)
    if match is None:
        return line.start  # cannot place it: remove nothing rather than too much
    return (
        line.start + mapping.to_original(match.end())
        if match.end() < len(folded)
        else line.start + len(text)
    )


def join_paragraphs(safe: str, lines: list[Line]) -> str:
    parts: list[str] = []
    for line in lines:
        if parts:
            parts.append("\n" if line.soft else "\n\n")
        parts.append(safe[line.start : line.end])
    text = "".join(parts)
    # lines are stripped and hold no newline: collapsing the joined text collapses each line;
    # without a double space or other whitespace there is nothing to do (most texts)
    if "  " not in text and _ODD_SPACE.search(text) is None:
        return text
    return _SPACE_RUN.sub(" ", text)


def collapse_spaces(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space (a line has no newline)."""
    return " ".join(text.split())
