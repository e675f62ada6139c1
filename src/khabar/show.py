"""A readable summary of processed documents: `khabar show out.jsonl` (or `-` for stdin)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table


def _actors(refs: list[dict[str, Any]] | None) -> str:
    return ", ".join(f"{r.get('entity_text')} [{r.get('code') or '-'}]" for r in refs or []) or "-"


def show(doc: dict[str, Any], console: Console) -> None:
    source = doc.get("source") or {}
    console.rule(f"{doc.get('id')}: {doc.get('title') or ''}")
    console.print(
        f"outlet {source.get('outlet')} | agency {source.get('agency')} | dateline "
        f"{source.get('dateline')} | published {source.get('published')} | language "
        f"{source.get('language')} | {len(doc.get('sentences') or [])} sentences",
        highlight=False,
    )
    sections = [
        ("Entities", ["id", "name", "type", "country", "sector", "mentions"],
         [[e["id"], e.get("name"), e.get("type"), e.get("country"), e.get("sector"),
           str(len(e.get("mentions") or []))] for e in doc.get("entities") or []]),
        ("Dates", ["text", "value", "granularity", "kind"],
         [[d["text"], d.get("value"), d.get("granularity"), d.get("kind")] for d in doc.get("dates") or []]),
        ("Quotes", ["speaker", "verb", "direct", "quote"],
         [[(q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text"), q.get("verb"),
           str(q.get("direct")), q["text"][:80]] for q in doc.get("quotes") or []]),
        ("Events", ["type", "mode", "actor", "recipient", "date", "where", "trigger"],
         [[e["event"], ",".join(e.get("mode") or []), _actors(e.get("actor")),
           _actors(e.get("recipient")), e.get("date"), (e.get("event_loc") or {}).get("name"),
           e.get("event_text")] for e in doc.get("events") or []]),
    ]
    for title, columns, rows in sections:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*[str(cell) if cell is not None else "-" for cell in row])
        console.print(table)


def show_lines(lines: Iterable[str], console: Console, origin: str) -> int:
    """Show every JSON document of `lines`; a line that is not a document is reported, not fatal.
    Returns the number of such lines."""
    bad = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            console.print(f"{origin}:{number}: not a khabar document ({exc})", highlight=False)
            bad += 1
            continue
        show(doc, console)
    return bad


def main(argv: list[str] | None = None) -> int:
    console = Console()
    bad = 0
    for path in argv if argv is not None else sys.argv[1:]:
        if path == "-":
            bad += show_lines(sys.stdin, console, "<stdin>")
            continue
        with open(path, encoding="utf-8") as handle:
            bad += show_lines(handle, console, path)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
