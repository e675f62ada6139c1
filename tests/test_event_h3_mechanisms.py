"""Event mechanisms of the third pass: how far a required complement may stand (names count as
one word, dates as none, an inserted relative clause as one), trigger senses from what follows
(«تعهد بملاحقة» threatens, «سلم نفسه للشرطة» is an arrest, «تأخذ على» reproaches, «قضت
بضرورة» orders), words that describe a noun or are the target of an attack, and «قام X» as the
doer of an attack. Every sentence here is written for the test."""

from seeded import processed


def _events(pipeline, text: str):
    doc = processed(pipeline, text)
    return doc, doc.events


def _types(pipeline, text: str) -> list[str]:
    return [e.event for e in _events(pipeline, text)[1]]


def test_a_long_name_counts_as_one_word(pipeline) -> None:
    # «ضرورة» is the ninth word after «شددت», the fifth when the name is one word
    text = (
        "وشددت جمهورية مصر العربية أمام مجلس الأمن الدولي، على ضرورة انسحاب القوات "
        "الأجنبية من ليبيا."
    )
    assert "REQUEST" in _types(pipeline, text)


def test_a_particle_stands_right_after_the_subject(pipeline) -> None:
    # «حقق … في» investigates only with the particle near the verb; far on it is another «في»
    text = "حقق الفريق الوطني لكرة القدم فوزا كبيرا على ضيفه في المباراة الأخيرة."
    assert "ACCUSE" not in _types(pipeline, text)
    text = "وحققت الشرطة الفرنسية في ملابسات الحادث الذي وقع في المدينة."
    assert "ACCUSE" in _types(pipeline, text)


def test_a_date_does_not_count_in_the_sense_window(pipeline) -> None:
    text = "وزار عدد كبير من الأتراك الأحد مقابر الجنود في العاصمة أنقرة."
    assert "CONSULT" not in _types(pipeline, text)


def test_a_vow_to_pursue_is_a_threat(pipeline) -> None:
    text = (
        "وتعهد الرئيس الذي فاز بولاية ثانية الشهر الماضي وبات يحكم بلا منافس، "
        "بملاحقة المسؤولين عن التفجير."
    )
    types = _types(pipeline, text)
    assert "THREATEN" in types
    assert "AGREE" not in types
    # a pledge with no hostile complement is still a promise
    text = "وتعهدت الحكومة اليابانية بتقديم مساعدات إنسانية للمتضررين من الزلزال."
    assert "THREATEN" not in _types(pipeline, text)


def test_giving_oneself_up_to_the_police_is_an_arrest(pipeline) -> None:
    text = "وأفاد مصدر أمني أن مسلحا سلم نفسه إلى الشرطة في مدينة ليون."
    _, events = _events(pipeline, text)
    coerce = [e for e in events if e.event == "COERCE"]
    assert coerce and "CONCEDE" not in [e.event for e in events]
    # the police arrest; the one who gives himself up is the target
    assert [a.entity_text for a in coerce[0].actor] == ["الشرطة"]
    assert [a.entity_text for a in coerce[0].recipient] == ["مسلحا"]
    # agreeing to give oneself up is a concession
    text = "ووافق المتهم على تسليم نفسه للسلطات بعد أيام من رفضه ذلك."
    assert "COERCE" not in _types(pipeline, text)


def test_reproach_with_akhadha_ala(pipeline) -> None:
    text = "وكانت طوكيو تأخذ على جارتها تساهلها مع السفن التي تصطاد في مياهها."
    assert "ACCUSE" in _types(pipeline, text)
    text = "وأخذت الوزيرة على عاتقها إصلاح قطاع التعليم في البلاد."
    assert "ACCUSE" not in _types(pipeline, text)
    text = "وأخذ الرجل صورة على هاتفه المحمول للسيارة المتوقفة."
    assert "ACCUSE" not in _types(pipeline, text)


def test_a_ruling_that_orders_is_a_request(pipeline) -> None:
    # «ولاية» is no «أي» (any) with a pronoun suffix: the ruling is not hypothetical
    text = "وكانت محكمة في ولاية تكساس قد قضت الأربعاء الماضي بضرورة تسليم الوثائق للمحققين."
    assert "REQUEST" in _types(pipeline, text)
    text = "وقضى الوزير عطلته في جزيرة قبرص مع عائلته."
    assert "REQUEST" not in _types(pipeline, text)


def test_a_verb_after_an_indefinite_noun_describes_it(pipeline) -> None:
    text = "وتسعى الحكومة إلى تمرير قرارات تدين الانتهاكات في المنظمة الدولية."
    assert "ACCUSE" not in _types(pipeline, text)
    # after a name the verb has a subject: it tells an act
    text = "وقالت الخارجية إن أنقرة تدين بشدة الهجوم على القنصلية."
    assert "ACCUSE" in _types(pipeline, text)
    # the second verb of a describing pair describes the noun too
    text = "وتتبنى الجماعة أفكارا متطرفة تنبذ الآخر وترفض الحوار مع الحكومة."
    assert "REJECT" not in _types(pipeline, text)
    text = "وقالت الوزارة إن الحكومة تنبذ العنف وترفض الحوار مع المسلحين."
    assert "REJECT" in _types(pipeline, text)


def test_what_an_attack_hits_is_no_act_of_its_own(pipeline) -> None:
    text = "واستهدفت الطائرات الحربية بعدة غارات تجمعات وتعزيزات للمسلحين شرق المدينة."
    types = _types(pipeline, text)
    assert "ASSAULT" in types
    assert "MOBILIZE" not in types


def test_in_exchange_for_is_no_meeting(pipeline) -> None:
    text = "ويريد الزعيم تخفيف العقوبات لقاء وعوده بوقف التجارب الصاروخية."
    assert "CONSULT" not in _types(pipeline, text)


def test_the_doer_of_qama_carries_out_the_attack(pipeline) -> None:
    text = (
        "وعادت الهجمات إلى المدينة، إذ قام فلسطيني من سكان الخليل بطعن جنديين، "
        "في الشارع الذي شهد العديد من العمليات الانتحارية."
    )
    _, events = _events(pipeline, text)
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault
    assert any(a.country == "PSE" for e in assault for a in e.actor)


def test_the_pronoun_of_a_verbal_noun_after_lada_is_the_victim(pipeline) -> None:
    text = "وبلغ عدد الصيادين اليابانيين لدى خطفهم قبالة السواحل الصومالية 12 صيادا."
    _, events = _events(pipeline, text)
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault
    assert not any(a.country == "JPN" for a in assault[0].actor)
    assert any(r.country == "JPN" for r in assault[0].recipient)


def test_a_drone_is_no_march(pipeline) -> None:
    text = "وأسقطت الدفاعات الجوية طائرة مسيرة أطلقتها الميليشيات باتجاه المدينة."
    assert "PROTEST" not in _types(pipeline, text)
