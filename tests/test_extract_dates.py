from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khabar.doc import Document, Source
from khabar.extract.dates import DateStage

SEED = (
    Path(__file__).parents[1] / "src/khabar/examples/urdupoint_sputnik_2021-07-02_lavrov_csto.txt"
)
FRIDAY = date(2021, 7, 2)


@pytest.fixture(scope="module")
def stage() -> DateStage:
    stage = DateStage()
    stage.setup()
    return stage


def _values(
    stage: DateStage, text: str, published: date | None = FRIDAY
) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in stage.find(text, published)]


def test_dates_seed_article(stage: DateStage) -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = stage(Document(id="seed", text=text, source=Source(published="2021-07-02")))
    assert all(text[d.start : d.end] == d.text for d in doc.dates)
    got = [(d.text, d.value, d.granularity, d.kind) for d in doc.dates]
    assert got == [
        ("02 يوليو 2021ء", "2021-07-02", "day", "absolute"),
        ("اليوم الجمعة", "2021-07-02", "day", "weekday"),
        ("نهاية شباط/فبراير من العام الماضي", "2020-02", "late-month", "fuzzy"),
        ("منذ أكثر من 18 عامًا", "P18Y", "duration", "duration"),
        ("في غضون 14 شهرا", "P14M", "duration", "duration"),
        ("الأول من أيار/مايو الماضي", "2021-05-01", "day", "absolute"),
        ("11 أيلول/سبتمبر", "2021-09-11", "day", "absolute"),
        ("اليوم الجمعة", "2021-07-02", "day", "weekday"),
        ("عام 2001", "2001", "year", "absolute"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوزير أمس الخميس", [("أمس الخميس", "2021-07-01")]),
        ("اجتمع المجلس الأربعاء الماضي", [("الأربعاء الماضي", "2021-06-30")]),
        ("يجتمع المجلس الخميس المقبل", [("الخميس المقبل", "2021-07-08")]),
        ("وقال الثلاثاء إن الحوار مستمر", [("الثلاثاء", "2021-06-29")]),
        ("ومن المقرر أن يصل الوفد الأحد", [("الأحد", "2021-07-04")]),
        ("وقع الحادث مساء الثلاثاء", [("مساء الثلاثاء", "2021-06-29")]),
        ("وأعلن غداً عن خطته", [("غداً", "2021-07-03")]),
        ("جرى ذلك أول أمس", [("أول أمس", "2021-06-30")]),
    ],
)
def test_dates_weekdays_and_relative_days(stage: DateStage, text: str, expected: list) -> None:
    assert _values(stage, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقدت الجلسة الأسبوع الماضي", [("الأسبوع الماضي", "2021-06-21/2021-06-27")]),
        ("تبدأ الأسبوع المقبل", [("الأسبوع المقبل", "2021-07-05/2021-07-11")]),
        ("ارتفع الشهر الماضي", [("الشهر الماضي", "2021-06")]),
        ("خلال العام المنصرم", [("العام المنصرم", "2020")]),
        ("وصل قبل ثلاثة أيام", [("قبل ثلاثة أيام", "2021-06-29")]),
        ("غادر منذ أسبوعين", [("منذ أسبوعين", "2021-06-18")]),
        ("بدأ قبل 10 سنوات", [("قبل 10 سنوات", "2011")]),
        ("في منتصف الشهر الماضي", [("منتصف الشهر الماضي", "2021-06")]),
        ("منذ مطلع العام", [("مطلع العام", "2021-01")]),
        ("في أواخر 2020", [("أواخر 2020", "2020-12")]),
    ],
)
def test_dates_relative_periods(stage: DateStage, text: str, expected: list) -> None:
    assert _values(stage, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في الفترة من 3 آذار/مارس 2015 إلى 9 أيار/مايو 2016", "2015-03-03/2016-05-09"),
        ("بين كانون الثاني/يناير ونيسان/أبريل", "2021-01-01/2021-04-30"),
        ("تعقد من 12 إلى 14 تشرين الأول/أكتوبر", "2021-10-12/2021-10-14"),
        ("يومي 8 و 9 جوان الجاري", "2021-06-08/2021-06-09"),
        ("بين 2011 و2013", "2011-01-01/2013-12-31"),
        ("في الفترة 1960-1965", "1960-01-01/1965-12-31"),
        ("في الستينيات والسبعينيات", "1960-01-01/1979-12-31"),
        ("في النصف الأول من العام الماضي", "2020-01-01/2020-06-30"),
    ],
)
def test_dates_ranges(stage: DateStage, text: str, expected: str) -> None:
    (mention,) = stage.find(text, FRIDAY)
    assert (mention.value, mention.granularity) == (expected, "range")


def test_dates_month_without_year_follows_news_conventions(stage: DateStage) -> None:
    assert _values(stage, "وقع في آذار الماضي") == [("آذار الماضي", "2021-03")]
    assert _values(stage, "في تموز الماضي") == [("تموز الماضي", "2020-07")]
    assert _values(stage, "في نيسان المقبل") == [("نيسان المقبل", "2022-04")]
    # nearest occurrence, a future one counting as farther: September is ahead, December behind
    assert _values(stage, "حتى 30 أيلول") == [("30 أيلول", "2021-09-30")]
    assert _values(stage, "في كانون الأول") == [("كانون الأول", "2020-12")]


def test_dates_year_of_an_earlier_full_date_carries_over(stage: DateStage) -> None:
    text = "منذ محاولة 3 آب/أغسطس 2016 ... وفي ليلة الثالث من آب/أغسطس"
    assert [d.value for d in stage.find(text, FRIDAY)] == ["2016-08-03", "2016-08-03"]


def test_dates_durations(stage: DateStage) -> None:
    got = [
        (d.value, d.kind)
        for d in stage.find("لمدة ثلاثة أيام وخلال 24 ساعة وفي غضون عامين", FRIDAY)
    ]
    assert got == [("P3D", "duration"), ("PT24H", "duration"), ("P2Y", "duration")]


def test_dates_hijri(stage: DateStage) -> None:
    assert _values(stage, "في 15 رمضان 1442") == [("15 رمضان 1442", "2021-04-27")]
    assert _values(stage, "في رمضان المقبل") == [("رمضان المقبل", "2022-04-02/2022-05-01")]
    assert _values(stage, "رمضان يزور البلدة") == []


def test_dates_words_that_are_not_dates(stage: DateStage) -> None:
    assert _values(stage, "قال الأمين العام الحالي للمنظمة") == []
    assert _values(stage, "احتفل باليوم الوطني") == []
    assert _values(stage, "مارس الضغط على الحكومة") == []
    assert _values(stage, "على قناة #اليمن_اليوم") == []


def test_dates_without_publication_date_stay_unresolved(stage: DateStage) -> None:
    got = [
        (d.text, d.value, d.resolved) for d in stage.find("وصل أمس في 5 مايو و9 مايو 2020", None)
    ]
    assert got == [
        ("أمس", None, False),
        ("5 مايو", None, False),
        ("9 مايو 2020", "2020-05-09", True),
    ]


def test_dates_seed_through_the_pipeline() -> None:
    from khabar.registry import available_stages, build_pipeline

    names = [n for n in available_stages() if n in ("clean", "metadata", "sentences")]
    raw = SEED.read_text(encoding="utf-8")
    outcome = build_pipeline([*names, "dates"]).run_one(
        Document(id="seed", raw=raw, source=Source(published="2021-07-02"))
    )
    assert outcome.document is not None
    values = {d.text: d.value for d in outcome.document.dates}
    assert values["اليوم الجمعة"] == "2021-07-02"
    assert values["نهاية شباط/فبراير من العام الماضي"] == "2020-02"
    assert values["الأول من أيار/مايو الماضي"] == "2021-05-01"
    assert values["11 أيلول/سبتمبر"] == "2021-09-11"
    assert values["عام 2001"] == "2001"
    assert values["منذ أكثر من 18 عامًا"] == "P18Y" and values["في غضون 14 شهرا"] == "P14M"


def test_dates_words_inside_a_name_are_not_dates() -> None:
    from khabar.doc import Document
    from khabar.registry import build_pipeline

    pipeline = build_pipeline(["clean", "metadata", "sentences", "entities", "dates"])
    doc = Document(id="t", raw="وذكرت صحيفة الغد الأردنية أن الوزير سيصل غدا إلى بيروت.")
    doc.source.published = "2021-07-02"
    doc = pipeline.run_one(doc).document
    assert [(d.text, d.value) for d in doc.dates] == [("غدا", "2021-07-03")]


def test_dates_named_events_keep_their_year(stage: DateStage) -> None:
    assert _values(stage, "تغيرت السياسة منذ هجمات 11 سبتمبر.") == [("11 سبتمبر", "2001-09-11")]
    assert _values(stage, "شارك الشبان في ثورة 25 يناير.") == [("25 يناير", "2011-01-25")]
    assert _values(stage, "احتفلت مصر بذكرى حرب أكتوبر.") == [("أكتوبر", "1973-10")]
    assert _values(stage, "تحدث عن الثورة 25 يناير", None) == [("25 يناير", "2011-01-25")]
    # a plain deadline is this year's; an event later than the article is not the named one
    assert _values(stage, "بحلول 11 أيلول/سبتمبر.") == [("11 أيلول/سبتمبر", "2021-09-11")]
    old = date(2015, 3, 1)
    assert _values(stage, "بعد هجوم 7 أكتوبر الماضي.", old)[0][1] == "2014-10-07"


def test_dates_idioms_and_names_hold_no_date(stage: DateStage) -> None:
    assert _values(stage, "كانت بالأمس القريب دولة معادية.") == []
    assert _values(stage, "اجتمع نواب قوى 14 آذار في بيروت.") == []
    assert _values(stage, "قال إن الاعتداء على الاثنين جريمة.") == []
    assert _values(stage, "وصل الوزير الاثنين إلى المدينة.") == [("الاثنين", "2021-06-28")]


def test_named_dates_file_is_checked(tmp_path: Path) -> None:
    from khabar.errors import KnowledgeBaseError
    from khabar.extract.date_names import load_named_dates

    bad = tmp_path / "named_dates.tsv"
    bad.write_text("heads\tdate\tyear\tnote\nثورة\t02-30\t2011\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"named_dates\.tsv:2"):
        load_named_dates(bad)
