"""Reading events back out of a khabar store: filter, count, flatten for export.

Event-data users work with tables: "every PROTEST in Iraq in March", "events per day by type",
"who acted on whom". The store keeps each event as its PLOVER record (JSON) beside a few indexed
columns; the filters that need the actor and recipient lists read them with SQLite's JSON
functions, so no second copy of the actors is kept in sync.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KhabarError
from .search import has_index, match_expression

# what `count` can group by: a SQL expression over events e (and its actors a, when needed)
GROUPS = {
    "type": ("e.type", False),
    "day": ("e.date", False),
    "month": ("substr(e.date, 1, 7)", False),
    "year": ("substr(e.date, 1, 4)", False),
    "place": ("e.country", False),
    "outlet": ("(SELECT outlet FROM articles WHERE content_hash = e.content_hash)", False),
    "actor": ("json_extract(a.value, '$.code')", "actor"),
    "recipient": ("json_extract(a.value, '$.code')", "recipient"),
    "actor_country": ("json_extract(a.value, '$.country')", "actor"),
    "recipient_country": ("json_extract(a.value, '$.country')", "recipient"),
}
CSV_COLUMNS = (
    "event_id", "article_id", "published", "outlet", "url", "date", "event", "mode", "aux_mode",
    "actor_codes", "actor_texts", "recipient_codes", "recipient_texts", "place", "place_country",
    "lat", "lon", "quad_code", "cameo_root", "dead", "injured", "confidence", "trigger", "evidence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every set field must hold. `country` matches an actor's, a recipient's or the place's
    country; `actor` matches the start of an actor code («RUS» matches RUSGOV) or an entity id."""

    types: tuple[str, ...] = ()
    country: str | None = None
    actor: str | None = None
    recipient: str | None = None
    since: str | None = None  # event date, ISO, inclusive
    until: str | None = None
    outlet: str | None = None
    query: str | None = None  # words of the article (`khabar index`), see store.search

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.query:
            clauses.append(
                "e.content_hash IN (SELECT content_hash FROM search WHERE search MATCH ?)"
            )
            params.append(match_expression(self.query))
        if self.types:
            clauses.append(f"e.type IN ({','.join('?' * len(self.types))})")
            params += [t.upper() for t in self.types]
        if self.since:
            clauses.append("e.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date <= ? || '~'")  # «2021-07» takes in every day of July
            params.append(self.until)
        if self.outlet:
            clauses.append("e.content_hash IN (SELECT content_hash FROM articles WHERE outlet = ?)")
            params.append(self.outlet)
        if self.country:
            code = self.country.upper()
            clauses.append(
                "(e.country = ? OR " + _any_party("actor", "country = ?")
                + " OR " + _any_party("recipient", "country = ?") + ")"
            )  # fmt: skip
            params += [code, code, code]
        for role, value in (("actor", self.actor), ("recipient", self.recipient)):
            if value:
                clauses.append(_any_party(role, "(substr(code, 1, ?) = ? OR entity_id = ?)"))
                params += [len(value), value.upper(), value]
        return (" AND ".join(clauses) or "1"), params


def _any_party(role: str, condition: str) -> str:
    """SQL: some actor (or recipient) of the event meets `condition` on its fields."""
    fields = ", ".join(
        f"json_extract(value, '$.{name}') AS {name}" for name in ("code", "country", "entity_id")
    )
    return (
        f"EXISTS (SELECT 1 FROM (SELECT {fields} FROM json_each(e.record, '$.{role}'))"
        f" WHERE {condition})"
    )


def connect(path: str | Path, any_thread: bool = False) -> sqlite3.Connection:
    """Open a store read-only: querying never creates or changes a database. `any_thread`: the
    connection may be closed by another thread than the one that opened it (a web server's
    request runs its dependencies on worker threads), never used by two at once."""
    if not Path(path).is_file():
        raise KhabarError(f"{path}: no such khabar database (make one with `khabar ingest`)")
    db = sqlite3.connect(
        f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=not any_thread
    )
    try:
        db.execute("SELECT 1 FROM events LIMIT 1")
    except sqlite3.DatabaseError as exc:
        db.close()
        raise KhabarError(f"{path}: not a khabar database ({exc})") from None
    return db


# events alone: joining the articles (whose rows hold whole documents) for every event costs
# 50 times more; article fields are read for the events returned only
_FROM = "FROM events e"


def _need_index(db: sqlite3.Connection, where: EventFilter) -> None:
    if where.query and not has_index(db):
        raise KhabarError("this database has no search index yet: run `khabar index` first")


def articles(db: sqlite3.Connection, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Articles whose title or text holds every word of `query`, best matches first."""
    if not has_index(db):
        raise KhabarError("this database has no search index yet: run `khabar index` first")
    rows = db.execute(
        "SELECT a.id, a.title, a.published, a.outlet, a.n_events FROM search s"
        " JOIN articles a ON a.content_hash = s.content_hash"
        " WHERE search MATCH ? ORDER BY rank LIMIT ?",
        (match_expression(query), limit),
    ).fetchall()
    keys = ("id", "title", "published", "outlet", "events")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def article(db: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The stored document of an article (the JSON `khabar process` writes), or None."""
    row = db.execute(
        "SELECT document FROM articles WHERE id = ? ORDER BY ingested_at DESC LIMIT 1",
        (article_id,),
    ).fetchone()
    return json.loads(row[0]) if row else None


def has_stories(db: sqlite3.Connection) -> bool:
    """Whether `khabar stories` has grouped this database's wire copies."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'")
    return found.fetchone() is not None


def events(
    db: sqlite3.Connection,
    where: EventFilter,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> Iterator[dict[str, Any]]:
    """PLOVER records in date order (events without a date last), each with its article's id,
    outlet, URL, publication date and the evidence sentence as text."""
    _need_index(db, where)
    sql, params = where.where()
    story = (
        "(SELECT story FROM stories WHERE content_hash = e.content_hash)"
        if has_stories(db)
        else "NULL"
    )
    order = f"e.date IS NULL, e.date{' DESC' if newest_first else ''}, e.content_hash, e.event_id"
    chosen = f"SELECT e.rowid AS rid {_FROM} WHERE {sql} ORDER BY {order}"
    if limit is not None or offset:
        chosen += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
    query = (
        f"SELECT e.record, art.id, art.outlet, art.url, art.published,"
        f" json_extract(art.document, '$.text'), {story}"
        f" FROM ({chosen}) AS pick JOIN events e ON e.rowid = pick.rid"
        f" JOIN articles art ON art.content_hash = e.content_hash"
        f" ORDER BY {order}"
    )
    for record, article_id, outlet, url, published, text, story_of in db.execute(query, params):
        event = json.loads(record)
        span = event.get("text_info") or {}
        event["article"] = {"id": article_id, "outlet": outlet, "url": url, "published": published}
        if story_of is not None:
            event["article"]["story"] = story_of
        event["evidence"] = (text or "")[span.get("start", 0) : span.get("end", 0)]
        yield event


def count(
    db: sqlite3.Connection,
    by: str,
    where: EventFilter,
    top: int | None = None,
    per_story: bool = False,
) -> list[tuple[str | None, int]]:
    """(value, number of events) for each value of `by`, most frequent first (by date for the
    time groups). An event with two actors counts once for each. `per_story`: the copies of a
    wire story (`khabar stories`) report one event once — same type, date, actor and recipient."""
    if by not in GROUPS:
        raise KhabarError(f"cannot count by {by!r}; choose one of {', '.join(GROUPS)}")
    expression, role = GROUPS[by]
    _need_index(db, where)
    sql, params = where.where()
    source = f"{_FROM}, json_each(e.record, '$.{role}') a" if role else _FROM
    unit = "e.rowid"
    if per_story:
        if not has_stories(db):
            raise KhabarError(
                "no wire-copy groups in this database yet: run `khabar stories` first"
            )
        source += " LEFT JOIN stories st ON st.content_hash = e.content_hash"
        unit = (
            "coalesce(st.story, e.content_hash) || '|' || e.type || '|' || coalesce(e.date, '')"
            " || '|' || coalesce(e.actor_code, '') || '|' || coalesce(e.recipient_code, '')"
        )
    order = "grp" if by in ("day", "month", "year") else "n DESC, grp"
    query = (
        f"SELECT {expression} AS grp, COUNT(DISTINCT {unit}) AS n {source}"
        f" WHERE {sql} GROUP BY grp ORDER BY {order}"
    )
    if top is not None:
        query += " LIMIT ?"
        params.append(top)
    return [(key, n) for key, n in db.execute(query, params)]


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a row of CSV_COLUMNS (lists joined by «;»)."""

    def join(values: Any) -> str:
        return ";".join(str(v) for v in values if v is not None)

    actors, recipients = event.get("actor") or [], event.get("recipient") or []
    place = event.get("event_loc") or {}
    article = event.get("article") or {}
    return {
        "event_id": event.get("id"), "article_id": article.get("id"),
        "published": article.get("published"), "outlet": article.get("outlet"),
        "url": article.get("url"), "date": event.get("date"), "event": event.get("event"),
        "mode": join(event.get("mode") or []), "aux_mode": join(event.get("aux_mode") or []),
        "actor_codes": join(a.get("code") for a in actors),
        "actor_texts": join(a.get("entity_text") for a in actors),
        "recipient_codes": join(r.get("code") for r in recipients),
        "recipient_texts": join(r.get("entity_text") for r in recipients),
        "place": place.get("name"), "place_country": place.get("country"),
        "lat": place.get("lat"), "lon": place.get("lon"),
        "quad_code": event.get("quad_code"), "cameo_root": event.get("cameo_root"),
        "dead": event.get("dead"), "injured": event.get("injured"),
        "confidence": event.get("confidence"), "trigger": event.get("event_text"),
        "evidence": " ".join((event.get("evidence") or "").split()),
    }  # fmt: skip


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """`speaker` matches the speaker's entity id, or a part of its name or of the words that
    name it in the text («Lavrov», «لافروف»); dates are the article's publication date."""

    speaker: str | None = None
    query: str | None = None  # words of the article (`khabar index`)
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    direct: bool | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.speaker:
            clauses.append(
                "(q.speaker_id = ? OR instr(lower(q.speaker_name), lower(?)) > 0"
                " OR instr(q.speaker_text, ?) > 0)"
            )
            params += [self.speaker] * 3
        if self.query:
            clauses.append(
                "q.content_hash IN (SELECT content_hash FROM search WHERE search MATCH ?)"
            )
            params.append(match_expression(self.query))
        for clause, value in (("art.published >= ?", self.since), ("art.outlet = ?", self.outlet)):
            if value:
                clauses.append(clause)
                params.append(value)
        if self.until:
            clauses.append("art.published <= ? || '~'")
            params.append(self.until)
        if self.direct is not None:
            clauses.append("q.direct = ?")
            params.append(int(self.direct))
        return (" AND ".join(clauses) or "1"), params


def quotes(
    db: sqlite3.Connection, where: QuoteFilter, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Quotations, newest article first, each with its speaker and article."""
    if not db.execute("SELECT 1 FROM meta WHERE key = 'quotes'").fetchone():
        raise KhabarError("this database has no quotes table yet: run `khabar index` first")
    if where.query and not has_index(db):
        raise KhabarError("this database has no search index yet: run `khabar index` first")
    sql, params = where.where()
    query = (
        "SELECT q.text, q.speaker_id, q.speaker_name, q.speaker_text, q.verb, q.direct, q.start,"
        ' q."end", art.id, art.title, art.published, art.outlet, art.url'
        " FROM quotes q JOIN articles art ON art.content_hash = q.content_hash"
        f" WHERE {sql} ORDER BY art.published DESC, art.id, q.n LIMIT ? OFFSET ?"
    )
    params += [-1 if limit is None else limit, offset]
    found = []
    for row in db.execute(query, params):
        text, entity, name, said_by, verb, direct, start, end, *article_fields = row
        found.append({
            "text": text, "verb": verb, "direct": bool(direct), "start": start, "end": end,
            "speaker": {"entity": entity, "name": name, "text": said_by},
            "article": dict(zip(("id", "title", "published", "outlet", "url"), article_fields,
                                strict=True)),
        })  # fmt: skip
    return found


def entities(
    db: sqlite3.Connection,
    type_: str | None = None,
    country: str | None = None,
    name: str | None = None,
    top: int = 50,
) -> list[dict[str, Any]]:
    """The entities named in most articles: id, name, type, country, sector, articles, mentions.
    `name` matches a part of the canonical name (any case)."""
    clauses, params = ["1"], []
    for clause, value in (("type = ?", type_), ("country = ?", country)):
        if value:
            clauses.append(clause)
            params.append(value.upper())
    if name:
        clauses.append("instr(lower(name), lower(?)) > 0")
        params.append(name)
    rows = db.execute(
        "SELECT entity_id, max(name), max(type), max(country), max(sector), count(*),"
        f" sum(mentions) FROM entities WHERE {' AND '.join(clauses)}"
        " GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT ?",
        [*params, top],
    ).fetchall()
    keys = ("id", "name", "type", "country", "sector", "articles", "mentions")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def places(db: sqlite3.Connection, where: EventFilter, top: int = 500) -> list[dict[str, Any]]:
    """Event places with coordinates and their number of events, most frequent first."""
    _need_index(db, where)
    sql, params = where.where()
    located = "json_extract(e.record, '$.event_loc.lat') IS NOT NULL"
    rows = db.execute(
        "SELECT json_extract(e.record, '$.event_loc.name'), e.country,"
        " json_extract(e.record, '$.event_loc.lat') AS lat,"
        " json_extract(e.record, '$.event_loc.lon') AS lon, count(*) AS n"
        f" {_FROM} WHERE {sql} AND {located} GROUP BY lat, lon ORDER BY n DESC LIMIT ?",
        [*params, top],
    ).fetchall()
    keys = ("name", "country", "lat", "lon", "events")
    return [dict(zip(keys, row, strict=True)) for row in rows]
