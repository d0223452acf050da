"""WARC archives from web crawlers (wget --warc-file, Heritrix, browsertrix): the archived article pages.

An archive holds every resource of a crawl; only successful HTML responses are articles,
so images, scripts, redirects and request records are passed over without a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..doc import Article, Failure
from .context import Context
from .decode import UnreadableInput, decode_text
from .html import article_from_html

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(path: Path, ctx: Context) -> Iterator[Article | Failure]:
    number = 0
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                page = _html_page(record)
                if page is not None:
                    yield _article(path, number, *page)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
            yield Failure(f"{path}:record {number + 1}", "read", f"{path}: record {number + 1} is damaged ({error})")


def _html_page(record) -> tuple[str, bytes, str | None] | None:
    """(url, body, charset) of a successful HTML response or resource record, else None."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not headers.get_statuscode().startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    mime, _, params = content_type.partition(";")
    if mime.strip().lower() not in HTML_TYPES:
        return None
    charset = params.partition("charset=")[2].strip().strip('"') or None
    return record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read(), charset


def _article(path: Path, number: int, url: str, body: bytes, charset: str | None) -> Article | Failure:
    try:
        return article_from_html(decode_text(body, charset), url=url)
    except UnreadableInput as error:
        return Failure(url or f"{path}:record {number}", "read", f"{path}: record {number} ({url}): {error}")
