"""Names of news outlets and wire agencies (kb/data/outlets.tsv, agencies.tsv).

Lookups go through folded keys (`fold_text` plus collapsed spaces and dots), so «أ.ف.ب»,
«ا ف ب» and «أ ف ب» are one key and Persian/Urdu letter forms match Arabic ones.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import KnowledgeBaseError
from ..kb.tsv import data_path, read_tsv, split_list
from ..text.normalize import fold_text

AGENCY_KINDS = frozenset({"wire", "broadcaster", "generic"})
_KEY_JUNK = re.compile(r"[\s.\-_]+")
# scheme://host with a plain host (no user, port or brackets): urlsplit is not needed
_SIMPLE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://([A-Za-z0-9.\-]*)(?:[/?#]|\Z)")
_HOST_CACHE_LIMIT = 4096


def name_key(name: str) -> str:
    """The lookup key of a name: folded, lower-cased, without spaces, dots and dashes."""
    return _KEY_JUNK.sub("", fold_text(name)).lower()


@dataclass(slots=True, frozen=True)
class Agency:
    name: str | None  # canonical English name; None for generic credits («وكالات»)
    kind: str
    name_ar: str  # the first Arabic variant, the usual spelling


@dataclass(slots=True, frozen=True)
class Outlet:
    name: str
    name_ar: str | None
    place: bool = False  # the name is also a place («الرياض»)


@dataclass(slots=True)
class SourceNames:
    agencies: dict[str, Agency]
    outlets: dict[str, Outlet]
    hosts: dict[str, Outlet]
    variants: list[str]  # every listed spelling, for building patterns
    _by_host: dict[str, Outlet | None] = field(default_factory=dict)  # URL hosts seen

    def agency(self, name: str) -> Agency | None:
        return self.agencies.get(name_key(name))

    def outlet(self, name: str) -> Outlet | None:
        return self.outlets.get(name_key(name))

    def outlet_for_url(self, url: str | None) -> Outlet | None:
        if not url:
            return None
        host = url_host(url)
        if host is None:
            return None
        if host not in self._by_host:
            if len(self._by_host) >= _HOST_CACHE_LIMIT:
                self._by_host.clear()
            self._by_host[host] = self._lookup_host(host)
        return self._by_host[host]

    def _lookup_host(self, host: str) -> Outlet | None:
        while host:
            if host in self.hosts:
                return self.hosts[host]
            _, _, host = host.partition(".")
        return None


def url_host(url: str) -> str | None:
    """The lower-cased host of a URL as `urlsplit(url.strip()).hostname` gives it ("" for
    none), or None for a URL urlsplit rejects."""
    url = url.strip()
    simple = _SIMPLE_URL.match(url)
    if simple is not None and "\t" not in url and "\r" not in url and "\n" not in url:
        return simple.group(1).lower()
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None


def load_agencies(path: Path) -> tuple[dict[str, Agency], list[str]]:
    table: dict[str, Agency] = {}
    variants: list[str] = []
    for number, row in read_tsv(path, ["name", "kind", "variants", "note"], non_empty=["kind"]):
        names = split_list(row["variants"])
        if row["kind"] not in AGENCY_KINDS or not names:
            raise KnowledgeBaseError(f"{path}:{number}: bad kind {row['kind']!r} or no variants")
        if row["kind"] != "generic" and not row["name"]:
            raise KnowledgeBaseError(f"{path}:{number}: a {row['kind']} needs a name")
        agency = Agency(row["name"] or None, row["kind"], names[0])
        for variant in names:
            table.setdefault(name_key(variant), agency)
            variants.append(variant)
    return table, variants


def load_outlets(path: Path) -> tuple[dict[str, Outlet], dict[str, Outlet], list[str]]:
    by_name: dict[str, Outlet] = {}
    by_host: dict[str, Outlet] = {}
    variants: list[str] = []
    columns = ["name", "names", "hosts", "place", "note"]
    for number, row in read_tsv(path, columns, non_empty=["name"]):
        names = split_list(row["names"])
        hosts = split_list(row["hosts"])
        if (not names and not hosts) or row["place"] not in ("", "0", "1"):
            raise KnowledgeBaseError(
                f"{path}:{number}: an outlet needs names or hosts; place is 0/1"
            )
        arabic = next((n for n in names if re.search(r"[\u0600-\u06FF]", n)), None)
        outlet = Outlet(row["name"], arabic, row["place"] == "1")
        for name in names:
            by_name.setdefault(name_key(name), outlet)
            variants.append(name)
        for host in hosts:
            by_host.setdefault(host.lower().removeprefix("www."), outlet)
    return by_name, by_host, variants


@functools.lru_cache(maxsize=4)
def load_source_names(
    agencies_path: Path | None = None, outlets_path: Path | None = None
) -> SourceNames:
    """Load both tables once per process (stages call this from `setup()`)."""
    agencies, agency_variants = load_agencies(agencies_path or data_path("agencies.tsv"))
    outlets, hosts, outlet_variants = load_outlets(outlets_path or data_path("outlets.tsv"))
    return SourceNames(agencies, outlets, hosts, agency_variants + outlet_variants)


@functools.lru_cache(maxsize=2)
def load_given_names(path: Path | None = None) -> frozenset[str]:
    """Folded given names (kb/data/given_names.tsv) to tell bylines from datelines; empty
    when the file is absent, since the dateline parser works without it."""
    path = path or data_path("given_names.tsv")
    if not path.exists():
        return frozenset()
    names = {fold_text(row["name_ar"]) for _, row in read_tsv(path, ["name_ar"]) if row["name_ar"]}
    # «عبد الله» is often written «عبدالله»: a byline's first word is then the joined form
    return frozenset(names | {name.replace(" ", "") for name in names if " " in name})
