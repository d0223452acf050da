"""The `newsgraph` command: thin Typer shells over the library, one module per area."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsgraph",
    help="Russian news into a sourced record: entities, quotes, events, dates.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def newsgraph() -> None:
    """Russian news into a sourced record: entities, quotes, events, dates."""


from . import analyze  # noqa: E402,F401  (registers its commands on `app`)
from . import evaluate  # noqa: E402,F401
from . import watch  # noqa: E402,F401
from . import store  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import kb  # noqa: E402,F401
from . import record  # noqa: E402,F401


def main() -> None:
    app()
