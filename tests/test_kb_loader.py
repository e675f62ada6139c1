"""Knowledge base: shipped files pass the schema check; bad rows are reported with file:line."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.errors import KnowledgeBaseError
from khabar.kb.cli import app
from khabar.kb.loader import check_kb, load_kb
from khabar.kb.nisba import nisba_forms
from khabar.kb.tsv import DATA_DIR
from khabar.text.normalize import fold_text

REQUIRED = [
    "countries.tsv", "regions.tsv", "organizations.tsv", "institutions.tsv", "roles.tsv",
    "agents.tsv", "titles.tsv", "given_names.tsv",
]  # fmt: skip


@pytest.fixture()
def small_dir(tmp_path: Path) -> Path:
    """A copy of the small shipped files (no places, people or offices) to break on purpose."""
    for name in REQUIRED:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_kb_shipped_files_pass_check() -> None:
    assert check_kb() == []


def test_kb_loads_fast_and_has_core_entries() -> None:
    start = time.perf_counter()
    assert check_kb() == []  # an uncached full read, as a worker's first load does
    assert time.perf_counter() - start < 2.0  # < 1 s on an idle core; slack for a shared machine
    kb = load_kb()
    assert kb.get("RUS").name_ar == "روسيا"
    assert kb.get("org:csto").country == "IGO"
    assert kb.get("org:isis").country == "IMG"
    assert kb.get("org:taliban").country == "AFG"
    assert kb.get("site:bagram_airbase").country == "AFG"
    assert kb.get("region:central_asia").name_ar == "آسيا الوسطى"
    forms = dict(kb.surface_forms())
    assert forms["منظمة معاهدة الأمن الجماعي"] == "org:csto"
    assert forms["قاعدة باغرام الجوية"] == "site:bagram_airbase"
    assert forms["أفغانستان"] == "AFG"
    assert "واشنطن" not in forms or forms["واشنطن"] != "USA"


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("الروسي", "RUS"), ("روسية", "RUS"), ("الروس", "RUS"), ("أمريكي", "USA"),
        ("الأميركية", "USA"), ("الأمريكيون", "USA"), ("الأفغانية", "AFG"), ("الأفغان", "AFG"),
        ("البحريني", "BHR"), ("الباكستانية", "PAK"), ("الكورية الشمالية", "PRK"),
        ("الإسرائيليين", "ISR"), ("التركية", "TUR"), ("الأوكرانية", "UKR"),
    ],
)  # fmt: skip
def test_kb_nisba_lookup(form: str, country: str) -> None:
    assert load_kb().nisba[fold_text(form)] == country


def test_kb_nisba_forms_inflect_multiword() -> None:
    forms = nisba_forms("جنوب أفريقي")
    assert "جنوب أفريقية" in forms and "الجنوب أفريقيون" in forms
    assert nisba_forms("أفغان") == ["أفغان", "الأفغان"]


def test_kb_lexicons_loaded() -> None:
    kb = load_kb()
    roles = {r.phrase_ar: r for r in kb.roles}
    assert roles["وزير الخارجية"].office == "foreign_minister"
    assert roles["وزير الدفاع"].sector == "MIL"
    agents = {a.phrase_ar: a.sector for a in kb.agents}
    assert agents["الجيش"] == "MIL" and agents["متظاهرون"] == "CVL" and agents["مسلحون"] == "UAF"
    institutions = {i.phrase_ar: i.sector for i in kb.institutions}
    assert institutions["وزارة الدفاع"] == "MIL"
    assert "اللواء" in kb.titles and "الشيخ" in kb.titles
    assert fold_text("سيرغي") in kb.given_names and fold_text("عبد الله") in kb.given_names


def test_kb_holder_lavrov() -> None:
    if not (DATA_DIR / "people.tsv").exists() or not (DATA_DIR / "offices.tsv").exists():
        pytest.skip("people.tsv / offices.tsv not shipped yet")
    kb = load_kb()
    lavrov = kb.holder("RUS", "foreign_minister", "2021-07-02")
    assert lavrov is not None and lavrov.id == "person:sergey_lavrov"
    assert kb.holder("RUS", "foreign_minister", "1990-01-01") is None


def test_kb_holder_partial_dates(small_dir: Path) -> None:
    (small_dir / "people.tsv").write_text(
        "id\tname_en\tname_ar\taliases_ar\tcountry\tsector\twikidata\tnote\n"
        "person:a\tA\tأحمد ألف\t\tEGY\tGOV\t\t\n"
        "person:b\tB\tباسم باء\t\tEGY\tGOV\t\t\n",
        encoding="utf-8",
    )
    (small_dir / "offices.tsv").write_text(
        "person_id\tcountry\toffice\tstart\tend\tnote\n"
        "person:a\tEGY\tforeign_minister\t2001\t2004-06\t\n"
        "person:b\tEGY\tforeign_minister\t2004-07-01\t\t\n",
        encoding="utf-8",
    )
    kb = load_kb(small_dir)
    assert kb.holder("EGY", "foreign_minister", "2004-06-30").id == "person:a"
    assert kb.holder("EGY", "foreign_minister", "2010-01-01").id == "person:b"
    assert kb.holder("EGY", "foreign_minister", None).id == "person:b"


def test_kb_missing_column_reports_file_line(small_dir: Path) -> None:
    path = small_dir / "agents.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    lines[header] = "phrase_ar\tnote"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_kb(small_dir)
    assert any(f"agents.tsv:{header + 1}:" in p and "sector" in p for p in problems)
    with pytest.raises(KnowledgeBaseError, match=r"agents\.tsv"):
        load_kb(small_dir)


def test_kb_duplicate_id_reports_file_line(small_dir: Path) -> None:
    line = _append(
        small_dir / "organizations.tsv", "org:nato\tigo\tNATO again\tالناتو الجديد\t\tIGO\tIGO\t"
    )
    problems = check_kb(small_dir)
    assert any(f"organizations.tsv:{line}: duplicate id 'org:nato'" in p for p in problems)
    with pytest.raises(KnowledgeBaseError) as info:
        load_kb(small_dir)
    assert info.value.line == line


def test_kb_bad_sector_and_country(small_dir: Path) -> None:
    line = _append(
        small_dir / "organizations.tsv", "org:testgroup\tarmed\tTest\tجماعة الاختبار\t\tXYZ\tBAD\t"
    )
    problems = [p for p in check_kb(small_dir) if f"organizations.tsv:{line}:" in p]
    assert any("unknown sector 'BAD'" in p for p in problems)
    assert any("unknown country code 'XYZ'" in p for p in problems)


def test_kb_bad_date_and_unknown_person(small_dir: Path) -> None:
    (small_dir / "offices.tsv").write_text(
        "person_id\tcountry\toffice\tstart\tend\tnote\n"
        "person:nobody\tRUS\tforeign_minister\t02/07/2021\t\t\n"
        "person:nobody\tRUS\tforeign_minister\t2021-01-01\t2021-07-32\t\n",
        encoding="utf-8",
    )
    problems = check_kb(small_dir)
    assert any("offices.tsv:2: start is not an ISO date" in p for p in problems)
    assert any("offices.tsv:2: unknown person_id" in p for p in problems)
    assert any("offices.tsv:3: end is not an ISO date: '2021-07-32'" in p for p in problems)


def test_kb_extra_dir_adds_entries(
    small_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    extra = tmp_path_factory.mktemp("extra")
    (extra / "organizations.tsv").write_text(
        "id\tkind\tname_en\tname_ar\taliases_ar\tcountry\tsector\tnote\n"
        "org:local_council\tinstitution\tLocal council\tالمجلس المحلي للاختبار\t\tSYR\tGOV\t\n",
        encoding="utf-8",
    )
    kb = load_kb(small_dir, [extra])
    assert kb.get("org:local_council").country == "SYR"
    assert kb.get("RUS") is not None


def test_kb_cli_check_and_lookup(small_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--data-dir", str(small_dir)])
    assert result.exit_code == 0, result.output
    assert "LOC/country" in result.output
    result = runner.invoke(app, ["lookup", "الناتو", "--data-dir", str(small_dir)])
    assert result.exit_code == 0 and "org:nato" in result.output
    result = runner.invoke(app, ["lookup", "الروسية", "--data-dir", str(small_dir)])
    assert "RUS" in result.output
    _append(small_dir / "agents.tsv", "جنود الاختبار\tNOPE\t")
    result = runner.invoke(app, ["check", "--data-dir", str(small_dir)])
    assert result.exit_code == 1
    assert "unknown sector 'NOPE'" in result.output


def test_kb_cli_help() -> None:
    for args in (["--help"], ["check", "--help"], ["lookup", "--help"]):
        assert CliRunner().invoke(app, args).exit_code == 0
