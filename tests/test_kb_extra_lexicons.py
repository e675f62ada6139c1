"""`--kb-extra` reaches every lexicon: users' rows follow the shipped ones in each stage, in
every engine, and a bad row is named by its own file and line before any work starts.

The engines are run as commands, in new processes, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "وقال شهود إن مسلحين دهسوا ثلاثة أشخاص في المدينة يوم الجمعة الأسود قبل أن تعتقلهم الشرطة."
TRIGGERS_HEADER = (
    "type\tmode\tpos\tlemma\tperfect\timperfect\ttail\tforms\tweight\tgenitive\trequires\tnote"
)


def _khabar(*args: str) -> subprocess.CompletedProcess[str]:
    wide = {**os.environ, "COLUMNS": "400"}  # error boxes keep a path on one line
    return subprocess.run(
        [sys.executable, "-m", "khabar.cli", *args],
        capture_output=True, text=True, timeout=300, env=wide,
    )  # fmt: skip


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("article") / "a.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def extra(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("extra")
    (folder / "triggers.tsv").write_text(
        TRIGGERS_HEADER + "\nASSAULT\t\tverb\tدهس\tدهس\tدهس\t\t\t0.8\t\t\trun over\n",
        encoding="utf-8",
    )
    (folder / "temporal.tsv").write_text(  # columns in another order than the shipped file
        "kind\tphrase\tvalue\tnote\nnot_temporal\tالجمعة الأسود\t\ta sales day\n", encoding="utf-8"
    )
    return folder


def _run(article: Path, *options: str) -> dict:
    result = _khabar("process", str(article), "-q", *options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("engine", [["--engine", "serial"], ["--workers", "2"]])
def test_users_rows_reach_events_and_dates(article, extra, engine):
    plain = _run(article, *engine)
    assert "دهسوا" not in [e["event_text"] for e in plain["events"]]
    assert [d["text"] for d in plain["dates"]] == ["يوم الجمعة"]
    extended = _run(article, *engine, "--kb-extra", str(extra))
    assert "دهسوا" in [e["event_text"] for e in extended["events"]]
    assert extended["dates"] == []


def test_a_bad_row_is_named_by_its_own_file_and_line(article, tmp_path):
    (tmp_path / "temporal.tsv").write_text(
        "phrase\tkind\tvalue\tnote\n# a comment\nشيء\tbogus\t\tx\n", encoding="utf-8"
    )
    result = _khabar("process", str(article), "-q", "--kb-extra", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'temporal.tsv'}:3: unknown kind 'bogus'" in result.stderr
    checked = _khabar("kb", "check", "--extra", str(tmp_path))
    assert checked.returncode == 1
    assert f"{tmp_path / 'temporal.tsv'}:3: unknown kind 'bogus'" in checked.stderr


def test_unknown_files_and_columns_are_problems(tmp_path):
    (tmp_path / "mystery.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    (tmp_path / "temporal.tsv").write_text("phrase\tcolour\nx\ty\n", encoding="utf-8")
    checked = _khabar("kb", "check", "--extra", str(tmp_path))
    assert checked.returncode == 1
    assert "khabar has no knowledge file mystery.tsv" in checked.stderr
    assert "columns ['colour'] are not in temporal.tsv" in checked.stderr


def test_changing_the_folders_forgets_what_was_loaded(extra):
    from khabar.extract.date_grammar import load_lexicon
    from khabar.kb.tsv import use_extra_dirs

    def blocked() -> bool:
        found = load_lexicon().matcher.find("الجمعه الاسود")
        return any(kind == "not_temporal" for m in found for kind, _ in m.payloads)

    try:
        assert not blocked()
        use_extra_dirs([extra])
        assert blocked()
    finally:
        use_extra_dirs([])
    assert not blocked()
