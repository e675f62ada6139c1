"""Coreference stage on short texts written for these tests."""

from __future__ import annotations

import pytest

from khabar.doc import Document, Entity, Source
from khabar.extract.coref import CorefStage
from khabar.extract.entities import EntityStage
from seeded import entity_and_coref_stages


@pytest.fixture(scope="module")
def stages() -> tuple[EntityStage, CorefStage]:
    return entity_and_coref_stages()


def run(
    stages: tuple[EntityStage, CorefStage], text: str, published: str | None = None
) -> Document:
    doc = Document(id="t", text=text, source=Source(published=published))
    for stage in stages:
        doc = stage(doc)
    for entity in doc.entities:
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
    return doc


def coref_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions if m.source == "coref"]


def person(doc: Document, ident: str) -> Entity:
    return next(e for e in doc.entities if e.id == ident)


def test_extract_coref_minister_links_to_named_minister(stages) -> None:
    doc = run(
        stages,
        "قال وزير الخارجية التونسي، عمر كوناتي، إن بلاده ستشارك. وأضاف الوزير أن القمة مهمة.",
    )
    assert coref_texts(person(doc, "per:عمر كوناتي")) == ["الوزير"]


def test_extract_coref_minister_prefers_the_salient_speaker(stages) -> None:
    text = (
        "قال وزير الخارجية التونسي، عمر كوناتي، إن الحوار مستمر. وقال كوناتي بعد لقائه "
        "وزير الخارجية الليبي، سمير الحلبي، إن الوضع صعب. وأضاف الوزير أن الحل سياسي."
    )
    doc = run(stages, text)
    assert "الوزير" in coref_texts(person(doc, "per:عمر كوناتي"))
    assert coref_texts(person(doc, "per:سمير الحلبي")) == []


def test_extract_coref_tie_links_nothing(stages) -> None:
    text = "التقى وزير الخارجية التونسي، عمر كوناتي، وزير الخارجية الليبي، سمير الحلبي. وقال الوزير إن اللقاء مفيد."
    doc = run(stages, text)
    assert all("الوزير" not in coref_texts(e) for e in doc.entities)


def test_extract_coref_role_must_fit_the_office(stages) -> None:
    doc = run(
        stages, "قال وزير الخارجية التونسي، عمر كوناتي، إن الحوار مستمر. وقال الرئيس إن الوضع هادئ."
    )
    assert coref_texts(person(doc, "per:عمر كوناتي")) == []


def test_extract_coref_surname_joins_full_name(stages) -> None:
    doc = run(stages, "وصل العقيد ناصر الحمداني إلى المدينة. وقال الحمداني إن الوضع هادئ.")
    hamdani = person(doc, "per:ناصر الحمداني")
    assert coref_texts(hamdani) == ["الحمداني"]


def test_extract_coref_known_person_role_from_kb(stages) -> None:
    doc = run(stages, "التقى سيرغي لافروف نظيره أمس. وأكد الوزير أن المحادثات مثمرة.", "2021-07-02")
    lavrov = next(e for e in doc.entities if e.name == "Sergey Lavrov")
    assert coref_texts(lavrov) == ["الوزير"]


def test_extract_coref_side_nisba_is_the_country(stages) -> None:
    doc = run(stages, "وأكد الجانب الروسي استعداده للحوار مع الطرف التركي.")
    by_id = {e.id: e for e in doc.entities}
    assert coref_texts(by_id["RUS"]) == ["الجانب الروسي"]
    assert coref_texts(by_id["TUR"]) == ["الطرف التركي"]


def test_extract_coref_his_country_is_left_alone(stages) -> None:
    doc = run(stages, "قال العقيد ناصر الحمداني إن بلاده لن تتدخل.")
    assert [m.text for e in doc.entities for m in e.mentions if m.source == "coref"] == []


def test_extract_coref_bare_organisation_noun_links_to_the_named_one(stages) -> None:
    doc = run(stages, "شن التحالف العربي غارات على مواقع في صعدة. وقال التحالف في بيان إن "
              "الغارات أصابت أهدافها. وأعلنت حركة حماس رفضها. وقالت الحركة إن القرار مرفوض.")  # fmt: skip
    assert coref_texts(person(doc, "org:saudi_coalition")) == ["التحالف"]
    assert coref_texts(person(doc, "org:hamas")) == ["الحركة"]
    assert not any(e.id == "agent:MIL" for e in doc.entities)  # the bare noun is no generic agent


def test_extract_coref_described_or_unfitting_organisation_noun_stays_unlinked(stages) -> None:
    doc = run(stages, "التقى وفد من حزب الله بمسؤولين. وقال الحزب الحاكم إن اللقاء كان إيجابيا.")
    assert coref_texts(person(doc, "org:hezbollah")) == []
    nato = run(stages, "اجتمع وزراء حلف شمال الأطلسي. وقالت الحركة إنها ترفض ذلك.")
    assert coref_texts(person(nato, "org:nato")) == []  # a movement is not an alliance


def test_extract_coref_the_newspaper_is_the_last_one_named(stages) -> None:
    text = (
        "ونشرت صحيفة ديلي نيوز الكندية تقريرا عن الأزمة. وقالت الصحيفة إن الحل بعيد. "
        "وذكرت صحيفة عكاظ السعودية أن الوزير سيزور باريس. وأضافت الصحيفة أن الزيارة قصيرة."
    )
    doc = run(stages, text)
    assert coref_texts(person(doc, "media:ديلي_نيوز")) == ["الصحيفة"]  # an outlet not in the KB
    assert coref_texts(person(doc, "org:okaz")) == ["الصحيفة"]


def test_extract_coref_links_do_not_count_as_mentions(stages) -> None:
    # Hamas is named once, then referred to twice; Fatah is named twice: «الحركة» is Fatah's
    text = (
        "أعلنت حركة حماس موقفها. وقالت الحركة إنها ترفض. وأكدت الحركة ذلك. "
        "وردت حركة فتح على حركة فتح الأخرى. وقالت الحركة إنها تدرس الرد."
    )
    doc = run(stages, text)
    assert coref_texts(person(doc, "org:fatah")) == ["الحركة"]
