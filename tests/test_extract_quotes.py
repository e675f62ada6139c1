from __future__ import annotations

from pathlib import Path

import pytest

from khabar.doc import Document, Source
from khabar.extract.quotes import QuoteStage, quoted_spans
from seeded import processed, quoted_document

SEED = (
    Path(__file__).parents[1] / "src/khabar/examples/urdupoint_sputnik_2021-07-02_lavrov_csto.txt"
)


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    stage = QuoteStage()
    stage.setup()
    return stage


def _quotes(stage: QuoteStage, doc: Document) -> list[tuple[str, str | None, str | None, bool]]:
    return [
        (q.text, q.speaker.entity if q.speaker else None, q.verb, q.direct)
        for q in stage(doc).quotes
    ]


def test_quotes_seed_article(stage: QuoteStage) -> None:
    from khabar.registry import available_stages, build_pipeline

    names = [
        n
        for n in available_stages()
        if n in ("clean", "metadata", "sentences", "entities", "coref")
    ]
    if "entities" not in names:
        pytest.skip("entity stage not available")
    raw = SEED.read_text(encoding="utf-8")
    outcome = build_pipeline([*names, "quotes"]).run_one(
        Document(id="seed", raw=raw, source=Source(published="2021-07-02"))
    )
    assert outcome.document is not None
    direct = [q for q in outcome.document.quotes if q.direct]
    assert len(direct) == 2
    assert all(q.speaker and q.speaker.name == "Sergey Lavrov" for q in direct)
    assert direct[0].text.startswith("نجري بالفعل مشاورات")
    # the second quotation spans two paragraphs and keeps its inner quoted name
    assert direct[1].text.startswith("ونحن نحاول") and direct[1].text.endswith("والصين وباكستان")
    assert direct[1].speaker is not None and direct[1].speaker.text == "الوزير"


def test_quotes_direct_with_colon_and_role_word(stage: QuoteStage) -> None:
    text = (
        'وقال الوزير سامر الخطيب في مؤتمر صحفي: "سنفتح المعبر غدا أمام الشاحنات". '
        'وأضاف الوزير: "لن نقبل بأي تأخير جديد".'
    )
    doc = quoted_document(text, {"سامر الخطيب": ("person:khatib", "PER")})
    assert _quotes(stage, doc) == [
        ("سنفتح المعبر غدا أمام الشاحنات", "person:khatib", "قال", True),
        ("لن نقبل بأي تأخير جديد", "person:khatib", "أضاف", True),
    ]


def test_quotes_indirect_and_svo(stage: QuoteStage) -> None:
    text = "وزارة الصحة قالت إن عدد المصابين ارتفع إلى عشرين. وأكدت أن المستشفيات مستعدة."
    doc = quoted_document(text, {"وزارة الصحة": ("org:moh", "ORG")})
    assert _quotes(stage, doc) == [
        ("عدد المصابين ارتفع إلى عشرين", "org:moh", "قال", False),
        ("المستشفيات مستعدة", "org:moh", "أكد", False),
    ]


def test_quotes_speaker_after_the_quotation(stage: QuoteStage) -> None:
    text = "«الحوار هو الطريق الوحيد للخروج من الأزمة»، قالت ليلى حداد للصحفيين."
    doc = quoted_document(text, {"ليلى حداد": ("person:haddad", "PER")})
    assert _quotes(stage, doc) == [
        ("الحوار هو الطريق الوحيد للخروج من الأزمة", "person:haddad", "قال", True)
    ]


def test_quotes_transmitted_source_and_participle(stage: QuoteStage) -> None:
    text = (
        "ونقلت وكالة الأنباء عن مصدر أمني قوله إن الهدوء عاد إلى المدينة. "
        "وقال نبيل عيسى إن الاتفاق صامد، مشيرا إلى أن المفاوضات ستستأنف."
    )
    doc = quoted_document(
        text, {"وكالة الأنباء": ("org:agency", "ORG"), "نبيل عيسى": ("person:issa", "PER")}
    )
    quotes = stage(doc).quotes
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("الهدوء عاد إلى المدينة", "مصدر أمني"),
        ("الاتفاق صامد", "نبيل عيسى"),
        ("المفاوضات ستستأنف", "نبيل عيسى"),
    ]
    assert quotes[0].speaker and quotes[0].speaker.entity is None


def test_quotes_short_quoted_name_is_not_the_content(stage: QuoteStage) -> None:
    text = 'وذكرت صحيفة "الأيام" أن الحكومة ستستقيل قريبا.'
    doc = quoted_document(text, {})
    ((content, _, verb, direct),) = _quotes(stage, doc)
    assert (content, verb, direct) == ("الحكومة ستستقيل قريبا", "ذكر", False)


def test_quotes_quotation_continues_over_paragraphs() -> None:
    text = 'قال: "الجزء الأول.\n(تستمر)\nالجزء الثاني مع "اسم" داخلي".\nنص آخر "قصير".'
    spans = quoted_spans(text)
    first = text.index('"')
    assert text[first + 1 : spans[first]] == 'الجزء الأول.\n(تستمر)\nالجزء الثاني مع "اسم" داخلي'
    assert len(spans) == 2


def test_quotes_source_before_fa_inna(stage: QuoteStage) -> None:
    text = "وبحسب صحيفة الأيام فإن الحكومة ستستقيل قريبا."
    doc = quoted_document(text, {"صحيفة الأيام": ("org:ayyam", "ORG")})
    assert _quotes(stage, doc) == [("الحكومة ستستقيل قريبا", "org:ayyam", "حسب", False)]


def test_quotes_stray_straight_quote_does_not_shift_pairs() -> None:
    text = 'طلبت المحكمة من "الشركة "تقديم المساعدة" فورا. وقال المدير إن "القرار خاطئ".'
    spans = quoted_spans(text)
    pairs = sorted(text[start + 1 : end] for start, end in spans.items())
    assert pairs == ["القرار خاطئ", "تقديم المساعدة"]


def test_quotes_an_an_governed_by_another_word_is_no_speech(pipeline) -> None:
    def quotes(text: str) -> list[tuple[str, str | None]]:
        doc = processed(pipeline, text, "2021-07-02")
        return [(q.text, q.speaker.text if q.speaker else None) for q in doc.quotes]

    assert quotes("وقال الحزب الذي لم يعلن موقفه بعد لكن يمكن أن يدعم المرشح الآخر.") == []
    # the «أن» of «بعد أن» is skipped; the verb's own «إن» still opens the quotation
    said = quotes("وقال الوزير بعد أن التقى نظيره الفرنسي إن المحادثات كانت مثمرة.")
    assert said == [("المحادثات كانت مثمرة", "الوزير")]
