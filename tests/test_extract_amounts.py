from __future__ import annotations

import pytest

from khabar.doc import DateMention, Document
from khabar.extract.amounts import AmountStage


@pytest.fixture(scope="module")
def stage() -> AmountStage:
    stage = AmountStage()
    stage.setup()
    return stage


def _found(stage: AmountStage, text: str) -> list[tuple[str, float | None, str | None, str]]:
    return [(a.text, a.value, a.unit, a.kind) for a in stage.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أسفر الانفجار عن مقتل 12 شخصا وإصابة 30 آخرين",
            [("12", 12, None, "killed"), ("30", 30, None, "injured")],
        ),
        ("قتل ثلاثة جنود في الكمين", [("ثلاثة", 3, None, "killed")]),
        ("سقوط 5 قتلى و١٢ جريحا", [("5", 5, None, "killed"), ("١٢", 12, None, "injured")]),
        ("مصرع نحو عشرين شخصا", [("نحو عشرين", 20, None, "killed")]),
        ("ارتفعت حصيلة القتلى إلى 50", [("50", 50, None, "killed")]),
        ("سقط مئات القتلى", [("مئات", 100, None, "killed")]),
        ("جرح أكثر من 40 متظاهرا", [("أكثر من 40", 40, None, "injured")]),
    ],
)
def test_amounts_casualties(stage: AmountStage, text: str, expected: list) -> None:
    assert _found(stage, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بلغت قيمة العقد 2.5 مليار دولار", [("2.5 مليار دولار", 2.5e9, "USD", "money")]),
        ("تبرع بخمسة وعشرين ألف يورو", [("خمسة وعشرين ألف يورو", 25000, "EUR", "money")]),
        ("بلغ الدعم 12,000 ريال قطري", [("12,000 ريال قطري", 12000, "QAR", "money")]),
        ("بقيمة 300 دينار", [("300 دينار", 300, None, "money")]),
        (
            "ارتفع 20 في المائة و3.5%",
            [("20 في المائة", 20, "%", "percent"), ("3.5%", 3.5, "%", "percent")],
        ),
        ("تراجع بنسبة ١٥٫٥ بالمئة", [("١٥٫٥ بالمئة", 15.5, "%", "percent")]),
    ],
)
def test_amounts_money_and_percent(stage: AmountStage, text: str, expected: list) -> None:
    assert _found(stage, text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("شارك ثلاثمائة وخمسون مندوبا", 350),
        ("خرج عشرات الآلاف إلى الشوارع", 10000),
        ("نحو ثلاثة آلاف وخمسمئة لاجئ", 3500),
        ("يضم سبعة ملايين نسمة", 7e6),
        ("يسكنها 1.200.000 نسمة", 1.2e6),
        ("بلغ المؤشر 12620،5 نقطة", 12620.5),  # Arabic comma as the decimal point
        ("سجل المؤشر 2ر183 نقطة", 183.2),  # Tunisian agency style: 183.2
    ],
)
def test_amounts_number_words(stage: AmountStage, text: str, value: float) -> None:
    (amount,) = stage.find(text)
    assert amount.value == value and amount.kind == "number"
    assert text[amount.start : amount.end] == amount.text


def test_amounts_skip_numbers_inside_dates(stage: AmountStage) -> None:
    text = "في 11 أيلول 2001 قتل 3 أشخاص"
    doc = Document(id="d", text=text)
    doc.dates = [DateMention(3, 16, text[3:16], "2001-09-11", "day", "absolute")]
    assert [(a.text, a.kind) for a in stage(doc).amounts] == [("3", "killed")]


def test_amounts_dual_construct_of_a_scale(stage: AmountStage) -> None:
    assert _found(stage, "قدمت الحكومة مساعدات بقيمة مليوني دولار.") == [
        ("مليوني دولار", 2000000.0, "USD", "money")
    ]
    assert _found(stage, "بلغت الخسائر ملياري يورو.") == [
        ("ملياري يورو", 2000000000.0, "EUR", "money")
    ]


def test_amounts_duals_of_person_nouns_count_two(stage: AmountStage) -> None:
    assert _found(stage, "قتل جنديان وأصيب ثلاثة آخرون في الهجوم.") == [
        ("جنديان", 2.0, None, "killed"),
        ("ثلاثة", 3.0, None, "injured"),
    ]
    assert _found(stage, "أعلنت الشرطة مقتل شخصين.") == [("شخصين", 2.0, None, "killed")]


def test_amounts_numbers_that_name_are_no_amounts(stage: AmountStage) -> None:
    assert _found(stage, "وقعت الهزة عند الساعة 12:50 صباحا") == []
    assert _found(stage, "تبنى مجلس الأمن القرار 2254 بالإجماع") == []
    assert _found(stage, "تنص المادة 50 على ذلك") == []
    # a count of hours is still an amount
    assert _found(stage, "دام الاجتماع ثلاث ساعات") == [("ثلاث", 3, None, "number")]


def test_amounts_a_percent_word_is_no_hundred(stage: AmountStage) -> None:
    # the glued Tunisian decimal is read as 21.2 percent, and «بالمائة» never as 100
    assert _found(stage, "تراجعت الصادرات بنسبة تقدر2ر21 بالمائة") == [
        ("2ر21 بالمائة", 21.2, "%", "percent")
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("بين المعتقلين طفلان وثلاث نساء نقلن إلى المستشفى.", [2.0, 3.0]),
        ("تتراوح أعمار المشاركين بين خمسة وسبعة أعوام.", [5.0, 7.0]),
        ("خصصت الوزارة ثلاثة آلاف وخمسمئة دينار و مئة وعشرين منحة.", [3500.0, 120.0]),
        ("قتل خمسة وعشرون شخصا في الهجوم.", [25.0]),
        ("احتل المنتخب المركز السادس عشر في الترتيب العالمي.", []),
        ("افتتحت الدورة السابعة عشرة للمهرجان في القرن الحادي والعشرين.", []),
        ("اعتقلت الشرطة عشرة أشخاص بعد المواجهات.", [10.0]),
    ],
)
def test_counts_joined_only_as_one_number_and_ordinals_are_no_counts(text, values):
    stage = AmountStage()
    stage.setup()
    assert [a.value for a in stage.find(text)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("تصل المخالفة إلى نحو 10.000 ريال.", 10000.0),  # riyals: the dot groups thousands
        ("بلغ الرسم 1.500 دينار كويتي.", 1.5),  # dinars have thousandths (fils)
        ("رصدت الحكومة 1.500 مليون ريال للمشروع.", 1500000.0),  # a scale word: a decimal point
    ],
)
def test_a_dot_before_three_digits_by_currency(text, value):
    stage = AmountStage()
    stage.setup()
    assert [a.value for a in stage.find(text) if a.kind == "money"] == [value]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("عن مقتل 10 عناصر من التنظيم و18 مقاتلا من الفصائل.", ["killed", "killed"]),
        ("قتل 10 أشخاص في الهجوم وتضررت 30 سيارة.", ["killed", "number"]),
        ("قتل 10 أشخاص وأصيب 20 آخرون.", ["killed", "injured"]),
    ],
)
def test_a_count_joined_to_a_casualty_count(text, kinds):
    stage = AmountStage()
    stage.setup()
    assert [a.kind for a in stage.find(text)] == kinds


def test_words_then_digits_joined_by_waw_are_one_number():
    stage = AmountStage()
    stage.setup()
    found = [(a.text, a.value) for a in stage.find("بلغت قيمة الصفقة مليون و200 ألف ريال.")]
    assert found == [("مليون و200 ألف ريال", 1200000.0)]
    assert [a.value for a in stage.find("بين 2000 و2500 شخص")] == [2000.0, 2500.0]
