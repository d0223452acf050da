"""The `newsgraph` command: thin Typer shells over the library, one module per area."""

from __future__ import annotations

from typing import Annotated

import typer

from .edge import DEBUG_VARIABLE, EdgeGroup, debug

app = typer.Typer(
    name="newsgraph",
    cls=EdgeGroup,
    help="Russian news into a sourced record: entities, quotes, events, dates.",
    no_args_is_help=True,
    add_completion=False,
)


def print_version(wanted: bool) -> None:
    if wanted:
        from .. import __version__

        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def newsgraph(
    show_traceback: Annotated[bool, typer.Option("--debug", envvar=DEBUG_VARIABLE, show_envvar=True,
                                                 help="Show the traceback of a failure instead of one line.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Russian news into a sourced record: entities, quotes, events, dates."""
    debug["on"] = show_traceback



from . import analyze  # noqa: E402,F401  (registers its commands on `app`)
from . import evaluate  # noqa: E402,F401
from . import watch  # noqa: E402,F401
from . import store  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import kb  # noqa: E402,F401
from . import record  # noqa: E402,F401


def main() -> None:
    app()
