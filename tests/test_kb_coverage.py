"""`khabar kb coverage`: uncovered periods per country and office, groups and absences as data."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.errors import KnowledgeBaseError
from khabar.kb.checks import check_data
from khabar.kb.cli import app
from khabar.kb.coverage import (
    Absence,
    coverage,
    holder_mismatches,
    load_absences,
    load_country_groups,
    parse_day,
    resolve_countries,
)
from khabar.kb.loader import load_kb
from khabar.kb.model import KBEntry, KnowledgeBase, Office
from khabar.kb.tsv import DATA_DIR


def _kb(*terms: tuple[str, str, str, str | None]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for person, office, start, end in terms:
        kb.entries[person] = KBEntry(person, "PER", "person", person, "اسم", ["اسم"], "XXA", "GOV")
        kb.offices.append(Office(person, "XXA", office, start, end))
    kb.index_offices()
    return kb


def test_kb_coverage_parse_day_partial_dates() -> None:
    assert parse_day("2004") == date(2004, 1, 1)
    assert parse_day("2004", last=True) == date(2004, 12, 31)
    assert parse_day("2024-02", last=True) == date(2024, 2, 29)
    assert parse_day("2021-07-26") == date(2021, 7, 26)


def test_kb_coverage_finds_gaps_between_terms_and_at_the_ends() -> None:
    kb = _kb(
        ("p:a", "foreign_minister", "1998-03-01", "2003-06-30"),
        ("p:b", "foreign_minister", "2003-07-01", "2010-12-31"),  # no gap: next day
        ("p:c", "foreign_minister", "2011-02", "2015"),  # month and year precision
    )
    report = coverage(
        kb, ["XXA"], offices=["foreign_minister"], since=date(2000, 1, 1), until=date(2020, 6, 30)
    )
    spans = [(g.start, g.end) for g in report.gaps]
    assert spans == [
        (date(2011, 1, 1), date(2011, 1, 31)),
        (date(2016, 1, 1), date(2020, 6, 30)),
    ]
    assert report.uncovered_days == 31 + report.gaps[1].days
    assert report.slots_with_gaps == 1


def test_kb_coverage_open_term_and_overlaps_cover_to_the_end() -> None:
    kb = _kb(
        ("p:a", "head_of_state", "1990-01-01", "2012-05-07"),
        ("p:b", "head_of_state", "2005-01-01", None),  # overlaps, still in office
    )
    report = coverage(kb, ["XXA"], offices=["head_of_state"], until=date(2026, 1, 1))
    assert report.gaps == []
    assert report.covered_share == 1.0


def test_kb_coverage_absence_is_no_gap_and_min_days_hides_short_gaps() -> None:
    kb = _kb(("p:a", "head_of_government", "2000-01-01", "2018-07-08"))
    absent = [Absence("XXA", "head_of_government", date(2018, 7, 9), None, "abolished")]
    until = date(2026, 1, 1)
    offices = ["head_of_government"]
    assert coverage(kb, ["XXA"], offices=offices, until=until, absences=absent).gaps == []
    kb = _kb(
        ("p:a", "defence_minister", "2000-01-01", "2010-01-01"),
        ("p:b", "defence_minister", "2010-01-20", None),
    )
    offices = ["defence_minister"]
    assert len(coverage(kb, ["XXA"], offices=offices, until=until).gaps) == 1
    assert coverage(kb, ["XXA"], offices=offices, until=until, min_days=30).gaps == []


def test_kb_coverage_a_slot_without_any_row_is_one_gap() -> None:
    report = coverage(_kb(), ["XXA"], offices=["interior_minister"], until=date(2000, 12, 31))
    assert [(g.start, g.end, g.days) for g in report.gaps] == [
        (date(2000, 1, 1), date(2000, 12, 31), 366)
    ]


def test_kb_coverage_shipped_groups_and_absences() -> None:
    groups = load_country_groups()
    assert len(groups["G20"]) == 19 and len(groups["ARAB"]) == 22
    assert {"IRN", "ISR", "AFG", "PAK", "UKR"} <= set(groups["FOCUS"])
    countries = resolve_countries(["G20", "ARAB", "FOCUS"], groups)
    assert len(countries) == 45  # SAU, TUR and RUS are in two groups, counted once
    assert resolve_countries(["ARAB", "IRN", "EGY"], groups)[-1] == "IRN"
    with pytest.raises(KnowledgeBaseError):
        resolve_countries(["NOPE_GROUP"], groups)
    absences = load_absences()
    assert any(a.country == "TUR" and a.office == "head_of_government" for a in absences)


def test_kb_coverage_shipped_kb_resolves_known_holders_without_gaps() -> None:
    kb = load_kb()
    report = coverage(kb, ["RUS"], since=date(2000, 1, 1), until=date(2024, 1, 1),
                      absences=load_absences(), min_days=30)  # fmt: skip
    assert report.gaps == []
    assert kb.holder("LBN", "foreign_minister", "2025-06-01").name_en == "Youssef Rajji"


def test_kb_coverage_bad_rows_give_file_line(tmp_path: Path) -> None:
    shutil.copy(DATA_DIR / "office_absent.tsv", tmp_path / "office_absent.tsv")
    shutil.copy(DATA_DIR / "country_groups.tsv", tmp_path / "country_groups.tsv")
    with (tmp_path / "office_absent.tsv").open("a", encoding="utf-8") as handle:
        handle.write("XYZ\thead_of_state\t2001-01-01\t\tno such country\n")
    with (tmp_path / "country_groups.tsv").open("a", encoding="utf-8") as handle:
        handle.write("G20\tFRA\tlisted twice\n")
    absent_lines = (tmp_path / "office_absent.tsv").read_text(encoding="utf-8").count("\n")
    problems = check_data(tmp_path).problems
    assert any(f"office_absent.tsv:{absent_lines}: unknown country code 'XYZ'" in p
               for p in problems), problems  # fmt: skip
    assert any("country_groups.tsv" in p and "FRA listed twice in G20" in p for p in problems)
    assert len(problems) == 2


def test_kb_coverage_cli_prints_gaps_and_total() -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["coverage", "--countries", "RUS,LBN", "--since", "2000-01-01", "--until", "2024"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("total: ")
    assert "of 10 slots with gaps" in result.output
    tsv = runner.invoke(app, ["coverage", "--countries", "USA", "--tsv"])
    assert tsv.output.splitlines()[0] == "country\toffice\tstart\tend\tdays"
    assert "head_of_government" not in tsv.output  # an office that does not exist is no gap
    bad = runner.invoke(app, ["coverage", "--countries", "NOWHERE"])
    assert bad.exit_code == 2


def test_kb_coverage_holder_mismatches_lists_holders_of_another_country() -> None:
    kb = _kb(("p:a", "head_of_state", "2000-01-01", None))
    kb.offices.append(Office("p:a", "XXB", "head_of_state", "2000-01-01", None))
    assert holder_mismatches(kb, ["XXA", "XXB"]) == ["p:a: head_of_state of XXB, filed as XXA"]
    assert holder_mismatches(kb, ["XXA"]) == []
