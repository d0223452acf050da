"""A URL given on the command line: a feed (every entry is read) or a single article page."""

from __future__ import annotations

from collections.abc import Iterator

from ..doc import Article, Failure
from .context import Context
from .decode import UnreadableInput
from .feeds import FeedEntry, parse_feed, read_feed_entries
from .fetch import FetchError, Page, RefusedAddress
from .html import article_from_page

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


def feed_entries(page: Page, url: str) -> list[FeedEntry] | None:
    """The entries when the page is a feed, None when it is a web page (XHTML also starts with <?xml)."""
    declared = page.content_type in FEED_TYPES
    head = page.content[:512].lstrip().lower()
    if not declared and not head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return None
    try:
        return parse_feed(page.content, url)
    except UnreadableInput:
        if declared:
            raise
        return None


def read_url(url: str, ctx: Context) -> Iterator[Article | Failure]:
    try:
        page = ctx.fetcher.get(url)
        entries = feed_entries(page, url)
        if entries is None:
            yield article_from_page(page)
            return
    except RefusedAddress as error:
        yield Failure(url, "refused", str(error))
        return
    except FetchError as error:
        yield Failure(url, "fetch", str(error))
        return
    except UnreadableInput as error:
        yield Failure(url, "read", f"{url}: {error}")
        return
    yield from read_feed_entries(entries, ctx)
