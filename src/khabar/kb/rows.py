"""Turn validated TSV rows into knowledge-base records, collecting every problem with file:line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..text.normalize import fold_text
from .model import Agent, Institution, KBEntry, KnowledgeBase, Office, Role
from .nisba import nisba_forms
from .schema import (
    ARABIC,
    ENTRY_KINDS,
    EXTRA_COUNTRIES,
    FILES,
    INSTITUTION_KINDS,
    ISO3,
    ISO_DATE,
    SECTORS,
    FileSpec,
)
from .tsv import read_tsv, split_list

_OFFICE = re.compile(r"^[a-z][a-z0-9_]*$")


def _calendar_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists (not 2021-07-32)."""
    if not ISO_DATE.match(value):
        return False
    year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
_INSTITUTION_NAME = re.compile(r"^[a-z][a-z' ]*[a-z]$")
_ENTRY_ID = re.compile(r"^([A-Z]{3}|[a-z_]+:[\w.\-]+)$")


@dataclass(slots=True)
class Problem:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else self.message


@dataclass(slots=True)
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int | None, message: str) -> None:
        self.items.append(Problem(path, line, message))


def fold_key(text: str) -> str:
    return " ".join(fold_text(text).split())


class RowReader:
    """Reads the files of one or more data directories into a KnowledgeBase."""

    def __init__(self, kb: KnowledgeBase, problems: Problems):
        self.kb = kb
        self.problems = problems
        self.countries: set[str] = set()
        self._origin: dict[str, Path] = {}  # entry id -> directory that defined it
        self._office_lines: list[tuple[Path, int, Office]] = []
        self._entry_lines: dict[str, tuple[Path, int]] = {}
        self._handlers: dict[str, Callable[[Path, int, dict[str, str]], None]] = {
            "countries.tsv": self._country,
            "places.tsv": self._place,
            "regions.tsv": self._region,
            "organizations.tsv": self._organization,
            "people.tsv": self._person,
            "offices.tsv": self._office,
            "institutions.tsv": self._institution,
            "roles.tsv": self._role,
            "agents.tsv": self._agent,
            "titles.tsv": self._title,
            "given_names.tsv": self._given_name,
        }

    def read_all(self, base: Path, extra: tuple[Path, ...]) -> None:
        # file by file across directories: countries from every directory come before the rest
        for spec in FILES.values():
            for directory in (base, *extra):
                path = directory / spec.name
                if not path.exists():
                    if directory == base and not spec.optional:
                        self.problems.add(path, None, f"{path}: missing knowledge file")
                    continue
                self._read_file(path, spec)
        self._check_offices()
        self._check_shared_aliases()

    def _read_file(self, path: Path, spec: FileSpec) -> None:
        handler = self._handlers[spec.name]
        rows = _rows(path, spec)
        while True:
            try:
                item = next(rows, None)
            except KnowledgeBaseError as exc:
                self.problems.add(path, None, exc.message)
                return
            if item is None:
                return
            line, row = item
            empty = [c for c in spec.non_empty if not row.get(c)]
            if empty:
                self.problems.add(path, line, f"empty required field(s) {empty}")
                continue
            handler(path, line, row)

    # -- checks shared by the entry files -------------------------------------------------------

    def _check_country(self, path: Path, line: int, code: str, *, allow_empty: bool) -> str | None:
        if not code:
            if not allow_empty:
                self.problems.add(path, line, "empty country code")
            return None
        if code not in self.countries and code not in EXTRA_COUNTRIES:
            self.problems.add(path, line, f"unknown country code {code!r}")
        return code

    def _check_sector(self, path: Path, line: int, sector: str, *, allow_empty: bool) -> str | None:
        if not sector:
            if not allow_empty:
                self.problems.add(path, line, "empty sector")
            return None
        if sector not in SECTORS:
            self.problems.add(path, line, f"unknown sector {sector!r} (see kb/schema.py SECTORS)")
        return sector

    def _check_arabic(self, path: Path, line: int, forms: list[str]) -> None:
        for form in forms:
            if not ARABIC.search(form):
                self.problems.add(path, line, f"Arabic form without Arabic letters: {form!r}")

    def _add_entry(self, path: Path, line: int, entry: KBEntry) -> None:
        if not _ENTRY_ID.match(entry.id):
            self.problems.add(path, line, f"malformed id {entry.id!r}")
        if entry.kind not in ENTRY_KINDS:
            self.problems.add(path, line, f"unknown kind {entry.kind!r}")
        self._check_arabic(path, line, entry.aliases_ar)
        directory = path.parent
        if entry.id in self.kb.entries and self._origin[entry.id] == directory:
            self.problems.add(path, line, f"duplicate id {entry.id!r}")
            return
        self._origin[entry.id] = directory  # an extra directory may redefine a shipped entry
        self._entry_lines[entry.id] = (path, line)
        self.kb.entries[entry.id] = entry

    # -- one handler per file -------------------------------------------------------------------

    def _country(self, path: Path, line: int, row: dict[str, str]) -> None:
        code = row["id"]
        if not ISO3.match(code):
            self.problems.add(path, line, f"country id must be ISO alpha-3, got {code!r}")
        self.countries.add(code)
        entry = KBEntry(
            code, "LOC", "country", row["name_en"], row["name_ar"],
            _aliases(row["name_ar"], row["aliases_ar"]), code, None,
        )  # fmt: skip
        self._add_entry(path, line, entry)
        for stem in split_list(row["nisba_ar"]):
            for form in nisba_forms(stem):
                key = fold_key(form)
                owner = self.kb.nisba.setdefault(key, code)
                if owner != code:
                    self.problems.add(path, line, f"nisba {form!r} already means {owner}")
        for capital in split_list(row["capital_ar"]):
            self.kb.capitals.setdefault(fold_key(capital), code)

    def _place(self, path: Path, line: int, row: dict[str, str]) -> None:
        country = self._check_country(path, line, row["country"], allow_empty=False)
        entry = KBEntry(
            row["id"], "LOC", "place", row["name_en"], row["name_ar"],
            _aliases(row["name_ar"], row["aliases_ar"]), country, None,
            lat=self._number(path, line, row["lat"], float),
            lon=self._number(path, line, row["lon"], float),
            population=self._number(path, line, row["population"], int),
        )  # fmt: skip
        self._add_entry(path, line, entry)

    def _region(self, path: Path, line: int, row: dict[str, str]) -> None:
        if row["kind"] not in ("region", "site"):
            self.problems.add(path, line, f"kind must be region or site, got {row['kind']!r}")
        entry = KBEntry(
            row["id"], "LOC", row["kind"], row["name_en"], row["name_ar"],
            _aliases(row["name_ar"], row["aliases_ar"]),
            self._check_country(path, line, row["country"], allow_empty=True), None,
            lat=self._number(path, line, row["lat"], float),
            lon=self._number(path, line, row["lon"], float),
        )  # fmt: skip
        self._add_entry(path, line, entry)

    def _organization(self, path: Path, line: int, row: dict[str, str]) -> None:
        entry = KBEntry(
            row["id"], "ORG", row["kind"], row["name_en"], row["name_ar"],
            _aliases(row["name_ar"], row["aliases_ar"]),
            self._check_country(path, line, row["country"], allow_empty=True),
            self._check_sector(path, line, row["sector"], allow_empty=False),
        )  # fmt: skip
        self._add_entry(path, line, entry)

    def _person(self, path: Path, line: int, row: dict[str, str]) -> None:
        entry = KBEntry(
            row["id"], "PER", "person", row["name_en"], row["name_ar"],
            _aliases(row["name_ar"], row["aliases_ar"]),
            self._check_country(path, line, row["country"], allow_empty=True),
            self._check_sector(path, line, row["sector"], allow_empty=True),
            wikidata=row["wikidata"] or None,
        )  # fmt: skip
        if entry.wikidata and not re.fullmatch(r"Q\d+", entry.wikidata):
            self.problems.add(path, line, f"malformed wikidata id {entry.wikidata!r}")
        self._add_entry(path, line, entry)

    def _office(self, path: Path, line: int, row: dict[str, str]) -> None:
        for column in ("start", "end"):
            if row[column] and not _calendar_date(row[column]):
                self.problems.add(path, line, f"{column} is not an ISO date: {row[column]!r}")
        if not _OFFICE.match(row["office"]):
            self.problems.add(path, line, f"office must be snake_case, got {row['office']!r}")
        country = self._check_country(path, line, row["country"], allow_empty=False) or ""
        term = Office(row["person_id"], country, row["office"], row["start"], row["end"] or None)
        self.kb.offices.append(term)
        self._office_lines.append((path, line, term))

    def _institution(self, path: Path, line: int, row: dict[str, str]) -> None:
        if row["kind"] and row["kind"] not in INSTITUTION_KINDS:
            self.problems.add(path, line, f"unknown institution kind {row['kind']!r}")
        sector = self._check_sector(path, line, row["sector"], allow_empty=False) or ""
        self._check_arabic(path, line, [row["phrase_ar"]])
        if not _INSTITUTION_NAME.match(row["name_en"]):
            self.problems.add(path, line, f"name_en must be lower-case English words, got {row['name_en']!r}")
        self.kb.institutions.append(
            Institution(row["phrase_ar"], row["name_en"], row["kind"], sector, row["note"])
        )

    def _role(self, path: Path, line: int, row: dict[str, str]) -> None:
        office = row["office"] or None
        if office and not _OFFICE.match(office):
            self.problems.add(path, line, f"office must be snake_case, got {office!r}")
        sector = self._check_sector(path, line, row["sector"], allow_empty=False) or ""
        self._check_arabic(path, line, [row["phrase_ar"]])
        self.kb.roles.append(Role(row["phrase_ar"], office, sector, row["note"]))

    def _agent(self, path: Path, line: int, row: dict[str, str]) -> None:
        sector = self._check_sector(path, line, row["sector"], allow_empty=False) or ""
        self._check_arabic(path, line, [row["phrase_ar"]])
        self.kb.agents.append(Agent(row["phrase_ar"], sector, row["note"]))

    def _title(self, path: Path, line: int, row: dict[str, str]) -> None:
        self._check_arabic(path, line, [row["phrase_ar"]])
        self.kb.titles.append(row["phrase_ar"])

    def _given_name(self, path: Path, line: int, row: dict[str, str]) -> None:
        self._check_arabic(path, line, [row["name_ar"]])
        self.kb.given_names.add(fold_key(row["name_ar"]))
        if row.get("origin") == "arabic":
            self.kb.arabic_given_names.add(fold_key(row["name_ar"]))

    # -- helpers ----------------------------------------------------------------------------------

    def _check_offices(self) -> None:
        for path, line, term in self._office_lines:
            entry = self.kb.entries.get(term.person_id)
            if entry is None:
                self.problems.add(path, line, f"unknown person_id {term.person_id!r}")
            elif entry.type != "PER":
                self.problems.add(path, line, f"{term.person_id!r} is not a person")
            elif term.end and term.end < term.start:
                self.problems.add(path, line, "end date before start date")

    def _check_shared_aliases(self) -> None:
        # two named entities with one surface form is a data bug; homonymous places are not
        owner: dict[str, str] = {}
        for entry in self.kb.entries.values():
            if entry.kind == "place":
                continue
            for alias in entry.aliases_ar:
                key = fold_key(alias)
                first = owner.setdefault(key, entry.id)
                if first != entry.id:
                    path, line = self._entry_lines[entry.id]
                    self.problems.add(path, line, f"alias {alias!r} also names {first!r}")

    def _number(self, path: Path, line: int, value: str, kind: type) -> float | int | None:
        if not value:
            return None
        try:
            return kind(value)
        except ValueError:
            self.problems.add(path, line, f"not a number: {value!r}")
            return None


def _rows(path: Path, spec: FileSpec) -> Iterator[tuple[int, dict[str, str]]]:
    return read_tsv(path, spec.required)


def _aliases(name_ar: str, aliases: str) -> list[str]:
    # spellings that fold alike («أردو بوينت», «أردو بوینت») match alike: keep the first
    forms: dict[str, str] = {}
    for form in (name_ar, *split_list(aliases)):
        forms.setdefault(fold_key(form), form)
    return list(forms.values())
