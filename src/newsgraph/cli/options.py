"""The options the store's and the record's commands share, and how they print a result; a module
of its own so that `cli/store` and `cli/record` both build on it and neither on the other."""

from __future__ import annotations

import json
from typing import Annotated, Any, Optional

import typer

from .edge import check_date

Db = Annotated[Optional[str], typer.Option("--db", envvar="NEWSGRAPH_DB", show_envvar=True,
                                           help="Store URL: sqlite:///FILE or postgresql://… (default: sqlite:///newsgraph.db)")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
Since = Annotated[Optional[str], typer.Option(callback=check_date, help="Only from this date on (YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option(callback=check_date, help="Only up to this date (YYYY-MM-DD, inclusive).")]
Limit = Annotated[int, typer.Option(min=1, help="How many results.")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many results (paging).")]


def show(result: Any, as_json: bool, lines) -> None:
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(lines(result)))
