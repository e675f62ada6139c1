"""A definite subject ends where its object starts, and a document speaks for whoever issued
it (sentences written for these tests)."""

from __future__ import annotations

import pytest

from khabar.doc import Document
from khabar.extract.quotes import QuoteStage
from seeded import quoted_document


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    stage = QuoteStage()
    stage.setup()
    return stage


def _speakers(stage: QuoteStage, doc: Document) -> list[tuple[str | None, str | None]]:
    return [
        (q.speaker.entity if q.speaker else None, q.speaker.text if q.speaker else None)
        for q in stage(doc).quotes
    ]


def test_the_object_after_a_definite_subject_is_not_the_speaker(stage: QuoteStage) -> None:
    text = (
        "اجتمع قادة منظمة الوحدة في العاصمة أمس. "
        "واتهم البيان الختامي حكومة الرئيس سامي عادل بدعم الجماعات المسلحة، "
        "مشيرا إلى أن هذا الدعم يهدد المنطقة."
    )
    doc = quoted_document(
        text, {"منظمة الوحدة": ("org:unity", "ORG"), "سامي عادل": ("person:sami", "PER")}
    )
    speakers = _speakers(stage, doc)
    assert speakers and all(entity != "person:sami" for entity, _ in speakers)
    assert speakers[0][1] == "البيان الختامي"


def test_an_announced_killing_is_not_said_by_the_victim(stage: QuoteStage) -> None:
    text = "وأعلن الجيش الوطني قتل المسلح كريم ناصر الذي قال إنه يقف وراء الهجوم."
    doc = quoted_document(
        text, {"الجيش الوطني": ("org:army", "ORG"), "كريم ناصر": ("person:karim", "PER")}
    )
    assert _speakers(stage, doc)[0] == ("org:army", "الجيش الوطني")


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        # the statement's issuer spoke in the sentence that named it
        ("وقالت الدول الأعضاء في منظمة الوحدة في البيان الختامي إن القمة ناجحة. ", "org:unity"),
        # or is the subject of that sentence
        ("ونشرت منظمة الوحدة تقريرا عن الأوضاع في المنطقة. ", "org:unity"),
    ],
)
def test_a_document_speaks_for_its_issuer(stage: QuoteStage, intro: str, speaker: str) -> None:
    head = "البيان" if "البيان" in intro else "التقرير"
    text = intro + f"وقال الوزير سامي عادل إن الوضع هادئ. وأضاف {head} أن المساعدات وصلت إلى المدن."
    doc = quoted_document(
        text, {"منظمة الوحدة": ("org:unity", "ORG"), "سامي عادل": ("person:sami", "PER")}
    )
    assert _speakers(stage, doc)[-1] == (speaker, head)


def test_a_report_without_a_named_issuer_is_nobodys(stage: QuoteStage) -> None:
    text = "وقال الوزير سامي عادل إن الوضع هادئ. وأضاف التقرير أن المساعدات وصلت."
    doc = quoted_document(text, {"سامي عادل": ("person:sami", "PER")})
    assert _speakers(stage, doc)[-1] == (None, "التقرير")


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("محامي الرئيس سامي عادل", None),  # the lawyer speaks, not the president
        ("عدد من مؤيدي الرئيس سامي عادل", None),
        ("مستشار الرئيس سامي عادل كريم ناصر", "person:karim"),  # the adviser, named after
        ("شقيقه كريم ناصر", "person:karim"),  # «شقيقه»: his brother, in apposition
    ],
)
def test_a_relation_noun_speaks_for_itself(
    stage: QuoteStage, subject: str, speaker: str | None
) -> None:
    text = f"وقال {subject} إن الوضع هادئ في العاصمة."
    doc = quoted_document(
        text, {"سامي عادل": ("person:sami", "PER"), "كريم ناصر": ("person:karim", "PER")}
    )
    assert _speakers(stage, doc) == [(speaker, subject)]
