"""Reading knowledge files: TSV with a header row, `#` comment lines, validated columns."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import KnowledgeBaseError

DATA_DIR = Path(__file__).parent / "data"

# users' folders (`--kb-extra`) whose files add rows to the shipped files of the same name;
# loaders cache what they build, so a change forgets what was loaded
_extra: tuple[Path, ...] = ()
_read_shipped = False


def data_path(name: str) -> Path:
    return DATA_DIR / name


def use_extra_dirs(dirs: Sequence[str | Path]) -> None:
    """Read the rows of same-named files in `dirs` after every shipped lexicon file. The
    knowledge-base tables (people, places…) take their extra folders through `load_kb`.
    Lexicons already loaded (every loader caches what it builds) are forgotten on a change,
    so the next pipeline built reads them anew; one already set up keeps what it has."""
    global _extra, _read_shipped
    wanted = tuple(Path(d) for d in dirs)
    if wanted == _extra:
        return
    for directory in wanted:
        if not directory.is_dir():
            raise KnowledgeBaseError(f"{directory}: not a folder of knowledge files")
    _extra = wanted
    if _read_shipped:
        _forget_loaded()
        _read_shipped = False


def _forget_loaded() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("khabar.") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def extra_dirs() -> tuple[Path, ...]:
    return _extra


def _extra_files(path: Path) -> list[Path]:
    global _read_shipped
    if path.parent != DATA_DIR:
        return []
    _read_shipped = True
    if not _extra:
        return []
    from .schema import FILES  # the tables that load_kb reads with its own extra folders

    if path.name in {spec.name for spec in FILES.values()}:
        return []
    return [d / path.name for d in _extra if (d / path.name).is_file()]


def read_tsv(
    path: Path | str, required: Sequence[str], *, non_empty: Sequence[str] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line; a bad header or row raises with file:line.

    `required` columns must be in the header; `non_empty` columns must have a value.
    Blank lines and lines starting with `#` are skipped, so files can carry comments. A
    shipped file is followed by the same-named files of the extra folders (`use_extra_dirs`).
    """
    path = Path(path)
    yield from _read_one(path, required, non_empty)
    for extra in _extra_files(path):
        yield from _read_one(extra, required, non_empty)


def _read_one(
    path: Path, required: Sequence[str], non_empty: Sequence[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        lines = (
            (n, line)
            for n, line in enumerate(handle, 1)
            if line.strip() and not line.startswith("#")
        )
        header_line = next(lines, None)
        if header_line is None:
            raise KnowledgeBaseError(f"{path}: empty file, expected a header row")
        header = header_line[1].rstrip("\r\n").split("\t")
        missing = [column for column in required if column not in header]
        if missing:
            raise KnowledgeBaseError(f"{path}:{header_line[0]}: header lacks columns {missing}")
        for number, line in lines:
            values = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if len(values) > len(header):
                raise KnowledgeBaseError(
                    f"{path}:{number}: {len(values)} fields for {len(header)} columns"
                )
            row = dict(zip(header, values + [""] * (len(header) - len(values)), strict=True))
            row = {key: value.strip() for key, value in row.items()}
            empty = [column for column in non_empty if not row.get(column)]
            if empty:
                raise KnowledgeBaseError(f"{path}:{number}: empty required field(s) {empty}")
            yield number, row


def split_list(value: str) -> list[str]:
    """Variant lists inside one cell are separated by `|`."""
    return [item.strip() for item in value.split("|") if item.strip()]
