"""Precision mechanisms of the event stage: word sense from the words after a trigger,
a request or refusal that governs the act it names, re-mentions of an encounter."""

from pathlib import Path

import pytest

from khabar.errors import KnowledgeBaseError
from khabar.extract.event_lexicon import load_cues
from seeded import processed


def _events(pipeline, text: str) -> list[tuple[str, str]]:
    doc = processed(pipeline, text)
    return [(e.event, doc.text[e.trigger.start : e.trigger.end]) for e in doc.events]


def _types(pipeline, text: str) -> list[str]:
    return [kind for kind, _ in _events(pipeline, text)]


def test_endanger_is_no_threat(pipeline) -> None:
    text = "وقال مدير الشركة إن القرار الجديد خطوة تهدد أمن المستخدمين في كل مكان."
    assert "THREATEN" not in _types(pipeline, text)
    text = "هدد الرئيس الأمريكي بفرض رسوم جديدة على واردات الصين."
    assert "THREATEN" in _types(pipeline, text)


def test_warning_of_repercussions_is_no_threat(pipeline) -> None:
    text = "وحذرت المنظمة الدولية أمس من تداعيات القتال على آلاف المدنيين في الجنوب."
    assert "THREATEN" not in _types(pipeline, text)


def test_asking_for_comment_is_no_request(pipeline) -> None:
    text = "ونشرت صحيفة محلية تقريرا عن الصفقة.\nوطلبت رويترز من المتحدث التعليق على التقرير."
    assert "REQUEST" not in _types(pipeline, text)
    text = "وطلبت الحكومة الأردنية من إسرائيل الإفراج عن المعتقلين."
    assert "REQUEST" in _types(pipeline, text)


def test_invitation_frames_the_visit(pipeline) -> None:
    text = "يجري وزير الخارجية التونسي غدا زيارة رسمية إلى الجزائر بدعوة من نظيره الجزائري."
    types = _types(pipeline, text)
    assert "CONSULT" in types
    assert "REQUEST" not in types


def test_arrest_warrant_is_no_agreement(pipeline) -> None:
    text = "واعتقلت الشرطة رجل الأعمال بعد أن وقع قاض مذكرة توقيف بحقه."
    assert "AGREE" not in _types(pipeline, text)


def test_accession_needs_a_treaty_or_a_body(pipeline) -> None:
    text = "وقالت عائلته إنه انضم إلى المقاتلين في الجبال قبل عامين."
    assert "AGREE" not in _types(pipeline, text)
    text = "وأعلنت فنلندا رسميا انضمامها إلى معاهدة حظر الألغام الأرضية أمس."
    assert "AGREE" in _types(pipeline, text)


def test_refused_request_is_the_refusal(pipeline) -> None:
    text = "ورفضت الحكومة طلب المعارضة تأجيل الانتخابات."
    events = _events(pipeline, text)
    assert ("REJECT", "رفضت") in events
    assert "REQUEST" not in [kind for kind, _ in events]


def test_visit_noun_after_a_coded_encounter_is_the_same(pipeline) -> None:
    text = (
        "استقبل الرئيس الصيني شي جينبينغ الزعيم الكوري الشمالي كيم جونغ أون في بكين الثلاثاء.\n"
        "وهي ثالث زيارة له إلى الصين خلال هذا العام."
    )
    assert _types(pipeline, text).count("CONSULT") == 1


def test_sense_cue_needs_a_plover_type(tmp_path: Path) -> None:
    path = tmp_path / "event_cues.tsv"
    path.write_text("kind\tcue\tvalue\tnote\nsense\tأمن\tDANGER\tbad\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"event_cues.tsv:2"):
        load_cues(path)
