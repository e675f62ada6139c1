"""Recipients and actors of visits, hosting and aid on text nobody tuned on: the host after
a verb of hosting, who was hosted («خلال استضافته»), the leader of a visiting delegation,
the beneficiary after «ل/إلى», the place reached before a visit noun.

Every sentence is written for this test.
"""

from __future__ import annotations

from khabar.extract.event_actors import Participant, Roles
from khabar.extract.event_visits import delegation_leaders
from seeded import codes, countries
from seeded import typed_events as events


def test_place_after_hosting_verb_is_the_host(pipeline):
    text = "أعلنت الوكالة الرسمية أن القمة المقبلة تستضيفها العاصمة الموريتانية نواكشوط في يوليو."
    found = events(pipeline, text, "CONSULT")
    assert found and countries(found[0].actor) == {"MRT"}
    assert not found[0].recipient
    text = "تستضيف العاصمة الموريتانية نواكشوط القمة."
    found = events(pipeline, text, "CONSULT")
    assert found and countries(found[0].actor) == {"MRT"} and not found[0].recipient


def test_hosting_noun_names_its_host(pipeline):
    found = events(pipeline, "رحب الوزير باستضافة قطر للمحادثات.", "CONSULT")
    assert found and codes(found[0].actor) == {"QAT"}


def test_pronoun_of_hosting_noun_was_hosted(pipeline):
    text = "وقال الأمين العام للحزب خالد الهادي خلال استضافته اليوم في إذاعة محلية إن الحزب جاهز."
    found = events(pipeline, text, "CONSULT")
    assert found and not found[0].actor
    assert [r.entity_text for r in found[0].recipient] == ["الأمين العام للحزب خالد الهادي"]


def test_leader_of_visiting_delegation_is_no_recipient(pipeline):
    text = (
        "وتعليقا على زيارة وفد حركة حماس برئاسة زعيمها خالد مشعل إلى المملكة مؤخرا "
        "قال الوزير إن الوفد أدى العمرة."
    )
    found = events(pipeline, text, "CONSULT")
    assert found and not found[0].recipient
    assert "person:khaled_mashal" in {r.entity_id for r in found[0].actor}


def test_delegation_leaders_unit():
    text = "زيارة وفد برئاسة فلان إلى"
    start = text.index("فلان")
    leader = Participant(start, start + 4, "فلان", None, "PSE", None, "person")
    roles = Roles([], [leader])
    delegation_leaders(text, roles)
    assert roles.actors == [leader] and not roles.recipients


def test_aid_beneficiary_after_lam(pipeline):
    found = events(pipeline, "قدمت السعودية مساعدات إنسانية لليمن خلال العام الماضي.", "AID")
    assert found and codes(found[0].actor) == {"SAU"} and countries(found[0].recipient) == {"YEM"}
    found = events(pipeline, "أرسلت تركيا مساعدات طبية إلى لبنان.", "AID")
    assert found and codes(found[0].actor) == {"TUR"} and codes(found[0].recipient) == {"LBN"}


def test_visit_to_a_country_unchanged(pipeline):
    found = events(pipeline, "بدأ الرئيس الفرنسي زيارة إلى مصر.", "CONSULT")
    assert found and codes(found[0].actor) == {"FRAGOV"} and codes(found[0].recipient) == {"EGY"}


def test_country_expelled_from_is_the_actor(pipeline):
    text = "أعادت السلطات التركية عشرين شخصا من أتباع حركة فتح الله غولن بعد عملية طرد من كوسوفو."
    found = events(pipeline, text, "SANCTION")
    assert found and codes(found[0].actor) == {"KOS"}
    assert "KOS" not in countries(found[0].recipient)
    found = events(pipeline, "وكان الناشط قد طرد من بلجيكا إلى هولندا العام الماضي.", "SANCTION")
    assert found and codes(found[0].actor) == {"BEL"} and not found[0].recipient


def test_place_reached_before_a_visit_noun_is_visited(pipeline):
    text = "حل المبعوث الأممي مارتن غريفيث بصنعاء في زيارة تستغرق يومين لبحث الهدنة."
    found = events(pipeline, text, "CONSULT")
    assert found and codes(found[0].actor) == {"IGO"} and countries(found[0].recipient) == {"YEM"}


def test_support_noun_beneficiary(pipeline):
    found = events(pipeline, "قدمت الإمارات دعما ماليا للسودان بقيمة مليار دولار.", "SUPPORT")
    assert found and codes(found[0].actor) == {"ARE"} and codes(found[0].recipient) == {"SDN"}
