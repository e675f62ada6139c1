"""Reading knowledge files: TSV with a header row, `#` comment lines, validated columns."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import KnowledgeBaseError

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


def read_tsv(
    path: Path | str, required: Sequence[str], *, non_empty: Sequence[str] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line; a bad header or row raises with file:line.

    `required` columns must be in the header; `non_empty` columns must have a value.
    Blank lines and lines starting with `#` are skipped, so files can carry comments.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        lines = ((n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#"))
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
