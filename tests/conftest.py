"""Shared fixtures: small Arabic articles written for the tests (no publisher text)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "khabar" / "examples" / "urdupoint_sputnik_2021-07-02_lavrov_csto.txt"

_CITIES = ["القاهرة", "بيروت", "عمان", "الرباط", "تونس", "بغداد"]
_TOPICS = [
    "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المناطق الريفية خلال الموسم المقبل.",
    "قال وزير الخارجية إن بلاده تسعى إلى حل سياسي للأزمة عبر الحوار مع جميع الأطراف.",
    "تظاهر مئات الطلاب أمام مبنى البرلمان احتجاجا على رفع رسوم التسجيل في الجامعات.",
    "وقعت الدولتان اتفاقا للتعاون في مجال الطاقة المتجددة خلال زيارة رسمية استمرت يومين.",
    "أكد المتحدث باسم الجيش أن القوات أحبطت محاولة تسلل على الحدود الشمالية فجر اليوم.",
]


def make_article(i: int) -> dict[str, object]:
    city = _CITIES[i % len(_CITIES)]
    body = " ".join(_TOPICS[(i + k) % len(_TOPICS)] for k in range(3))
    text = f"{city} - رويترز: {body}\n\nوأضاف المسؤول في بيان أن العمل مستمر رقم {i}.\n\nاقرأ أيضا"
    return {
        "id": f"art-{i}",
        "title": f"خبر تجريبي رقم {i}",
        "text": text,
        "url": f"https://example.org/news/{i}",
        "published": f"2021-03-{(i % 28) + 1:02d}",
    }


@pytest.fixture(scope="session")
def pipeline():
    """Every stage, built once for the whole test session (stages keep no state between
    documents that changes their output)."""
    from khabar.registry import available_stages, build_pipeline

    return build_pipeline(available_stages())


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def small_jsonl(tmp_path: Path) -> Path:
    """30 articles with one malformed line in the middle."""
    path = tmp_path / "small.jsonl"
    lines = [json.dumps(make_article(i), ensure_ascii=False) for i in range(30)]
    lines.insert(12, '{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output (review the diff before committing)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare an output with its golden JSON file, or rewrite the file with --update-golden."""

    def check(got: object, path: Path) -> None:
        update = os.environ.get("KHABAR_UPDATE_GOLDEN") or request.config.getoption(
            "--update-golden"
        )
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            if not update:
                pytest.skip("golden file written; review and commit it")
        assert got == json.loads(path.read_text(encoding="utf-8"))

    return check
