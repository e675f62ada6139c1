"""The shape of every knowledge file: columns, codes, and the checks one row must pass.

Sector codes follow the PLOVER/POLECAT actor types (built on CAMEO agent codes); country
codes are ISO 3166 alpha-3 from countries.tsv plus the CAMEO/PLOVER codes for actors that
belong to no single state (IGO, IMG …) and the CAMEO regional codes (MEA, CAS …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTORS: dict[str, str] = {
    "GOV": "government, executive",
    "MIL": "military, armed forces of a state",
    "COP": "police, internal security",
    "SPY": "intelligence services",
    "JUD": "judiciary, courts, prosecutors",
    "LEG": "legislature, parliament",
    "PTY": "political party",
    "OPP": "political opposition",
    "REB": "rebels, insurgents, militant groups",
    "SEP": "separatists",
    "UAF": "unidentified armed force, gunmen",
    "CVL": "civilians, protesters, residents",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "JRN": "journalists, media outlets, news agencies",
    "MED": "health, medical",
    "EDU": "education, students, academics",
    "BUS": "business, companies, traders",
    "LAB": "labour, unions",
    "REL": "religious actors",
    "REF": "refugees, displaced people",
    "CRM": "criminals",
    "HRI": "human rights activists",
    "ENV": "environmental groups",
    "AGR": "agriculture, farmers",
    "ELI": "elites, notables, tribal leaders",
}

# actors of no single state (CAMEO/PLOVER): international bodies and militarised groups
SPECIAL_COUNTRIES: dict[str, str] = {
    "IGO": "intergovernmental organisation",
    "NGO": "international non-governmental organisation",
    "IMG": "international militarised group (transnational militants, CAMEO IMG)",
    # CAMEO manual 1.1b3, table 3.2 (international/transnational generic codes): foreign or
    # multinational forces that no state is named for («القوات الأجنبية», «قوات دولية»)
    "INT": "international/transnational generic actor (CAMEO INT)",
    "MNC": "multinational corporation",
    "UIS": "unidentified state actor",
}
# CAMEO regional codes, used by regions.tsv for areas that span several states
REGION_CODES: dict[str, str] = {
    "AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CRB": "Caribbean", "CAU": "Caucasus",
    "CFR": "Central Africa", "CAS": "Central Asia", "CEU": "Central Europe",
    "EAF": "East Africa", "EEU": "Eastern Europe", "EUR": "Europe", "LAM": "Latin America",
    "MEA": "Middle East", "MDT": "Mediterranean", "NAF": "North Africa", "NMR": "North America",
    "PGS": "Persian Gulf", "SCN": "Scandinavia", "SAM": "South America", "SAS": "South Asia",
    "SEA": "Southeast Asia", "SAF": "Southern Africa", "WAF": "West Africa", "WST": "the West",
    "HRN": "Horn of Africa", "SAH": "Sahel", "RDS": "Red Sea", "WLD": "the world",
}  # fmt: skip
EXTRA_COUNTRIES = {**SPECIAL_COUNTRIES, **REGION_CODES}

ENTRY_KINDS = {
    "country", "territory", "place", "region", "site", "igo", "armed", "party", "media",
    "agency", "company", "ngo", "institution", "person", "religious", "court",
}  # fmt: skip
INSTITUTION_KINDS = {"ministry", "institution", "force", "body"}


@dataclass(frozen=True, slots=True)
class FileSpec:
    name: str
    required: tuple[str, ...]
    non_empty: tuple[str, ...]
    optional: bool = False  # written by someone else; load without it when absent


FILES: dict[str, FileSpec] = {
    spec.name: spec
    for spec in (
        FileSpec(
            "countries.tsv",
            ("id", "iso2", "name_en", "name_ar", "aliases_ar", "nisba_ar", "capital_en",
             "capital_ar", "note"),
            ("id", "name_en", "name_ar"),
        ),
        FileSpec(
            "places.tsv",
            ("id", "geonames_id", "name_en", "name_ar", "aliases_ar", "country", "lat", "lon",
             "population"),
            ("id", "name_ar", "country"),
            optional=True,
        ),
        FileSpec(
            "regions.tsv",
            ("id", "kind", "name_en", "name_ar", "aliases_ar", "country", "lat", "lon", "note"),
            ("id", "kind", "name_ar"),
        ),
        FileSpec(
            "organizations.tsv",
            ("id", "kind", "name_en", "name_ar", "aliases_ar", "country", "sector", "note"),
            ("id", "kind", "name_ar", "sector"),
        ),
        FileSpec(
            "people.tsv",
            ("id", "name_en", "name_ar", "aliases_ar", "country", "sector", "wikidata", "note"),
            ("id", "name_ar"),
            optional=True,
        ),
        FileSpec(
            "offices.tsv",
            ("person_id", "country", "office", "start", "end", "note"),
            ("person_id", "country", "office", "start"),
            optional=True,
        ),
        FileSpec(
        "institutions.tsv",
        ("phrase_ar", "name_en", "kind", "sector", "note"),
        ("phrase_ar", "name_en", "sector"),
    ),
        FileSpec("roles.tsv", ("phrase_ar", "office", "sector", "note"), ("phrase_ar", "sector")),
        FileSpec("agents.tsv", ("phrase_ar", "sector", "note"), ("phrase_ar", "sector")),
        FileSpec("titles.tsv", ("phrase_ar", "kind", "note"), ("phrase_ar",)),
        FileSpec("given_names.tsv", ("name_ar", "origin", "note"), ("name_ar",)),
    )
}  # fmt: skip

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO3 = re.compile(r"^[A-Z]{3}$")
ARABIC = re.compile(r"[\u0621-\u064A]")

# read by kb/coverage.py, not by the entry loader: which countries the coverage report checks
# by default, and the periods in which an office does not exist in a country (not a gap)
GROUPS_FILE = FileSpec("country_groups.tsv", ("group", "country", "note"), ("group", "country"))
ABSENT_FILE = FileSpec(
    "office_absent.tsv",
    ("country", "office", "start", "end", "note"),
    ("country", "office", "start", "note"),
)
