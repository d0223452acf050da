"""Dispatch each input — path, directory or URL — to the reader for its kind."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..doc import Article, Failure
from ..jsonl import read_jsonl
from .decode import UnreadableInput, decode_text, plain_name, read_bytes
from .language import with_language
from .options import IngestOptions

Item = Article | Failure
Reader = Callable[[Path, IngestOptions], Iterator[Item]]


def read_inputs(paths: Iterable[str], **options: Any) -> Iterator[Item]:
    """Articles from files, directories and URLs, with a `Failure` for every unreadable item."""
    opts = IngestOptions.of(options)
    for item in _read_all(paths, opts):
        if isinstance(item, Article) and opts.detect_language:
            item = with_language(item)
        yield item


def _read_all(paths: Iterable[str], opts: IngestOptions) -> Iterator[Item]:
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            from .web import read_url

            yield from read_url(raw, opts)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from read_directory(path, opts)
        elif path.is_file():
            yield from read_file(path, opts)
        else:
            yield Failure(raw, "read", f"{raw}: no such file or directory")


def read_directory(root: Path, opts: IngestOptions) -> Iterator[Item]:
    """Every readable file under `root`, in name order so runs are reproducible."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and reader_for(p) is not None)
    if not files:
        yield Failure(str(root), "read", f"{root}: no readable files (expected {', '.join(SUFFIXES)})")
    for path in files:
        yield from read_file(path, opts)


def read_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    reader = reader_for(path) or read_text_file
    try:
        yield from reader(path, opts)
    except (UnreadableInput, OSError) as error:
        yield Failure(str(path), "read", f"{path}: {error}")


def read_text_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    text = decode_text(read_bytes(path)).strip()
    if not text:
        raise UnreadableInput("empty input (no text)")
    yield Article.create(text)


def read_jsonl_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    text = decode_text(read_bytes(path))
    for item in read_jsonl(io.StringIO(text), str(path)):
        yield Failure(item.article_id, item.stage, f"{path}: {item.error}") if isinstance(item, Failure) else item


def _html(path: Path, opts: IngestOptions) -> Iterator[Item]:
    from .html import read_html_file

    return read_html_file(path, opts)


def _csv(path: Path, opts: IngestOptions) -> Iterator[Item]:
    from .tables import read_csv_file

    return read_csv_file(path, opts)


def _warc(path: Path, opts: IngestOptions) -> Iterator[Item]:
    from .warc import read_warc_file

    return read_warc_file(path, opts)


def _feed(path: Path, opts: IngestOptions) -> Iterator[Item]:
    from .feeds import read_feed_file

    return read_feed_file(path, opts)


READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": _html,
    ".htm": _html,
    ".csv": _csv,
    ".tsv": _csv,
    ".warc": _warc,
    ".arc": _warc,
    ".rss": _feed,
    ".atom": _feed,
    ".xml": _feed,
}
SUFFIXES = tuple(READERS)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file name, looking through .gz/.bz2 (`a.jsonl.gz` reads as JSONL)."""
    return READERS.get(Path(plain_name(path)).suffix)
