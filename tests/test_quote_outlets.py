"""Speakers on outlets nobody tuned on (H19): the source's own words, verbal nouns, topics.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from khabar.extract.quotes import QuoteStage
from seeded import quote_speakers as _speakers
from seeded import quoted_document


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    stage = QuoteStage()
    stage.setup()
    return stage


def test_outlet_spoken_to_is_not_in_the_speaker_text(stage: QuoteStage) -> None:
    text = 'وقال سامي الخالدي المتحدث باسم الشركة لـ"الرياض" إن المشروع سيكتمل قريبا.'
    doc = quoted_document(text, {"سامي الخالدي": ("per:sami", "PER")})
    assert _speakers(stage, doc) == [
        ("المشروع سيكتمل قريبا", "per:sami", "سامي الخالدي المتحدث باسم الشركة")
    ]


def test_quoted_owner_with_apposition_stays(stage: QuoteStage) -> None:
    text = 'وقال المدير التنفيذي لـ"النور"، سامي الخالدي، في بيان إن المشروع سيكتمل قريبا.'
    doc = quoted_document(text, {"سامي الخالدي": ("per:sami", "PER")})
    found = _speakers(stage, doc)
    assert found[0][1] == "per:sami"
    assert found[0][2] is not None and found[0][2].endswith("سامي الخالدي")


def test_what_the_source_said_is_not_its_name(stage: QuoteStage) -> None:
    text = "ارتفع عدد الجرحى إلى ثلاثين في المدينة، بحسب ما ذكرت وكالة النور."
    doc = quoted_document(text, {"وكالة النور": ("org:noor", "ORG")})
    assert _speakers(stage, doc)[0][1:] == ("org:noor", "وكالة النور")


def test_conjunction_and_particles_are_no_subject(stage: QuoteStage) -> None:
    text = "لكن الوزير قال في مؤتمر صحفي إن الحكومة ستصمد. وقال لي المدير سامي الخالدي إن الطريق مفتوح."
    doc = quoted_document(text, {"سامي الخالدي": ("per:sami", "PER")})
    found = _speakers(stage, doc)
    assert found[0][2] == "الوزير"
    assert found[1][1:] == ("per:sami", "المدير سامي الخالدي")


def test_manner_participle_is_no_subject(stage: QuoteStage) -> None:
    text = 'وقال المواطن ساخرا: "هذه هي الخدمة". وأضاف متسائلا: "أين كانت الفرق؟"'
    doc = quoted_document(text, {})
    assert [s for _, _, s in _speakers(stage, doc)] == ["المواطن", "المواطن"]


def test_name_then_object_ends_the_subject(stage: QuoteStage) -> None:
    text = "وأكد سامي الخالدي تفهمه قلق الأهالي من التأخير مبينا أن العمل سينتهي قريبا."
    doc = quoted_document(text, {"سامي الخالدي": ("per:sami", "PER")})
    assert _speakers(stage, doc)[0][1:] == ("per:sami", "سامي الخالدي")


def test_report_published_by_its_subject(stage: QuoteStage) -> None:
    text = "نشرت منظمة النور تقريرا كشفت فيه أن عشرات المدنيين نزحوا."
    doc = quoted_document(text, {"منظمة النور": ("org:noor", "ORG")})
    assert _speakers(stage, doc)[0][1:] == ("org:noor", "منظمة النور")


def test_by_his_saying_names_the_sentence_subject(stage: QuoteStage) -> None:
    text = (
        'وقال المواطن: "تأخرت الفرق". وأضاف متسائلا: "أين كانت؟".\n'
        'من جانبه، علق المتحدث باسم الهيئة سامي الخالدي بقوله: "وصلت الفرقة في الوقت المحدد".'
    )
    doc = quoted_document(text, {"سامي الخالدي": ("per:sami", "PER")})
    assert _speakers(stage, doc)[-1][:2] == ("وصلت الفرقة في الوقت المحدد", "per:sami")


def test_nouns_named_like_verbs_introduce_nothing(stage: QuoteStage) -> None:
    text = (
        'وقال المصدر الذي طلب عدم ذكر اسمه: "سنعلن النتائج غدا". '
        "ولفت الوزير إلى أن كل مواطن (ذكر أو أنثى) يحق له التصويت."
    )
    doc = quoted_document(text, {})
    found = _speakers(stage, doc)
    assert [(s, v) for (_, _, s), v in zip(found, [q.verb for q in doc.quotes], strict=True)] == [
        ("المصدر", "قال"),
        ("الوزير", "لفت"),
    ]
    assert found[1][0].endswith("يحق له التصويت")


def test_followed_topic_is_not_the_speaker(stage: QuoteStage) -> None:
    text = "قال سامي الخالدي إن الفريق تعب. وتابع خروج الفريق من البطولة بأنه كان متوقعا."
    doc = quoted_document(text, {"سامي الخالدي": ("per:sami", "PER")})
    assert _speakers(stage, doc)[-1][1:] == ("per:sami", "سامي الخالدي")


def test_verbal_noun_subject_is_not_continued(stage: QuoteStage) -> None:
    text = "ردت وزارة النور على إعلان مدينة الفجر أن الاتفاق انتهى.\nوأكدت أن المفاوضات ستستمر."
    doc = quoted_document(
        text, {"وزارة النور": ("org:noor", "ORG"), "مدينة الفجر": ("org:fajr", "ORG")}
    )
    found = _speakers(stage, doc)
    assert found[0][1] == "org:fajr"
    assert found[-1][:2] == ("المفاوضات ستستمر", "org:noor")


def test_relative_after_a_place_does_not_borrow_the_last_speaker(stage: QuoteStage) -> None:
    text = (
        "قال سامي الخالدي إن الطريق مفتوح.\n"
        'والتقيت بأحد المحللين في العاصمة تونس، الذي قال لي: "نحن نعرف الحقيقة".'
    )
    doc = quoted_document(text, {"سامي الخالدي": ("per:sami", "PER"), "تونس": ("geo:tn", "LOC")})
    assert _speakers(stage, doc)[-1][1] is None


def test_outlet_named_by_its_noun_is_spoken_to(stage: QuoteStage) -> None:
    text = 'قالت الوزيرة سلمى النور إن التحقيق مستمر. وأضافت لراديو الشرق "نتوقع أن تظهر النتائج قريبا".'
    doc = quoted_document(
        text, {"سلمى النور": ("per:salma", "PER"), "الشرق": ("media:sharq", "ORG")}
    )
    doc.entities[1].kind = "media"
    assert _speakers(stage, doc)[-1][:2] == ("نتوقع أن تظهر النتائج قريبا", "per:salma")


def test_relative_after_a_name_speaks_for_it(stage: QuoteStage) -> None:
    text = "قال سامي الخالدي إن الطريق مفتوح. ونشرت صحيفة النور، التي كشفت أن المصنع أغلق."
    doc = quoted_document(
        text, {"سامي الخالدي": ("per:sami", "PER"), "صحيفة النور": ("media:noor", "ORG")}
    )
    assert _speakers(stage, doc)[-1][:2] == ("المصنع أغلق", "media:noor")
