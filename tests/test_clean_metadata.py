"""The metadata stage: language check, outlet, agency, dateline city, publication date."""

from __future__ import annotations

import pytest

from khabar.clean.boilerplate import CleanStage
from khabar.clean.metadata import MetadataStage, url_date
from khabar.clean.sources import load_source_names, name_key
from khabar.doc import Document, Source
from khabar.errors import NoContent, NotArabic
from khabar.registry import FOUNDATION_STAGES, build_pipeline
from khabar.text.lang import guess_language

BODY = "وقال المتحدث إن الوزارة ستعلن نتائج التحقيق خلال الأيام المقبلة بعد مراجعة جميع الوثائق."


def process(raw: str, **source: str) -> Document:
    doc = Document(id="m", raw=raw, source=Source(**source))  # type: ignore[arg-type]
    return MetadataStage()(CleanStage()(doc))


def test_metadata_agency_city_and_outlet_from_dateline() -> None:
    doc = process("القاهرة - (أ ف ب) - " + BODY)
    assert (doc.source.agency, doc.source.agency_ar, doc.source.dateline) == (
        "AFP",
        "أ ف ب",
        "القاهرة",
    )
    doc = process("الرياض – واس:\n" + BODY)
    assert doc.source.agency == "SPA" and doc.source.dateline == "الرياض"
    assert doc.source.outlet is None  # «الرياض» here is the city, not the daily
    doc = process("لندن: «الشرق الأوسط» " + BODY)
    assert doc.source.outlet == "Asharq Al-Awsat" and doc.source.agency is None
    doc = process("دبي - سكاي نيوز عربية\n" + BODY)
    assert doc.source.outlet == "Sky News Arabia" and doc.source.dateline == "دبي"


@pytest.mark.parametrize(
    ("written", "english"),
    [
        ("أ.ف.ب", "AFP"), ("فرانس برس", "AFP"), ("رويترز", "Reuters"), ("أ ب", "AP"),
        ("د ب أ", "dpa"), ("الأناضول", "Anadolu"), ("وام", "WAM"), ("سانا", "SANA"),
        ("قنا", "QNA"), ("بترا", "Petra"), ("كونا", "KUNA"), ("شينخوا", "Xinhua"),
        ("تاس", "TASS"), ("إرنا", "IRNA"), ("نوفوستي", "RIA Novosti"), ("إفي", "EFE"),
        ("آكي", "AKI"), ("أ ش أ", "MENA"), ("ومع", "MAP"), ("بنا", "BNA"), ("العمانية", "ONA"),
        ("واج", "APS"), ("وفا", "WAFA"), ("الأنباء العراقية", "INA"), ("سي إن إن", "CNN"),
        ("بي بي سي", "BBC"), ("سبوتنيك", "Sputnik"),
    ],
)  # fmt: skip
def test_metadata_agency_table(written: str, english: str) -> None:
    agency = load_source_names().agency(written)
    assert agency is not None and agency.name == english
    doc = process(f"بغداد - {written}: {BODY}")
    assert doc.source.agency == english and doc.source.agency_ar == written


def test_metadata_outlet_names_and_hosts() -> None:
    names = load_source_names()
    assert name_key("أ.ف.ب") == name_key("أ ف ب")
    outlet = names.outlet("أردو بوینت")
    assert outlet is not None and outlet.name == "UrduPoint"
    for host, outlet_name in [
        ("https://www.alarabiya.net/ar/x", "Al Arabiya"),
        ("http://www.france24.com/ar/20180623-x", "France 24"),
        ("http://www.jawharafm.net/ar/article/x", "Jawhara FM"),
        ("https://arabic.rt.com/world/1", "RT Arabic"),
    ]:
        found = names.outlet_for_url(host)
        assert found is not None and found.name == outlet_name
    assert names.outlet_for_url("https://example.org/x") is None
    assert names.outlet_for_url("http://[broken") is None


def test_metadata_published_order() -> None:
    reader = process("القاهرة - (أ ف ب) - " + BODY, published="2020-01-05T10:00:00+02:00")
    assert (reader.source.published, reader.source.published_from) == ("2020-01-05", "reader")
    text = process("الخميس 3 كانون الثاني/يناير 2019\n\n" + BODY)
    assert (text.source.published, text.source.published_from) == ("2019-01-03", "text")
    # a date the story tells is no publication stamp: it would shift every «أمس»
    told = process("أعلنت الوزارة يوم 3 كانون الثاني/يناير 2019 عن الخطة.\n\n" + BODY)
    assert (told.source.published, told.source.published_from) == (None, None)
    history = process("في 11 سبتمبر 2001 تغير العالم، وقال المتحدث إن الذكرى حزينة.\n\n" + BODY)
    assert history.source.published is None
    later = process(BODY + "\n\nوكان ذلك في 5 مارس 2018.")
    assert (later.source.published, later.source.published_from) == (None, None)
    # a date in the page's address counts before one in the body, after the reader's
    filed = "https://news.example/2015/07/20/article_974922.html"
    url = process("أعلنت الوزارة يوم 3 كانون الثاني/يناير 2019 عن الخطة.\n\n" + BODY, url=filed)
    assert (url.source.published, url.source.published_from) == ("2015-07-20", "url")
    both = process(BODY, url=filed, published="2015-07-21")
    assert (both.source.published, both.source.published_from) == ("2015-07-21", "reader")


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("http://www.paper.example/2015/20150721/fe1.htm", "2015-07-21"),
        ("http://paper.example/Issues/20150720/Con20150720784687.htm", "2015-07-20"),
        ("https://paper.example/ar/2018-08-02-the-minister", "2018-08-02"),
        ("http://paper.example/1066236", None),  # an article number
        ("http://paper.example/news/2019-13-01/a", None),  # no 13th month
        ("http://20150720.example/a", None),  # the host is no date
        ("http://paper.example/2091/01/01/a", None),  # not yet
    ],
)
def test_publication_date_from_the_address(url: str, published: str | None) -> None:
    assert url_date(url) == published


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The minister said on Monday that the talks with the delegation were going well and "
         "that an agreement was close.", "en"),
        ("Le ministre a déclaré lundi que les discussions avec la délégation se passaient bien et "
         "qu'un accord était proche.", "fr"),
        ("1234 5678 !!! ---", "und"),
    ],
)  # fmt: skip
def test_metadata_not_arabic(text: str, language: str) -> None:
    doc = Document(id="foreign", raw=text)
    with pytest.raises(NotArabic, match=r"foreign is not Arabic \(\d+% Arabic letters"):
        MetadataStage()(CleanStage()(doc))
    assert doc.source.language == language and "not-arabic" in doc.flags


def test_metadata_not_arabic_is_a_pipeline_failure() -> None:
    outcome = build_pipeline(FOUNDATION_STAGES).run_one(
        Document(id="en", raw="Officials met in the capital on Sunday to discuss the budget.")
    )
    assert outcome.document is None and outcome.failure is not None
    assert outcome.failure.kind == "not-arabic" and outcome.failure.code == "K108"


def test_metadata_empty_text_is_no_content() -> None:
    with pytest.raises(NoContent):
        process("***\n\n(تستمر)\n")


def test_lang_guess() -> None:
    assert guess_language(BODY).language == "ar"
    assert guess_language(BODY + " (Reuters) UN").language == "ar"
    persian = "وزیر امور خارجه گفت که گفتگوها با هیئت پاکستانی به خوبی پیش می‌رود و توافق نزدیک است"
    assert guess_language(persian).language == "fa"
    assert guess_language("قال").language == "und"  # too little text to tell
    urdu = "وزیر خارجہ نے کہا کہ پاکستان اور افغانستان کے درمیان بات چیت جاری ہے اور معاہدہ قریب ہے"
    assert guess_language(urdu).language == "ur"
    # Arabic typed on a Persian keyboard (ی, ک) is Arabic
    typed = "دعا قائد الثورة الاسلامیة الشعراء الی کتابة قصائد عن الجاهلیة الحدیثة فی المنطقة"
    assert guess_language(typed).language == "ar"
    presentation = "ﺍﻟﺤﻜﻮﻣﺔ ﺗﻌﻠﻦ ﺍﻟﺨﻄﺔ ﺍﻟﺠﺪﻳﺪﺓ ﻟﻠﻌﺎﻡ ﺍﻟﻤﻘﺒﻞ"  # PDF-style presentation forms
    assert guess_language(presentation).language == "ar"


def test_metadata_reader_outlet_is_canonicalised() -> None:
    assert process(BODY, outlet="سكاي نيوز عربية").source.outlet == "Sky News Arabia"
    assert process(BODY, outlet="Some Local Paper").source.outlet == "Some Local Paper"


def test_metadata_persian_text_says_why_it_is_refused() -> None:
    text = "وزیر امور خارجه ایران گفت که گفتگوها با هیئت پاکستانی به خوبی پیش می‌رود. " * 3
    doc = Document(id="fa", raw=text)
    with pytest.raises(NotArabic, match=r"fa is not Arabic \(Arabic script, but Persian letters"):
        MetadataStage()(CleanStage()(doc))
    assert doc.source.language == "fa"
