"""`newsgraph evaluate …`: score the pipeline against annotated corpora.

Each area adds its subcommand here with one small function on `evaluate_app`
(`evaluate ner`, `evaluate quotes`, `evaluate events`, `evaluate linking`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..evaluate.formats import FORMATS, read_corpus
from ..evaluate.ner import SYSTEMS, score_ner
from ..evaluate.report import ner_table
from . import app

evaluate_app = typer.Typer(
    help="Score newsgraph (and plain natasha) against annotated corpora.",
    no_args_is_help=True,
)
app.add_typer(evaluate_app, name="evaluate")


def command_line() -> str:
    return "newsgraph " + " ".join(sys.argv[1:])


@evaluate_app.command("ner")
def evaluate_ner(
    directory: Annotated[Path, typer.Argument(help="Corpus directory (NEREL dev/test, factRuEval devset/testset).")],
    format: Annotated[str, typer.Option("--format", help="Corpus format: brat (NEREL) or factru.")] = "brat",
    system: Annotated[list[str], typer.Option("--system", help="natasha and/or newsgraph; repeat to compare.")] = ["newsgraph"],
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N documents.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Precision/recall/F1 of PER/ORG/LOC mentions, strict spans and token level, per system."""
    unknown = [s for s in system if s not in SYSTEMS]
    if unknown or format not in FORMATS:
        raise typer.BadParameter(f"--system must be in {sorted(SYSTEMS)} and --format in {FORMATS}")
    docs = read_corpus(directory, format)[:limit]
    results = {name: score_ner(docs, SYSTEMS[name](docs), format) for name in dict.fromkeys(system)}
    if json_out:
        payload = {"command": command_line(), "documents": len(docs), "format": format}
        typer.echo(json.dumps({**payload, "systems": {n: s.to_json() for n, s in results.items()}}, indent=2))
    else:
        Console().print(ner_table(f"{command_line()}  ({len(docs)} documents)", results))
