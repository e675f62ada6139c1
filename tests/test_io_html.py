"""HTML pages, WARC archives and RSS/Atom feeds, all from canned inputs (no network)."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khabar.doc import Document, Failure
from khabar.io.base import ReadOptions
from khabar.io.html import fragment_text
from khabar.io.readers import plan_shards, read_inputs, read_shard

RES = Path(__file__).parent / "resources" / "io"
BODY = [
    "افتتح رئيس بلدية مدينة الساحل صباح الأربعاء مكتبة عامة جديدة",
    "ستفتح أبوابها يوميا من التاسعة صباحا حتى التاسعة مساء",
    "تخطط لافتتاح فرعين آخرين في الأحياء الشرقية",
    "برنامجا للقراءة الصيفية سينطلق في شهر يونيو",
]
CHROME = [
    "الرئيسية",  # nav
    "ثقافة وفنون",  # nav
    "جميع الحقوق محفوظة",  # footer
    "سياسة الخصوصية",  # footer
    "نتمنى أن تكون هناك مكتبات",  # comment
    "تعليقات القراء",  # comments heading
    "أخبار ذات صلة",  # related heading
    "تدشين حديقة عامة",  # related link
]


def read_all(paths: list[str], options: ReadOptions | None = None) -> list[Document | Failure]:
    return list(read_inputs(paths, options))


def test_io_html_keeps_body_drops_nav_footer_comments_related() -> None:
    (doc,) = read_all([str(RES / "article.html")])
    assert isinstance(doc, Document)
    for sentence in BODY:
        assert sentence in doc.raw
    for chrome in CHROME:
        assert chrome not in doc.raw, chrome
    assert doc.id == "article"
    assert doc.title == "افتتاح مكتبة عامة جديدة في مدينة الساحل"
    source = doc.source
    assert (source.published, source.published_from) == ("2023-04-12", "reader")
    assert source.url == "https://example.org/ar/news/2023/04/12/maktaba"
    assert (source.outlet, source.encoding, source.format) == ("جريدة الأفق", "utf-8", "html")


def test_io_html_cp1256_page_declared_in_meta(tmp_path: Path) -> None:
    page = (RES / "article.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1256"))
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.source.encoding == "cp1256" and BODY[0] in doc.raw


def test_io_html_without_body_is_no_content() -> None:
    (failure,) = read_all([str(RES / "no_body.html")])
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.code, failure.path) == (
        "no-content",
        "K107",
        str(RES / "no_body.html"),
    )


def _warc(path: Path, *, gzip: bool = True) -> bytes:
    page = (RES / "article.html").read_bytes()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)

    def response(url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)

    response("https://example.org/page", page, "text/html; charset=utf-8")
    response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image/png")
    response("https://example.org/gone", b"<html>not here</html>", "text/html", "404 Not Found")
    response("https://example.org/data.json", b'{"a": 1}', "application/json")
    response("https://example.org/page2", page.replace(b"2023-04-12", b"2023-04-13"), "text/html")
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def test_io_warc_reads_html_responses_only(tmp_path: Path) -> None:
    for name, gzip in (("crawl.warc.gz", True), ("crawl.warc", False)):
        path = tmp_path / name
        _warc(path, gzip=gzip)
        docs = read_all([str(path)])
        assert all(isinstance(d, Document) for d in docs)
        assert len(docs) == 2  # the image, the 404 and the JSON are not articles
        assert [d.source.format for d in docs] == ["warc", "warc"]
        assert BODY[0] in docs[0].raw and "جميع الحقوق محفوظة" not in docs[0].raw
        assert docs[0].source.url == "https://example.org/ar/news/2023/04/12/maktaba"
        assert docs[0].source.path == str(path)


def test_io_warc_truncated_keeps_records_before_the_break(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    data = _warc(whole)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 300])  # inside the last page
    items = read_all([str(cut)])
    assert isinstance(items[0], Document) and BODY[0] in items[0].raw
    assert isinstance(items[-1], Failure) and len(items) == 2
    assert (items[-1].kind, items[-1].code, items[-1].path) == ("truncated", "K104", str(cut))


def test_io_warc_gz_is_sharded_by_gzip_members(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    page = (RES / "article.html").read_text(encoding="utf-8")
    for i in range(12):
        body = page.replace("عشرين ألف كتاب", f"{i + 1} ألف كتاب").encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/p{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    path = tmp_path / "many.warc.gz"
    path.write_bytes(buffer.getvalue())
    whole = [(d.raw, d.source.url) for d in read_all([str(path)])]
    shards = list(plan_shards([str(path)], ReadOptions(), 4000))
    assert len(shards) > 3
    assert shards[0].start == 0 and shards[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in itertools.pairwise(shards))
    sharded = [(d.raw, d.source.url) for s in shards for d in read_shard(s, ReadOptions())]
    assert sharded == whole and len(whole) == 12
    assert [f"{i + 1} ألف كتاب" in raw for i, (raw, _url) in enumerate(sharded)] == [True] * 12


def test_io_rss2_entries_with_full_content() -> None:
    docs = read_all([str(RES / "feed_rss2.xml")])
    assert [d.id for d in docs] == ["wadi-0001", "https://example.org/news/souk"]
    first, second = docs
    assert first.raw == (
        "شهدت المناطق الجبلية في شمال البلاد ليلة الأحد أمطارا غزيرة استمرت عدة ساعات.\n"
        "وقالت هيئة الأرصاد إن الطقس سيتحسن تدريجيا ابتداء من يوم الثلاثاء."
    )  # content:encoded, not the short description; script dropped
    assert first.title == "هطول أمطار غزيرة على المناطق الجبلية"
    assert (first.source.published, first.source.published_from) == ("2023-03-05", "reader")
    assert first.source.url == "https://example.org/news/rain"
    assert first.source.outlet == "نشرة الوادي الإخبارية"
    assert first.source.format == "rss"
    assert second.raw.endswith("إلى السكان & الزوار.")  # summary when there is no content
    assert second.source.published == "2023-03-06"


def test_io_rss_windows_1256_feed(tmp_path: Path) -> None:
    text = (RES / "feed_rss2.xml").read_text(encoding="utf-8")
    path = tmp_path / "cp1256.rss"
    path.write_bytes(text.replace('encoding="UTF-8"', 'encoding="windows-1256"').encode("cp1256"))
    docs = read_all([str(path)])
    assert [d.source.encoding for d in docs] == ["cp1256", "cp1256"]
    assert docs[0].title == "هطول أمطار غزيرة على المناطق الجبلية"


def test_io_atom_entries() -> None:
    docs = read_all([str(RES / "feed_atom.xml")])
    assert [d.id for d in docs] == ["urn:example:nahr:bridge", "urn:example:nahr:festival"]
    bridge, festival = docs
    assert bridge.raw.split("\n") == [
        "أعلنت وزارة النقل اكتمال بناء جسر جديد يربط ضفتي النهر.",
        "ومن المتوقع أن يخفف الجسر ازدحام السير في وسط المدينة.",
    ]
    assert bridge.source.published == "2024-01-09"  # published wins over updated
    assert festival.source.published == "2024-01-08"  # updated when nothing else
    assert festival.source.url == "https://example.org/nahr/festival"


def test_io_rss_broken_and_empty_feeds(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text("this is not < a feed at all", encoding="utf-8")
    empty = tmp_path / "empty.atom"
    empty.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>')
    items = read_all([str(broken), str(empty)])
    assert all(isinstance(i, Failure) for i in items)
    assert [(i.kind, i.path) for i in items] == [
        ("malformed", str(broken)),
        ("empty", str(empty)),
    ]


def test_io_feed_url_is_parsed_by_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser

    canned = (RES / "feed_atom.xml").read_bytes()
    asked: list[object] = []
    real_parse = feedparser.parse

    def fake_parse(source: object, *args: object, **kwargs: object) -> object:
        asked.append(source)  # the test stands in for the fetch: no network
        return real_parse(canned)

    monkeypatch.setattr(feedparser, "parse", fake_parse)
    docs = read_all(["https://example.org/feed.atom"])
    assert asked == ["https://example.org/feed.atom"]
    assert [d.source.path for d in docs] == ["https://example.org/feed.atom"] * 2


def test_io_url_is_only_for_feeds() -> None:
    (failure,) = read_all(["https://example.org/page.html"], ReadOptions(format="html"))
    assert isinstance(failure, Failure) and failure.kind == "unreadable"


def test_io_html_fragment_text() -> None:
    fragment = (
        "<div><p>سطر أول&nbsp;هنا</p><style>p{}</style><ul><li>بند</li></ul>نهاية<br>أخيرة</div>"
    )
    assert fragment_text(fragment) == "سطر أول هنا\nبند\nنهاية\nأخيرة"
    assert fragment_text("نص &amp; بسيط") == "نص & بسيط"
