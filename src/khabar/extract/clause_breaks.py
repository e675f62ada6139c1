"""Where a sentence splits into clauses, from `clause_breaks.tsv`: an event's actor is looked
for within the clause of its trigger, so the words that open a clause (and the nouns whose «و»
is no conjunction) are data users can extend."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv

_KINDS = ("opener", "root_waw")
_MATCHES = ("prefix", "word")
# punctuation that always ends a clause: semicolons, a colon, quotation marks, brackets
_PUNCTUATION = r"[؛;:«»\"“”()\[\]]"


@functools.lru_cache(maxsize=1)
def clause_break_pattern(path: Path | None = None) -> re.Pattern[str]:
    """A regex whose matches start at each clause break of a text."""
    path = path or data_path("clause_breaks.tsv")
    forms: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for line, row in read_tsv(path, ("kind", "form", "match"), non_empty=("kind", "form")):
        kind, form, match = row["kind"], row["form"], row["match"] or "prefix"
        if kind not in _KINDS or match not in _MATCHES:
            raise KnowledgeBaseError(
                f"{path}:{line}: kind must be one of {_KINDS} and match one of {_MATCHES}"
            )
        # a whole word in the text ends at white space: a clause break never ends a sentence
        pattern = re.escape(form).replace(r"\ ", r"\s+")
        pattern += r"\s" if match == "word" and kind == "root_waw" else ""
        if pattern in forms[kind]:
            raise KnowledgeBaseError(f"{path}:{line}: {form!r} is listed twice")
        forms[kind].append(pattern)
    if not all(forms.values()):
        raise KnowledgeBaseError(f"{path}: needs at least one row of each kind {_KINDS}")
    root_waw, openers = "|".join(forms["root_waw"]), "|".join(forms["opener"])
    return re.compile(rf"{_PUNCTUATION}|،\s*(?=و)(?!{root_waw})|\s(?:{openers})\s")


__all__ = ["clause_break_pattern"]
