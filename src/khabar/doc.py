"""The central document model: one `Document` flows through every stage.

Every annotation is a typed field and every span carries character offsets into
`Document.text` (the cleaned body), so any extraction can be highlighted.
Only `to_dict` / `from_dict` know about JSON; stages work on the dataclasses.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

SCHEMA_VERSION = 1

T = TypeVar("T")


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class SourceLine:
    """A dateline/source line the cleaner removed, split into its parts as written."""

    text: str
    city: str | None = None
    outlets: list[str] = field(default_factory=list)  # names as written (Arabic or Latin)
    agencies: list[str] = field(default_factory=list)
    date_text: str | None = None
    where: str = "top"  # top (dateline) | bottom (a «المصدر:» or «(أ ف ب)» line at the end)


@dataclass(slots=True)
class Source:
    """Where the article comes from and what we know of its publication."""

    outlet: str | None = None
    agency: str | None = None
    agency_ar: str | None = None
    dateline: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None  # reader | dateline | text
    url: str | None = None
    language: str | None = None
    encoding: str | None = None
    path: str | None = None
    line: int | None = None
    format: str | None = None  # text | jsonl | html | warc | rss | stdin
    source_lines: list[SourceLine] = field(default_factory=list)  # set by the clean stage


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Token:
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    source: str = "gazetteer"  # gazetteer | model | pattern | coref


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    name_ar: str | None = None
    type: str = "ORG"  # PER | ORG | LOC | MISC
    country: str | None = None  # ISO-3166 alpha-3 or IGO/IMG…
    sector: str | None = None  # PLOVER sector (GOV, MIL, …)
    kind: str | None = None  # country | place | region | site | org | person | agent …
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO date, month (YYYY-MM), year, or "start/end" for a range
    granularity: str | None  # day | month | year | range | duration | part-of-month …
    kind: str  # absolute | relative | weekday | fuzzy | range | duration | hijri
    resolved: bool = True


@dataclass(slots=True)
class Speaker:
    entity: str | None  # entity id
    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: Speaker | None
    verb: str | None
    direct: bool


@dataclass(slots=True)
class Amount:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    kind: str  # number | killed | injured | money | percent | …


@dataclass(slots=True)
class ActorRef:
    entity_text: str
    entity_id: str | None
    code: str | None  # country code (ISO alpha-3, IGO…) + sector
    sector: str | None
    country: str | None = None


@dataclass(slots=True)
class Event:
    """A PLOVER event record, with the codebook's field names."""

    id: str
    event: str
    mode: list[str] = field(default_factory=list)
    aux_mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    date: str | None = None
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    event_loc: dict[str, Any] | None = None
    event_text: str = ""
    trigger: Span | None = None
    text_info: Span | None = None
    quad_code: int | None = None
    cameo_root: str | None = None
    dead: int | None = None
    injured: int | None = None
    confidence: float = 0.0


@dataclass(slots=True)
class Failure:
    kind: str  # decode | empty | binary | truncated | malformed | too-large | not-arabic | …
    message: str
    path: str | None = None
    line: int | None = None
    code: str | None = None  # K-code of the error
    doc_id: str | None = None


@dataclass(slots=True)
class DedupInfo:
    cluster: str | None = None
    similarity: float | None = None


@dataclass(slots=True)
class TraceEntry:
    stage: str
    version: str


@dataclass(slots=True)
class Document:
    id: str
    raw: str = ""
    title: str | None = None
    text: str = ""
    source: Source = field(default_factory=Source)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dedup: DedupInfo | None = None
    flags: list[str] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)  # boilerplate spans removed from raw
    trace: list[TraceEntry] = field(default_factory=list)

    def to_dict(self, *, include_raw: bool = False, include_tokens: bool = False) -> dict[str, Any]:
        skipped = {name for name, keep in (("raw", include_raw), ("tokens", include_tokens)) if not keep}
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for name in _field_names(Document):
            if name not in skipped:
                out[name] = _to_plain(getattr(self, name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        version = data.pop("schema_version", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:
            raise ValueError(f"document schema_version {version} is newer than {SCHEMA_VERSION}")
        return _from_plain(cls, data)

    def mark(self, stage: str, version: str) -> None:
        self.trace.append(TraceEntry(stage, version))


_PLAIN = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _to_plain(obj: Any) -> Any:
    # serialising runs once per document on the hot path: cheap type checks first
    if isinstance(obj, _PLAIN):
        return obj
    if isinstance(obj, list):
        return [_to_plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _to_plain(value) for key, value in obj.items()}
    if dataclasses.is_dataclass(obj):
        return {name: _to_plain(getattr(obj, name)) for name in _field_names(type(obj))}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _from_plain(cls: type[T], data: dict[str, Any]) -> T:
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {key: _convert(hints[key], value) for key, value in data.items() if key in names}
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_convert(item_hint, item) for item in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _from_plain(hint, value)
    return value
