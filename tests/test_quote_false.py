"""False quotes and wrong antecedents on unseen text (H21).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from khabar.doc import Entity, Mention
from khabar.extract.quotes import QuoteStage
from seeded import quote_speakers as _speakers
from seeded import quoted_document


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    stage = QuoteStage()
    stage.setup()
    return stage


SAMI = {"سامي الخالدي": ("per:sami", "PER")}


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن سامي الخالدي موافقته على المشروع شريطة أن تلتزم الشركات بالمعايير.",
        "وأكد سامي الخالدي دعمه للمبادرة لاسيما أن المدارس تحتاج إلى معلمين.",
        "وأكد سامي الخالدي دعمه للمبادرة، لا سيما وأن المدارس تحتاج إلى معلمين.",
        "وأضاف سامي الخالدي لدينا خطة واضحة للعام المقبل، حيث إن العمل بدأ مبكرا.",
        "وأوضح سامي الخالدي المستندات المطلوبة وهي كالتالي: الهوية، وشهادة التخرج، وصورة.",
        "وذكر سامي الخالدي أن التسجيل يتطلب إحضار الآتي:\n1- الهوية الوطنية.\n2- شهادة التخرج.",
        "وقال سامي الخالدي إن إدارته لم تعلن أي موعد للتسجيل.",
        "ورحب سامي الخالدي بالقرار، إلا أن العمل لم يبدأ بعد.",
    ],
)
def test_no_reported_speech(stage: QuoteStage, text: str) -> None:
    doc = quoted_document(text, SAMI)
    found = _speakers(stage, doc)
    # only the first sentence's own «أن» clause (if any) is a quotation, and nothing after
    # the list colon or the governor
    assert all(
        not q.startswith(("تلتزم", "المدارس", "العمل", "الهوية", "1-", "أي موعد"))
        for q, _, _ in found
    ), found


def test_negated_verb_does_not_cut_or_quote(stage: QuoteStage) -> None:
    text = (
        "وأكد سامي الخالدي أن إدارته لم تعلن عن أي حملة للتبرع بالدم، مضيفا أن المتبرعين"
        " حضروا من تلقاء أنفسهم."
    )
    doc = quoted_document(text, SAMI)
    found = _speakers(stage, doc)
    assert [(q[:12], e) for q, e, _ in found] == [
        ("إدارته لم تع", "per:sami"),
        ("المتبرعين حض", "per:sami"),
    ]


def test_whoever_says_is_no_speaker(stage: QuoteStage) -> None:
    text = (
        "وقال سامي الخالدي إنه يتفق مع من يقول إن هناك من يستحق الجائزة غيره، مشيرا إلى أنه"
        " لم يختر الفائزين بنفسه."
    )
    doc = quoted_document(text, SAMI)
    found = _speakers(stage, doc)
    assert [e for _, e, _ in found] == ["per:sami", "per:sami"]
    assert found[0][0].startswith("يتفق مع من يقول إن هناك")


def test_study_showed(stage: QuoteStage) -> None:
    text = "وأظهرت دراسة أجرتها جامعة النور أن ثلث الطلاب ينامون أقل من ست ساعات."
    doc = quoted_document(text, {"جامعة النور": ("org:noor", "ORG")})
    found = _speakers(stage, doc)
    assert [q for q, _, _ in found] == ["ثلث الطلاب ينامون أقل من ست ساعات"]
    assert found[0][2] is not None and found[0][2].startswith("دراسة")


def test_role_word_takes_the_named_minister(stage: QuoteStage) -> None:
    text = (
        "أكد وزير الخارجية الليبي كريم الناصر أن الحوار مستمر. وقال وزير الداخلية سالم العمر"
        " إن الأمن مستقر. وأضاف الوزير الليبي أن الحدود مفتوحة."
    )
    doc = quoted_document(
        text,
        {"كريم الناصر": ("person:karim", "PER"), "سالم العمر": ("person:salem", "PER")},
    )
    karim = doc.entities[0]
    karim.country, karim.kind = "LBY", "person"
    title = text.index("وزير الخارجية")
    karim.mentions.insert(0, Mention(title, title + 20, "وزير الخارجية الليبي"))
    start = text.index("الوزير الليبي")
    role = Entity("role:LBY:minister", "Libya minister", "الوزير", "PER", kind="role")
    role.country = "LBY"
    role.mentions = [Mention(start, start + len("الوزير الليبي"), "الوزير الليبي")]
    doc.entities.append(role)
    found = _speakers(stage, doc)
    assert [e for _, e, _ in found] == ["person:karim", "person:salem", "person:karim"]


def test_relative_after_a_construct_chain(stage: QuoteStage) -> None:
    text = "وحضر الجلسة كريم الناصر رئيس لجنة صياغة الدستور الذي قال إن المسودة ستنشر قريبا."
    doc = quoted_document(
        text,
        {"كريم الناصر": ("person:karim", "PER"), "لجنة صياغة الدستور": ("org:c", "ORG")},
    )
    found = _speakers(stage, doc)
    assert [(q, e) for q, e, _ in found] == [("المسودة ستنشر قريبا", "person:karim")]


def test_what_a_study_showed_inside_a_quotation(stage: QuoteStage) -> None:
    text = "وقال سامي الخالدي إن دراسات سابقة أظهرت أن النوم المبكر يحسن التركيز."
    doc = quoted_document(text, SAMI)
    assert _speakers(stage, doc) == [
        ("دراسات سابقة أظهرت أن النوم المبكر يحسن التركيز", "per:sami", "سامي الخالدي")
    ]
