"""`khabar events`, `khabar count`, `khabar stories`: stored events as a table, JSONL or CSV,
their counts, and the grouping of wire copies."""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from ..dedup.stories import StoryParams
from .query import (
    CSV_COLUMNS,
    GROUPS,
    EventFilter,
    QuoteFilter,
    connect,
    count,
    entities,
    events,
    flat,
    quotes,
)
from .search import update_index
from .stories import largest, update_stories

Db = Annotated[Path, typer.Argument(help="A database made by `khabar ingest`.")]
Types = Annotated[
    list[str] | None, typer.Option("--type", "-t", help="PLOVER type (repeatable), e.g. PROTEST.")
]
Country = Annotated[
    str | None, typer.Option(help="ISO alpha-3 of an actor, a recipient or the place (IRQ).")
]
Actor = Annotated[str | None, typer.Option(help="Actor code prefix (RUS, RUSGOV) or entity id.")]
Recipient = Annotated[str | None, typer.Option(help="Recipient code prefix or entity id.")]
Since = Annotated[str | None, typer.Option(help="Events on or after this date (2021-07-01).")]
Until = Annotated[str | None, typer.Option(help="Events on or before this date, month or year.")]
Outlet = Annotated[str | None, typer.Option(help="Only articles of this outlet.")]
Query = Annotated[
    str | None, typer.Option(help="Only articles holding all these words (needs `khabar index`).")
]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")]


def _filter(types, country, actor, recipient, since, until, outlet, query) -> EventFilter:
    return EventFilter(tuple(types or ()), country, actor, recipient, since, until, outlet, query)


@contextmanager
def _sink(output: Path | None):
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def list_events(
    db: Db,
    types: Types = None,
    country: Country = None,
    actor: Actor = None,
    recipient: Recipient = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    query: Query = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    output: Output = None,
) -> None:
    """List stored events (PLOVER records with their article and evidence sentence)."""
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter(f"unknown format {fmt!r}", param_hint="--format")
    where = _filter(types, country, actor, recipient, since, until, outlet, query)
    if limit is None and fmt == "table":
        limit = 200  # a terminal table of a whole corpus helps nobody
    connection = connect(db)
    try:
        found = events(connection, where, limit)
        with _sink(output) as handle:
            if fmt == "jsonl":
                for event in found:
                    handle.write(json.dumps(event, ensure_ascii=False) + "\n")
            elif fmt == "csv":
                _write_csv(found, handle)
            else:
                _print_table(found, handle)
    finally:
        connection.close()


def _write_csv(found: Any, handle: TextIO) -> None:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in found:
        writer.writerow(flat(event))


def _print_table(found: Any, handle: TextIO) -> None:
    table = Table("date", "type", "actor", "recipient", "place", "trigger", "article")
    for event in found:
        row = flat(event)
        table.add_row(
            row["date"], row["event"], row["actor_codes"], row["recipient_codes"],
            row["place"], row["trigger"], row["article_id"],
        )  # fmt: skip
    Console(file=handle, highlight=False).print(table)


def count_events(
    db: Db,
    by: Annotated[str, typer.Option(help=f"One of: {', '.join(GROUPS)}.")] = "type",
    types: Types = None,
    country: Country = None,
    actor: Actor = None,
    recipient: Recipient = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    query: Query = None,
    top: Annotated[int | None, typer.Option(help="Only the N most frequent values.")] = None,
    per_story: Annotated[
        bool, typer.Option(help="Count an event once across the wire copies of its story.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or csv.")] = "table",
    output: Output = None,
) -> None:
    """Count stored events by type, actor, recipient, country, place, outlet, day, month or year."""
    if fmt not in ("table", "csv"):
        raise typer.BadParameter(f"unknown format {fmt!r}", param_hint="--format")
    if by not in GROUPS:
        raise typer.BadParameter(f"choose one of {', '.join(GROUPS)}", param_hint="--by")
    connection = connect(db)
    try:
        where = _filter(types, country, actor, recipient, since, until, outlet, query)
        rows = count(connection, by, where, top, per_story)
    finally:
        connection.close()
    with _sink(output) as handle:
        if fmt == "csv":
            writer = csv.writer(handle)
            writer.writerow([by, "events"])
            writer.writerows(rows)
            return
        table = Table(by, "events")
        for key, n in rows:
            table.add_row("-" if key is None else str(key), str(n))
        Console(file=handle, highlight=False).print(table)


def find_stories(
    db: Db,
    threshold: Annotated[
        float, typer.Option(help="Estimated Jaccard similarity of word 5-grams (0-1).")
    ] = 0.5,
    days: Annotated[
        int, typer.Option(help="Copies are published at most this many days apart.")
    ] = 7,
    top: Annotated[int, typer.Option(help="Show the N largest stories.")] = 10,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or table.")] = False,
) -> None:
    """Group wire copies (one story republished by several outlets) in a database."""
    if not 0.0 < threshold <= 1.0:
        raise typer.BadParameter("must be in (0, 1]", param_hint="--threshold")
    params = StoryParams(threshold=threshold, days=days)
    with Progress(
        TextColumn("hashing"), BarColumn(), TextColumn("{task.completed} articles"),
        console=Console(stderr=True), disable=quiet, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("hash", total=None)
        report = update_stories(db, params, lambda n: progress.advance(task, n))
    if quiet:
        return
    console = Console(highlight=False)
    console.print(
        f"{report.articles} articles, {report.hashed} newly hashed: {report.stories} stories, "
        f"{report.copied} with copies in more than one article"
    )
    table = Table("story", "articles", "outlets", "title")
    for story, size, outlets, title in largest(db, top):
        table.add_row(story[:12], str(size), outlets or "-", title or "-")
    if table.rows:
        console.print(table)


def build_index(
    db: Db,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Add the articles not indexed yet to the database's full-text search index."""
    with Progress(
        TextColumn("indexing"), BarColumn(), TextColumn("{task.completed} articles"),
        console=Console(stderr=True), disable=quiet, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("index", total=None)
        added, total = update_index(db, lambda n: progress.advance(task, n))
    if not quiet:
        Console(highlight=False).print(f"{added} articles indexed now, {total} in the index")


def serve(
    db: Db,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the HTTP API (/api/…, docs at /api/docs) and the web page over a database."""
    try:
        import uvicorn

        from ..api.app import create_app
    except ImportError as exc:
        raise typer.BadParameter(
            f"the API needs the api extra: pip install 'khabar[api]' ({exc.name} is missing)"
        ) from None
    app = create_app(db)
    Console(stderr=True, highlight=False).print(f"khabar: serving {db} on http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def list_quotes(
    db: Db,
    speaker: Annotated[
        str | None, typer.Option(help="Entity id, or part of the speaker's name (Lavrov, لافروف).")
    ] = None,
    query: Query = None,
    since: Annotated[str | None, typer.Option(help="Articles published on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="Articles published on or before.")] = None,
    outlet: Outlet = None,
    direct: Annotated[
        bool | None, typer.Option("--direct/--indirect", help="Only direct / indirect speech.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many quotes.")] = None,
    output: Output = None,
) -> None:
    """Who said what: stored quotations with their speakers, newest first."""
    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter(f"unknown format {fmt!r}", param_hint="--format")
    connection = connect(db)
    try:
        where = QuoteFilter(speaker, query, since, until, outlet, direct)
        found = quotes(connection, where, limit if limit or fmt != "table" else 100)
    finally:
        connection.close()
    with _sink(output) as handle:
        if fmt == "jsonl":
            for quote in found:
                handle.write(json.dumps(quote, ensure_ascii=False) + "\n")
            return
        table = Table("published", "speaker", "verb", "quote", "article")
        for quote in found:
            who = quote["speaker"]["name"] or quote["speaker"]["text"] or "-"
            table.add_row(
                quote["article"]["published"], who, quote["verb"], quote["text"][:120],
                quote["article"]["id"],
            )  # fmt: skip
        Console(file=handle, highlight=False).print(table)


def list_entities(
    db: Db,
    type_: Annotated[str | None, typer.Option("--type", "-t", help="PER, ORG or LOC.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of the entity.")] = None,
    name: Annotated[str | None, typer.Option(help="Part of the canonical name.")] = None,
    top: Annotated[int, typer.Option(help="How many.")] = 30,
    fmt: Annotated[str, typer.Option("--format", help="table or csv.")] = "table",
    output: Output = None,
) -> None:
    """The people, organisations and places named in most articles."""
    if fmt not in ("table", "csv"):
        raise typer.BadParameter(f"unknown format {fmt!r}", param_hint="--format")
    connection = connect(db)
    try:
        found = entities(connection, type_, country, name, top)
    finally:
        connection.close()
    columns = ("id", "name", "type", "country", "sector", "articles", "mentions")
    with _sink(output) as handle:
        if fmt == "csv":
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(found)
            return
        table = Table(*columns)
        for row in found:
            table.add_row(*("-" if row[c] is None else str(row[c]) for c in columns))
        Console(file=handle, highlight=False).print(table)


def register(app: typer.Typer) -> None:
    app.command("events")(list_events)
    app.command("count")(count_events)
    app.command("quotes")(list_quotes)
    app.command("entities")(list_entities)
    app.command("stories")(find_stories)
    app.command("index")(build_index)
    app.command("serve")(serve)
