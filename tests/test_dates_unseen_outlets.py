"""Date forms met on outlets nobody tuned on (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.extract.dates import DateStage


@pytest.fixture(scope="module")
def stage() -> DateStage:
    stage = DateStage()
    stage.setup()
    return stage


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Hijri mark after the second year of a pair dates the first one too
        (
            "تبدأ الدراسة للعام 1436 / 1437هـ بعد العيد.",
            [("للعام 1436", "2015"), ("1437هـ", "2016")],
        ),
        # a numeric date with a space before each slash
        ("يبدأ الصرف بتاريخ 1 /9 /2015 م للمنشآت.", [("1 /9 /2015", "2015-09-01")]),
        # «غرة»: the first day of a month
        ("يبدأ صرف التعويض من غرة ذي القعدة 1436هـ.", [("غرة ذي القعدة 1436هـ", "2015-08-16")]),
        ("يبدأ الصيام غرة رمضان المقبل.", [("غرة رمضان المقبل", "2016-06-06")]),
        ("أخذهم المسلحون على حين غرة في الفجر.", []),
        # a currency or a unit after a bare four-digit number: an amount
        ("لا يقل التعويض عن مبلغ 2000 ريال شهريا.", []),
        ("حفر الجيش خندقا بطول 1500 كيلومتر على الحدود.", []),
        # a decade «من العمر» is an age
        ("والزوجان في الثمانينات من العمر.", []),
        (
            "عرض المسلسل في الثمانينات من القرن الماضي.",
            [("الثمانينات", "1980-01-01/1989-12-31")],
        ),
    ],
)
def test_date_forms(stage: DateStage, text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, m.value) for m in stage.find(text, date(2015, 8, 7))]
    assert found == expected
