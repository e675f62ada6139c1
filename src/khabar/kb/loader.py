"""Load the knowledge base (countries, places, organisations, people, lexicons) and check it.

`load_kb()` raises `KnowledgeBaseError` with file:line on the first bad row; `check_kb()`
returns every problem as "file:line: message" so `khabar kb check` can list them all.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from ..errors import KnowledgeBaseError
from .model import Agent, Institution, KBEntry, KnowledgeBase, Office, Role
from .rows import Problems, RowReader
from .tsv import DATA_DIR

__all__ = [
    "Agent", "Institution", "KBEntry", "KnowledgeBase", "Office", "Role", "check_kb", "load_kb",
]  # fmt: skip


@functools.lru_cache(maxsize=8)
def _load_cached(data_dir: Path, extra_dirs: tuple[Path, ...]) -> KnowledgeBase:
    kb, problems = _build(data_dir, extra_dirs)
    if problems.items:
        first = problems.items[0]
        more = len(problems.items) - 1
        raise KnowledgeBaseError(
            str(first),
            path=str(first.path),
            line=first.line,
            hint=f"{more} more problem(s); run `khabar kb check`" if more else None,
        )
    return kb


def load_kb(data_dir: Path | None = None, extra_dirs: Sequence[Path] = ()) -> KnowledgeBase:
    """Load and validate the knowledge base; cached per arguments (it runs once per worker)."""
    return _load_cached(Path(data_dir or DATA_DIR), tuple(Path(d) for d in extra_dirs))


def check_kb(data_dir: Path | None = None, extra_dirs: Sequence[Path] = ()) -> list[str]:
    """Every problem in the knowledge files as "file:line: message"; [] when all is well."""
    _, problems = _build(Path(data_dir or DATA_DIR), tuple(Path(d) for d in extra_dirs))
    return [str(p) for p in problems.items]


def _build(data_dir: Path, extra_dirs: tuple[Path, ...]) -> tuple[KnowledgeBase, Problems]:
    kb = KnowledgeBase()
    problems = Problems()
    reader = RowReader(kb, problems)
    reader.read_all(data_dir, extra_dirs)
    kb.index_offices()
    return kb, problems
