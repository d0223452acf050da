"""WARC archives from web crawlers (wget --warc-file, Heritrix, browsertrix): the archived article pages.

An archive holds every resource of a crawl; only successful HTML responses are articles,
so images, scripts, redirects and request records are passed over without a failure.
A record cut short (a crawl killed mid-write, a partial download) is refused, never
stored as the part of an article that happens to be there. In a `.warc.gz` the cut can
also fall where warcio does not notice it (a member's header or trailer): the gzip
members are checked on their own, so every cut is recorded with its byte offset.
"""

from __future__ import annotations

import zlib
from collections.abc import Generator, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..doc import Article, Failure
from .context import Context
from .decode import UnreadableInput, decode_text
from .html import article_from_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
CHUNK = 1 << 16


def read_warc_file(path: Path, ctx: Context) -> Iterator[Article | Failure]:
    cut = gzip_break(path)
    reported = yield from _records(path, f"; {cut[1]}" if cut else "")
    if cut and not reported:
        yield Failure(f"{path}:byte {cut[0]}", "read", f"{path}: {cut[1]}; the whole records before it are kept")


def _records(path: Path, where: str) -> Generator[Article | Failure, None, bool]:
    """The archive's articles and refused records; returns whether a damaged end was reported.

    `where` says where the gzip stream breaks, added to the message of the record it damages.
    """
    number, end = 0, 0
    with path.open("rb") as stream:
        try:
            records = ArchiveIterator(stream)
            for number, record in enumerate(records, 1):
                page = _html_page(record)
                missing = _missing_bytes(record)
                if missing:
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    yield Failure(url or f"{path}:record {number}", "read",
                                  f"{path}: record {number} ({url}): truncated ({missing} bytes of the record are missing{where})")
                    return True
                elif page is not None:
                    yield _article(path, number, *page)
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
            yield Failure(f"{path}:record {number + 1}", "read", f"{path}: record {number + 1} is damaged ({error}{where})")
            return True
        except AttributeError:  # how warcio meets a .warc.gz cut inside a record's headers
            end = -1
        # warcio ends quietly where a record's headers are cut off: bytes after the last whole record tell.
        if end < 0 or _tail(stream, end).strip(b"\r\n"):
            yield Failure(f"{path}:record {number + 1}", "read",
                          f"{path}: record {number + 1} is damaged (the archive ends inside it{where})")
            return True
    return False


def gzip_break(path: Path) -> tuple[int, str] | None:
    """The offset where a gzip file stops being whole (cut inside a member, or damaged) and why; None for a plain file.

    Each member is inflated in bounded steps and thrown away: only whether it ends whole matters.
    """
    with path.open("rb") as stream:
        chunk = stream.read(CHUNK)
        if not chunk or not b"\x1f\x8b".startswith(chunk[:2]):  # not gzip (a file cut after one byte still is)
            return None
        start = position = 0  # compressed offsets: of the current member, of the bytes read so far
        member = zlib.decompressobj(wbits=31)
        while chunk:
            try:
                member.decompress(chunk, CHUNK)
            except zlib.error as error:
                return start, f"the compressed member at byte {start} is damaged ({error})"
            if member.eof:
                position += len(chunk) - len(member.unused_data)
                start, chunk, member = position, member.unused_data, zlib.decompressobj(wbits=31)
            elif member.unconsumed_tail:
                position += len(chunk) - len(member.unconsumed_tail)
                chunk = member.unconsumed_tail
            else:
                position += len(chunk)
                chunk = stream.read(CHUNK)
        while not member.eof and member.decompress(b"", CHUNK):  # output held back by the step bound
            pass
    if position > start and not member.eof:
        return position, f"the archive is cut at byte {position}, inside the compressed member that starts at byte {start}"
    return None


def _tail(stream, offset: int) -> bytes:
    stream.seek(offset)
    return stream.read(CHUNK)


def _missing_bytes(record) -> int:
    """How many bytes the record's Content-Length promises beyond the end of the file (read to its end)."""
    while record.raw_stream.read(CHUNK):
        pass
    return getattr(record.raw_stream, "limit", 0)


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
