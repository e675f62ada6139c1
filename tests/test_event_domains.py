"""Fields of news other than politics: a match report codes no meetings, sanctions or attacks,
while a real act in sports news (a kidnapped player, a minister meeting the team) stays."""

from pathlib import Path

import pytest

from khabar.errors import KnowledgeBaseError
from khabar.extract.event_domains import DocDomains, load_event_domains, other_sense
from khabar.extract.event_lexicon import load_event_lexicon
from khabar.kb.tsv import data_path
from khabar.text.normalize import fold, fold_text
from seeded import processed


def _types(pipeline, text: str) -> list[str]:
    return [e.event for e in processed(pipeline, text).events]


def test_event_domains_a_match_is_no_meeting(pipeline) -> None:
    text = (
        "ويلتقي الفريقان في المباراة النهائية على ملعب المدينة يوم السبت.\n"
        "ويستضيف النادي ضيفه في الجولة الأخيرة من الدوري بعد التعادل في مباراة الذهاب."
    )
    assert "CONSULT" not in _types(pipeline, text)


def test_event_domains_a_minister_meeting_players_is_a_meeting(pipeline) -> None:
    text = "والتقى وزير الرياضة المصري لاعبي المنتخب في الملعب قبل المباراة النهائية."
    assert "CONSULT" in _types(pipeline, text)


def test_event_domains_a_red_card_is_no_sanction(pipeline) -> None:
    text = "وكانت المباراة قد شهدت طرد المدافع الإسباني في الدقيقة 54 بعد البطاقة الحمراء."
    assert "SANCTION" not in _types(pipeline, text)
    text = "وطردت الحكومة الهولندية السفير الإيراني من أراضيها أمس."
    assert "SANCTION" in _types(pipeline, text)


def test_event_domains_stealing_the_show_is_no_kidnapping(pipeline) -> None:
    text = "وخطف مهاجم ريال مدريد الأضواء في المباراة بعد تسجيله هدفين."
    assert "ASSAULT" not in _types(pipeline, text)
    text = "وخطف النجم البرازيلي نيمار هدف الفوز في الدقيقة الأخيرة من المباراة."
    assert "ASSAULT" not in _types(pipeline, text)
    text = "وخطف مسلحون مجهولون لاعب كرة القدم الليبي في العاصمة طرابلس أمس."
    assert "ASSAULT" in _types(pipeline, text)


def test_event_domains_a_penalty_is_no_strike(pipeline) -> None:
    text = "وأدرك الضيوف التعادل عبر ضربة جزاء نفذها قائد الفريق في الدقيقة 80."
    assert "ASSAULT" not in _types(pipeline, text)


def test_event_domains_a_coach_praising_is_no_support(pipeline) -> None:
    text = "وانتقد المدرب أداء اللاعبين بعد الهزيمة أمام برايتون في الدوري."
    assert "ACCUSE" not in _types(pipeline, text)
    text = "وأشاد المدرب بأداء حارس المرمى في المباراة."
    assert "SUPPORT" not in _types(pipeline, text)
    text = "وأشاد وزير الرياضة السعودي بأداء حارس المرمى في المباراة."
    assert "SUPPORT" in _types(pipeline, text)


def test_event_domains_control_of_a_match_is_no_seizure(pipeline) -> None:
    text = "وسيطر المنتخب الأرجنتيني على المباراة منذ دقائقها الأولى."
    assert "COERCE" not in _types(pipeline, text)
    text = "وسيطر المسلحون على مدينة الرمادي بعد معارك مع الجيش العراقي."
    assert "COERCE" in _types(pipeline, text)


def _sense(lemma: str, kind: str, text: str, trigger: str, domain: bool = False) -> bool:
    """Whether a sense row of `lemma` holds for the first `trigger` of `text` (ahead = the
    rest of the text, the sentence of the domain or not, no state actor near)."""
    entry = next(e for e in load_event_lexicon().entries if (e.type, e.lemma) == (kind, lemma))
    senses = load_event_domains().senses_for(entry)
    end = text.index(trigger) + len(trigger)
    return other_sense(
        senses, fold_text(trigger), text, end, lambda n: len(text), lambda d: domain, lambda: False
    )


def test_event_domains_achieving_a_win_is_no_investigation() -> None:
    assert _sense("حقق", "ACCUSE", "حيث حقق الفريق الفوز في مباراتين", "حقق")
    assert _sense("حقق", "ACCUSE", "وحققت الشركة أرباحا قياسية في الربع الأول", "حققت")
    assert not _sense("حقق", "ACCUSE", "وحققت الشرطة في الحادث الذي وقع أمس", "حققت")
    # «مهددة بالإغلاق»: the participle at risk; the verb «هدد بالإغلاق» threatens
    assert _sense("هدد", "THREATEN", "المصانع مهددة بالإغلاق هذا العام", "مهددة")
    assert not _sense("هدد", "THREATEN", "وهدد الوزير بالإغلاق", "هدد")


def test_event_domains_owing_a_win_is_no_condemnation(pipeline) -> None:
    text = "ويدين المنتخب بالفضل في هذا الانتصار لحارس مرماه الذي تصدى لركلة جزاء."
    assert "ACCUSE" not in _types(pipeline, text)
    text = "وتدين الحكومة الفرنسية بشدة الهجوم على السفارة في العاصمة."
    assert "ACCUSE" in _types(pipeline, text)


def test_event_domains_at_risk_is_no_threat(pipeline) -> None:
    text = "وأصبح المنتخب مهددا بالحرمان من المشاركة في كأس العالم المقبلة."
    assert "THREATEN" not in _types(pipeline, text)


def test_event_domains_the_ministry_is_no_visit(pipeline) -> None:
    text = "وأعلنت وزارة التموين المصرية الثلاثاء أن الأسعار لم تتغير."
    doc = processed(pipeline, text)
    assert all(doc.text[e.trigger.start : e.trigger.end] != "زار" for e in doc.events)


def test_event_domains_sentence_and_document_weight() -> None:
    domains = load_event_domains()
    text = "سجل اللاعب هدفين في المباراة. وقال المدرب إن الفريق سيفوز. وانتهى اليوم."
    folded, offsets = fold(text)
    doc = DocDomains(domains, folded, offsets, 3)
    first = (0, text.index(".") + 1)
    assert doc.weight("sport", *first) >= 3  # اللاعب + هدفين + المباراة
    assert doc.in_domain("sport", first)
    last = (text.rindex("وانتهى"), len(text))
    assert doc.weight("sport", *last) == 0
    # a document this dense in the field puts even a plain sentence in it
    assert doc.in_domain("sport", last) == (doc.density("sport") >= 1.5)
    politics = "وقال الرئيس إن الحكومة ستجتمع غدا."
    folded, offsets = fold(politics)
    assert not DocDomains(domains, folded, offsets, 1).in_domain("sport", (0, len(politics)))


def _copy_with(tmp_path: Path, name: str, extra: str) -> Path:
    for file in ("plover.tsv", "triggers.tsv", "event_cues.tsv", "event_domains.tsv"):
        (tmp_path / file).write_text(data_path(file).read_text(encoding="utf-8"), "utf-8")
    base = data_path(name).read_text(encoding="utf-8")
    (tmp_path / name).write_text(base + extra, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "row", "message"),
    [
        ("event_senses.tsv", "CONSULT\tلعب\tsport\t\t\t\t\n", "no CONSULT trigger"),
        ("event_senses.tsv", "CONSULT\t*\tcooking\t\t\t\t\n", "unknown domain"),
        ("event_senses.tsv", "CONSULT\t*\t\t\t\t\t\n", "needs a domain"),
        ("event_senses.tsv", "MEET\t*\tsport\t\t\t\t\n", "unknown PLOVER type"),
        ("event_domains.tsv", "sport\tحكم\tmany\t\n", "no number"),
    ],
)
def test_event_domains_loader_checks_rows(tmp_path, name, row, message) -> None:
    folder = _copy_with(tmp_path, name, row)
    with pytest.raises(KnowledgeBaseError) as raised:
        load_event_domains.__wrapped__(folder)
    assert message in str(raised.value)
    assert f"{name}:" in str(raised.value)


@pytest.mark.parametrize(
    "text",
    [
        "وقال الحزب في بيان إن هذه الخطوة تحصن الديمقراطية الناشئة من مناوراتهم الانقلابية.",
        "واعتبر النائب أن القضية ساعدت في صرف الانتباه العام عن مفاوضات الحكومة العسرة.",
    ],
)
def test_schemes_and_contributing_are_no_acts(pipeline, text):
    assert processed(pipeline, text, published="2018-04-10").events == []


def test_exercises_and_help_to_a_party_stay(pipeline):
    exercises = "أجرت القوات الأمريكية والأردنية مناورات عسكرية مشتركة في جنوب الأردن أمس."
    helped = "وساعدت الولايات المتحدة الجيش العراقي في استعادة المدينة من التنظيم."
    assert [e.event for e in processed(pipeline, exercises, published="2018-04-10").events] == [
        "COOPERATE"
    ]
    assert [e.event for e in processed(pipeline, helped, published="2018-04-10").events] == ["AID"]
