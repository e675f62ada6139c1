"""Entities on unseen text, fourth pass (H15): list conjunctions, short forms of names,
coalition forces, militias, places' countries, homographs and facilities named after people.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from khabar.doc import Document, Entity, Mention, Source
from khabar.extract.coref import CorefStage
from khabar.extract.entities import EntityStage
from khabar.extract.entity_facilities import name_facilities
from khabar.extract.entity_found import Seed
from khabar.extract.entity_lexicon import load_lexicon
from khabar.extract.entity_link import Located, merge_model_spans, strip_coordination
from khabar.extract.entity_surnames import link_surnames
from seeded import by_id, entity_and_coref_stages
from seeded import run_entities as run


@pytest.fixture(scope="module")
def stages() -> tuple[EntityStage, CorefStage]:
    return entity_and_coref_stages()


def through(stages: tuple[EntityStage, CorefStage], text: str) -> Document:
    doc = Document(id="t", text=text, source=Source(published="2018-08-10"))
    for stage in stages:
        doc = stage(doc)
    return doc


def coref(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions if m.source == "coref"]


# -- «و» of a list ---------------------------------------------------------------------------

RANKS = {"يوغوسلافيا": 45_000, "دينيس": 20_000, "ويليام": 23_000}


def test_entity_unseen4_list_conjunction_leaves_the_name() -> None:
    text = "خسر أمام اسكتلندا ويوغوسلافيا في البطولة"
    start = text.index("ويوغوسلافيا")
    ends = {text.index("اسكتلندا") + len("اسكتلندا")}
    end = start + len("ويوغوسلافيا")
    assert strip_coordination(text, start, end, ends, frozenset(), RANKS) == start + 1


def test_entity_unseen4_name_starting_with_waw_keeps_it() -> None:
    text = "التقى كيني دالغليش ويليام في لندن"
    start = text.index("ويليام")
    ends = {text.index(" ويليام")}
    end = start + len("ويليام")
    # «ويليام» is commoner than «يليام»: the «و» is the name's first letter
    assert strip_coordination(text, start, end, ends, frozenset(), RANKS) == start
    # not after another name: no list
    assert strip_coordination(text, start, end, set(), frozenset(), RANKS) == start


def test_entity_unseen4_tagger_span_in_a_list_loses_its_conjunction() -> None:
    text = "أبرزهم كيني دالغليش ودينيس في الفريق"
    full = (text.index("كيني"), text.index("كيني") + len("كيني دالغليش"), "PER")
    second = (text.index("ودينيس"), text.index("ودينيس") + len("ودينيس"), "PER")
    merged = merge_model_spans(text, [], [full, second], {}, ranks=RANKS)
    assert sorted(text[x.start : x.end] for x in merged) == ["دينيس", "كيني دالغليش"]


def test_entity_unseen4_unsupported_place_is_not_the_tagger_place_either() -> None:
    text = "وجاء الرد حاسما بل كان خيارا سياسيا بحتا في النهاية"
    start = text.index("بحتا")
    spans = [(start, start + len("بحتا"), "LOC")]
    forms = {"حتا": ["geonames:292862"]}
    assert merge_model_spans(text, [], spans, forms, unsupported=frozenset({"حتا"})) == []
    assert len(merge_model_spans(text, [], spans, forms)) == 1


# -- short forms of a name -------------------------------------------------------------------


def person_doc(text: str, names: list[tuple[str, str]]) -> Document:
    """A document whose entities are the given (id, mention text) pairs, in text order."""
    doc = Document(id="t", text=text, source=Source())
    pos = 0
    for ident, name in names:
        start = text.index(name, pos)
        pos = start + len(name)
        entity = next((e for e in doc.entities if e.id == ident), None)
        if entity is None:
            entity = Entity(id=ident, name=name, type="PER")
            doc.entities.append(entity)
        entity.mentions.append(Mention(start, pos, name, "model"))
    return doc


def test_entity_unseen4_family_and_first_name_alone_join_the_full_name(stages) -> None:
    text = (
        "قال المدرب موسى كابونغو إن الفريق جاهز. وأضاف كابونغو أن اللاعبين تدربوا. "
        "واعتاد موسى على مشاهدة المباريات."
    )
    doc = person_doc(
        text,
        [
            ("ner:PER:موسي كابونغو", "موسى كابونغو"),
            ("ner:PER:كابونغو", "كابونغو"),
            ("ner:PER:موسي", "موسى"),
        ],
    )
    doc = stages[1](doc)
    assert [e.id for e in doc.entities] == ["ner:PER:موسي كابونغو"]
    assert coref(doc.entities[0]) == ["كابونغو", "موسى"]


def test_entity_unseen4_name_link_and_conjunction_join_too(stages) -> None:
    text = "أن الفرنسي زياد بن حمودة هاجم جنديا. وبن حمودة معروف. وأخلي سبيل والد بن حمودة."
    doc = person_doc(
        text,
        [
            ("per:زياد بن حموده", "زياد بن حمودة"),
            ("ner:PER:وبن حموده", "وبن حمودة"),
            ("ner:PER:بن حموده", "بن حمودة"),
        ],
    )
    doc = stages[1](doc)
    assert [e.id for e in doc.entities] == ["per:زياد بن حموده"]
    assert coref(doc.entities[0]) == ["وبن حمودة", "بن حمودة"]


def test_entity_unseen4_short_form_of_two_full_names_joins_neither(stages) -> None:
    text = "حضر سمير كابونغو وهشام كابونغو الحفل. وقال كابونغو إن الحفل ناجح."
    doc = person_doc(
        text,
        [
            ("ner:PER:سمير كابونغو", "سمير كابونغو"),
            ("ner:PER:هشام كابونغو", "هشام كابونغو"),
            ("ner:PER:كابونغو", "كابونغو"),
        ],
    )
    doc = stages[1](doc)
    assert "ner:PER:كابونغو" in {e.id for e in doc.entities}


def test_entity_unseen4_first_name_before_the_full_name_stays(stages) -> None:
    text = "وقال موسى إن الفريق جاهز. وكان موسى كابونغو قد وصل أمس."
    doc = person_doc(text, [("ner:PER:موسي", "موسى"), ("ner:PER:موسي كابونغو", "موسى كابونغو")])
    doc = stages[1](doc)
    assert len(doc.entities) == 2


def test_entity_unseen4_surname_of_someone_named_in_full_is_not_the_official() -> None:
    lexicon = load_lexicon()
    text = "التقى المرشح جيب بوش أنصاره. وقال بوش إن الحملة مستمرة."
    full = text.index("جيب بوش")
    alone = text.index("بوش إن")
    located = [
        Located(full, full + 7, Seed("per:جيب بوش", "جيب بوش", "جيب بوش", "PER"), "pattern"),
        Located(alone, alone + 3, Seed("ner:PER:بوش", "بوش", "بوش", "PER"), "model"),
    ]
    link_surnames(text, located, lexicon, "2005-03-01")
    assert located[1].seed.id == "ner:PER:بوش"
    link_surnames(text, located[1:], lexicon, "2005-03-01")
    assert located[1].seed.id == "person:george_w_bush"


# -- coalition forces and militias -----------------------------------------------------------


def test_entity_unseen4_coalition_forces_are_the_coalition_named_before(stages) -> None:
    text = (
        "أعلن التحالف العربي فتح تحقيق في الغارة. وقالت مصادر إن عمليات قوات التحالف "
        "المشتركة مستمرة في المحافظة."
    )
    doc = through(stages, text)
    assert "قوات التحالف" in coref(by_id(doc)["org:saudi_coalition"])
    assert not any(
        m.text == "قوات التحالف" for e in doc.entities if e.kind == "agent" for m in e.mentions
    )


def test_entity_unseen4_militias_are_the_group_called_a_militia(stages) -> None:
    text = (
        "تقدمت قوات الشرعية في صعدة بعد هزائم ميليشيات الحوثي. وقالت قوات الشرعية إنها "
        "سيطرت على مواقع جديدة. وأوضحت أن التعزيزات التي ترسلها الميليشيات تتعرض للقصف."
    )
    doc = through(stages, text)
    assert coref(by_id(doc)["org:houthis"]) == ["الميليشيات"]


# -- places ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tagged() -> EntityStage:
    stage = EntityStage()
    stage.setup()
    return stage


def test_entity_unseen4_district_lies_in_the_country_the_article_is_about(tagged) -> None:
    text = (
        "تقدمت القوات اليمنية في صعدة وتعز، وقالت مصادر يمنية إن المعارك في اليمن "
        "امتدت إلى مركز مديرية كتاف. وتواصل القوات تقدمها في صعدة."
    )
    doc = run(tagged, text)
    assert by_id(doc)["loc:كتاف"].country == "YEM"


def test_entity_unseen4_district_of_a_story_about_two_countries_is_unplaced(tagged) -> None:
    text = (
        "بحث وزير الخارجية المصري في القاهرة مع نظيره السوداني الأوضاع في السودان ومصر، "
        "وتناول اللقاء الأوضاع في مديرية كتاف."
    )
    doc = run(tagged, text)
    assert by_id(doc)["loc:كتاف"].country is None


def test_entity_unseen4_governorate_and_state_are_known(stages) -> None:
    doc = run(stages[0], "وقعت اشتباكات في محافظة ديالى ثم في ولاية راجستان.")
    assert by_id(doc)["region:diyala"].country == "IRQ"
    assert by_id(doc)["region:rajasthan"].country == "IND"


# -- homographs and facilities ---------------------------------------------------------------


def test_entity_unseen4_and_a_mother_is_not_the_emirati_agency(stages) -> None:
    doc = run(stages[0], "كانت حينها متزوجة وأم لثلاثة أطفال.")
    assert "org:wam" not in {e.id for e in doc.entities}
    doc = run(stages[0], "ونقلت وكالة أنباء الإمارات (وام) عن الوزير قوله.")
    assert "org:wam" in {e.id for e in doc.entities}


def test_entity_unseen4_person_after_a_facility_head_names_the_facility() -> None:
    lexicon = load_lexicon()
    text = "تخرج من جامعة الملك فهد وصلى في مسجد أبو هريرة."
    king = text.index("الملك فهد")
    companion = text.index("أبو هريرة")
    located = [
        Located(
            king, king + 9, Seed("person:fahd_bin_abdulaziz", "Fahd", "فهد", "PER"), "gazetteer"
        ),
        Located(companion, companion + 9, Seed("ner:PER:ابو هريره", "", "", "PER"), "model"),
    ]
    name_facilities(text, located, lexicon.facility_heads)
    assert [(text[x.start : x.end], x.seed.type) for x in located] == [
        ("جامعة الملك فهد", "ORG"),
        ("مسجد أبو هريرة", "LOC"),
    ]
    assert located[1].seed.kind == "site"
