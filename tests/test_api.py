"""The HTTP API and the page: filters, counts, articles, errors, and what keeps the page safe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from khabar.api.app import STATIC, create_app
from khabar.engines.base import Processed
from khabar.errors import KhabarError
from khabar.store.search import update_index
from khabar.store.sqlite import Store

HOSTILE = '<img src=x onerror="alert(1)"> خبر'
TEXT = "تظاهر مئات الطلاب في بغداد أمس. " + HOSTILE


def _doc(key: str, kind: str, date: str, country: str) -> Processed:
    event = {
        "id": f"{key}:0", "event": kind, "date": date, "mode": [], "aux_mode": [],
        "actor": [{"entity_text": "الطلاب", "entity_id": "agent:EDU", "code": f"{country}EDU",
                   "country": country, "sector": "EDU"}],
        "recipient": [], "event_text": "تظاهر", "trigger": {"start": 0, "end": 5},
        "event_loc": {"name": "Baghdad", "country": country, "lat": 33.34, "lon": 44.4},
        "text_info": {"start": 0, "end": 31},
    }  # fmt: skip
    doc = {"id": key, "title": HOSTILE, "text": TEXT, "events": [event],
           "entities": [{"id": "IRQ", "name": "Iraq", "type": "LOC", "country": "IRQ",
                         "mentions": [{"start": 24, "end": 29, "text": "بغداد"}]}],
           "source": {"outlet": "Outlet", "published": date}}  # fmt: skip
    return Processed(key, json.dumps(doc, ensure_ascii=False), None, f"h-{key}")


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    path = tmp_path_factory.mktemp("api") / "k.db"
    with Store(path) as store:
        store.add(_doc("art/1", "PROTEST", "2021-03-01", "IRQ"))
        store.add(_doc("art-2", "PROTEST", "2021-03-02", "IRQ"))
        store.add(_doc("art-3", "ASSAULT", "2021-04-01", "SYR"))
    update_index(path)
    return TestClient(create_app(path))


def test_events_filters_and_paging(client):
    body = client.get("/api/events", params={"type": "PROTEST", "country": "IRQ"}).json()
    assert [e["id"] for e in body["events"]] == ["art/1:0", "art-2:0"]
    assert body["events"][0]["evidence"] == TEXT[:31]
    body = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert [e["id"] for e in body["events"]] == ["art-2:0"]
    body = client.get("/api/events", params=[("type", "PROTEST"), ("type", "ASSAULT")]).json()
    assert len(body["events"]) == 3
    assert client.get("/api/events", params={"q": "طلا*"}).json()["events"]
    assert client.get("/api/events", params={"limit": 5000}).status_code == 422


def test_counts_and_info(client):
    body = client.get("/api/count", params={"by": "type"}).json()
    assert body["counts"] == [{"value": "PROTEST", "events": 2}, {"value": "ASSAULT", "events": 1}]
    body = client.get("/api/count", params={"by": "month", "country": "IRQ"}).json()
    assert body["counts"] == [{"value": "2021-03", "events": 2}]
    info = client.get("/api/info").json()
    assert (info["articles"], info["events"], info["search"], info["stories"]) == (
        3,
        3,
        True,
        False,
    )


def test_errors_are_answers_not_crashes(client):
    response = client.get("/api/count", params={"by": "colour"})
    assert response.status_code == 400 and "colour" in response.json()["detail"]
    response = client.get("/api/count", params={"per_story": "true"})
    assert response.status_code == 400 and "khabar stories" in response.json()["detail"]
    assert client.get("/api/articles/none").status_code == 404


def test_article_and_search(client):
    doc = client.get("/api/articles/art/1").json()  # an id with a slash
    assert doc["text"] == TEXT and doc["entities"][0]["mentions"][0]["text"] == "بغداد"
    found = client.get("/api/articles", params={"q": "بغداد"}).json()["articles"]
    assert {a["id"] for a in found} == {"art/1", "art-2", "art-3"}


def test_page_is_served_with_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and 'src="/static/app.js"' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/api/info").headers["x-content-type-options"] == "nosniff"


def test_page_never_parses_api_text_as_html():
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", script)
    for name in ("index.html", "style.css"):
        assert "<script>" not in (STATIC / name).read_text(encoding="utf-8")  # no inline script


def test_app_refuses_a_missing_database(tmp_path: Path):
    with pytest.raises(KhabarError):
        create_app(tmp_path / "none.db")


def test_a_real_server_answers_repeated_requests(client):
    """Through uvicorn, a request's dependencies run on worker threads (TestClient hides it)."""
    import socket
    import threading
    import time
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(client.app, port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)

        def fetch(path: str) -> int:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as answer:
                json.loads(answer.read())
                return answer.status

        paths = ["/api/events?limit=2", "/api/count?by=day", "/api/info", "/api/count"] * 5
        with ThreadPoolExecutor(4) as pool:  # the page sends its requests at once
            assert list(pool.map(fetch, paths)) == [200] * len(paths)
    finally:
        server.should_exit = True
        thread.join(5)


def test_quotes_by_speaker(tmp_path):
    path = tmp_path / "q.db"
    doc = json.loads(_doc("q-1", "PROTEST", "2021-05-01", "IRQ").document)
    doc["quotes"] = [
        {"start": 0, "end": 10, "text": TEXT[:10], "verb": "قال", "direct": True,
         "speaker": {"entity": "person:x", "name": "Sergey Lavrov", "text": "لافروف"}},
        {"start": 11, "end": 20, "text": TEXT[11:20], "verb": "أكد", "direct": False,
         "speaker": {"entity": None, "name": None, "text": "مصدر أمني"}},
    ]  # fmt: skip
    with Store(path) as store:
        store.add(Processed("q-1", json.dumps(doc, ensure_ascii=False), None, "h-q"))
    client = TestClient(create_app(path))
    found = client.get("/api/quotes", params={"speaker": "lavrov"}).json()["quotes"]
    assert [(q["text"], q["direct"], q["article"]["id"]) for q in found] == [
        (TEXT[:10], True, "q-1")
    ]
    assert len(client.get("/api/quotes", params={"speaker": "مصدر"}).json()["quotes"]) == 1
    assert len(client.get("/api/quotes", params={"direct": "false"}).json()["quotes"]) == 1
    assert client.get("/api/quotes", params={"q": "x"}).status_code == 400  # no index yet


def test_places_for_the_map(client):
    body = client.get("/api/places", params={"type": "PROTEST"}).json()
    assert body["places"] == [
        {"name": "Baghdad", "country": "IRQ", "lat": 33.34, "lon": 44.4, "events": 2}]  # fmt: skip


def test_the_map_has_country_outlines_served_locally(client):
    response = client.get("/static/world.json")
    assert response.status_code == 200
    countries = response.json()["countries"]
    assert len(countries) > 150
    iraq = next(c for c in countries if c["name"] == "Iraq")
    # x = longitude, y = -latitude: Iraq's outline lies between 38..49 E and 29..38 N
    numbers = [float(v) for v in re.findall(r"-?\d+\.\d", iraq["d"])]
    xs, ys = numbers[0::2], numbers[1::2]
    assert min(xs) >= 38 and max(xs) <= 49
    assert min(ys) >= -38 and max(ys) <= -29
    assert all(set(c["d"]) <= set("MLZ0123456789.- ") for c in countries)  # path data only
