"""Boilerplate rules (kb/data/boilerplate.tsv): which lines of an article are site furniture.

Every line is compared through `line_key`: folded, lower-cased, spaces collapsed, without the
punctuation and brackets around it, so «// انتهى //», «-انتهى-» and «(انتهى)» are one key.
One compiled regex per kind keeps the per-line cost to a single match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv
from ..text.normalize import fold_text

KINDS = (
    "continue",
    "marker",
    "line",
    "cut",
    "tail",
    "lead",
    "tail_inline",
    "line_regex",
    "tail_regex",
)
# what surrounds a boilerplate phrase on its line: spaces, punctuation, brackets, bullets
_EDGES = " \t\n.,;:!?؟،؛()[]{}«»\"“”'‘’-–—_/\\|*#•·…<>=+~^`@&%$"
KEY_LIMIT = 400  # boilerplate lines are short; longer lines are never keyed whole
EXACT_LIMIT = 40  # a marker line («// انتهى //») is at most this long
PREFIX_LIMIT = 80  # phrases are matched on the start of a line only


SEARCH_LIMIT = 200  # `*_regex` rules look at lines up to this long
SEEN_LIMIT = 512  # lines remembered (those of a few articles)


def line_key(text: str) -> str:
    return " ".join(fold_text(text[:KEY_LIMIT]).lower().strip(_EDGES).split())


@dataclass(slots=True)
class Rules:
    exact: dict[str, str] = field(default_factory=dict)  # key -> continue | marker
    prefix: dict[str, re.Pattern[str]] = field(default_factory=dict)  # kind -> pattern
    max_words: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, phrase key)
    inline: re.Pattern[str] | None = None
    inline_phrases: set[str] = field(default_factory=set)  # as written and folded, for a pre-check
    # line_regex, tail_regex: one pattern a row (each keeps its own literal prefix, which a
    # combined alternation would lose)
    regexes: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    longest: int = 0  # the longest prefix phrase key
    # a line is checked against several kinds, by several steps: line -> (its folded
    # lower-cased form when short enough to be searched, its key)
    _seen: dict[str, tuple[str, str]] = field(default_factory=dict)

    def key(self, text: str) -> str:
        """`line_key` of a short line, or of the start of a longer one (enough for prefixes)."""
        return self._remember(text)[1]

    def _remember(self, text: str) -> tuple[str, str]:
        known = self._seen.get(text)
        if known is not None:
            return known
        if len(text) <= SEARCH_LIMIT:
            lowered = fold_text(text).lower()
            key = " ".join(lowered.strip(_EDGES).split())  # line_key(text), from the same fold
        else:
            # the key of a head of the line is a prefix of the line's key; once longer than every
            # phrase it decides each prefix match (the phrase and the character after it) alike
            lowered = ""
            key = line_key(text[: min(PREFIX_LIMIT, max(self.longest + 16, EXACT_LIMIT + 1))])
            if len(key) <= self.longest:
                key = line_key(text[:PREFIX_LIMIT])
        if len(self._seen) >= SEEN_LIMIT:
            self._seen.clear()
        known = self._seen[text] = (lowered, key)
        return known

    def exact_kind(self, text: str) -> str | None:
        """continue | marker when the whole line is such a marker."""
        if len(text) > EXACT_LIMIT:
            return None
        return self.exact.get(self.key(text))

    def starts(self, kind: str, text: str) -> str | None:
        """The phrase of `kind` that the line starts with, if the line is short enough for it."""
        pattern = self.prefix.get(kind)
        match = pattern.match(self.key(text)) if pattern else None
        if not match:
            return None
        phrase = match.group()
        limit = self.max_words.get((kind, phrase))
        if limit is not None and len(text.split(None, limit)) > limit:
            return None
        return phrase

    def search(self, kind: str, text: str) -> bool:
        """Does a `*_regex` rule of `kind` match a short line (folded, punctuation kept)?"""
        patterns = self.regexes.get(kind)
        if not patterns or len(text) > SEARCH_LIMIT:
            return False
        form = " ".join(self._remember(text)[0].split())
        return any(pattern.search(form) for pattern in patterns)


def load_rules(path: Path | None = None) -> Rules:
    path = path or data_path("boilerplate.tsv")
    rules = Rules()
    phrases: dict[str, list[str]] = {}
    for number, row in read_tsv(
        path, ["phrase", "kind", "max_words", "note"], non_empty=["phrase"]
    ):
        kind, key = row["kind"], line_key(row["phrase"])
        if kind.endswith("_regex"):
            _add_regex(rules, kind, row["phrase"], f"{path}:{number}")
            continue
        if kind not in KINDS or not key:
            raise KnowledgeBaseError(f"{path}:{number}: unknown kind {kind!r} or empty phrase")
        if row["max_words"] and not row["max_words"].isdigit():
            raise KnowledgeBaseError(f"{path}:{number}: max_words must be a number")
        if row["max_words"]:
            rules.max_words[(kind, key)] = int(row["max_words"])
        if kind == "tail_inline":
            rules.inline_phrases |= {row["phrase"], key}
        if kind in ("continue", "marker"):
            rules.exact[key] = kind
        else:
            phrases.setdefault(kind, []).append(key)
    for kind, keys in phrases.items():
        if kind != "tail_inline":
            rules.longest = max(rules.longest, *map(len, keys))
        alternation = "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))
        if kind == "tail_inline":
            # after the last sentence end, up to the end of the text, with no sentence end inside
            rules.inline = re.compile(
                f'(?<=[.!?؟"”»)])\\s+((?:{alternation})(?![^\\W_])[^.!?؟\\n]*)$'
            )
        else:
            rules.prefix[kind] = re.compile(f"(?:{alternation})(?![^\\W_])")
    return rules


def _add_regex(rules: Rules, kind: str, pattern: str, where: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise KnowledgeBaseError(f"{where}: bad regular expression: {exc}") from exc
    rules.regexes.setdefault(kind, []).append(compiled)
