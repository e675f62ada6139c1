"""The central document model: one `Document` flows through every stage.

Every annotation is a typed field and every span carries character offsets into
`Document.text` (the cleaned body), so any extraction can be highlighted.
Only `to_dict` / `from_dict` know about JSON; stages work on the dataclasses.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import starmap
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
    published_from: str | None = None  # reader | dateline | url | text
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


class Tokens(Sequence[Token]):
    """The tokens of a text as (start, end) pairs; a `Token` is made when one is read.

    Tokens come by the million and few stages read them: pairs from the tokenizer's regex
    cost less to build and to free than objects. Reads like a list of `Token` (indexing,
    slicing, iteration, `len`) and equals one with the same tokens."""

    __slots__ = ("spans",)

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans

    def __len__(self) -> int:
        return len(self.spans)

    @typing.overload
    def __getitem__(self, index: int) -> Token: ...

    @typing.overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return list(starmap(Token, self.spans[index]))
        return Token(*self.spans[index])

    def __iter__(self) -> Iterator[Token]:
        return starmap(Token, self.spans)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self.spans == other.spans
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable like a list

    def __repr__(self) -> str:
        return f"Tokens({self.spans!r})"


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
    tokens: Sequence[Token] = field(default_factory=list)  # a list or `Tokens`
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
        skipped = frozenset(
            name for name, keep in (("raw", include_raw), ("tokens", include_tokens)) if not keep
        )
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        out.update(_converter(Document, skipped)(self))
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
    """The generic walk, for values whose type hint does not say what they hold."""
    if isinstance(obj, _PLAIN):
        return obj
    if isinstance(obj, list | Tokens):
        return [_to_plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _to_plain(value) for key, value in obj.items()}
    if dataclasses.is_dataclass(obj):
        return _converter(type(obj))(obj)
    return obj


# Serialising runs once per document on the hot path: each class gets a converter built
# from its type hints once, so plain fields are copied as they are and only the nested ones
# are walked.
_CONVERTERS: dict[tuple[type, frozenset[str]], Callable[[Any], dict[str, Any]]] = {}


def _converter(cls: type, skipped: frozenset[str] = frozenset()) -> Callable[[Any], dict[str, Any]]:
    convert = _CONVERTERS.get((cls, skipped))
    if convert is None:
        convert = _CONVERTERS[(cls, skipped)] = _build_converter(cls, skipped)
    return convert


def _build_converter(cls: type, skipped: frozenset[str]) -> Callable[[Any], dict[str, Any]]:
    """A function returning one dict display of the fields, as dataclasses build __init__:
    the fastest way to read the attributes and build the dict."""
    hints = _hints(cls)
    helpers: dict[str, Any] = {}
    items: list[str] = []
    for name in _field_names(cls):
        if name in skipped:
            continue
        value_converter = _value_converter(hints[name])
        if value_converter is None:
            items.append(f"{name!r}: obj.{name}")
        else:
            helpers[f"_{name}"] = value_converter
            items.append(f"{name!r}: _{name}(obj.{name})")
    exec(f"def convert(obj):\n    return {{{', '.join(items)}}}\n", helpers)
    return helpers["convert"]


def _value_converter(hint: Any) -> Callable[[Any], Any] | None:
    """How to make a value of type `hint` plain; None when it already is."""
    if hint in _PLAIN:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if all(option in _PLAIN for option in options):
            return None
        inner = _value_converter(options[0]) if len(options) == 1 else _to_plain
        return None if inner is None else lambda value: None if value is None else inner(value)
    if origin in (list, Sequence):
        (item_hint,) = typing.get_args(hint)
        item = _value_converter(item_hint)
        if item is None:
            return list
        if isinstance(item_hint, type) and dataclasses.is_dataclass(item_hint):
            return lambda items: list(map(_converter(item_hint), items)) if items else []
        return lambda items: [item(value) for value in items]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        # looked up at call time: a class may refer to itself
        return lambda value: _converter(hint)(value)
    return _to_plain


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
    if origin in (list, Sequence):
        (item_hint,) = typing.get_args(hint)
        return [_convert(item_hint, item) for item in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _from_plain(hint, value)
    return value
