"""A weekday after «منذ يوم» is the day named; a name that looks like a future verb
(«سيرخيو», «سيلفي») does not send a weekday to the coming week."""

from __future__ import annotations

import pytest

from seeded import processed

# published on Tuesday 2018-05-22
CASES = [
    (
        "وانخفضت أسعار الأسهم في البورصة تدريجيا منذ يوم الجمعة، بعد إعلان البنك المركزي قراره.",
        [("الجمعة", "2018-05-18")],
    ),
    (
        "وكان اللاعبان سيرخيو روميرو وماركوس روخو قد وصلا إلى مقر التدريبات الاثنين مع زملائهما.",
        [("الاثنين", "2018-05-21")],
    ),
    (
        "قدمت الوزيرة سيلفي غولار الاثنين استقالتها من الحكومة بعد تحقيق قضائي.",
        [("الاثنين", "2018-05-21")],
    ),
    # a real future verb still looks ahead
    (
        "وسيلتقي الوزير نظيره الفرنسي الاثنين في العاصمة لبحث الملفات المشتركة.",
        [("الاثنين", "2018-05-28")],
    ),
    # a count of days still counts
    (
        "وقال الشهود إن الاشتباكات اندلعت منذ يومين في الضاحية الجنوبية للمدينة.",
        [("منذ يومين", "2018-05-20")],
    ),
]


@pytest.mark.parametrize(("text", "dates"), CASES)
def test_weekday_in_context(pipeline, text, dates):
    doc = processed(pipeline, text, published="2018-05-22")
    assert [(d.text, d.value) for d in doc.dates] == dates
