"""A readable summary of processed documents: `python -m khabar.show out.jsonl`."""

from __future__ import annotations

import json
import sys
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


def main(argv: list[str] | None = None) -> int:
    console = Console()
    for path in argv if argv is not None else sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    show(json.loads(line), console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
