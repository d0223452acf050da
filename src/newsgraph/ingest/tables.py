"""CSV and TSV exports of news databases, with the columns named by the user.

Spreadsheets hold dates in every local form, so the date column accepts ISO dates and,
failing that, what dateparser reads as a Russian or English date ("18.05.2024", "18 мая 2024").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import dateparser

from ..doc import Article, Failure
from ..jsonl import check_url
from .context import Context
from .decode import UnreadableInput, decode_text, plain_name, read_bytes

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

OPTIONAL_COLUMNS = {"title": "csv_title_column", "published": "csv_date_column", "url": "csv_url_column", "id": "csv_id_column"}


def loose_date(value: str) -> dt.date | None:
    """A date in ISO or a common day-first local form; None for an empty cell."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(value, languages=["ru", "en"], settings={"DATE_ORDER": "DMY"})
    if parsed is None:
        raise ValueError(f"unreadable date {value!r}")
    return parsed.date()


def column_map(header: list[str], ctx: Context) -> dict[str, str]:
    """Article field → CSV column; a column the user named explicitly must exist."""
    opts = ctx.options
    if opts.csv_text_column not in header:
        raise UnreadableInput(f"no text column {opts.csv_text_column!r} (columns: {', '.join(header)}); set --csv-text-column")
    mapping = {"text": opts.csv_text_column}
    for field_name, option in OPTIONAL_COLUMNS.items():
        named = getattr(opts, option)
        if named is not None and named not in header:
            flag = "--" + option.replace("_", "-")
            raise UnreadableInput(f"no column {named!r} for {flag} (columns: {', '.join(header)})")
        column = named or field_name
        if column in header:
            mapping[field_name] = column
    return mapping


def read_csv_file(path: Path, ctx: Context) -> Iterator[Article | Failure]:
    delimiter = "\t" if plain_name(path).endswith(".tsv") else ctx.options.csv_delimiter
    rows = csv.DictReader(io.StringIO(decode_text(read_bytes(path)), newline=""), delimiter=delimiter)
    mapping = column_map(list(rows.fieldnames or []), ctx)
    for row in rows:
        where = f"{path}:{rows.line_num}"
        try:
            yield article_from_row(row, mapping)
        except ValueError as error:
            yield Failure(row.get(mapping.get("id", ""), "") or where, "read", f"{where}: {error}")


def article_from_row(row: dict[str, str | None], mapping: dict[str, str]) -> Article:
    values = {field_name: (row.get(column) or "").strip() for field_name, column in mapping.items()}
    text = values.pop("text")
    if not text:
        raise ValueError(f"empty text in column {mapping['text']!r}")
    published = loose_date(values.pop("published", ""))
    ident = values.pop("id", "") or None
    if values.get("url"):
        check_url(values["url"])
    return Article.create(text, id=ident, published=published, **{k: v for k, v in values.items() if v})
