"""Role and word-sense mechanisms of the event stage (sentences written for these tests)."""

from __future__ import annotations

from khabar.doc import Event
from khabar.extract.event_actors import RECIPIENT_PREPS, Participant, preposition_before
from seeded import processed


def code(pipeline, text: str, event_type: str | None = None) -> list[Event]:
    doc = processed(pipeline, text)
    return [e for e in doc.events if event_type is None or e.event == event_type]


def countries(refs) -> set[str]:
    return {r.country for r in refs if r.country}


def _part(text: str, word: str) -> Participant:
    start = text.index(word)
    return Participant(start, start + len(word), word, None, None, None, "agent")


def test_events_roles_folded_prepositions_are_recognised():
    # the words before a participant are folded: «على» and «لدى» must match in that form
    assert "علي" in RECIPIENT_PREPS and "لدي" in RECIPIENT_PREPS
    text = "أطلق مسلحون النار على الجنود الفرنسيين"
    assert preposition_before(text, 0, _part(text, "الجنود")) == "علي"


def test_events_roles_preposition_inside_the_mention():
    text = "فجر انتحاري حافلة تابعة للحرس الثوري"
    assert preposition_before(text, 0, _part(text, "للحرس الثوري")) == "الى"
    text = "زار الوزير لبنان"  # a name that starts with «ل» is no preposition
    assert preposition_before(text, 0, _part(text, "لبنان")) == ""


def test_events_roles_fire_on_is_the_target(pipeline):
    found = code(pipeline, "فتح مسلحون النار على جنود فرنسيين قرب الحدود أمس.", "ASSAULT")
    assert found
    assert any("FRA" in countries(e.recipient) and "FRA" not in countries(e.actor) for e in found)


def test_events_roles_title_and_name_are_one_participant(pipeline):
    text = "التقى الرئيس الروسي فلاديمير بوتين، الرئيس التركي رجب طيب أردوغان، في موسكو أمس."
    found = code(pipeline, text, "CONSULT")
    assert found
    event = found[0]
    assert countries(event.actor) == {"RUS"}
    assert countries(event.recipient) == {"TUR"}
    assert "بوتين" in event.actor[0].entity_text


def test_events_roles_pronoun_subject_after_that(pipeline):
    text = "قال الجيش الباكستاني إنه قتل عشرة من مسلحي طالبان في غارات جوية أمس."
    found = code(pipeline, text, "ASSAULT")
    killing = [e for e in found if e.event_text == "قتل"]
    assert killing
    assert countries(killing[0].actor) == {"PAK"}
    assert "PAK" not in countries(killing[0].recipient)


def test_events_roles_noun_trigger_aimed_at_target(pipeline):
    text = "قتل جندي أمس في هجوم انتحاري استهدف دورية للجيش الأمريكي شمال بغداد."
    found = code(pipeline, text, "ASSAULT")
    assert any("USA" in countries(e.recipient) and "USA" not in countries(e.actor) for e in found)


def test_events_roles_suffered_attack_with_subject_between(pipeline):
    text = "أصيب سفير ألمانيا أمس عندما تعرضت سيارته المصفحة لهجوم في كابول."
    found = code(pipeline, text, "ASSAULT")
    assert found
    assert all("DEU" not in countries(e.actor) for e in found)
    assert any("DEU" in countries(e.recipient) for e in found)


def test_events_roles_possessed_by_is_not_the_actor(pipeline):
    found = code(pipeline, "وفجر انتحاري أمس حافلة تابعة للحرس الثوري في زاهدان.", "ASSAULT")
    assert found
    assert all(all("الحرس" not in a.entity_text for a in e.actor) for e in found)


def test_events_lexicon_anonymity_formula_is_no_request(pipeline):
    text = "وقال مسؤول طالبا عدم الكشف عن اسمه إن المحادثات ستستأنف الأسبوع المقبل."
    assert not code(pipeline, text, "REQUEST")


def test_events_lexicon_achieve_is_no_investigation(pipeline):
    assert not code(pipeline, "حقق الجيش تقدما كبيرا خلال المعارك أمس.", "ACCUSE")
    assert code(pipeline, "حققت الشرطة في الحادث أمس واتهمت سائق الشاحنة.", "ACCUSE")


def test_events_lexicon_counted_noun_is_no_act(pipeline):
    assert not code(pipeline, "وكانت الحكومة قد قبلت منها 839 طلبا فقط.", "REQUEST")


def test_events_relative_verb_describes_no_act(pipeline):
    text = "وقالت الحركة، التي التزمت بهدنة مع الحكومة الشهر الماضي، إنها مستعدة للحوار."
    assert not code(pipeline, text, "AGREE")


def test_events_lexicon_crowd_is_no_mobilisation(pipeline):
    assert not code(pipeline, "وخطب الرئيس أمام حشد من المؤيدين في الساحة.", "MOBILIZE")
    assert code(pipeline, "وحشد الجيش قوات كبيرة على الحدود أمس.", "MOBILIZE")


def test_events_lexicon_grant_needs_money(pipeline):
    assert not code(pipeline, "ومنحت الجامعة الكاتب جائزة الأدب.", "AID")
    found = code(pipeline, "ومنحت اليابان الأردن قرضا بقيمة 300 مليون دولار.", "AID")
    assert any(countries(e.actor) == {"JPN"} and countries(e.recipient) == {"JOR"} for e in found)


def test_events_ruled_out_and_aim_are_no_acts(pipeline):
    assert not code(pipeline, "واستبعد الوزير رفع العقوبات عن البلاد.", "CONCEDE")
    assert not code(pipeline, "وتهدف العقوبات إلى منع الشركات من تصدير النفط.", "COERCE")


def test_events_roles_protest_before_an_embassy(pipeline):
    found = code(pipeline, "وتظاهر مئات الطلاب أمس أمام السفارة الفرنسية في القاهرة.", "PROTEST")
    assert found
    assert countries(found[0].recipient) == {"FRA"}


def test_events_background_accused_act_and_its_author(pipeline):
    text = "واتهمت الحكومة الجيش الإسرائيلي باستهداف مدرسة في الجنوب."
    assert code(pipeline, text, "ACCUSE")
    found = code(pipeline, text, "ASSAULT")
    assert found and "historical" in found[0].aux_mode
    assert countries(found[0].actor) == {"ISR"}


def test_events_background_survived_attack_has_its_target(pipeline):
    found = code(pipeline, "نجا الوزير الأفغاني أمس من محاولة اغتيال في العاصمة.", "ASSAULT")
    assert found
    assert countries(found[0].recipient) == {"AFG"} and not found[0].actor


def test_events_background_missile_fired_by_a_named_side(pipeline):
    text = "واعترضت الدفاعات الجوية صاروخا أطلقته جماعة مسلحة باتجاه المدينة."
    assert not code(pipeline, text, "REJECT")  # intercepting is no objection
    found = code(pipeline, text, "ASSAULT")
    assert found
    assert any("جماعة" in a.entity_text for a in found[0].actor)


def test_events_visit_mentioned_again_is_one_event(pipeline):
    text = "زار الرئيس الروسي فلاديمير بوتين تركيا أمس. وتستغرق زيارة العمل يومين."
    found = code(pipeline, text, "CONSULT")
    assert len(found) == 1
    assert countries(found[0].actor) == {"RUS"} and countries(found[0].recipient) == {"TUR"}
