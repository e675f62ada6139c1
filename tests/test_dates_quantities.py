"""A bare four-digit number that counts things is no year; a year before an adverb still is."""

from __future__ import annotations

import pytest

from seeded import processed

CASES = [
    ("أسفرت الغارات الجوية عن مقتل 2076 مقاتلا من الفصائل المسلحة في المحافظات الشمالية.", []),
    ("نعى المحافظ مقتل 2070 شخصا من أبناء المدينة على أيدي المسلحين خلال الأسابيع الأخيرة.", []),
    ("وصل عدد اللاجئين في المخيم إلى نحو 2018 لاجئا بحسب بيان المفوضية الأممية للاجئين.", []),
    (
        "وقعت الحكومة في 2017 أيضا اتفاقا مع الشركاء الدوليين في العاصمة بعد مفاوضات طويلة.",
        ["2017"],
    ),
    (
        "وفي 2018 وقعت الحكومة اتفاقا جديدا مع الشركاء الدوليين في العاصمة بعد مفاوضات طويلة.",
        ["2018"],
    ),
    (
        "وكانت الحكومة قد وقعت الاتفاق عام 2016 في العاصمة بحضور ممثلين عن الشركاء الدوليين.",
        ["2016"],
    ),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_years_and_quantities(pipeline, text, values):
    doc = processed(pipeline, text, published="2019-03-01")
    assert [d.value for d in doc.dates] == values
