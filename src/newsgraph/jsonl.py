"""Reading article JSONL line by line: each bad line becomes a `Failure`, never an exception.

Failures travel as `{"id", "stage", "error"}` lines (`analyze`'s errors file, a shard's failures).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .doc import Article, Failure

META_FIELDS = ("title", "url", "source", "published", "language")
FAILURES_SUFFIX = ".failures.jsonl"


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
