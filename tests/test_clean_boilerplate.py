"""The clean stage: datelines in their common forms, markers, footers, hostile input."""

from __future__ import annotations

import time

import pytest

from khabar.clean.boilerplate import CleanStage
from khabar.clean.metadata import MetadataStage
from khabar.doc import Document, Source

BODY = "أعلن المتحدث باسم الحكومة أن الاجتماع المقبل سيعقد الأسبوع القادم لبحث الملفات العالقة."


@pytest.fixture(scope="module")
def clean() -> CleanStage:
    stage = CleanStage()
    stage.setup()
    return stage


@pytest.fixture(scope="module")
def metadata() -> MetadataStage:
    stage = MetadataStage()
    stage.setup()
    return stage


def run(clean: CleanStage, raw: str, **kwargs: object) -> Document:
    return clean(Document(id="t", raw=raw, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("prefix", "city", "outlets", "agencies"),
    [
        ("القاهرة - (أ ف ب) - ", "القاهرة", [], ["أ ف ب"]),
        ("بيروت – رويترز: ", "بيروت", [], ["رويترز"]),
        ("واشنطن (سي إن إن) -- ", "واشنطن", [], ["سي إن إن"]),
        ("لندن: «الشرق الأوسط» ", "لندن", ["الشرق الأوسط"], []),
        ("الرياض - واس\n", "الرياض", [], ["واس"]),
        ("دبي - سكاي نيوز عربية\n", "دبي", ["سكاي نيوز عربية"], []),
        ("موسكو (رويترز) - ", "موسكو", [], ["رويترز"]),
        ("(د ب أ) ", None, [], ["د ب أ"]),
        ("القدس - أ.ف.ب: ", "القدس", [], ["أ.ف.ب"]),
        ("عين اليوم – جدة / ", "جدة", ["عين اليوم"], []),
        ("الخرطوم - وكالات - ", "الخرطوم", [], ["وكالات"]),
    ],
)
def test_clean_dateline_forms(
    clean: CleanStage, prefix: str, city: str | None, outlets: list[str], agencies: list[str]
) -> None:
    doc = run(clean, prefix + BODY)
    assert doc.text == BODY
    (line,) = doc.source.source_lines
    assert (line.city, line.outlets, line.agencies) == (city, outlets, agencies)
    assert doc.raw[doc.removed[0].start : doc.removed[0].end].strip() == prefix.strip()


def test_clean_dateline_with_date_in_brackets(clean: CleanStage) -> None:
    doc = run(clean, "( أردو بوینت نتورك ۔ / رويترز - 14 آذار/مارس 2019م) " + BODY)
    assert doc.text == BODY
    (line,) = doc.source.source_lines
    assert line.outlets == ["أردو بوینت نتورك"] and line.agencies == ["رويترز"]
    assert line.date_text == "14 آذار/مارس 2019م"


def test_clean_dateline_without_separators(clean: CleanStage, metadata: MetadataStage) -> None:
    raw = "جدة 3 رمضان 1440 هـ الموافق 8 مايو 2019 م واس\n" + BODY
    doc = metadata(run(clean, raw))
    assert doc.text == BODY
    assert doc.source.dateline == "جدة" and doc.source.agency == "SPA"
    assert doc.source.published == "2019-05-08" and doc.source.published_from == "dateline"


@pytest.mark.parametrize(
    "start",
    [
        'أفاد مراسل "العربية" بأن الوفد وصل صباح اليوم.',
        "الاتحاد الأوروبي - وهو أكبر شريك تجاري - قرر رفع الرسوم.",
        "الوطن: كلمة تتردد كثيرا في خطابات المرشحين هذا العام.",
        "مالي: هجوم جديد على قاعدة عسكرية في الشمال.",
        "(في الصورة) وزير الخارجية خلال المؤتمر.",
        '"سبق" تكشف تفاصيل المشروع الجديد في المنطقة.',
    ],
)
def test_clean_dateline_not_found_in_ordinary_sentences(clean: CleanStage, start: str) -> None:
    doc = run(clean, start + "\n" + BODY)
    assert doc.text == start + "\n\n" + BODY
    assert doc.source.source_lines == [] and doc.removed == []


@pytest.mark.parametrize(
    ("first", "city"),
    [
        ("محمد العلي – عين اليوم", None),  # author – outlet
        ("محمد العلي", None),  # a byline alone
        ("محمد العلي – الطائف", "الطائف"),  # author – city
        ("عين اليوم – جدة", "جدة"),  # outlet – city, ending the line
        ("الرياضي ـ جدة", "جدة"),  # a tatweel between spaces is a dash
    ],
)
def test_clean_bylines_and_short_datelines(clean: CleanStage, first: str, city: str | None) -> None:
    doc = run(clean, first + "\n" + BODY)
    assert doc.text == BODY
    assert doc.source.source_lines[0].city == city


def test_clean_title_repeated_and_reader_title(clean: CleanStage) -> None:
    title = "الحكومة تعلن موعد الاجتماع المقبل"
    doc = run(clean, f"{title}\n\n{title}\n\n{BODY}")
    assert doc.title == title and doc.text == BODY
    doc = run(clean, f"{title}\n{BODY}", title="الحكومة تُعلن موعد الاجتماع المقبل")
    assert doc.text == BODY and doc.title == "الحكومة تُعلن موعد الاجتماع المقبل"
    doc = run(clean, f"{title}\n{BODY}")
    assert doc.title is None and doc.text.startswith(title)  # a single first line stays


def test_clean_continuation_and_end_markers(clean: CleanStage) -> None:
    raw = f'قال الوزير: "نعمل على خطة.\n\n(يتبع)\n\nوستعلن قريبا".\n\n{BODY}\n\n// انتهى //\n\n20:26 ت م'
    doc = run(clean, raw)
    assert doc.text == f'قال الوزير: "نعمل على خطة.\nوستعلن قريبا".\n\n{BODY}'
    removed = [doc.raw[s.start : s.end] for s in doc.removed]
    assert removed == ["(يتبع)", "// انتهى //", "20:26 ت م"]


@pytest.mark.parametrize(
    "footer",
    [
        "أفكارك وتعليقاتك",
        "اقرأ أيضاً:\nعنوان خبر آخر عن الموضوع نفسه\nعنوان خبر ثالث",
        "شارك هذا المقال\nفيسبوك تويتر",
        "تابعونا على تويتر وفيسبوك",
        "جميع الحقوق محفوظة © 2021",
        "المصدر: وكالات",
        "* نقلاً عن صحيفة محلية\n** جميع المقالات المنشورة تمثل رأي كتابها فقط.",
        "للتواصل مع الكاتب أرسل رسالة قصيرة\n12345 - Stc\nkatib@example.com",
        "للتواصل أرسل رسالة تبدأ بالرمز 12 ثم مسافة ثم الرسالة\n@katib",
        "الكلمات الدالة: الحكومة، الاجتماع",
        "***",
    ],
)
def test_clean_footers(clean: CleanStage, footer: str) -> None:
    raw = f"{BODY}\n\nوأضاف أن الحكومة ستنشر التفاصيل لاحقا.\n\n{footer}"
    doc = run(clean, raw)
    assert doc.text == f"{BODY}\n\nوأضاف أن الحكومة ستنشر التفاصيل لاحقا."


def test_clean_source_credit_at_the_end(clean: CleanStage, metadata: MetadataStage) -> None:
    doc = metadata(run(clean, f"{BODY}\n\nوأضاف أن العمل مستمر.\n\nفرانس24/ أ ف ب"))
    assert doc.text.endswith("العمل مستمر.")
    assert doc.source.agency == "AFP" and doc.source.outlet == "France 24"
    doc = metadata(run(clean, f"{BODY}\n\nالمصدر: رويترز"))
    assert doc.text == BODY and doc.source.agency == "Reuters"


@pytest.mark.parametrize(
    ("credit", "agency", "outlet"),
    [(" (واج)", "APS", None), (" سكاي نيوز", None, "Sky News Arabia"), (" (أ.ف.ب)", "AFP", None)],
)
def test_clean_credit_glued_to_last_paragraph(
    clean: CleanStage, metadata: MetadataStage, credit: str, agency: str | None, outlet: str | None
) -> None:
    doc = metadata(run(clean, BODY + credit))
    assert doc.text == BODY
    assert (doc.source.agency, doc.source.outlet) == (agency, outlet)
    doc = run(clean, BODY + " الجديد")  # an ordinary last word stays
    assert doc.text == BODY + " الجديد"


def test_clean_tags_glued_to_last_paragraph(clean: CleanStage) -> None:
    doc = run(clean, BODY + " سمات الحكومة الاجتماع الملفات")
    assert doc.text == BODY


def test_clean_share_lines_in_the_middle(clean: CleanStage) -> None:
    doc = run(clean, f"{BODY}\n\nشارك\n\nاقرأ أيضا: عنوان خبر آخر\n\n{BODY}")
    assert doc.text == f"{BODY}\n\n{BODY}"


def test_clean_whitespace_and_controls(clean: CleanStage) -> None:
    raw = "  كلمة\x00 أولى\t\tو\u00a0ثانية  \r\n\r\n\x85جملة\u200b ثانية\x1b.  \n\n\n"
    doc = run(clean, raw)
    assert doc.text == "كلمة أولى و ثانية\n\nجملة ثانية ."


def test_clean_script_and_style_fragments(clean: CleanStage) -> None:
    code = ".box h4 { padding: 0; margin: 0; } jQuery('#vote').html(data); return false; });"
    doc = run(clean, f"{BODY} {code} {BODY}")
    assert doc.text == f"{BODY} {BODY}"


def test_clean_hostile_input_is_fast(clean: CleanStage) -> None:
    huge = ("كلمة " * 400_000) + "\x01" * 1000  # 2 MB on one line, no newline
    many = "\n".join(f"سطر قصير {n}" for n in range(100_000))
    started = time.perf_counter()
    assert run(clean, huge).text == ("كلمة " * 400_000).strip()
    assert run(clean, many).text.count("\n\n") == 99_999
    assert time.perf_counter() - started < 10


def test_clean_empty_and_blank(clean: CleanStage) -> None:
    assert run(clean, "").text == ""
    assert run(clean, " \n\t\n ").text == ""


def test_metadata_outlet_from_url_host(clean: CleanStage, metadata: MetadataStage) -> None:
    source = Source(
        url="https://www.skynewsarabia.com/world/123", published="2018-05-31T03:50:20+00:00"
    )
    doc = metadata(run(clean, BODY, source=source))
    assert doc.source.outlet == "Sky News Arabia"
    assert doc.source.published == "2018-05-31" and doc.source.published_from == "reader"
