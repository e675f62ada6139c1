"""The foundation stages (clean → metadata → sentences) on the seed article, with a golden file."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.doc import Document
from khabar.registry import FOUNDATION_STAGES, build_pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "khabar" / "examples" / "urdupoint_sputnik_2021-07-02_lavrov_csto.txt"
GOLDEN = Path(__file__).parent / "golden" / "seed_foundation.json"


@pytest.fixture(scope="module")
def seed() -> Document:
    outcome = build_pipeline(FOUNDATION_STAGES).run_one(
        Document(id="seed", raw=SEED.read_text(encoding="utf-8"))
    )
    assert outcome.failure is None
    assert outcome.document is not None
    return outcome.document


def test_clean_seed_body_has_no_furniture(seed: Document) -> None:
    title = "روسيا تتشاور مع منظمة معاهدة الأمن الجماعي"
    assert seed.text.startswith("أعلن وزير الخارجية الروسي")
    assert title not in seed.text
    assert seed.title is not None and seed.title.startswith(title)
    assert seed.title.endswith("- لافروف")
    for furniture in ("(تستمر)", "أفكارك وتعليقاتك", "سبوتنيك", "أردو", "2021ء"):
        assert furniture not in seed.text
    assert seed.text.endswith("في عام 2001 .")


def test_clean_seed_removed_spans_point_into_raw(seed: Document) -> None:
    removed = [seed.raw[span.start : span.end].strip() for span in seed.removed]
    assert removed[0] == removed[1] == seed.title
    assert removed[2].startswith("( أردو بوینت") and removed[2].endswith("2021ء)")
    assert "(تستمر)" in removed
    assert removed[-1] == "أفكارك وتعليقاتك"


def test_clean_seed_quotes_stay_intact(seed: Document) -> None:
    first = '"نجري بالفعل مشاورات من خلال القنوات الثنائية'
    assert first in seed.text and 'والخطير للغاية".' in seed.text
    # the quote cut by «(تستمر)» keeps both halves, in one paragraph (a single newline)
    second = "بشأن تشكيل حكومة انتقالية.\nونحن نقوم بذلك، من بين أمور أخرى"
    assert second in seed.text


def test_clean_seed_metadata(seed: Document) -> None:
    source = seed.source
    assert source.outlet == "UrduPoint"
    assert source.agency == "Sputnik" and source.agency_ar == "سبوتنيك"
    assert source.published == "2021-07-02" and source.published_from == "dateline"
    assert source.language == "ar"
    assert source.dateline is None  # the source line names no city
    assert source.source_lines[0].date_text == "02 يوليو 2021ء"


def test_clean_seed_sentences(seed: Document) -> None:
    sentences = [seed.text[s.start : s.end] for s in seed.sentences]
    assert len(sentences) == 10
    quoted = next(s for s in sentences if s.startswith("وأضاف الوزير"))
    assert "انتقالية.\nونحن نقوم بذلك" in quoted  # one sentence over the removed marker
    assert quoted.endswith('وباكستان" .')
    assert sentences[1].endswith('للغاية".')
    assert all(s == s.strip() for s in sentences)
    assert not any(s.startswith(("،", ".", '"')) for s in sentences)


def test_clean_seed_tokens(seed: Document) -> None:
    tokens = [seed.text[t.start : t.end] for t in seed.tokens]
    assert tokens[:5] == ["أعلن", "وزير", "الخارجية", "الروسي", "،"]
    assert "2001" in tokens and "18" in tokens and "شباط" in tokens and "/" in tokens


def snapshot(doc: Document) -> dict:
    return {
        "title": doc.title,
        "text": doc.text,
        "removed": [[s.start, s.end] for s in doc.removed],
        "source": {
            key: getattr(doc.source, key)
            for key in ("outlet", "agency", "agency_ar", "dateline", "published", "published_from")
        },
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "tokens": len(doc.tokens),
    }


def test_clean_seed_golden(seed: Document, golden) -> None:
    golden(snapshot(seed), GOLDEN)
