"""`khabar kb check`: every data file is validated by its own loader; bad rows give file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.kb.checks import CHECKS, DATA_SUFFIXES, check_data
from khabar.kb.cli import app
from khabar.kb.schema import FILES
from khabar.kb.tsv import DATA_DIR

ENTRY_FILES = [
    "countries.tsv", "regions.tsv", "organizations.tsv", "institutions.tsv", "roles.tsv",
    "agents.tsv", "titles.tsv", "given_names.tsv",
]  # fmt: skip
EVENT_FILES = ["plover.tsv", "triggers.tsv", "event_cues.tsv"]

# file to break, a bad row written for this test, the files its loader reads with it
BROKEN = [
    ("agents.tsv", "جنود الاختبار\tNOPE\t", ENTRY_FILES),
    ("agencies.tsv", "Test Agency\tnope\tوكالة الاختبار\t", []),
    ("outlets.tsv", "Test Outlet\t\t\t2\t", []),
    ("boilerplate.tsv", "عبارة الاختبار\tnope\t\t", []),
    ("months.tsv", "13\tgregorian\tlevantine\tشهر الاختبار\t\t", []),
    ("numbers.tsv", "الاختباري\t40\tordinal\t", []),
    ("currencies.tsv", "دينار الاختبار\tdinar\t", []),
    ("temporal.tsv", "وقت الاختبار\tnope\t\t", []),
    ("speech_verbs.tsv", "اختبر\t\tverb\t", []),
    ("name_stopwords.tsv", "\tfunction\t", []),
    ("coref_roles.tsv", "المختبر\t\t", []),
    ("coref_orgs.tsv", "المختبر\t\t\t", []),
    ("event_cues.tsv", "nope\tاختبار\t\t", EVENT_FILES),
    ("event_detector.tsv", "bias\tnot-a-number\t", []),
    ("event_detector_default.tsv", "no_such_feature\t1.0\t", []),
]


def _append(path: Path, line: str) -> int:
    """Adds a line; returns its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_kb_checks_shipped_data_passes() -> None:
    report = check_data()
    assert report.problems == []
    shipped = sorted(p.name for p in DATA_DIR.iterdir() if p.suffix in DATA_SUFFIXES)
    assert list(report.rows) == shipped
    assert all(report.rows[name] for name in shipped)  # every file listed, with its rows


def test_kb_checks_table_covers_every_shipped_file() -> None:
    data_files = {p.name for p in DATA_DIR.iterdir() if p.suffix in DATA_SUFFIXES}
    assert data_files <= set(CHECKS)
    assert set(FILES) <= set(CHECKS)
    assert len({CHECKS[name] for name in FILES}) == 1  # the entry files: one KB pass


@pytest.mark.parametrize(("name", "row", "companions"), BROKEN, ids=[b[0] for b in BROKEN])
def test_kb_checks_broken_file_gives_file_line(
    tmp_path: Path, name: str, row: str, companions: list[str]
) -> None:
    for other in {name, *companions}:
        shutil.copy(DATA_DIR / other, tmp_path / other)
    line = _append(tmp_path / name, row)
    problems = check_data(tmp_path).problems
    assert any(f"{tmp_path / name}:{line}:" in p for p in problems), problems
    assert len(problems) == 1, problems


def test_kb_checks_numbers_checked_by_every_loader(tmp_path: Path) -> None:
    # a cardinal that is no number: the amounts loader rejects it, not only the calendar's
    shutil.copy(DATA_DIR / "numbers.tsv", tmp_path / "numbers.tsv")
    line = _append(tmp_path / "numbers.tsv", "عدد الاختبار\tكثير\tcardinal\t")
    problems = check_data(tmp_path).problems
    assert any(f"numbers.tsv:{line}: value must be a number" in p for p in problems), problems


def test_kb_checks_unknown_data_file_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "new_lexicon.tsv").write_text("word\tnote\nكلمة\t\n", encoding="utf-8")
    (tmp_path / "NOTICE-test.txt").write_text("not a data file\n", encoding="utf-8")
    report = check_data(tmp_path)
    assert report.problems == [f"{tmp_path / 'new_lexicon.tsv'}: no checker for new_lexicon.tsv"]
    assert report.rows == {"new_lexicon.tsv": 1}


def test_kb_checks_missing_directory(tmp_path: Path) -> None:
    assert check_data(tmp_path / "nowhere").problems == [
        f"{tmp_path / 'nowhere'}: not a directory of knowledge files"
    ]


def test_kb_checks_cli_lists_every_file(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    for name in CHECKS:
        assert name in result.output
    assert "kb check: no problems" in result.output
    shutil.copy(DATA_DIR / "temporal.tsv", tmp_path / "temporal.tsv")
    line = _append(tmp_path / "temporal.tsv", "وقت الاختبار\tnope\t\t")
    result = runner.invoke(app, ["check", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert f"temporal.tsv:{line}: unknown kind 'nope'" in result.output
    assert "temporal.tsv" in result.stdout


def test_kb_checks_a_partial_user_directory_uses_the_shipped_companions(tmp_path: Path) -> None:
    shutil.copy(DATA_DIR / "people.tsv", tmp_path / "people.tsv")
    assert check_data(tmp_path).problems == []
    line = _append(tmp_path / "people.tsv", "person:test_x\tTest X\tتست إكس\t\tXXX\tGOV\t\t")
    assert check_data(tmp_path).problems == [
        f"{tmp_path / 'people.tsv'}:{line}: unknown country code 'XXX'"
    ]


def test_kb_cli_check_extra_folder_is_checked_as_added_rows(tmp_path: Path) -> None:
    (tmp_path / "people.tsv").write_text(
        "id\tname_en\tname_ar\taliases_ar\tcountry\tsector\twikidata\tnote\n"
        "person:test_x\tTest X\tتست إكس\t\tSYR\tGOV\t\t\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(app, ["check", "--extra", str(tmp_path)]).exit_code == 0
    line = _append(tmp_path / "people.tsv", "person:test_y\tTest Y\tتست واي\t\tXXX\tGOV\t\t")
    result = runner.invoke(app, ["check", "--extra", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'people.tsv'}:{line}: unknown country code 'XXX'" in result.output
