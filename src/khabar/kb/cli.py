"""`khabar kb …`: check the knowledge files, look phrases up in them, report office coverage."""

from __future__ import annotations

import contextlib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..errors import KnowledgeBaseError
from . import coverage as cov
from .checks import check_data, check_extra
from .loader import KnowledgeBase, check_kb, load_kb
from .rows import fold_key
from .schema import FILES
from .tsv import DATA_DIR

app = typer.Typer(
    help="Knowledge base: check the data files, look up phrases.", no_args_is_help=True
)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Directory of knowledge files (default: the shipped ones)."),
]


Extra = Annotated[
    list[Path] | None,
    typer.Option("--extra", help="A folder of your own KB files, as given to `khabar process "
                 "--kb-extra`: checked as rows added to the knowledge base. Repeatable."),
]  # fmt: skip


@app.command()
def check(data_dir: DataDir = None, extra: Extra = None) -> None:
    """Validate every knowledge data file with its loader; print each file's rows, the entry
    counts and the problems; exit 1 on any problem (a data file without a checker is one)."""
    directory = data_dir or DATA_DIR
    if extra:
        _check_extra(directory, extra)
        return
    report = check_data(directory)
    for name, rows in report.rows.items():
        typer.echo(f"{name:<28}{'-' if rows is None else rows:>7}")
    if not report.problems:
        if any(name in FILES for name in report.rows):
            with contextlib.suppress(KnowledgeBaseError):  # a partial directory: no whole KB
                _print_summary(load_kb(directory))
        typer.echo("kb check: no problems")
        return
    for problem in report.problems:
        typer.echo(problem, err=True)
    typer.echo(f"kb check: {len(report.problems)} problem(s)", err=True)
    raise typer.Exit(1)


def _check_extra(directory: Path, extra: list[Path]) -> None:
    """Users' own rows read on top of `directory`, as the pipeline reads them."""
    for folder in extra:
        if not folder.is_dir():
            raise typer.BadParameter(f"{folder} is not a folder", param_hint="--extra")
    # rows of every knowledge file, as `--kb-extra` reads them after the shipped ones
    same = directory.resolve() == DATA_DIR.resolve()
    problems = check_extra(extra) if same else check_kb(directory, extra)
    if problems:
        for problem in problems:
            typer.echo(problem, err=True)
        typer.echo(f"kb check: {len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    _print_summary(load_kb(directory, extra))
    typer.echo("kb check: no problems")


@app.command()
def lookup(
    text: Annotated[str, typer.Argument(help="Arabic phrase (or entry id) to look up.")],
    data_dir: DataDir = None,
    limit: Annotated[int, typer.Option(help="Most entries to print.")] = 20,
) -> None:
    """Print the entries, nisba, roles, agents and institutions that match an Arabic phrase."""
    kb = load_kb(data_dir or DATA_DIR)
    lines = _lookup(kb, text)
    if not lines:
        typer.echo(f"no match for {text!r}")
        raise typer.Exit(1)
    for line in lines[:limit]:
        typer.echo(line)
    if len(lines) > limit:
        typer.echo(f"… {len(lines) - limit} more")


@app.command()
def coverage(
    since: Annotated[str, typer.Option(help="First day checked (ISO date).")] = "2000-01-01",
    until: Annotated[
        str | None, typer.Option(help="Last day checked (ISO date; default: today).")
    ] = None,
    countries: Annotated[
        str,
        typer.Option(help="Comma-separated groups (country_groups.tsv) and ISO alpha-3 codes."),
    ] = "G20,ARAB,FOCUS",
    offices: Annotated[str, typer.Option(help="Comma-separated offices to check.")] = ",".join(
        cov.OFFICES
    ),
    min_days: Annotated[int, typer.Option(help="Hide gaps shorter than this many days.")] = 1,
    tsv: Annotated[bool, typer.Option("--tsv", help="Print the gaps as TSV.")] = False,
    holders: Annotated[
        bool, typer.Option("--holders", help="Also list holders filed under another country.")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Print, per country and office, the periods for which offices.tsv names no holder (an
    office that does not exist, per office_absent.tsv, is no gap), then the totals."""
    directory = data_dir or DATA_DIR
    try:
        known = _data_file(directory, "countries.tsv")
        groups = cov.load_country_groups(
            _data_file(directory, "country_groups.tsv"), countries_path=known
        )
        absences = cov.load_absences(
            _data_file(directory, "office_absent.tsv"), countries_path=known
        )
        report = cov.coverage(
            load_kb(directory),
            cov.resolve_countries(countries.split(","), groups),
            offices=[o.strip() for o in offices.split(",") if o.strip()],
            since=cov.parse_day(since),
            until=cov.parse_day(until, last=True) if until else date.today(),
            absences=absences,
            min_days=min_days,
        )
    except (KnowledgeBaseError, ValueError) as exc:
        typer.echo(f"kb coverage: {exc}", err=True)
        raise typer.Exit(2) from exc
    for line in cov.format_report(report, tsv=tsv):
        typer.echo(line)
    if holders:
        for line in cov.holder_mismatches(load_kb(directory), [c for c, _ in report.slots]):
            typer.echo(f"holder: {line}")


def _data_file(directory: Path, name: str) -> Path:
    path = directory / name
    return path if path.exists() else DATA_DIR / name


def _lookup(kb: KnowledgeBase, text: str) -> list[str]:
    key = fold_key(text)
    lines: list[str] = []
    direct = kb.get(text.strip())
    ids = [direct.id] if direct else []
    ids += [entry_id for alias, entry_id in kb.surface_forms() if fold_key(alias) == key]
    for entry_id in dict.fromkeys(ids):
        e = kb.entries[entry_id]
        extra = f" pop={e.population}" if e.population else ""
        lines.append(
            f"{e.id}\t{e.type}/{e.kind}\t{e.name_ar} | {e.name_en}\t"
            f"country={e.country or '-'} sector={e.sector or '-'}{extra}"
        )
    if key in kb.nisba:
        lines.append(f"nisba\t{text} -> {kb.nisba[key]}")
    if key in kb.capitals:
        lines.append(f"capital\t{text} -> {kb.capitals[key]}")
    lines += [
        f"role\t{r.phrase_ar} -> {r.office} {r.sector}"
        for r in kb.roles
        if fold_key(r.phrase_ar) == key
    ]
    lines += [
        f"agent\t{a.phrase_ar} -> {a.sector}" for a in kb.agents if fold_key(a.phrase_ar) == key
    ]
    lines += [
        f"institution\t{i.phrase_ar} -> {i.kind} {i.sector}"
        for i in kb.institutions
        if fold_key(i.phrase_ar) == key
    ]
    if key in kb.given_names:
        lines.append(f"given name\t{text}")
    return lines


def _print_summary(kb: KnowledgeBase) -> None:
    kinds = Counter(f"{e.type}/{e.kind}" for e in kb.entries.values())
    for kind, count in sorted(kinds.items()):
        typer.echo(f"{kind:<20}{count:>7}")
    rest = {
        "offices": len(kb.offices), "roles": len(kb.roles), "agents": len(kb.agents),
        "institutions": len(kb.institutions), "nisba forms": len(kb.nisba),
        "titles": len(kb.titles), "given names": len(kb.given_names),
    }  # fmt: skip
    for name, count in rest.items():
        typer.echo(f"{name:<20}{count:>7}")
