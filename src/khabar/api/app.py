"""The HTTP API and the web page over a khabar database (`khabar serve DB`).

Read-only: every request opens the database in read-only mode, so the server can run beside an
ingest. Filters are the ones of `khabar events` (`store.query.EventFilter`). The page is static
(HTML, CSS, one script) and renders every text from the API with `textContent`, never as HTML;
the Content-Security-Policy header forbids inline and foreign scripts as a second wall.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import KhabarError
from ..store.query import (
    GROUPS,
    EventFilter,
    QuoteFilter,
    article,
    articles,
    connect,
    count,
    entities,
    events,
    has_stories,
    places,
    quotes,
)
from ..store.search import has_index

STATIC = Path(__file__).parent / "static"
MAX_EVENTS = 1000
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def database(request: Request) -> Iterator[sqlite3.Connection]:
    connection = connect(request.app.state.db_path, any_thread=True)
    try:
        yield connection
    finally:
        connection.close()


def event_filter(
    type: Annotated[list[str] | None, Query(description="PLOVER type, repeatable")] = None,
    country: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    q: Annotated[str | None, Query(description="words of the article")] = None,
) -> EventFilter:
    return EventFilter(
        tuple(type or ()), country or None, actor or None, recipient or None,
        since or None, until or None, outlet or None, q or None,
    )  # fmt: skip


Db = Annotated[sqlite3.Connection, Depends(database)]
Filter = Annotated[EventFilter, Depends(event_filter)]


def create_app(db_path: str | Path) -> FastAPI:
    db_path = Path(db_path)
    connect(db_path).close()  # a missing or foreign file fails now, not at the first request
    app = FastAPI(title="khabar", version=__version__, docs_url="/api/docs", redoc_url=None)
    app.state.db_path = db_path

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(KhabarError)
    async def bad_request(_request: Request, exc: KhabarError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.get("/api/info")
    def info(db: Db) -> dict[str, Any]:
        """What the database holds and which optional indexes it has."""
        tables = ("articles", "events", "entities", "failures")
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        return {
            "version": __version__, **counts, "search": has_index(db),
            "stories": has_stories(db), "count_by": list(GROUPS),
        }  # fmt: skip

    @app.get("/api/events")
    def list_events(
        db: Db,
        where: Filter,
        limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        newest_first: bool = False,
    ) -> dict[str, Any]:
        """Events in date order, each a PLOVER record with its article and evidence sentence."""
        found = list(events(db, where, limit, offset, newest_first))
        return {"offset": offset, "limit": limit, "events": found}

    @app.get("/api/count")
    def count_events(
        db: Db,
        where: Filter,
        by: str = "type",
        per_story: bool = False,
        top: Annotated[int | None, Query(ge=1)] = None,
    ) -> dict[str, Any]:
        """Events per value of `by` (type, actor, recipient, their countries, place, outlet,
        day, month, year)."""
        rows = count(db, by, where, top, per_story)
        return {"by": by, "counts": [{"value": key, "events": n} for key, n in rows]}

    @app.get("/api/quotes")
    def list_quotes(
        db: Db,
        speaker: str | None = None,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        direct: bool | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Who said what: quotations with speaker and article, newest first."""
        where = QuoteFilter(
            speaker or None, q or None, since or None, until or None, outlet or None, direct
        )
        return {"offset": offset, "limit": limit, "quotes": quotes(db, where, limit, offset)}

    @app.get("/api/places")
    def list_places(
        db: Db, where: Filter, top: Annotated[int, Query(ge=1, le=5000)] = 500
    ) -> dict[str, Any]:
        """Event places with coordinates and their number of events (for the map)."""
        return {"places": places(db, where, top)}

    @app.get("/api/entities")
    def list_entities(
        db: Db,
        type: str | None = None,
        country: str | None = None,
        name: str | None = None,
        top: Annotated[int, Query(ge=1, le=1000)] = 50,
    ) -> dict[str, Any]:
        """The entities named in most articles (for a filter's suggestions, or a ranking)."""
        return {"entities": entities(db, type or None, country or None, name or None, top)}

    @app.get("/api/articles")
    def search_articles(
        db: Db, q: str, limit: Annotated[int, Query(ge=1, le=200)] = 50
    ) -> dict[str, Any]:
        """Articles holding every word of `q` (needs `khabar index`)."""
        return {"articles": articles(db, q, limit)}

    @app.get("/api/articles/{article_id:path}")
    def get_article(db: Db, article_id: str) -> dict[str, Any]:
        """The processed document: text, entities, dates, quotes, amounts, events, offsets."""
        document = article(db, article_id)
        if document is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        return document

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
