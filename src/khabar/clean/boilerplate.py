"""The clean stage: from `doc.raw` to `doc.text`, the article body without site furniture.

Removed, with their spans into `doc.raw` recorded in `doc.removed`: a title repeated at the
top (kept as `doc.title`), the dateline/source line (its parts go to `doc.source.source_lines`
for the metadata stage), wire continuation and end markers, share/comment/related/copyright
blocks and source credits at the end (phrases in kb/data/boilerplate.tsv). Each remaining line
is a paragraph; paragraphs are separated by a blank line, except the two halves of a text cut
by a continuation marker («(تستمر)»), which are joined by a single newline so a quote running
over the marker stays one paragraph. C0/C1 control characters become spaces.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from ..doc import Document, Span
from ..pipeline import BaseStage
from ..text.normalize import fold
from .dateline import DatelineParser
from .lines import (
    Line,
    blank_code,
    collapse_spaces,
    join_paragraphs,
    prefix_end,
    sanitise,
    split_lines,
    stripped,
)
from .rules import Rules, line_key, load_rules
from .sources import load_given_names, load_source_names

_SENTENCE_END = re.compile(r"[.!?؟\"”»)][^\S\n]+")
_ALNUM = re.compile(r"[^\W_]")
_TITLE_LIMIT = 500  # longer first lines are never titles
_TITLE_HEAD = 32


class CleanStage(BaseStage):
    name: ClassVar[str] = "clean"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"raw"})
    assigns: ClassVar[frozenset[str]] = frozenset({"text", "removed"})

    def __init__(self, *, boilerplate: str | None = None, tail_fraction: float = 0.5):
        self.boilerplate = boilerplate  # another boilerplate.tsv (default: the packaged one)
        self.tail_fraction = tail_fraction  # «cut» phrases act only in this last part of a text
        self._rules: Rules | None = None
        self._dateline: DatelineParser | None = None

    def setup(self) -> None:
        if self._rules is None:
            self._rules = load_rules(Path(self.boilerplate) if self.boilerplate else None)
            self._dateline = DatelineParser(load_source_names(), load_given_names())

    def __call__(self, doc: Document) -> Document:
        self.setup()
        safe = sanitise(doc.raw)
        removed: list[Span] = []
        if "{" in safe or "});" in safe:
            safe = blank_code(safe, removed)
        lines = split_lines(safe)
        self._strip_empty(safe, lines, removed)
        self._strip_lead(safe, lines, removed)
        self._strip_title(doc, safe, lines, removed)
        self._strip_dateline(doc, safe, lines, removed)
        self._strip_cut(safe, lines, removed)
        self._strip_markers(safe, lines, removed)
        self._strip_tail(doc, safe, lines, removed)
        self._strip_inline_tail(safe, lines, removed)
        self._strip_inline_credit(doc, safe, lines, removed)
        doc.text = join_paragraphs(safe, lines)
        doc.removed = sorted(removed, key=lambda span: span.start)
        return doc

    def _strip_empty(self, safe: str, lines: list[Line], removed: list[Span]) -> None:
        """Lines without a letter or a digit («***», «* *», «.», «>») are separators."""
        kept = []
        for line in lines:
            if line.end - line.start < 20 and not _ALNUM.search(safe, line.start, line.end):
                removed.append(Span(line.start, line.end))
            else:
                kept.append(line)
        lines[:] = kept

    def _strip_lead(self, safe: str, lines: list[Line], removed: list[Span]) -> None:
        assert self._rules is not None
        while lines:
            line = lines[0]
            phrase = self._rules.starts("lead", safe[line.start : line.end])
            if phrase is None:
                return
            cut = prefix_end(safe, line, phrase)
            if cut <= line.start:
                return
            removed.append(Span(line.start, cut))
            if cut >= line.end:
                lines.pop(0)
            else:
                lines[0] = stripped(safe, cut, line.end)

    def _strip_title(
        self, doc: Document, safe: str, lines: list[Line], removed: list[Span]
    ) -> None:
        if not lines or lines[0].end - lines[0].start > _TITLE_LIMIT:
            return
        first = safe[lines[0].start : lines[0].end]
        second = safe[lines[1].start : lines[1].end] if len(lines) > 1 else None
        repeated = second is not None and _same_title(first, second)
        if not (repeated or (doc.title and _same_title(first, doc.title))):
            return
        if doc.title is None:
            doc.title = collapse_spaces(safe[lines[0].start : lines[0].end]).strip()
        count = 2 if repeated else 1
        for line in lines[:count]:
            removed.append(Span(line.start, line.end))
        del lines[:count]

    def _strip_dateline(
        self, doc: Document, safe: str, lines: list[Line], removed: list[Span]
    ) -> None:
        assert self._dateline is not None
        if not lines:
            return
        line = lines[0]
        found = self._dateline.parse(safe[line.start : line.end])
        if found is None:
            return
        source_line, end = found
        doc.source.source_lines.append(source_line)
        removed.append(Span(line.start, line.start + end))
        if line.start + end >= line.end:
            lines.pop(0)
        else:
            lines[0] = stripped(safe, line.start + end, line.end)

    def _strip_markers(self, safe: str, lines: list[Line], removed: list[Span]) -> None:
        assert self._rules is not None
        kept: list[Line] = []
        joined = False
        for line in lines:
            if line.end - line.start <= 200:
                text = safe[line.start : line.end]
                kind = self._rules.exact_kind(text)
                if kind is None and (
                    self._rules.starts("line", text) or self._rules.search("line_regex", text)
                ):
                    kind = "line"
                if kind is not None:
                    removed.append(Span(line.start, line.end))
                    joined = joined or (kind == "continue" and bool(kept))
                    continue
            if joined:
                line.soft = True
                joined = False
            kept.append(line)
        lines[:] = kept

    def _strip_cut(self, safe: str, lines: list[Line], removed: list[Span]) -> None:
        """A share/comment/related heading in the second half: it and all after it go."""
        assert self._rules is not None
        first_tail = int(len(lines) * (1 - self.tail_fraction))
        for index in range(max(first_tail, 1), len(lines)):
            line = lines[index]
            if line.end - line.start <= 200 and self._rules.starts(
                "cut", safe[line.start : line.end]
            ):
                removed.extend(Span(x.start, x.end) for x in lines[index:])
                del lines[index:]
                return

    def _strip_tail(self, doc: Document, safe: str, lines: list[Line], removed: list[Span]) -> None:
        """Credits, tags and contact lines at the very end, one line at a time."""
        assert self._rules is not None
        while len(lines) > 1:
            line = lines[-1]
            text = safe[line.start : line.end]
            if len(text) > 600:
                return
            if self._rules.starts("tail", text):
                self._source_credit(doc, text)
            elif not (self._rules.search("tail_regex", text) or self._bottom_credit(doc, text)):
                return
            removed.append(Span(line.start, line.end))
            lines.pop()

    def _bottom_credit(self, doc: Document, text: str) -> bool:
        """A last line that only names sources («فرانس24/ أ ف ب», «(رويترز)»)."""
        assert self._dateline is not None
        found = self._dateline.parse_credit(text)
        if found is not None:
            doc.source.source_lines.append(found)
        return found is not None

    def _source_credit(self, doc: Document, text: str) -> None:
        """«المصدر: رويترز» names the wire: keep it for the metadata stage."""
        assert self._dateline is not None
        _, _, credit = text.partition(":")
        found = self._dateline.parse(credit.strip() + " -") if credit.strip() else None
        if found is not None:
            source_line, _ = found
            source_line.where = "bottom"
            source_line.text = text.strip()
            doc.source.source_lines.append(source_line)

    def _strip_inline_tail(self, safe: str, lines: list[Line], removed: list[Span]) -> None:
        assert self._rules is not None
        if not lines or self._rules.inline is None:
            return
        line = lines[-1]
        window = max(line.start, line.end - 600)
        if not any(phrase in safe[window : line.end] for phrase in self._rules.inline_phrases):
            return  # folding the window is the costly part: skip it when no phrase is there
        folded, mapping = fold(safe[window : line.end])
        match = self._rules.inline.search(folded)
        if match is None or match.group(1).count(" ") + 1 > self._inline_limit():
            return
        cut = window + mapping.to_original(match.start())
        removed.append(Span(cut, line.end))
        lines[-1] = stripped(safe, line.start, cut, line.soft)

    def _strip_inline_credit(
        self, doc: Document, safe: str, lines: list[Line], removed: list[Span]
    ) -> None:
        """«… على سلم ريشتر. (واج)»: a source credit after the last sentence of the text."""
        assert self._dateline is not None
        if not lines:
            return
        line = lines[-1]
        window = max(line.start, line.end - 80)
        ends = [m.end() for m in _SENTENCE_END.finditer(safe, window, line.end)]
        for cut in reversed(ends[-3:]):
            found = self._dateline.parse_credit(safe[cut : line.end])
            if found is not None:
                doc.source.source_lines.append(found)
                removed.append(Span(cut, line.end))
                lines[-1] = stripped(safe, line.start, cut, line.soft)
                return

    def _inline_limit(self) -> int:
        assert self._rules is not None
        limits = [n for (kind, _), n in self._rules.max_words.items() if kind == "tail_inline"]
        return max(limits, default=40)


def _same_title(one: str, other: str) -> bool:
    if one == other:
        return True
    if abs(len(one) - len(other)) > 0.3 * max(len(one), len(other)) + 5:
        return False  # folding never changes a length that much: skip the work
    # the key of a line's head is a prefix of the line's key (str.lower is per character but
    # for a final sigma): heads whose keys part ways already tell two titles apart
    head_one, head_other = one[:_TITLE_HEAD], other[:_TITLE_HEAD]
    if "Σ" not in head_one and "Σ" not in head_other:
        key_one, key_other = line_key(head_one), line_key(head_other)
        if not (key_one.startswith(key_other) or key_other.startswith(key_one)):
            return False
    return line_key(one) == line_key(other)
