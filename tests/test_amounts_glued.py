"""A Tunisian agency decimal («2ر21»: 21.2) glued to the word before it is still read."""

from __future__ import annotations

from seeded import processed


def test_glued_tunisian_decimal_percent(pipeline):
    text = "تراجع عدد المشاريع المصادق عليها خلال الشهر الماضي بنسبة تقدر2ر21 بالمائة حسب الوزارة."
    doc = processed(pipeline, text, published="2017-03-01")
    assert [(a.text, a.value, a.kind) for a in doc.amounts] == [("2ر21 بالمائة", 21.2, "percent")]


def test_digits_inside_a_latin_name_stay_out(pipeline):
    text = "وقال المدرب إن الفريق A12 سيشارك في البطولة الإقليمية المقبلة التي تنظم في العاصمة."
    assert processed(pipeline, text, published="2017-03-01").amounts == []
