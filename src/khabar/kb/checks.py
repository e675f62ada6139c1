"""Every knowledge data file and the loader that validates it: what `khabar kb check` runs.

`CHECKS` is the one table: data file -> checker. A checker calls the loader the pipeline itself
uses for that file (parsing and validation live there, not here) and returns its problems as
"file:line: message". A data file under the directory with no entry in the table is a problem
too ("no checker for X.tsv"), so a new file cannot slip past the check.

Files that are read together share a checker, run once: the entry files (countries … offices,
cross-checked by `check_kb`) and the event lexicon (plover, triggers, event cues). A checker
reads a companion file (numbers.tsv for months.tsv …) from the directory when it is there, else
the shipped one, as the loaders do.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..clean.rules import load_rules
from ..clean.sources import load_agencies, load_outlets
from ..errors import KnowledgeBaseError
from ..extract import amounts, coref, date_grammar, entity_lexicon, event_triggers
from ..extract.clause_breaks import clause_break_pattern
from ..extract.date_names import NAMED_DATES_FILE, load_named_dates
from ..extract.entity_places import PLACE_HEADS_FILE, load_place_heads
from ..extract.event_lexicon import check_event_lexicon
from ..extract.quote_verbs import load_speech_verbs
from ..text import calendar
from .coverage import load_absences, load_country_groups
from .loader import check_kb
from .schema import FILES
from .tsv import DATA_DIR, read_tsv

__all__ = ["CHECKS", "DATA_SUFFIXES", "CheckReport", "check_data", "check_extra"]

Checker = Callable[[Path], list[str]]  # data directory -> problems as "file:line: message"
DATA_SUFFIXES = (".tsv", ".yaml", ".yml", ".json", ".csv")  # NOTICE and README files are not data


@dataclass(slots=True)
class CheckReport:
    rows: dict[str, int | None] = field(default_factory=dict)  # data file -> rows (None: not TSV)
    problems: list[str] = field(default_factory=list)


def _at(data_dir: Path, name: str) -> Path:
    """`name` in `data_dir`, else the shipped file that the loaders fall back on."""
    path = data_dir / name
    return path if path.exists() else DATA_DIR / name


def _problems(path: Path, *loads: Callable[[], object]) -> list[str]:
    """Runs loaders of `path` that raise on its first bad row; one problem per failing loader."""
    out: list[str] = []
    for load in loads:
        try:
            load()
        except KnowledgeBaseError as exc:
            out.append(exc.message)
        except ValueError as exc:  # a loader converted a value it had not checked
            out.append(f"{path}: {exc}")
    return out


# --- one checker per loader -------------------------------------------------------------------


def _entries(d: Path) -> list[str]:
    return check_kb(d)


def _events(d: Path) -> list[str]:
    return check_event_lexicon(d)


def _agencies(d: Path) -> list[str]:
    path = d / "agencies.tsv"
    return _problems(path, lambda: load_agencies(path))


def _outlets(d: Path) -> list[str]:
    path = d / "outlets.tsv"
    return _problems(path, lambda: load_outlets(path))


def _boilerplate(d: Path) -> list[str]:
    path = d / "boilerplate.tsv"
    return _problems(path, lambda: load_rules(path))


def _months(d: Path) -> list[str]:
    path, numbers = d / "months.tsv", _at(d, "numbers.tsv")
    return _problems(path, lambda: calendar._load_tables(months_path=path, numbers_path=numbers))


def _numbers(d: Path) -> list[str]:
    path, currencies, temporal = d / "numbers.tsv", _at(d, "currencies.tsv"), _at(d, "temporal.tsv")
    return _problems(
        path,
        lambda: calendar._load_ordinals(path=path),
        lambda: amounts._load(numbers_path=path, currencies_path=currencies),
        lambda: date_grammar.load_lexicon(temporal_path=temporal, numbers_path=path),
    )


def _currencies(d: Path) -> list[str]:
    path = d / "currencies.tsv"
    return _problems(path, lambda: amounts._currencies(path=path))


def _temporal(d: Path) -> list[str]:
    path, numbers = d / "temporal.tsv", _at(d, "numbers.tsv")
    return _problems(
        path, lambda: date_grammar.load_lexicon(temporal_path=path, numbers_path=numbers)
    )


def _named_dates(d: Path) -> list[str]:
    path = d / NAMED_DATES_FILE
    return _problems(path, lambda: load_named_dates(path))


def _place_heads(d: Path) -> list[str]:
    path = d / PLACE_HEADS_FILE
    return _problems(path, lambda: load_place_heads(path))


def _speech_verbs(d: Path) -> list[str]:
    path = d / "speech_verbs.tsv"
    return _problems(path, lambda: load_speech_verbs(path))


def _name_stopwords(d: Path) -> list[str]:
    path = d / entity_lexicon.STOPWORDS_FILE
    return _problems(path, lambda: entity_lexicon._read_stopwords(path))


def _coref_roles(d: Path) -> list[str]:
    path = d / coref.ROLES_FILE
    return _problems(path, lambda: coref.load_role_nouns(path))


def _coref_orgs(d: Path) -> list[str]:
    path = d / coref.ORGS_FILE
    return _problems(path, lambda: coref.load_org_nouns(path))


def _country_groups(d: Path) -> list[str]:
    path, countries = d / "country_groups.tsv", _at(d, "countries.tsv")
    return _problems(path, lambda: load_country_groups(path, countries_path=countries))


def _office_absent(d: Path) -> list[str]:
    path, countries = d / "office_absent.tsv", _at(d, "countries.tsv")
    return _problems(path, lambda: load_absences(path, countries_path=countries))


def _clause_breaks(d: Path) -> list[str]:
    path = d / "clause_breaks.tsv"
    return _problems(path, lambda: clause_break_pattern.__wrapped__(path))


def _detector(name: str) -> Checker:
    def check(d: Path) -> list[str]:
        return _problems(d / name, lambda: event_triggers.DetectorModel.load(d / name))

    return check


CHECKS: dict[str, Checker] = {
    # the entry files: one pass of the KB loader, with its checks across files
    "countries.tsv": _entries,
    "places.tsv": _entries,
    "regions.tsv": _entries,
    "organizations.tsv": _entries,
    "institutions.tsv": _entries,
    "roles.tsv": _entries,
    "agents.tsv": _entries,
    "titles.tsv": _entries,
    "given_names.tsv": _entries,
    "people.tsv": _entries,
    "offices.tsv": _entries,
    # the coverage report's country groups and offices that do not exist
    "country_groups.tsv": _country_groups,
    "office_absent.tsv": _office_absent,
    # cleaning: wire agencies, outlets, boilerplate lines
    "agencies.tsv": _agencies,
    "outlets.tsv": _outlets,
    "boilerplate.tsv": _boilerplate,
    # calendar, dates, amounts, quotes
    "months.tsv": _months,
    "numbers.tsv": _numbers,
    "currencies.tsv": _currencies,
    "temporal.tsv": _temporal,
    NAMED_DATES_FILE: _named_dates,
    "speech_verbs.tsv": _speech_verbs,
    # entities and coreference
    "name_stopwords.tsv": _name_stopwords,
    "coref_roles.tsv": _coref_roles,
    "coref_orgs.tsv": _coref_orgs,
    PLACE_HEADS_FILE: _place_heads,
    # events: the lexicon is loaded as one, the detector weights file by file
    "plover.tsv": _events,
    "triggers.tsv": _events,
    "event_cues.tsv": _events,
    "event_domains.tsv": _events,
    "event_senses.tsv": _events,
    "clause_breaks.tsv": _clause_breaks,
    "event_detector.tsv": _detector("event_detector.tsv"),
    "event_detector_default.tsv": _detector("event_detector_default.tsv"),
}


def check_data(data_dir: Path | None = None) -> CheckReport:
    """Runs the checker of every data file in `data_dir` (default: the shipped data).

    A table file missing from the shipped directory is a problem; a user's directory may hold
    only some files, each checked with the shipped companions it is read with.
    """
    directory = Path(data_dir or DATA_DIR)
    if not directory.is_dir():
        return CheckReport(problems=[f"{directory}: not a directory of knowledge files"])
    present = sorted(p.name for p in directory.iterdir() if p.suffix in DATA_SUFFIXES)
    report = CheckReport(rows={name: _count_rows(directory / name) for name in present})
    problems = [f"{directory / n}: no checker for {n}" for n in present if n not in CHECKS]
    shipped = directory.resolve() == DATA_DIR.resolve()
    if shipped:
        problems += [f"{directory / n}: missing knowledge file" for n in CHECKS if n not in present]
    with tempfile.TemporaryDirectory() as scratch:
        # the user's files over links to the shipped ones: a loader reading a companion file
        # finds it, and problems are reported under the path the user knows
        checked = directory if shipped else _overlay(directory, present, Path(scratch))
        for checker in dict.fromkeys(CHECKS[n] for n in CHECKS if n in present):
            problems += [p.replace(str(checked), str(directory)) for p in checker(checked)]
    report.problems = list(dict.fromkeys(problems))  # a shared companion file reports once
    return report


def _overlay(directory: Path, present: list[str], scratch: Path) -> Path:
    for shipped in DATA_DIR.iterdir():
        if shipped.name not in present:
            (scratch / shipped.name).symlink_to(shipped.resolve())
    for name in present:
        (scratch / name).symlink_to((directory / name).resolve())
    return scratch


def _count_rows(path: Path) -> int | None:
    if path.suffix != ".tsv":
        return None
    count = 0
    try:
        for _ in read_tsv(path, ()):
            count += 1
    except (KnowledgeBaseError, csv.Error):
        pass  # its checker reports why; the count stops there
    return count


def check_extra(extra_dirs: Sequence[Path]) -> list[str]:
    """Users' folders as `--kb-extra` reads them: the knowledge-base tables (people, places…)
    through `check_kb`, every other file's rows after the shipped file of the same name. The
    problems name the user's file and line."""
    tables = {spec.name for spec in FILES.values()}
    problems: list[str] = []
    if any((d / name).exists() for d in extra_dirs for name in tables):
        problems += check_kb(DATA_DIR, extra_dirs)
    names = sorted(
        {p.name for d in extra_dirs for p in d.iterdir() if p.suffix == ".tsv"} - tables
    )
    problems += [
        f"{d / n}: khabar has no knowledge file {n}"
        for n in names
        if n not in CHECKS
        for d in extra_dirs
        if (d / n).exists()
    ]
    with tempfile.TemporaryDirectory() as scratch:
        lines: dict[str, list[tuple[Path, int]]] = {}
        for name in (n for n in names if n in CHECKS):
            merged, line_map, bad = _merge(name, extra_dirs, Path(scratch) / name)
            problems += bad
            lines[str(merged)] = line_map
        for problem in check_data(Path(scratch)).problems:
            problems.append(_remap(problem, lines))
    return list(dict.fromkeys(problems))


def _merge(
    name: str, extra_dirs: Sequence[Path], out: Path
) -> tuple[Path, list[tuple[Path, int]], list[str]]:
    """The shipped file, then the users' rows in its column order; and where each line of the
    merged file comes from."""
    shipped = DATA_DIR / name
    text = shipped.read_text(encoding="utf-8").splitlines()
    line_map = [(shipped, n) for n in range(1, len(text) + 1)]
    columns = next(
        line.split("\t") for line in text if line.strip() and not line.startswith("#")
    )
    problems: list[str] = []
    for directory in extra_dirs:
        path = directory / name
        if not path.exists():
            continue
        header: list[str] | None = None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            if header is None:
                header = line.split("\t")
                unknown = [c for c in header if c not in columns]
                if unknown:
                    problems.append(f"{path}:{number}: columns {unknown} are not in {name}")
                continue
            row = dict(zip(header, line.split("\t"), strict=False))
            text.append("\t".join(row.get(c, "") for c in columns))
            line_map.append((path, number))
    out.write_text("\n".join(text) + "\n", encoding="utf-8")
    return out, line_map, problems


def _remap(problem: str, lines: dict[str, list[tuple[Path, int]]]) -> str:
    for merged, line_map in lines.items():
        prefix = merged + ":"
        if problem.startswith(prefix):
            number, _, rest = problem[len(prefix) :].partition(":")
            if number.isdigit() and 0 < int(number) <= len(line_map):
                path, line = line_map[int(number) - 1]
                return f"{path}:{line}:{rest}"
    return problem
