"""Countries of event participants on text nobody tuned on: Houthi forms and a bare «التحالف»
(KB aliases, the coalition named before), «اتهامات من X» (the source of a noun), and an
unnamed subject after the verb («استنكرت دول غربية …»).

Every sentence is written for this test.
"""

from __future__ import annotations

from khabar.extract.event_actors import Participant, unnamed_subject
from seeded import codes, countries
from seeded import typed_events as events


def part(text: str, phrase: str) -> Participant:
    start = text.index(phrase)
    return Participant(start, start + len(phrase), phrase, None, "ISR", None, "agent")


def test_unnamed_subject_needs_a_noun_and_its_adjectives():
    text = "استنكرت دول غربية وعربية القصف الإسرائيلي"
    verb_end = len("استنكرت")
    assert unnamed_subject(text, verb_end, part(text, "القصف الإسرائيلي"))
    # a noun right before the participant is in construct with it: no subject of its own
    text = "استهدفت غارات التحالف مواقع المسلحين"
    assert not unnamed_subject(text, verb_end, part(text, "التحالف"))
    # a quantifier: the participant after it is the subject
    text = "منعت بعض الدول الأوروبية السياسيين"
    assert not unnamed_subject(text, len("منعت"), part(text, "الدول الأوروبية"))


def test_pipeline_houthi_militias_are_yemeni_rebels(pipeline):
    text = "قصفت الميليشيات الحوثية أحياء سكنية في مدينة تعز صباح أمس."
    found = events(pipeline, text, "ASSAULT")
    assert found and codes(found[0].actor) == {"YEMREB"}


def test_pipeline_bare_coalition_is_the_one_named_before(pipeline):
    text = (
        "أعلن التحالف العربي بقيادة السعودية بدء عملية عسكرية جديدة في اليمن. "
        "وقصفت قوات التحالف مواقع للحوثيين في محافظة صعدة فجر اليوم."
    )
    found = events(pipeline, text, "ASSAULT")
    assert found and "SAU" in countries(found[-1].actor)
    assert "YEM" in countries(found[-1].recipient)


def test_pipeline_accusation_from_someone_targets_who_rejects_it(pipeline):
    text = "ترفض الحكومة المصرية اتهامات من البرلمان الأوروبي بانتهاك حقوق السجناء."
    found = events(pipeline, text, "ACCUSE")
    assert found
    assert "EGY" in countries(found[0].recipient)
    assert "EGY" not in countries(found[0].actor)


def test_pipeline_unnamed_subject_leaves_the_object_as_target(pipeline):
    text = "استنكرت دول غربية وعربية القصف الإسرائيلي على قطاع غزة أمس."
    found = events(pipeline, text, "ACCUSE")
    assert found
    assert "ISR" not in countries(found[0].actor)
    assert "ISR" in countries(found[0].recipient)


def test_pipeline_opposition_is_of_the_government_named(pipeline):
    text = "وترفض الحكومة الأردنية اتهامات من المعارضة بأنها سمحت بمرور السلاح إلى سوريا."
    found = events(pipeline, text, "ACCUSE")
    assert found and codes(found[0].actor) == {"JOROPP"}
    assert codes(found[0].recipient) == {"JORGOV"}


def test_pipeline_owner_of_positions_is_the_target(pipeline):
    text = "وشنت الطائرات أكثر من 30 غارة على مواقع للحوثيين في محافظة حجة."
    found = events(pipeline, text, "ASSAULT")
    assert found and codes(found[0].recipient) == {"YEMREB"}
    assert "YEMREB" not in codes(found[0].actor)


def test_pipeline_nisba_of_a_strike_after_a_preposition(pipeline):
    text = "قتل مدنيان وأصيب خمسة آخرون في قصف روسي على بلدة في ريف حماة."
    found = events(pipeline, text, "ASSAULT")
    assert found and countries(found[0].actor) == {"RUS"}
    assert "RUS" not in countries(found[0].recipient)


def test_pipeline_a_name_in_the_reported_clause_is_no_object(pipeline):
    text = "ورفض وزير الخارجية الإيراني البيان قائلا إن فرنسا تتدخل في شؤون بلاده."
    found = events(pipeline, text, "REJECT")
    assert found and countries(found[0].actor) == {"IRN"}
    assert "FRA" not in countries(found[0].recipient)


def test_pipeline_who_reports_an_attack_did_not_carry_it_out(pipeline):
    text = "وقالت الشرطة الفرنسية إن الأسرة نفذت هجوما على كنيسة في مدينة نيس."
    found = events(pipeline, text, "ASSAULT")
    assert found and not any(r.sector == "COP" for r in found[0].actor)


def test_pipeline_about_a_count_is_no_preposition(pipeline):
    text = "وقتل قرابة 40 فلسطينيا برصاص الجيش الإسرائيلي عند حدود قطاع غزة."
    found = events(pipeline, text, "ASSAULT")
    assert found and codes(found[0].actor) == {"ISRMIL"}
    assert codes(found[0].recipient) == {"PSECVL"}
