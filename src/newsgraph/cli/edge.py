"""The CLI's one error path: every failure becomes one line on stderr and an exit code.

Usage errors (a bad option, a missing file, an unknown filter value) exit with 2, failures
with 1. Commands raise the library's typed errors (`newsgraph.errors`) or Click's own and
never catch them; `EdgeGroup.main` is the single place that turns them into a line.
`--debug` (or NEWSGRAPH_DEBUG=1) lets the traceback through instead.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError  # Typer's own copy of Click
from typer.core import TyperGroup

from ..errors import InputError, NewsgraphError, StoreError

DEBUG_VARIABLE = "NEWSGRAPH_DEBUG"
STORE_URLS = "sqlite:///FILE or postgresql://USER:PASSWORD@HOST/DB"
debug = {"on": False}  # set by the `--debug` callback before any command runs


@cache
def err():
    """The rich console on stderr, made on first use (rich is not imported for `--help`)."""
    from rich.console import Console

    return Console(stderr=True)


def debugging() -> bool:
    return debug["on"] or os.environ.get(DEBUG_VARIABLE, "") not in ("", "0", "false", "no")


class EdgeGroup(TyperGroup):
    """The top-level group: runs the command, and turns whatever it raises into one line."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        debug["on"] = False
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as error:
            typer.echo(error.ctx.get_help(), err=True)
            sys.exit(2)
        except ClickException as error:
            hint = f" (see `{error.ctx.command_path} --help`)" if getattr(error, "ctx", None) else ""
            fail(error.format_message() + hint, error.exit_code)
        except typer.Abort:
            fail("aborted", 1)
        except Exception as error:
            if debugging():
                raise
            fail(*describe(error))
        sys.exit(result if isinstance(result, int) else 0)


def fail(message: str, code: int) -> None:
    typer.echo("Error: " + " ".join(message.split()), err=True)
    sys.exit(code)


def describe(error: BaseException) -> tuple[str, int]:
    """One line for an exception, and the exit code: 2 when the user's input is at fault."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    if isinstance(error, NewsgraphError):
        return str(error), error.exit_code
    if isinstance(error, (ArgumentError, NoSuchModuleError)):
        return f"--db: not a store URL we can open ({error}); expected {STORE_URLS}", 2
    if isinstance(error, DBAPIError):
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        return f"cannot use the store: {reason}; check --db / $NEWSGRAPH_DB", 1
    if isinstance(error, IsADirectoryError):
        return f"{error.filename} is a directory; give a file", 2
    if isinstance(error, FileNotFoundError):
        return (f"no such file or directory: {error.filename}" if error.filename else str(error)), 2
    if isinstance(error, OSError) and error.filename:
        return f"cannot use {error.filename}: {error.strerror}", 1
    if isinstance(error, UnicodeDecodeError):
        return (f"the input is not UTF-8 text ({error.reason} at byte {error.start}): compressed, or in another "
                "encoding such as cp1251? Decompress it, convert it with `iconv -f cp1251 -t utf-8`, "
                "or use `newsgraph ingest`, which reads both"), 1
    return (f"{type(error).__name__}: {error} (an unexpected failure: run `newsgraph --debug …` "
            f"or set {DEBUG_VARIABLE}=1 for the traceback)"), 1


def open_store(db: str | None, *, create: bool = False):
    """The store at DB; unless `create`, a store that does not exist yet is refused, not made empty."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ..store import Store, database_url

    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(f"--db: {url!r} is not a store URL; expected {STORE_URLS}"
                         + (f" (sqlite:///{url}?)" if "://" not in url else "")) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise InputError(f"--db: {backend} stores are not supported; expected {STORE_URLS}")
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        if not path.parent.is_dir():
            raise InputError(f"--db: directory {path.parent} does not exist; create it or give another path")
        if not create and not path.exists():
            raise StoreError(f"no store at {path}: give the store's path in --db (or $NEWSGRAPH_DB), "
                             f"or fill a new one with `newsgraph ingest FILE --db {url}`")
    return Store.open(url)


def check_date(ctx: typer.Context, param: Any, value: str | None) -> str | None:
    """A YYYY-MM-DD option, blamed by its own name when it is not one."""
    if value in (None, ""):
        return value
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2025-07-02",
                                 ctx=ctx, param=param) from None
    return value


def writable(path: Path) -> Path:
    """PATH, refused up front when its folder does not exist (rather than after the work is done)."""
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: directory {path.parent} does not exist; create it or choose another path")
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory; give a file name")
    return path
