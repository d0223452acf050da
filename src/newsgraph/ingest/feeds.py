"""RSS and Atom feeds: each entry becomes an article, from its own content or from its linked page.

Many feeds carry only a teaser, so the linked page is fetched and extracted unless the
entry itself holds the full text (`FULL_TEXT_CHARS` or more of plain text).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from xml.sax import SAXParseException

import feedparser
import lxml.html

from ..doc import Article, Failure
from .context import Context
from .decode import UnreadableInput, read_bytes
from .fetch import FetchError
from .html import article_from_page

FULL_TEXT_CHARS = 600
BLOCK_TAGS = ("p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry; `key` identifies it across polls (its guid, else its link, else its title)."""

    feed: str
    number: int
    key: str
    link: str | None
    title: str | None
    published: dt.date | None
    author: str | None
    content: str
    source: str | None

    @property
    def where(self) -> str:
        return f"{self.feed} entry {self.number}" + (f" ({self.link})" if self.link else "")


def parse_feed(data: bytes, name: str) -> list[FeedEntry]:
    """The entries of an RSS/Atom document; `UnreadableInput` when it is not a feed at all,
    or not well-formed XML.

    feedparser's loose parser guesses its way past broken markup, and its guesses (an entry
    that swallowed the next one, an entry with no text) are worse than a refusal naming the
    line. HTML entities such as `&nbsp;`, undefined in XML but common in feeds, are the one
    fault it is trusted to read past.
    """
    parsed = feedparser.parse(data)
    reason = parsed.get("bozo_exception")
    markup = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    if markup and isinstance(reason, SAXParseException) and "undefined entity" not in reason.getMessage():
        raise UnreadableInput(f"not well-formed XML at line {reason.getLineNumber()}, "
                              f"column {reason.getColumnNumber()} ({reason.getMessage()})")
    if not parsed.version and not parsed.entries:
        raise UnreadableInput("not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    source = parsed.feed.get("title") or None
    return [_entry(name, number, raw, source) for number, raw in enumerate(parsed.entries, 1)]


def _entry(feed: str, number: int, raw: dict, source: str | None) -> FeedEntry:
    link = raw.get("link") if str(raw.get("link", "")).startswith(("http://", "https://")) else None
    title = raw.get("title") or None
    key = raw.get("id") or link or hashlib.sha1((title or str(number)).encode()).hexdigest()
    bodies = [c.get("value", "") for c in raw.get("content", [])] or [raw.get("summary", "")]
    return FeedEntry(
        feed=feed,
        number=number,
        key=key,
        link=link,
        title=title,
        published=_entry_date(raw),
        author=raw.get("author") or None,
        content=max((fragment_text(b) for b in bodies), key=len, default=""),
        source=source,
    )


def _entry_date(raw: dict) -> dt.date | None:
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def entry_article(entry: FeedEntry, ctx: Context) -> Article:
    """The entry's article: its own content when complete, else its linked page, with the feed's metadata as fallback."""
    meta = {"title": entry.title, "url": entry.link, "source": entry.source, "author": entry.author}
    if len(entry.content) >= FULL_TEXT_CHARS or not (entry.link and ctx.options.fetch_links):
        if not entry.content:
            raise UnreadableInput("the entry has no text and no link to fetch")
        return Article.create(entry.content, published=entry.published, **meta)
    page = article_from_page(ctx.fetcher.get(entry.link))
    return replace(
        page,
        title=page.title or entry.title,
        source=page.source or entry.source,
        author=page.author or entry.author,
        published=page.published or entry.published,
    )


def entry_item(entry: FeedEntry, ctx: Context) -> Article | Failure:
    """The entry's article, or a failure naming the feed, the entry and the reason."""
    try:
        return entry_article(entry, ctx)
    except FetchError as error:
        return Failure(entry.link or entry.where, "fetch", f"{entry.where}: {error}")
    except UnreadableInput as error:
        return Failure(entry.link or entry.where, "read", f"{entry.where}: {error}")


def read_feed_entries(entries: list[FeedEntry], ctx: Context) -> Iterator[Article | Failure]:
    for entry in entries:
        yield entry_item(entry, ctx)


def read_feed_file(path: Path, ctx: Context) -> Iterator[Article | Failure]:
    yield from read_feed_entries(parse_feed(read_bytes(path), str(path)), ctx)
