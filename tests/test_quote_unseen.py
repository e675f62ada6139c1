"""Speaker attribution on patterns from unseen articles (sentences written for these tests)."""

from __future__ import annotations

import pytest

from khabar.extract.quotes import QuoteStage
from seeded import quote_speakers as _speakers
from seeded import quoted_document


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    stage = QuoteStage()
    stage.setup()
    return stage


def test_trailing_source_speaks_next(stage: QuoteStage) -> None:
    text = (
        "تعرضت قافلة لهجوم شنته جماعة الفجر قرب الحدود، بحسب ما أعلنت شركة النور في بيان. "
        "مضيفا أن الأضرار كانت محدودة."
    )
    doc = quoted_document(
        text, {"جماعة الفجر": ("org:fajr", "ORG"), "شركة النور": ("org:noor", "ORG")}
    )
    found = _speakers(stage, doc)
    assert found[-1][:2] == ("الأضرار كانت محدودة", "org:noor")


def test_source_before_quoted_clause_speaks_next(stage: QuoteStage) -> None:
    text = (
        'قال الوزير سامي عادل إن الطريق مفتوح. ولم يتضح بحسب المرصد، "عدد الجرحى" في البلدة، '
        "مشيرا إلى أن القصف استمر ساعتين."
    )
    doc = quoted_document(
        text, {"سامي عادل": ("person:adel", "PER"), "المرصد": ("org:observatory", "ORG")}
    )
    found = _speakers(stage, doc)
    assert found[-1][:2] == ("القصف استمر ساعتين", "org:observatory")


def test_afterword_ends_content_and_names_speaker(stage: QuoteStage) -> None:
    text = "الرئيس كريم ناصر توقع أن تقبل كندا الشروط التي يرى أنها عادلة على حد قوله."
    doc = quoted_document(text, {"كريم ناصر": ("person:nasser", "PER"), "كندا": ("CAN", "LOC")})
    assert _speakers(stage, doc) == [("عادلة", "person:nasser", "كريم ناصر")]


def test_relative_clause_agrees_with_its_verb(stage: QuoteStage) -> None:
    text = "وزار الوفد المدينة التي قالت سلمى يونس إنها تحتاج إلى مدارس."
    doc = quoted_document(text, {"سلمى يونس": ("person:younes", "PER")})
    assert _speakers(stage, doc)[0][1] == "person:younes"


def test_plural_head_does_not_continue_a_person(stage: QuoteStage) -> None:
    text = "قال الوزير سامي عادل إن الطريق مفتوح. وأضافت المصادر أن القافلة وصلت."
    doc = quoted_document(text, {"سامي عادل": ("person:adel", "PER")})
    found = _speakers(stage, doc)
    assert found[0][1] == "person:adel"
    assert found[1] == ("القافلة وصلت", None, "المصادر")


def test_genitive_name_is_no_subject(stage: QuoteStage) -> None:
    text = "وانتقدت نقابة الأطباء سياسة حكومة يوسف داود في الجنوب، مؤكدة أن الإصلاحات تأخرت."
    doc = quoted_document(
        text, {"نقابة الأطباء": ("org:doctors", "ORG"), "يوسف داود": ("person:dawood", "PER")}
    )
    assert _speakers(stage, doc)[0][1] == "org:doctors"


def test_clause_verb_after_an_organisation(stage: QuoteStage) -> None:
    text = (
        "قال الوزير سامي عادل إن الطريق مفتوح. بدورها انتقدت صحيفة المساء القرار، "
        "وقالت إن الحكومة أخطأت."
    )
    doc = quoted_document(
        text, {"سامي عادل": ("person:adel", "PER"), "صحيفة المساء": ("org:masaa", "ORG")}
    )
    assert _speakers(stage, doc)[-1][:2] == ("الحكومة أخطأت", "org:masaa")
