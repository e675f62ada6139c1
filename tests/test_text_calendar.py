from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.calendar import find_absolute_dates, month_names, parse_iso_date

SEED = (
    Path(__file__).parents[1] / "src/khabar/examples/urdupoint_sputnik_2021-07-02_lavrov_csto.txt"
)


def _iso(text: str, **kw: bool) -> list[tuple[str, str | None]]:
    return [(d.text, d.iso) for d in find_absolute_dates(text, **kw)]


def test_calendar_offsets_point_into_original_text() -> None:
    text = "وصل الوفد يوم ٢٢ حُزَيْرَان ٢٠١٩ إلى العاصمة"
    (item,) = find_absolute_dates(text)
    assert text[item.start : item.end] == item.text
    assert item.iso == "2019-06-22"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("جرى ذلك في 3 كانون الثاني 2020 صباحا", [("3 كانون الثاني 2020", "2020-01-03")]),
        ("في 14 جانفي 2018 بتونس", [("14 جانفي 2018", "2018-01-14")]),
        ("في 9 يونيه 2015", [("9 يونيه 2015", "2015-06-09")]),
        ("موعد 7 إبريل 2016", [("7 إبريل 2016", "2016-04-07")]),
        ("في 10 تشرين الثاني/نوفمبر 2017", [("10 تشرين الثاني/نوفمبر 2017", "2017-11-10")]),
        ("خلال فبراير (شباط) 2020 الماضي", [("فبراير (شباط) 2020", "2020-02")]),
        ("بتاريخ 02/07/2021 وفق البيان", [("02/07/2021", "2021-07-02")]),
        ("بتاريخ 2021-07-02", [("2021-07-02", "2021-07-02")]),
        ("صدر في 5 أوت 2019م", [("5 أوت 2019م", "2019-08-05")]),
        ("منذ عام 2001 حتى الآن", [("عام 2001", "2001")]),
        (
            "الحادي والعشرين من شهر نيسان 2019",
            [("الحادي والعشرين من شهر نيسان 2019", "2019-04-21")],
        ),
    ],
)
def test_calendar_month_families_and_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _iso(text) == expected


def test_calendar_hijri_is_converted_to_gregorian() -> None:
    (hijri, greg) = find_absolute_dates("الجمعة ٢٢ ذو القعدة ١٤٤٢ هـ الموافق 2 يوليو 2021م")
    assert hijri.calendar == "hijri" and hijri.hijri == (1442, 11, 22)
    assert hijri.iso == "2021-07-02" == greg.iso
    (year,) = find_absolute_dates("في عام 1442 هجرية")
    assert year.hijri == (1442, None, None) and year.iso == "2021"


def test_calendar_ambiguous_month_needs_context() -> None:
    assert _iso("مارس الضغط على الحكومة", bare_months=True) == []
    assert _iso("في شهر مارس", bare_months=True) == [("مارس", None)]
    assert _iso("في آب 2014") == [("آب 2014", "2014-08")]
    assert _iso("في آذار الماضي") == []
    assert _iso("في آذار الماضي", bare_months=True) == [("آذار", None)]


def test_calendar_invalid_day_is_rejected() -> None:
    assert _iso("في 31 فبراير 2020") == []


def test_calendar_seed_article() -> None:
    found = _iso(SEED.read_text(encoding="utf-8"), bare_months=True)
    assert found == [
        ("02 يوليو 2021ء", "2021-07-02"),
        ("شباط/فبراير", None),
        ("الأول من أيار/مايو", None),
        ("11 أيلول/سبتمبر", None),
        ("عام 2001", "2001"),
    ]


def test_calendar_month_table_covers_all_families() -> None:
    names = month_names()
    for name in ("كانون الاول", "ديسمبر", "دجنبر", "جويليه", "يوليه", "ذو الحجه", "ربيع الاخر"):
        assert name in names


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-07-02T10:00:00Z", "2021-07-02"),
        ("20210702", "2021-07-02"),
        ("Fri, 02 Jul 2021 10:00:00 +0000", "2021-07-02"),
        ("2 يوليو 2021", "2021-07-02"),
        ("2021-02-30", None),
        ("", None),
        ("nonsense", None),
    ],
)
def test_calendar_parse_iso_date(value: str, expected: str | None) -> None:
    assert parse_iso_date(value) == expected


def test_text_calendar_prefiltered_equals_finditer() -> None:
    from khabar.extract.date_grammar import _YEAR, _YEAR_RANGE, _YEAR_START
    from khabar.text.calendar import (
        _FOUR_DIGITS,
        _FOUR_DIGITS_START,
        _NUMERIC,
        _NUMERIC_START,
        prefiltered,
    )

    texts = [
        "في 12/5/2020 و2019-2021 ثم 20201 و 1.2.2019 عام 1999م و12345678 و2010/2012",
        "ب2011 و-2013 و2014% و3.2015 و 05-06-2018 و2018-06-05 وبين 1990 - 1995",
        "١٩٩٩ 2000 2000 2000-2000 31/12/1999/ 7/7/77 2020.5 #2020_الحدث",
    ]
    pairs = [
        (_YEAR, _YEAR_START),
        (_YEAR_RANGE, _YEAR_START),
        (_FOUR_DIGITS, _FOUR_DIGITS_START),
        (_NUMERIC, _NUMERIC_START),
    ]
    for text in texts:
        for pattern, starts in pairs:
            fast = [m.span() for m in prefiltered(pattern, starts, text)]
            assert fast == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0129/.-,– وبل%_٪م", max_size=40))
def test_text_calendar_prefiltered_equals_finditer_on_any_text(text: str) -> None:
    from khabar.extract.date_grammar import _YEAR, _YEAR_RANGE, _YEAR_START
    from khabar.text.calendar import (
        _FOUR_DIGITS,
        _FOUR_DIGITS_START,
        _NUMERIC,
        _NUMERIC_START,
        prefiltered,
    )

    for pattern, starts in (
        (_YEAR, _YEAR_START),
        (_YEAR_RANGE, _YEAR_START),
        (_FOUR_DIGITS, _FOUR_DIGITS_START),
        (_NUMERIC, _NUMERIC_START),
    ):
        fast = [m.span() for m in prefiltered(pattern, starts, text)]
        assert fast == [m.span() for m in pattern.finditer(text)]
