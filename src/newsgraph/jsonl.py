"""Reading article JSONL line by line: each bad line becomes a `Failure`, never an exception.

Failures travel as `{"id", "stage", "error"}` lines (`analyze`'s errors file, a shard's failures).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .doc import Article, Failure

META_FIELDS = ("title", "url", "source", "published", "language")
FAILURES_SUFFIX = ".failures.jsonl"
HTTP_URL = re.compile(r"https?://[^/?#\s]+", re.IGNORECASE)


def article_from_record(record: object) -> Article:
    """An article from one input record `{"id", "text", optional title/published/url/source}`.

    Every field is checked here, where the line number is known: a number where a url belongs,
    or an object as a title, would otherwise be stored as "42" or fail only in the store, and
    be analysed again on every re-run.
    """
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("missing string field 'text'")
    if not text.strip():
        raise ValueError("empty text (only whitespace)")
    meta = {k: checked_field(k, record[k]) for k in META_FIELDS if record.get(k) is not None}
    ident = record.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise ValueError(f"field 'id' must be a string or an integer, got {type(ident).__name__}")
    return Article.create(text, id=str(ident) if ident not in (None, "") else None, **meta)


def checked_field(name: str, value: object) -> str:
    """A metadata value as given, if it is a string (and a url an http(s) one); else ValueError."""
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} must be a string, got {type(value).__name__} {json.dumps(value, ensure_ascii=False)[:40]}")
    if name == "url":
        check_url(value)
    return value


def check_url(value: str) -> None:
    """An article url is an absolute http(s) URL: anything else (`javascript:…`, `42`) is refused."""
    if not HTTP_URL.match(value) or any(c.isspace() for c in value):
        raise ValueError(f"url must be an absolute http(s) URL, got {value[:80]!r}")


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
    """A UTF-8 file to read, decompressed as it is read when its name ends in .gz (a shard)."""
    if Path(path).suffix.lower() == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def failure_line(failure: Failure) -> str:
    return json.dumps({"id": failure.article_id, "stage": failure.stage, "error": failure.error}, ensure_ascii=False) + "\n"


def failure_from_json(record: object) -> Failure:
    """The failure a `failure_line` wrote; raises ValueError for anything else."""
    if not isinstance(record, dict) or not all(isinstance(record.get(k), str) for k in ("id", "stage", "error")):
        raise ValueError('expected a JSON object with string "id", "stage" and "error"')
    return Failure(record["id"], record["stage"], record["error"])
