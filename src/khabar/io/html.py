"""HTML pages: trafilatura keeps the article body and its metadata, drops the page chrome.

Navigation, footers, related links and reader comments are not the article; trafilatura
removes them (comments explicitly excluded). What it finds of the title, date, canonical
URL and site name goes to the document's title and Source.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from typing import Any

from ..doc import Document, Failure, Source
from ..errors import NoContent, failure_from_exception
from .base import ReadOptions, Shard, content_id, iso_date
from .directory import file_id
from .encoding import decode
from .text import file_shard, read_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# htmldate's extensive search guesses from any date-looking string in the page; an article
# date we cannot trust is worse than none
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# page chrome by its HTML5 role; trafilatura's fallbacks would otherwise return a menu as the
# "article" of a page that has none. Header and footer inside <article> stay: bylines,
# dates and agency credits live there.
_CHROME = [
    "//nav",
    "//aside",
    "//header[not(ancestor::article)]",
    "//footer[not(ancestor::article)]",
]


class HtmlReader:
    name = "html"
    batchable = True

    def shards(
        self, path: str, options: ReadOptions, target_bytes: int
    ) -> Iterator[Shard | Failure]:
        yield file_shard(self.name, path, options.max_bytes)

    def read(self, shard: Shard, options: ReadOptions) -> Iterator[Document | Failure]:
        items: list[tuple[str, bytes | None, str | None]]
        if shard.records is not None:  # standard input: the page itself, no file name
            items = [(shard.path, data, None) for data in shard.records]
        else:
            items = [(path, None, file_id(path, shard.root)) for path in shard.paths or [shard.path]]
        for path, data, ident in items:
            try:
                page = data if data is not None else read_bytes(path, options.max_bytes)
                yield html_document(page, path, options, ident=ident)
            except Exception as exc:  # one bad page must not end the shard
                yield failure_from_exception(exc, path=path)


def html_document(
    data: bytes,
    path: str,
    options: ReadOptions,
    *,
    fmt: str = "html",
    ident: str | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> Document:
    """The article in an HTML page; NoContent when the page has no article body."""
    declared = charset or _meta_charset(data)
    page, encoding = decode(data, forced=options.encoding, declared=declared, path=path)
    extracted = _extract(page, url)
    text = (extracted.get("text") or "").strip() if extracted else ""
    if not text:
        raise NoContent("no article text found in the page", path=path)
    published = iso_date(extracted.get("date"))
    source = Source(
        outlet=extracted.get("sitename") or None,
        published=published,
        published_from="reader" if published else None,
        url=extracted.get("url") or url,
        encoding=encoding,
        path=path,
        format=fmt,
    )
    title = (extracted.get("title") or "").strip() or None
    return Document(id=ident or content_id(text), raw=text, title=title, source=source)


def _extract(page: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        page,
        url=url,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
        prune_xpath=_CHROME,
    )
    if result is None:
        return None
    return result if isinstance(result, dict) else result.as_dict()


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


_BLOCK = re.compile(
    r"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?blockquote|/?section|/?article)\b[^>]*>",
    re.IGNORECASE,
)
_DROP = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content): block tags become line breaks.

    Feed content is a fragment, often shorter than trafilatura's minimum article size, so a
    plain tag strip is both safer and faster here.
    """
    if "<" not in fragment:
        return htmllib.unescape(fragment).strip()
    text = _DROP.sub(" ", fragment)
    text = _BLOCK.sub("\n", text)
    text = htmllib.unescape(_TAG.sub("", text))
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n", text).strip()
