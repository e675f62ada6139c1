"""Triggers with a required word: a liquidation of people, remand in custody, and warplanes
deployed (sentences written for these tests)."""

from __future__ import annotations

import pytest

from seeded import processed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتمكنت القوات من تصفية عشرة عناصر من الجماعة المسلحة.", "ASSAULT"),
        ("قررت الشركة تصفية أعمالها في البلاد بعد خسائر كبيرة.", None),
        ("أمرت النيابة العامة بحبس المتهمين أربعة أيام على ذمة التحقيق.", "COERCE"),
        ("حبس الجمهور أنفاسه في الدقائق الأخيرة من المباراة.", None),
        ("نشرت الولايات المتحدة ست مقاتلات في قاعدة جوية قرب الحدود.", "MOBILIZE"),
        ("نشرت الصحيفة صورا جديدة من موقع الحادث.", None),
    ],
)
def test_required_words_decide(pipeline, text: str, expected: str | None) -> None:
    types = {e.event for e in processed(pipeline, text, published="2018-05-22").events}
    assert (expected in types) if expected else not types & {"ASSAULT", "COERCE", "MOBILIZE"}
