"""Actors and recipients on unseen text: the killed in passive casualty reports, owners of a
hit post, a cooperation noun inside a signed agreement, an agreement noun after its signing
verb's subject and partner, the reporter of a blockade, a blast as the subject of «استهدف».
Every sentence is written for the test."""

from khabar.doc import Event
from seeded import processed


def _events(pipeline, text: str, kind: str) -> list[Event]:
    return [e for e in processed(pipeline, text).events if e.event == kind]


def _roles(event: Event) -> tuple[list[str], list[str]]:
    return [a.entity_text for a in event.actor], [r.entity_text for r in event.recipient]


def test_event_actors_unseen_killed_by_members_of_a_group(pipeline) -> None:
    text = (
        "وقال مصدر محلي إن أربعة مسلحين بينهم القائد أبو علي الحسني قتلوا مساء أمس على يد "
        "عناصر المقاومة الشعبية في مديرية الحزم."
    )
    (event,) = _events(pipeline, text, "ASSAULT")
    actors, recipients = _roles(event)
    assert actors == ["المقاومة"]
    assert "القائد أبو علي الحسني" in recipients


def test_event_actors_unseen_killed_by_the_shot_of(pipeline) -> None:
    text = "وقال مصدر محلي إن القائد أبو علي الحسني قتل أمس برصاص قناص في مديرية الحزم."
    (event,) = _events(pipeline, text, "ASSAULT")
    actors, recipients = _roles(event)
    assert actors == ["قناص"]
    assert recipients == ["القائد أبو علي الحسني"]
    # an active verb with its subject and object keeps the subject as the actor
    text = "وقال المتحدث إن الجيش قتل خمسة مسلحين برصاص القناصة في مديرية الحزم أمس."
    actors, _ = _roles(_events(pipeline, text, "ASSAULT")[0])
    assert "الجيش" in actors


def test_event_actors_unseen_owner_of_the_post_is_the_target(pipeline) -> None:
    text = "واستهدفت الغارات مواقع للحوثيين في محافظة صعدة اليوم."
    (event,) = _events(pipeline, text, "ASSAULT")
    actors, recipients = _roles(event)
    assert "للحوثيين" not in actors and recipients == ["للحوثيين"]
    (event,) = _events(pipeline, "وقصف التحالف مواقع للحوثيين في محافظة صعدة اليوم.", "ASSAULT")
    assert _roles(event) == (["التحالف"], ["للحوثيين"])


def test_event_actors_unseen_cooperation_inside_a_signed_agreement(pipeline) -> None:
    text = "ووقع العراق مع روسيا أمس اتفاق تعاون عسكري في موسكو."
    assert not _events(pipeline, text, "COOPERATE")
    (event,) = _events(pipeline, text, "AGREE")
    assert _roles(event) == (["العراق"], ["روسيا"])
    text = "وتعاونت الشرطة العراقية مع الشرطة التركية في تفكيك شبكة تهريب أمس."
    assert _events(pipeline, text, "COOPERATE")


def test_event_actors_unseen_agreement_after_subject_and_partner(pipeline) -> None:
    text = "وأبرمت الحكومة مع صندوق النقد الدولي اتفاقا بقيمة ثلاثة مليارات دولار أمس."
    (event,) = _events(pipeline, text, "AGREE")
    assert _roles(event) == (["الحكومة"], ["صندوق النقد الدولي"])


def test_event_actors_unseen_reporter_of_a_blockade_imposes_none(pipeline) -> None:
    text = "وقالت منظمة الصحة العالمية إن الحصار الذي تفرضه القوات الحكومية على المدينة مستمر."
    for event in _events(pipeline, text, "COERCE"):
        actors, recipients = _roles(event)
        assert "منظمة الصحة العالمية" not in actors + recipients
    text = "وأعلن الاتحاد الأوروبي فرض حصار بحري على السواحل الليبية أمس."
    (event,) = _events(pipeline, text, "COERCE")
    assert _roles(event)[0] == ["الاتحاد الأوروبي"]


def test_event_actors_unseen_blast_as_subject_of_targeting(pipeline) -> None:
    text = "وقالت الشرطة إن الانفجار استهدف القيادي علي حسن أمس في مدينة أربيل."
    (event,) = _events(pipeline, text, "ASSAULT")
    actors, recipients = _roles(event)
    assert "علي حسن" not in actors and recipients == ["علي حسن"]


def test_event_actors_unseen_attack_marker_names_no_suspender(pipeline) -> None:
    text = "وأعلنت الحكومة تعليق الرحلات عبر المضيق، إثر تعرض سفينتين لهجوم شنه المتمردون أمس."
    for event in _events(pipeline, text, "SANCTION"):
        assert "المتمردون" not in _roles(event)[0]
    (attack,) = _events(pipeline, text, "ASSAULT")
    assert _roles(attack)[0] == ["المتمردون"]
