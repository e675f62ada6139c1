"""Recipients of speech acts and owners of a weapon: the topic of a call is no recipient, a
message carrying thanks thanks its addressee, «بقصف لقوات X» names the attacker, a dual of a
person noun («مدنيان») is the victim. Every sentence is written for the test."""

from khabar.doc import Event
from seeded import processed


def _events(pipeline, text: str, kind: str) -> list[Event]:
    return [e for e in processed(pipeline, text).events if e.event == kind]


def _roles(event: Event) -> tuple[list[str], list[str]]:
    return [a.entity_text for a in event.actor], [r.entity_text for r in event.recipient]


def test_event_recipients_speech_topic_of_a_call(pipeline) -> None:
    text = "دعا الناشط السياسي أحمد حسن إلى مقاطعة المنتجات الأمريكية في كل الأسواق العربية."
    (event,) = _events(pipeline, text, "REQUEST")
    assert not event.recipient
    assert all(a.country != "USA" for a in event.actor)
    text = "طالب حزب الوفد المصري بمقاطعة البضائع الإسرائيلية ردا على العدوان."
    (event,) = _events(pipeline, text, "REQUEST")
    assert [a.country for a in event.actor] == ["EGY"]
    assert not event.recipient


def test_event_recipients_speech_parties_of_a_call_stay(pipeline) -> None:
    text = "دعت وزارة الخارجية الروسية إلى الحوار بين الأطراف الليبية."
    (event,) = _events(pipeline, text, "REQUEST")
    assert [r.country for r in event.recipient] == ["LBY"]


def test_event_recipients_speech_thanks_carried_by_a_message(pipeline) -> None:
    text = (
        "بعث الرئيس التونسي قيس سعيد برقية إلى الرئيس الجزائري عبد المجيد تبون تتضمن شكرا "
        "له على مساعدة بلاده."
    )
    (event,) = _events(pipeline, text, "SUPPORT")
    assert [a.country for a in event.actor] == ["TUN"]
    assert [r.country for r in event.recipient] == ["DZA"]


def test_event_recipients_speech_owner_of_the_shelling(pipeline) -> None:
    text = "قتل ثلاثة أطفال في ريف إدلب بقصف لقوات النظام السوري على بلدة سراقب."
    (event,) = _events(pipeline, text, "ASSAULT")
    actors, recipients = _roles(event)
    assert actors == ["قوات النظام السوري"]
    assert recipients == ["أطفال"]


def test_event_recipients_speech_dual_victims(pipeline) -> None:
    text = "قتل مدنيان برصاص قوات الاحتلال الإسرائيلي في مدينة نابلس."
    (event,) = _events(pipeline, text, "ASSAULT")
    actors, recipients = _roles(event)
    assert actors == ["قوات الاحتلال الإسرائيلي"]
    assert recipients == ["مدنيان"]


def test_event_recipients_speech_own_country_owns_a_noun(pipeline) -> None:
    text = "دعا وزير الخارجية الأمريكي حلفاء بلاده إلى دعم العقوبات المفروضة على إيران."
    (event,) = _events(pipeline, text, "REQUEST")
    assert [a.country for a in event.actor] == ["USA"]
    assert not event.recipient
    text = "أكد وزير الخارجية الأردني أيمن الصفدي رفض بلاده للمشروع الإسرائيلي في الضفة الغربية."
    (event,) = _events(pipeline, text, "REJECT")
    assert [r.entity_text for r in event.recipient] != ["بلاده"]


def test_event_recipients_speech_about_is_a_topic(pipeline) -> None:
    text = (
        "اتهمت منظمة حقوقية الجيش النيجيري بتجاهل تحذيرات متكررة بشأن تحركات مقاتلي حركة "
        "الشباب قبل الهجوم."
    )
    for event in processed(pipeline, text).events:
        if event.event in ("THREATEN", "ACCUSE"):
            assert all("الشباب" not in (a.entity_text or "") for a in event.actor)
            assert all("الشباب" not in (r.entity_text or "") for r in event.recipient)


def test_event_recipients_speech_relation_noun_titles_the_person_before(pipeline) -> None:
    text = "وصل إلى الرياض كوشنر صهر الرئيس ترامب وكبير مستشاريه في زيارة تستمر يومين."
    (event,) = _events(pipeline, text, "CONSULT")
    actors, _ = _roles(event)
    assert actors == ["كوشنر"]


def test_event_recipients_speech_thanked_after_lam(pipeline) -> None:
    text = (
        "وألقت مديرة البرنامج في جامعة هارفارد الدكتورة سارة جونز كلمة عبرت فيها عن شكرها "
        "وتقديرها لصاحب السمو الملكي الأمير محمد بن سلمان لدعمه الشراكة بين الجامعة والمؤسسة."
    )
    thanks = [e for e in _events(pipeline, text, "SUPPORT") if e.event_text.startswith("شكر")]
    (event,) = thanks
    actors, recipients = _roles(event)
    assert actors == ["سارة جونز"]
    assert recipients == ["الأمير محمد بن سلمان"]
