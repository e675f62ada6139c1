"""Entity linking that depends on the article's country: princes and emirs, regions sharing a
name, parties, common names, people glued by a preposition (sentences written for these tests)."""

from __future__ import annotations

import pytest

from khabar.doc import Entity
from khabar.extract.entities import EntityStage
from khabar.extract.entity_lexicon import load_lexicon
from khabar.text.normalize import fold_text


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    stage = EntityStage()
    stage.setup()
    return stage


def entities(stage: EntityStage, text: str, published: str = "2018-05-10") -> list[Entity]:
    return stage.extract(text, published)


def by_mention(stage: EntityStage, text: str, published: str = "2018-05-10") -> dict[str, str]:
    return {m.text: e.id for e in entities(stage, text, published) for m in e.mentions}


def countries(stage: EntityStage, text: str, published: str = "2018-05-10") -> dict[str, str]:
    return {e.id: e.country or "" for e in entities(stage, text, published)}


def test_kb_linking_a_prince_is_not_the_monarch(stage: EntityStage) -> None:
    found = by_mention(stage, "التقى الأمير البريطاني هاري رئيس الوزراء في لندن.")
    assert found["الأمير البريطاني"] != "person:elizabeth_ii"
    assert not found["الأمير البريطاني"].startswith("person:")
    found = by_mention(stage, "وصل الأمير السعودي إلى باريس في زيارة خاصة.", "2017-05-10")
    assert found["الأمير السعودي"] == "role:SAU:emir"


def test_kb_linking_the_emir_heads_qatar_and_kuwait(stage: EntityStage) -> None:
    found = by_mention(stage, "وصل أمير قطر إلى الكويت، واستقبله أمير الكويت في المطار.")
    assert found["أمير قطر"] == "person:tamim_bin_hamad_al_thani"
    assert found["أمير الكويت"] == "person:sabah_al_ahmad_al_jaber_al_sabah"


def test_kb_linking_uk_nations_and_regions(stage: EntityStage) -> None:
    found = countries(stage, "صوت الناخبون في اسكتلندا وويلز وأيرلندا الشمالية على القانون.")
    assert found["region:scotland"] == found["region:wales"] == "GBR"
    assert found["region:northern_ireland"] == "GBR"
    assert "IRL" not in found
    found = countries(stage, "ضربت عاصفة سواحل ولاية نيو ساوث ويلز الأسترالية.")
    assert found.get("region:new_south_wales") == "AUS" and "region:wales" not in found


def test_kb_linking_a_shared_place_name_reads_in_the_article_country(stage: EntityStage) -> None:
    yemen = "سيطر المسلحون على زنجبار عاصمة محافظة أبين جنوب اليمن."
    assert by_mention(stage, yemen, "2016-05-10")["زنجبار"] == "region:zinjibar"
    tanzania = "وصل الرئيس التنزاني إلى زنجبار في زيارة رسمية."
    assert countries(stage, tanzania, "2016-05-10")[by_mention(stage, tanzania)["زنجبار"]] == "TZA"
    jawf = "قصف الحوثيون مواقع في الجوف وشنوا هجمات في مأرب اليمنية."
    assert by_mention(stage, jawf, "2016-05-10")["الجوف"] == "region:yem_al_jawf"


def test_kb_linking_a_town_after_a_mountain_is_another_place(stage: EntityStage) -> None:
    text = "سيطرت قوات الجيش اليمني على جبل القاهرة في مدينة تعز بعد معارك عنيفة."
    found = by_mention(stage, text, "2016-05-10")
    assert found["جبل القاهرة"].startswith("loc:")
    assert "القاهرة" not in found
    assert countries(stage, text, "2016-05-10")[found["جبل القاهرة"]] == "YEM"


def test_kb_linking_common_words_that_are_towns_need_their_country(stage: EntityStage) -> None:
    found = by_mention(stage, "ظهرت في المحكمة مرتدية سترة زرقاء وقالت إن السلاح كان داخله.")
    assert not {"سترة", "زرقاء", "داخله"} & set(found)


def test_kb_linking_a_party_name_is_the_party_of_the_article_country(stage: EntityStage) -> None:
    tunisia = "أعلن الحزب الجمهوري في تونس انسحابه من الحكومة التونسية."
    found = by_mention(stage, tunisia)
    assert found["الحزب الجمهوري"].startswith("party:TUN:")
    usa = "قال الحزب الجمهوري إن ترامب سيفوز في الانتخابات الأمريكية."
    assert by_mention(stage, usa)["الحزب الجمهوري"] == "org:republican_party_us"
    morocco = "فاز حزب العدالة والتنمية في الانتخابات المغربية."
    assert by_mention(stage, morocco)["حزب العدالة والتنمية"].startswith("party:MAR:")


def test_kb_linking_a_party_and_its_name_are_one_entity(stage: EntityStage) -> None:
    found = by_mention(stage, "واعترض حزب الشعب المحلي في الغابون على القرار.", "2015-07-24")
    assert found["حزب الشعب"].startswith("party:GAB:")
    assert "الشعب" not in found  # not «the people» owning a party
    found = by_mention(stage, 'قال الأمين العام لحزب "جوا" إن الاستفتاء باطل في جزر القمر.')
    assert any(m.startswith("party:COM:") for m in found.values())
    found = by_mention(stage, "فاز الحزب الحاكم في زيمبابوي بالأغلبية المطلقة.")
    assert found["الحزب الحاكم في زيمبابوي"] == "agent:ZWE:PTY"
    found = by_mention(stage, "شن حزب المعارضة في تونس حملة ضد القانون.")
    assert not any(ident.startswith("party:") for ident in found.values())


def test_kb_linking_a_common_name_needs_its_country(stage: EntityStage) -> None:
    syria = "وقدر قائد مجلس منبج العسكري محمد مصطفى عدد المقاتلين في سوريا وتركيا."
    assert by_mention(stage, syria, "2018-06-06")["محمد مصطفى"].startswith("per:")
    palestine = "قال رئيس الوزراء محمد مصطفى إن الحكومة ستعمل في غزة."
    assert by_mention(stage, palestine, "2024-05-06")["محمد مصطفى"] == "person:mohammad_mustafa"
    iraq = "قال الخبراء في باريس إن صدام حسين لم يكن يملك أسلحة محظورة."
    assert by_mention(stage, iraq, "2016-05-06")["صدام حسين"] == "person:saddam_hussein"


def test_kb_linking_two_people_glued_by_a_preposition(stage: EntityStage) -> None:
    text = (
        "التقى الزعيم الكوري الشمالي كيم جونغ أون الرئيس الكوري الجنوبي مون جاي إن. "
        "ورحب مون بكيم عند خط الحدود."
    )
    found = by_mention(stage, text, "2018-04-27")
    assert "مون بكيم" not in found
    assert found.get("كيم") == "person:kim_jong_un"


def test_kb_linking_party_end_words_are_a_stopword_kind() -> None:
    lexicon = load_lexicon(None, ())
    assert {fold_text(w) for w in ("المحلي", "الحاكم", "المعارضة")} <= lexicon.party_end
    assert "الحاكم" in lexicon.stopwords
