import json
import sqlite3

import pytest
from typer.testing import CliRunner

from khabar.cli import app

runner = CliRunner()

COMMANDS = [
    ["process"], ["ingest"], ["version"], ["eval"], ["eval", "ner"], ["eval", "events"],
    ["eval", "articles"], ["kb"], ["kb", "check"], ["show"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_cli_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_cli_process_writes_one_document_a_line_and_exits_1_on_failures(small_jsonl, tmp_path):
    out = tmp_path / "out.jsonl"
    failures = tmp_path / "failures.jsonl"
    result = runner.invoke(
        app, ["process", str(small_jsonl), "-o", str(out), "--failures", str(failures),
              "--workers", "1", "--stages", "clean,metadata,sentences", "-q"],
    )
    assert result.exit_code == 1, result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 30 and docs[0]["id"] == "art-0"
    recorded = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    assert recorded[0]["kind"] == "malformed" and recorded[0]["line"] == 13


def test_cli_process_the_seed_article_exits_0(seed_path):
    result = runner.invoke(app, ["process", str(seed_path), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    assert doc["source"]["published"] == "2021-07-02"
    assert doc["source"]["agency"] == "Sputnik"


def test_cli_usage_errors_exit_2(small_jsonl):
    assert runner.invoke(app, ["process", str(small_jsonl), "--stages", "nope"]).exit_code == 2
    assert runner.invoke(app, ["process", str(small_jsonl), "--field", "bad"]).exit_code == 2
    assert runner.invoke(app, ["process", str(small_jsonl), "--stages", "sentences,clean"]).exit_code == 2


def test_cli_ingest_is_idempotent_and_keeps_failures(small_jsonl, tmp_path):
    db = tmp_path / "k.db"
    args = ["ingest", str(small_jsonl), "--db", str(db), "--workers", "1",
            "--stages", "clean,metadata,sentences", "-q"]
    assert runner.invoke(app, args).exit_code == 1
    assert runner.invoke(app, args).exit_code == 1
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 30
        assert connection.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 1
        assert connection.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 2
        stored = connection.execute("SELECT document FROM articles WHERE id='art-3'").fetchone()[0]
    assert json.loads(stored)["title"] == "خبر تجريبي رقم 3"
    with sqlite3.connect(db) as connection:  # the ingest brought the corpus indexes up to date
        assert connection.execute("SELECT COUNT(*) FROM search").fetchone()[0] == 30
        assert connection.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 30


def test_cli_ingest_can_skip_the_corpus_indexes(small_jsonl, tmp_path):
    db = tmp_path / "k.db"
    args = ["ingest", str(small_jsonl), "--db", str(db), "--workers", "1",
            "--stages", "clean,metadata,sentences", "-q", "--no-corpus-index"]  # fmt: skip
    runner.invoke(app, args)
    with sqlite3.connect(db) as connection:
        names = {n for (n,) in connection.execute("SELECT name FROM sqlite_master")}
    assert "articles" in names and "search" not in names and "stories" not in names


def test_cli_show_reads_stdin_and_reports_lines_that_are_not_documents(seed_path):
    processed = runner.invoke(app, ["process", str(seed_path), "--workers", "1", "-q"])
    shown = runner.invoke(app, ["show", "-"], input=processed.stdout)
    assert shown.exit_code == 0, shown.output
    assert "Sergey Lavrov" in shown.output and "2021-07-02" in shown.output
    broken = runner.invoke(app, ["show", "-"], input=processed.stdout + "{not json\n")
    assert broken.exit_code == 1
    assert "<stdin>:2: not a khabar document" in broken.output


def test_cli_process_reads_users_own_kb_files_on_top_of_the_shipped_ones(tmp_path):
    extra = tmp_path / "my_kb"
    extra.mkdir()
    (extra / "people.tsv").write_text(
        "id\tname_en\tname_ar\taliases_ar\tcountry\tsector\twikidata\tnote\n"
        "person:test_samer_haddad\tSamer Haddad\tسامر الحداد\t\tSYR\tMIL\t\ta test person\n",
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text("وقال العقيد سامر الحداد إن القوات تقدمت في ريف إدلب.", encoding="utf-8")
    args = ["process", str(article), "--workers", "1", "-q", "--stages",
            "clean,metadata,sentences,entities,coref"]  # fmt: skip
    plain = json.loads(runner.invoke(app, args).stdout)
    assert "person:test_samer_haddad" not in [e["id"] for e in plain["entities"]]
    mine = json.loads(runner.invoke(app, [*args, "--kb-extra", str(extra)]).stdout)
    haddad = next(e for e in mine["entities"] if e["id"] == "person:test_samer_haddad")
    assert (haddad["country"], haddad["sector"]) == ("SYR", "MIL")
    assert runner.invoke(app, [*args, "--kb-extra", str(tmp_path / "none")]).exit_code == 2
