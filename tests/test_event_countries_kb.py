"""KB data for event countries: CAMEO's generic international code INT is a valid country
code for organisation rows, and the G8 is an IGO. Rows below are written for this test."""

from __future__ import annotations

import shutil
from pathlib import Path

from khabar.kb.loader import check_kb, load_kb
from khabar.kb.schema import EXTRA_COUNTRIES
from khabar.kb.tsv import DATA_DIR

SMALL = ["countries.tsv", "regions.tsv", "organizations.tsv", "institutions.tsv", "roles.tsv",
         "agents.tsv", "titles.tsv", "given_names.tsv"]  # fmt: skip


def test_int_is_a_known_code() -> None:
    assert "INT" in EXTRA_COUNTRIES


def test_org_row_with_int_passes_check(tmp_path: Path) -> None:
    for name in SMALL:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    path = tmp_path / "organizations.tsv"
    row = "org:test_multinational\tarmed\tTest force\tالقوة المتعددة للاختبار\t\tINT\tMIL\ttest row"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    assert [p for p in check_kb(tmp_path) if "organizations.tsv" in p] == []
    assert load_kb(tmp_path).get("org:test_multinational").country == "INT"


def test_g8_is_an_igo() -> None:
    g8 = load_kb().get("org:g8")
    assert g8 is not None and g8.country == "IGO" and g8.sector == "IGO"
