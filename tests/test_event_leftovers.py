"""Leftovers of the event rules found on unseen text: topic nouns, prayers, opinions, claimed
stances, private disputes, period tallies, relative clauses, attempts and continued attacks,
a bare «فجر», and the actors of an embassy and a foreign patrol. Every sentence is written
for the test; each negative has a positive twin so that a fix cannot pass by dropping the
trigger altogether."""

from khabar.doc import Event
from seeded import processed


def _events(pipeline, text: str) -> list[Event]:
    return processed(pipeline, text).events


def _types(pipeline, text: str) -> list[str]:
    return [e.event for e in _events(pipeline, text)]


def test_event_leftovers_criticism_directed_at_someone_is_a_topic(pipeline) -> None:
    text = "ويسعى المسؤولون إلى الحد من الانتقادات الموجهة للخطة في الكونغرس."
    assert "ACCUSE" not in _types(pipeline, text)
    assert "ACCUSE" in _types(pipeline, "ووجه الحزب انتقادات حادة للحكومة أمس.")


def test_event_leftovers_a_prayer_is_no_request(pipeline) -> None:
    assert "REQUEST" not in _types(pipeline, "وأدعو الله أن يوفق الحكومة إلى إنهاء الأزمة.")
    assert "REQUEST" not in _types(pipeline, "وقال الرئيس: ندعو الله أن يحمي الشعب من العدوان.")
    text = "ودعا الرئيس الحكومة إلى إنهاء الأزمة في البلاد فورا."
    assert "REQUEST" in _types(pipeline, text)


def test_event_leftovers_ruling_out_that_is_an_opinion(pipeline) -> None:
    text = "واستبعد وزير الخارجية الروسي أن تؤدي المحادثات إلى نتيجة قريبة."
    assert "REJECT" not in _types(pipeline, text)
    assert "REJECT" in _types(pipeline, "واستبعد الرئيس اللبناني أي تدخل عسكري في الأزمة.")


def test_event_leftovers_a_known_or_claimed_stance_is_no_act(pipeline) -> None:
    text = "والجميع يعرف أن طهران تدعم الميليشيات المسلحة في المنطقة."
    assert "SUPPORT" not in _types(pipeline, text)
    text = "وأعلنت طهران دعمها للحكومة العراقية في حربها ضد الإرهاب أمس."
    assert "SUPPORT" in _types(pipeline, text)


def test_event_leftovers_a_landlords_demand_is_private(pipeline) -> None:
    assert "REQUEST" not in _types(pipeline, "وطالب مالك المبنى السكان بإخلاء الشقق سريعا.")
    assert "REQUEST" in _types(pipeline, "وطالب التجار الحكومة بخفض الضرائب على الواردات.")


def test_event_leftovers_a_period_tally_is_no_attack(pipeline) -> None:
    text = "وأعلنت الأمم المتحدة مقتل وإصابة 2500 شخص خلال شهر يوليو في العراق."
    assert "ASSAULT" not in _types(pipeline, text)
    text = "وقتل 12 مدنيا في غارة جوية على سوق في إدلب أمس."
    assert "ASSAULT" in _types(pipeline, text)


def test_event_leftovers_a_relative_clause_describes_its_noun(pipeline) -> None:
    assert "REQUEST" not in _types(pipeline, "وهي المطالب التي طالب بها المتظاهرون منذ أشهر.")
    text = "وانسحبت واشنطن من الاتفاقية التي أبرمت مع إيران عام 2015."
    assert "AGREE" not in _types(pipeline, text)
    text = "وأبرمت الحكومة الأردنية اتفاقية للتعاون مع العراق أمس."
    assert "AGREE" in _types(pipeline, text)


def test_event_leftovers_an_attempt_and_a_continued_attack(pipeline) -> None:
    assert "ASSAULT" in _types(pipeline, "وتعرض الوزير العراقي لمحاولة اغتيال في بغداد أمس.")
    text = "واستمرت الطائرات الحربية الروسية في استهداف مواقع المسلحين شمال حلب الخميس."
    assert "ASSAULT" in _types(pipeline, text)
    # an attempt recalled from years ago is background, not news
    text = "وكان الوزير قد تعرض عام 1998 لمحاولة اغتيال في بغداد."
    assert not [e for e in _events(pipeline, text) if "historical" not in e.aux_mode]


def test_event_leftovers_a_bare_fajjara_blows_up_or_is_dawn(pipeline) -> None:
    assert "ASSAULT" in _types(pipeline, "وفجر مسلحون حافلة للجيش في مدينة العريش أمس.")
    assert "ASSAULT" not in _types(pipeline, "واستيقظ السكان فجر الجمعة على أصوات الرصاص.")


def test_event_leftovers_an_embassys_country_is_its_target(pipeline) -> None:
    text = "وهاجم محتجون غاضبون موكبا لسفارة الولايات المتحدة في بنغازي أمس."
    (event,) = [e for e in _events(pipeline, text) if e.event == "ASSAULT"]
    assert [(a.country, a.sector) for a in event.actor] == [("LBY", "CVL")]
    assert [(r.country, r.sector) for r in event.recipient] == [("USA", "GOV")]


def test_event_leftovers_a_foreign_patrol_is_military(pipeline) -> None:
    text = "وتعرضت دورية بريطانية لهجوم بعبوة ناسفة في البصرة أمس."
    (event,) = [e for e in _events(pipeline, text) if e.event == "ASSAULT"]
    assert [(r.country, r.sector) for r in event.recipient] == [("GBR", "MIL")]
    text = "واعتقلت الشرطة البريطانية ثلاثة رجال في مدينة مانشستر أمس."
    (event,) = [e for e in _events(pipeline, text) if e.event == "COERCE"]
    assert [(a.country, a.sector) for a in event.actor] == [("GBR", "COP")]


def test_event_leftovers_worshippers_are_religious(pipeline) -> None:
    text = "واقتحم مسلحون مسجدا في كابول وقتلوا عشرة من المصلين."
    sectors = {r.sector for e in _events(pipeline, text) for r in e.recipient}
    assert "REL" in sectors


def test_event_leftovers_adjective_and_noun_forms_are_no_verbs(pipeline) -> None:
    assert "SUPPORT" not in _types(pipeline, "وقال الوزير: تحملنا ذلك بكل صدر رحب ونقدم ما نستطيع.")
    assert "SUPPORT" in _types(pipeline, "ورحب الرئيس المصري بقرار مجلس الأمن الدولي أمس.")
    text = "وفرت العائلات من المناطق الخاضعة لسيطرتهم في ريف حلب."
    assert "COERCE" not in _types(pipeline, text)
    assert "COERCE" in _types(pipeline, "وسيطرت القوات الحكومية على بلدة في ريف حلب أمس.")


def test_reinforcing_steel_is_no_arming(pipeline) -> None:
    steel = "ضبطت البلدية مخالفات لبعض محلات بيع حديد التسليح في المحافظة."
    assert not [e for e in processed(pipeline, steel).events if e.event == "AID"]
    arms = "قررت الحكومة تسليح القوات المحلية بأسلحة جديدة لمواجهة المسلحين."
    assert [e.event for e in processed(pipeline, arms).events if e.event == "AID"] == ["AID"]
