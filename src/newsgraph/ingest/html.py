"""Article pages into articles: trafilatura finds the main text, title, date, author and site.

Boilerplate (menus, footers, comment threads) is what makes raw HTML useless for analysis;
a page with no main text is refused rather than analysed as navigation links.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from ..doc import Article, parse_date
from .context import Context
from .decode import UnreadableInput, decode_text, read_bytes
from .fetch import Page

MIN_TEXT_CHARS = 40


def article_from_html(html: str, url: str | None = None) -> Article:
    """The article on a page; `url` is where it came from (a saved page may name its own canonical url)."""
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = _without_headline((found.text or "").strip(), found.title) if found is not None else ""
    if len(text) < MIN_TEXT_CHARS:
        raise UnreadableInput("no article text found in the HTML")
    return Article.create(
        text,
        title=found.title or None,
        url=url or found.url or None,
        source=found.sitename or found.hostname or None,
        author=found.author or None,
        published=_date(found.date),
    )


def article_from_page(page: Page) -> Article:
    """The article on a fetched page, keeping the url it was finally served from."""
    return article_from_html(decode_text(page.content, page.charset), url=page.url)


def _without_headline(text: str, title: str | None) -> str:
    """The body without a leading copy of the headline, which is kept in `Article.title`."""
    first, _, rest = text.partition("\n")
    return rest.strip() if title and first.strip() == title.strip() and rest.strip() else text


def _date(value: str | None):
    try:
        return parse_date(value)
    except ValueError:
        return None


def read_html_file(path: Path, ctx: Context) -> Iterator[Article]:
    yield article_from_html(decode_text(read_bytes(path)))
