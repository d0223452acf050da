"""Dispatch each input — path, directory or URL — to the reader for its kind."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..doc import Article, Failure
from ..jsonl import read_jsonl
from .context import Context
from .decode import UnreadableInput, decode_text, plain_name, read_bytes, read_complete_lines
from .feeds import read_feed_file
from .html import read_html_file
from .language import with_language
from .options import IngestOptions
from .tables import read_csv_file
from .warc import read_warc_file
from .web import read_url

Item = Article | Failure
Reader = Callable[[Path, Context], Iterator[Item]]


def read_inputs(paths: Iterable[str | Path], **options: Any) -> Iterator[Item]:
    """Articles from files, directories and URLs, with a `Failure` for every unreadable item."""
    ctx = Context(IngestOptions.of(options))
    try:
        for item in _read_all(paths, ctx):
            if isinstance(item, Article) and ctx.options.detect_language:
                item = with_language(item)
            yield item
    finally:
        ctx.fetcher.close()


def _read_all(paths: Iterable[str | Path], ctx: Context) -> Iterator[Item]:
    for raw in map(str, paths):
        if raw.startswith(("http://", "https://")):
            yield from read_url(raw, ctx)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from read_directory(path, ctx)
        elif path.is_file():
            yield from read_file(path, ctx)
        else:
            yield Failure(raw, "read", f"{raw}: no such file or directory")


def read_directory(root: Path, ctx: Context) -> Iterator[Item]:
    """Every readable file under `root`, in name order so runs are reproducible."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and reader_for(p) is not None)
    if not files:
        yield Failure(str(root), "read", f"{root}: no readable files (expected {', '.join(SUFFIXES)})")
    for path in files:
        yield from read_file(path, ctx)


def read_file(path: Path, ctx: Context) -> Iterator[Item]:
    reader = reader_for(path) or read_text_file
    try:
        yield from reader(path, ctx)
    except (UnreadableInput, OSError) as error:
        yield Failure(str(path), "read", f"{path}: {error}")
    except Exception as error:  # a parser's surprise must not end the batch; it is recorded instead
        yield Failure(str(path), "read", f"{path}: unexpected {type(error).__name__}: {error}")


def read_text_file(path: Path, ctx: Context) -> Iterator[Item]:
    text = decode_text(read_bytes(path)).strip()
    if not text:
        raise UnreadableInput("empty input (no text)")
    yield Article.create(text)


def read_jsonl_file(path: Path, ctx: Context) -> Iterator[Item]:
    data, damage = read_complete_lines(path)
    if data.strip() or not damage:
        text = decode_text(data)
        for item in read_jsonl(io.StringIO(text), str(path)):
            yield Failure(item.article_id, item.stage, f"{path}: {item.error}") if isinstance(item, Failure) else item
    if damage:
        yield Failure(str(path), "read", f"{path}: {damage}")


READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".csv": read_csv_file,
    ".tsv": read_csv_file,
    ".warc": read_warc_file,
    ".arc": read_warc_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,
}
SUFFIXES = tuple(READERS)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file name, looking through .gz/.bz2 (`a.jsonl.gz` reads as JSONL)."""
    return READERS.get(Path(plain_name(path)).suffix)
