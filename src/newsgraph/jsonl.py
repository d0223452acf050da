"""Reading article JSONL line by line: each bad line becomes a `Failure`, never an exception."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .doc import Article, Failure

META_FIELDS = ("title", "url", "source", "published", "language")


def article_from_record(record: object) -> Article:
    """An article from one input record `{"id", "text", optional title/published/url/source}`."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("missing string field 'text'")
    meta = {k: record[k] for k in META_FIELDS if record.get(k) is not None}
    return Article.create(text, id=str(record["id"]) if record.get("id") else None, **meta)


def read_jsonl(stream: IO[str], name: str = "<stdin>") -> Iterator[Article | Failure]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(f"{name}:{number}", "read", f"line {number}: not valid JSON ({error.msg})")
            continue
        try:
            yield article_from_record(record)
        except (ValueError, TypeError) as error:
            ident = record.get("id") if isinstance(record, dict) else None
            yield Failure(str(ident or f"{name}:{number}"), "read", f"line {number}: {error}")


def open_text(path: Path | str) -> IO[str]:
    return open(path, encoding="utf-8")
