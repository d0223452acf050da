"""`newsgraph evaluate …`: score the pipeline against annotated corpora.

Each area adds its subcommand here with one small function on `evaluate_app`
(`evaluate ner`, `evaluate quotes`, `evaluate events`, `evaluate linking`).
"""

from __future__ import annotations

import typer

from . import app

evaluate_app = typer.Typer(
    help="Score newsgraph (and plain natasha) against annotated corpora.",
    no_args_is_help=True,
)
app.add_typer(evaluate_app, name="evaluate")
