"""The `khabar` command: process | ingest | show | events | count | eval | kb.

Exit codes scripts can rely on: 0 every document went through, 1 some documents failed
(each failure is reported and recorded), 2 usage error (bad option, unknown stage…).
"""

from __future__ import annotations

import gc
import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__, registry
from .doc import Failure
from .engines.base import PipelineSpec, Processed
from .errors import KhabarError
from .io.base import DEFAULT_FIELDS, ReadOptions
from .runner import BatchReport, input_size, run_batch

app = typer.Typer(
    name="khabar",
    help="Arabic news articles into structured knowledge: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score khabar against gold data (precision, recall, F1).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True)
MAX_FAILURES_SHOWN = 50

Paths = Annotated[list[str], typer.Argument(help="Files, directories, '-' for stdin, or feed URLs.")]
Workers = Annotated[int, typer.Option("--workers", "-w", help="Worker processes (0 = one per core).")]
Engine = Annotated[str, typer.Option(help="Engine: local (process pool), serial, or dask.")]
Stages = Annotated[
    str | None, typer.Option(help="Comma-separated stages (default: every available stage).")
]
Fields = Annotated[
    list[str] | None,
    typer.Option("--field", help="JSONL field mapping OURS=THEIRS, e.g. --field text=body."),
]
Glob = Annotated[str, typer.Option(help="Filename pattern when reading directories.")]
Encoding = Annotated[str | None, typer.Option(help="Force an input encoding (e.g. cp1256).")]
Format = Annotated[
    str | None, typer.Option("--format", help="Force a reader: text, jsonl, html, warc, rss.")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
KbExtra = Annotated[
    list[Path] | None,
    typer.Option(help="A folder of your own knowledge files (people.tsv, triggers.tsv, temporal.tsv"
                 "…) whose rows are read after the shipped ones; check it with `khabar kb check "
                 "--extra`. Repeatable."),
]  # fmt: skip


def _read_options(fields: list[str] | None, glob: str, encoding: str | None, fmt: str | None) -> ReadOptions:
    mapping = dict(DEFAULT_FIELDS)
    for item in fields or []:
        ours, sep, theirs = item.partition("=")
        if not sep or ours not in DEFAULT_FIELDS or not theirs:
            raise typer.BadParameter(
                f"{item!r}: expected OURS=THEIRS with OURS one of {', '.join(DEFAULT_FIELDS)}",
                param_hint="--field",
            )
        mapping[ours] = theirs
    if fmt is not None and fmt not in registry.READERS:
        raise typer.BadParameter(f"unknown format {fmt!r}", param_hint="--format")
    return ReadOptions(fields=mapping, glob=glob, encoding=encoding, format=fmt)


def _spec(stages: str | None, kb_extra: list[Path] | None = None) -> PipelineSpec:
    names = [s.strip() for s in stages.split(",") if s.strip()] if stages else registry.available_stages()
    for name in names:
        if name not in registry.STAGES:
            raise typer.BadParameter(f"unknown stage {name!r}", param_hint="--stages")
    extra = [str(d) for d in kb_extra or []]
    for directory in kb_extra or []:
        if not directory.is_dir():
            raise typer.BadParameter(f"{directory} is not a folder", param_hint="--kb-extra")
    if kb_extra:  # a bad row is named here, by its own file and line, before any work starts
        from .kb.checks import check_extra
        from .kb.tsv import use_extra_dirs

        use_extra_dirs(kb_extra)  # first: what the checks load is cached with the extra rows
        problems = check_extra(kb_extra)
        if problems:
            shown = "\n".join(problems[:10]) + ("\n…" if len(problems) > 10 else "")
            raise typer.BadParameter(f"{len(problems)} problem(s):\n{shown}", param_hint="--kb-extra")
    # the stages that read the people, organisation and place tables
    settings = {name: {"kb_extra": extra} for name in ("entities", "coref") if extra and name in names}
    spec = PipelineSpec(names, settings, kb_extra=extra)  # and every other lexicon
    try:
        spec.build()  # checks requires/assigns before any input is read
    except KhabarError as exc:
        raise typer.BadParameter(str(exc), param_hint="--stages") from exc
    return spec


def _engine(name: str, workers: int):
    if name not in registry.ENGINES:
        raise typer.BadParameter(f"unknown engine {name!r}", param_hint="--engine")
    return registry.make_engine(name, workers or None)


class _FailureReporter:
    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.shown = 0

    def __call__(self, failure: Failure) -> None:
        if self.quiet or self.shown >= MAX_FAILURES_SHOWN:
            return
        self.shown += 1
        where = failure.path or "?"
        if failure.line:
            where += f":{failure.line}"
        err.print(f"[red]failed[/red] {where}: {failure.message}", markup=True, highlight=False, soft_wrap=True)


def _progress(paths: list[str], quiet: bool):
    if quiet:
        return nullcontext(None)
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[docs]} docs, {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _run(paths, spec, engine, options, sink, quiet) -> BatchReport:
    # the command owns its process: collect young objects less often (token and mention
    # objects come by the million), as the pool's workers do
    gc.set_threshold(50_000, 20, 20)
    with _progress(paths, quiet) as progress:
        task_id = None
        if progress is not None:
            total = input_size(paths) or None
            task_id = progress.add_task("khabar", total=total, docs=0, failed=0)
        counts = {"docs": 0, "failed": 0}

        def on_shard(docs: int, failed: int, size: int) -> None:
            counts["docs"] += docs
            counts["failed"] += failed
            if progress is not None:
                progress.update(task_id, advance=size, **counts)

        return run_batch(paths, spec=spec, engine=engine, options=options, sink=sink, on_shard=on_shard)


def _summary(report: BatchReport, quiet: bool, extra: str = "") -> None:
    if quiet:
        return
    stats = report.stats
    mb = report.input_bytes / 1e6
    rate = mb / report.seconds if report.seconds else 0.0
    failures = ", ".join(f"{kind} {n}" for kind, n in stats.failures.most_common()) or "none"
    err.print(
        f"{stats.documents} documents, {report.failed} failed ({failures}); "
        f"{mb:.1f} MB in {report.seconds:.1f} s ({rate:.2f} MB/s){extra}",
        highlight=False,
    )


@app.command()
def process(
    paths: Paths,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSONL here (default stdout).")] = None,
    failures: Annotated[Path | None, typer.Option(help="Also write failures as JSONL to this file.")] = None,
    workers: Workers = 0,
    engine: Engine = "local",
    stages: Stages = None,
    field: Fields = None,
    glob: Glob = "*",
    encoding: Encoding = None,
    fmt: Format = None,
    quiet: Quiet = False,
    kb_extra: KbExtra = None,
) -> None:
    """Process articles and write one JSON document a line (id, title, text, source, sentences,
    entities, dates, quotes, amounts, events)."""
    options = _read_options(field, glob, encoding, fmt)
    spec = _spec(stages, kb_extra)
    runner = _engine(engine, workers)
    report_failure = _FailureReporter(quiet)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    fail_out = failures.open("w", encoding="utf-8") if failures else None

    def sink(item: Processed) -> None:
        if item.document is not None:
            out.write(item.document + "\n")
        if item.failure is not None:
            report_failure(item.failure)
            if fail_out:
                fail_out.write(json.dumps(_failure_dict(item.failure), ensure_ascii=False) + "\n")

    try:
        report = _run(paths, spec, runner, options, sink, quiet)
    finally:
        runner.close()
        if output:
            out.close()
        if fail_out:
            fail_out.close()
    _summary(report, quiet)
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def ingest(
    paths: Paths,
    db: Annotated[Path, typer.Option(help="SQLite database to create or extend.")] = Path("khabar.db"),
    workers: Workers = 0,
    engine: Engine = "local",
    stages: Stages = None,
    field: Fields = None,
    glob: Glob = "*",
    encoding: Encoding = None,
    fmt: Format = None,
    quiet: Quiet = False,
    kb_extra: KbExtra = None,
    corpus_index: Annotated[
        bool,
        typer.Option(help="Then update the search index and the wire-copy groups "
                     "(`khabar index`, `khabar stories`)."),
    ] = True,
) -> None:
    """Process articles into the SQLite store; re-running on the same input adds nothing twice."""
    from .store.sqlite import Store

    options = _read_options(field, glob, encoding, fmt)
    spec = _spec(stages, kb_extra)
    runner = _engine(engine, workers)
    report_failure = _FailureReporter(quiet)
    with Store(db) as store:
        store.start_run(paths, spec.stages)
        pending = 0

        def sink(item: Processed) -> None:
            nonlocal pending
            store.add(item)
            if item.failure is not None:
                report_failure(item.failure)
            pending += 1
            if pending >= 500:
                store.commit()
                pending = 0

        try:
            report = _run(paths, spec, runner, options, sink, quiet)
        finally:
            store.commit()
            runner.close()
        store.finish_run(report.failed)
        extra = f"; {store.new_documents} new in {db} ({store.counts()['articles']} articles stored)"
    if corpus_index:
        extra += _update_corpus_indexes(db)
    _summary(report, quiet, extra)
    raise typer.Exit(1 if report.failed else 0)


def _update_corpus_indexes(db: Path) -> str:
    """Search index and wire-copy groups brought up to date after an ingest."""
    from .dedup.stories import StoryParams
    from .store.search import update_index
    from .store.stories import update_stories

    update_index(db)
    report = update_stories(db, StoryParams())
    return f"; {report.copied} stories with wire copies"


@app.command()
def show(
    paths: Annotated[list[str], typer.Argument(help="JSONL written by `khabar process`, or '-' for stdin.")],
) -> None:
    """Print processed documents as readable tables: entities, dates, quotes, events."""
    from .show import main as show_main

    for path in paths:
        if path != "-":
            _need(Path(path))
    raise typer.Exit(show_main(paths))


@app.command()
def version() -> None:
    """Print the khabar version."""
    typer.echo(__version__)


@eval_app.command("ner")
def eval_ner(
    conll: Annotated[Path, typer.Argument(help="CoNLL file: token<TAB>BIO tag, blank line between sentences.")],
    holdout_of_train: Annotated[
        bool, typer.Option(help="Score only the last 10% of the file (the held-out part of train).")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="Score at most this many sentences.")] = None,
    crf_only: Annotated[
        bool, typer.Option(help="Score the statistical tagger alone, not the whole entity stage.")
    ] = False,
) -> None:
    """Entity-level precision, recall and F1 per type, micro-averaged over PER, ORG, LOC."""
    from .eval.ner import evaluate_conll, format_report

    _need(conll)
    result = evaluate_conll(
        conll,
        limit=limit,
        start_fraction=0.9 if holdout_of_train else 0.0,
        pipeline="crf" if crf_only else None,
    )
    typer.echo(format_report(result))


@eval_app.command("events")
def eval_events(
    directory: Annotated[Path, typer.Argument(help="Folder with detection_dev.jsonl and coded_dev.jsonl.")],
) -> None:
    """Event detection P/R/F1 (ASSAULT, PROTEST), hard negatives, coded recall and actor accuracy."""
    from .eval.events import evaluate_events, format_report

    detection = sorted(directory.glob("detection*.jsonl"))
    coded = sorted(directory.glob("coded*.jsonl"))
    if not detection or not coded:
        raise typer.BadParameter(f"{directory} lacks detection*.jsonl or coded*.jsonl")
    typer.echo(format_report(evaluate_events(detection[0], coded[0])))


@eval_app.command("articles")
def eval_articles(
    articles: Annotated[Path, typer.Argument(help="articles JSONL (id, published, title, text).")],
    gold: Annotated[Path, typer.Argument(help="gold JSON (dates, quotes, entities, events, union).")],
) -> None:
    """Whole-article scores: dates, quotes and speakers, entities, events of all 16 PLOVER types."""
    from .eval.articles import evaluate_articles, format_report

    _need(articles)
    _need(gold)
    typer.echo(format_report(evaluate_articles(articles, gold)))


def _need(path: Path) -> None:
    if not path.exists():
        raise typer.BadParameter(f"{path} does not exist")


def _failure_dict(failure: Failure) -> dict[str, object]:
    return {
        "kind": failure.kind,
        "code": failure.code,
        "message": failure.message,
        "path": failure.path,
        "line": failure.line,
        "doc_id": failure.doc_id,
    }


def _mount_optional() -> None:
    from .store.cli import register

    register(app)  # events, count
    try:
        from .kb.cli import app as kb_app
    except ImportError:
        return
    app.add_typer(kb_app, name="kb", help="Check and query the knowledge base.")


_mount_optional()


def main() -> None:
    try:
        app()
    except KhabarError as exc:
        err.print(f"khabar: {exc}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
