"""`newsgraph kb …`: look entities up in the knowledge base and import Wikidata into it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..wording import counted
from . import app

if TYPE_CHECKING:
    from ..kb import KBEntity

kb_app = typer.Typer(help="The knowledge base: search, show, import a Wikidata dump.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

KBOption = Annotated[Optional[Path], typer.Option("--kb", envvar="NEWSGRAPH_KB",  # newsgraph.kb.KB_VARIABLE show_envvar=True,
                                                   help="KB file (default: the bundled KB).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def line(entity: KBEntity) -> str:
    mark = "  (local id)" if not entity.is_wikidata else "" if entity.verified else "  (id not confirmed by the linked corpora)"
    return f"{entity.id}\t{entity.type}\t{entity.label_ru}\t{entity.label_en}{mark}"


@kb_app.command("search")
def search(name: Annotated[str, typer.Argument(help="A name in any case form: Путина, ФРГ, НАТО.")],
           kb: KBOption = None, limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 10,
           json_out: JsonOption = False) -> None:
    """Entities known under NAME (lemma-matched), best known first."""
    from ..kb import KB

    found = KB.open(kb).search(name, limit)
    if json_out:
        typer.echo(json.dumps([asdict(e) for e in found], ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(map(line, found)) or f"nothing called {name!r}")


@kb_app.command("show")
def show(qid: Annotated[str, typer.Argument(help="A KB id: Q7747, ng:person:…")], kb: KBOption = None,
         json_out: JsonOption = False) -> None:
    """One entity with its names, offices held and memberships."""
    from ..kb import KB

    base = KB.open(kb)
    entity = base.get(qid)
    if entity is None:
        raise typer.BadParameter(f"no entity {qid!r} in {base.path}")
    record = {**asdict(entity), "aliases": [{"key": k, "kind": kind} for k, kind in base.aliases(qid)],
              "positions": [asdict(p) for p in base.positions(qid)],
              "memberships": [asdict(m) for m in base.memberships(qid)]}
    if json_out:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    typer.echo(line(entity))
    typer.echo("names: " + ", ".join(f"{a['key']} ({a['kind']})" for a in record["aliases"]))
    for p in record["positions"]:
        place = base.get(p["place"])
        typer.echo(f"  {p['office']} {p['title']} of {place.label_ru if place else p['place']}: {p['start']} – {p['end'] or 'now'}")
    for m in record["memberships"]:
        typer.echo(f"  member {m['member']} of {m['group']}: {m['start']} – {m['end'] or 'now'}")


@kb_app.command("import-wikidata")
def import_wikidata_command(
    dump: Annotated[Path, typer.Argument(help="Wikidata JSON dump (.json, .json.bz2, .json.gz), one entity per line.")],
    kb: Annotated[Path, typer.Option("--kb", help="KB file to extend; a new one starts as a copy of the bundled KB.")],
    empty: Annotated[bool, typer.Option("--empty", help="Start a new KB file from nothing instead of the bundled KB.")] = False,
) -> None:
    """Stream DUMP into the KB file: labels, aliases, type (P31), offices (P39), memberships (P463).

    Use the result everywhere with NEWSGRAPH_KB=FILE (docs/kb.md)."""
    from ..kb.wikidata import import_wikidata

    if not dump.exists():
        raise typer.BadParameter(f"no such file: {dump}")
    if empty and kb.exists():
        raise typer.BadParameter(f"--empty starts a new KB, but {kb} exists: remove it or drop --empty")
    counts = import_wikidata(dump, kb, empty=empty)
    started = {"bundled": "a copy of the bundled KB", "empty": "an empty KB", "existing": "the existing KB"}[counts.start]
    typer.echo(f"started from {started}")
    typer.echo(f"{counts.imported} of {counted(counts.read, 'entity')} imported ({counted(counts.positions, 'office')}, "
               f"{counted(counts.memberships, 'membership')}), office items read: {counts.offices}; "
               f"{counts.resolved} terms of office under hos/hog/fm/dm → {kb}")
