"""Mechanisms found by auditing unseen articles for over-coded and missed events: arrests on
a charge, court sentences, denials, complaints, foiled attacks, decisions to strike, reactions
told in a relative clause, experts' warnings, purposes and requirements, topics of talk, and a
verb with a noun of its type as object. Every sentence here is written for the test."""

from khabar.doc import Document
from seeded import processed


def _events(pipeline, text: str) -> list[tuple[str, str]]:
    doc: Document = processed(pipeline, text)
    return [(e.event, doc.text[e.trigger.start : e.trigger.end]) for e in doc.events]


def _types(pipeline, text: str) -> list[str]:
    return [t for t, _ in _events(pipeline, text)]


def test_an_arrest_on_a_charge_is_an_arrest(pipeline) -> None:
    text = "اعتقلت الشرطة حكم المباراة بتهمة تلقي رشوة من أحد الأندية."
    assert ("COERCE", "اعتقلت") in _events(pipeline, text)
    # a trial before the trigger still recalls an earlier act
    assert "COERCE" not in _types(
        pipeline, "وبدأت محكمة الجنايات محاكمة المتهمين في قضية اعتقال الناشطين."
    )


def test_court_sentences_are_sanctions(pipeline) -> None:
    assert ("SANCTION", "قضت") in _events(
        pipeline, "قضت المحكمة الجنائية في القاهرة بسجن الصحفي خمس سنوات."
    )
    assert "SANCTION" in _types(pipeline, "وحكم على الناشط بالسجن ثلاث سنوات بتهمة إهانة الرئيس.")
    # «قضى» is also "spent": serving a term is no new verdict
    assert "SANCTION" not in _types(pipeline, "وقضى الناشط عامين في السجن قبل أن يغادر البلاد.")


def test_a_denial_is_a_rejection_of_the_charge(pipeline) -> None:
    found = _types(pipeline, "نفت وزارة الخارجية الإيرانية الاتهامات الأمريكية بدعم الإرهاب.")
    assert "REJECT" in found  # the charge denied, reported too, stays an ACCUSE
    assert "REJECT" not in _types(pipeline, "وقال الوزير إن نفي الخبر جاء متأخرا.")
    # a denial repeated over time is a stance
    assert "REJECT" not in _types(pipeline, "ونفت موسكو مرارا تورطها في الهجوم على المعارض.")


def test_complaints_are_accusations(pipeline) -> None:
    text = "وتقدمت الحكومة العراقية بشكوى رسمية إلى الأمم المتحدة ضد تركيا."
    assert "ACCUSE" in _types(pipeline, text)
    assert "ACCUSE" in _types(pipeline, "ورفعت الشركة دعوى قضائية ضد وزارة المالية.")
    # «تقدم» alone is "advance"
    assert "ACCUSE" not in _types(pipeline, "وتقدمت القوات العراقية نحو وسط المدينة.")


def test_a_foiled_attack_is_no_attack(pipeline) -> None:
    text = "أحبطت الشرطة التونسية هجوما إرهابيا كان يستهدف مقرا أمنيا في العاصمة."
    assert "ASSAULT" not in _types(pipeline, text)
    text = "وأحبطت قوات الأمن مخططا لتفجير سيارة مفخخة قرب السفارة."
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_decision_to_strike_is_no_strike(pipeline) -> None:
    text = "وأعلن البنتاغون قرار شن ضربات جوية جديدة ضد التنظيم في سوريا."
    assert "ASSAULT" not in _types(pipeline, text)
    text = "وشنت الطائرات الأمريكية ضربات جوية على مواقع التنظيم في سوريا أمس."
    assert "ASSAULT" in _types(pipeline, text)


def test_a_reaction_in_a_relative_clause_is_no_event(pipeline) -> None:
    text = "وأطلق الوزير تصريحات عنصرية، الأمر الذي لقي تنديدا واسعا من المعارضة."
    assert "ACCUSE" not in _types(pipeline, text)
    assert "ACCUSE" in _types(pipeline, "وندد حزب المعارضة بتصريحات الوزير العنصرية.")


def test_experts_warning_is_an_opinion(pipeline) -> None:
    text = "حذر خبراء من أن خطة الحكومة لخفض الدعم غير واقعية ومحفوفة بالمخاطر."
    assert "THREATEN" not in _types(pipeline, text)


def test_purpose_requirement_and_method_are_no_acts(pipeline) -> None:
    text = "وقال إن مقاومة الفساد تتطلب استراتيجية واضحة وتعبئة مجتمعية كبيرة."
    assert "MOBILIZE" not in _types(pipeline, text)
    text = "ويسعى رئيس الوزراء للضغط على البرلمان لكيلا يوافق على الاتفاق الجديد."
    assert "AGREE" not in _types(pipeline, text)
    text = "وتحدث الباحث عن كيفية مواجهة التنظيم ودعم الحكومة الشرعية في البلاد."
    assert "SUPPORT" not in _types(pipeline, text)


def test_the_topic_of_a_talk_is_no_act(pipeline) -> None:
    text = "ويختلف الخبراء مع الحكومة بشأن نزع السلاح النووي في المنطقة."
    assert "RETREAT" not in _types(pipeline, text)


def test_a_host_and_the_meetings_hosted_are_one_event(pipeline) -> None:
    text = "واستضافت فرنسا اجتماعات الاتحاد الأوروبي في باريس أمس."
    assert _types(pipeline, text) == ["CONSULT"]


def test_a_demonstrative_points_back_to_an_act_told_before(pipeline) -> None:
    first = "وهاجم مسلحون مجهولون دورية للشرطة في بغداد أمس."
    again = "وقال الناطق إن جماعة أخرى ربما قامت بهذه الهجمات."
    assert _types(pipeline, first + "\n" + again).count("ASSAULT") == _types(pipeline, first).count(
        "ASSAULT"
    )
