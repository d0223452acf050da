"""`newsgraph instances`, `newsgraph group …`, `newsgraph correct …`: thin shells over `newsgraph.record`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

from ..record import text as lines
from ..choices import MODALITIES, event_types, known
from . import app
from .edge import check_date, open_store, writable
from .options import Db, Json, Limit, Offset, Since, Until, show

group_app = typer.Typer(help="Groups and coalitions as actors: their members and when they belonged.",
                        no_args_is_help=True)
correct_app = typer.Typer(help="Corrections a person makes, kept apart from machine output and re-applied "
                               "after every analysis.", no_args_is_help=True)
app.add_typer(group_app, name="group")
app.add_typer(correct_app, name="correct")

Ref = Annotated[Optional[str], typer.Option(help="NAME or KB id (Q…).")]
ArticleArg = Annotated[str, typer.Argument(metavar="ARTICLE", help="The stored article's id.")]
StartArg = Annotated[int, typer.Argument(help="Start offset of the span (characters).", min=0)]
EndArg = Annotated[int, typer.Argument(help="End offset of the span (exclusive).", min=1)]
Wrong = Annotated[bool, typer.Option("--wrong", help="The machine's fact at the span is wrong: drop it.")]
Add = Annotated[bool, typer.Option("--add", help="Add a fact the machine missed at the span.")]
Confirm = Annotated[bool, typer.Option("--confirm", help="The machine's fact at the span is right.")]
Author = Annotated[Optional[str], typer.Option(help="Who made the correction.")]


@app.command()
def instances(involving: Ref = None,
              through_groups: Annotated[bool, typer.Option(
                  "--through-groups", help="Also events of groups INVOLVING belonged to on the event's day.")] = False,
              actor: Ref = None, recipient: Ref = None,
              type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER type (repeatable).")] = None,
              modality: Annotated[Optional[str], typer.Option(help="asserted, negated, planned, …")] = None,
              since: Since = None, until: Until = None, db: Db = None, limit: Limit = 50, offset: Offset = 0,
              json_out: Json = False) -> None:
    """Events in the world: article-level reports clustered into instances, each with its sources."""
    type, modality = known("--type", type, event_types()), known("--modality", modality, MODALITIES)
    show_instances(open_store(db), json_out, involving=involving, through_groups=through_groups, actor=actor,
                   recipient=recipient, type=type, modality=modality, since=since, until=until, limit=limit,
                   offset=offset)


def show_instances(store, json_out: bool, **filters) -> None:
    """Print instances (also `newsgraph events --instances`); a store that was never clustered is clustered first."""
    from ..record.instances import refresh_instances
    from ..record.queries import instances as find
    from sqlalchemy import select

    from ..store.schema import event_instances

    with store:
        with store.read() as conn:
            clustered = conn.execute(select(event_instances.c.id).limit(1)).first() is not None
        if not clustered:
            refresh_instances(store)
        show(find(store, **filters), json_out, lines.instance_lines)


@app.command()
def recluster(db: Db = None) -> None:
    """Sync group memberships from the KB and rebuild every event instance (ingest does this itself)."""
    from ..record.refresh import refresh_record

    with open_store(db) as store:
        typer.echo(f"{refresh_record(store)} event instances")


@group_app.command("add-member")
def add_member(group: Annotated[str, typer.Argument(help="The group: a name as articles give it, or a KB id.")],
               member: Annotated[str, typer.Argument(help="The member: a name or a KB id (Q142).")],
               since: Annotated[Optional[str], typer.Option(callback=check_date, help="Member from this date (YYYY-MM-DD).")] = None,
               until: Annotated[Optional[str], typer.Option(callback=check_date, help="Member up to this date (exclusive).")] = None,
               db: Db = None) -> None:
    """Record that MEMBER belongs to GROUP, so the group's events count for it on those dates."""
    from ..record.groups import add_member as add

    with open_store(db, create=True) as store:
        row = add(store, group, member, since=since, until=until)
    typer.echo(f"{row['member_id']} in {row['group_id']} from {since or 'always'} until {until or 'now'}")


@group_app.command("members")
def members(group: Annotated[str, typer.Argument(help="The group: a name or a KB id.")],
            on: Annotated[Optional[str], typer.Option(callback=check_date, help="Only members on this date.")] = None,
            db: Db = None, json_out: Json = False) -> None:
    """The members of GROUP with the dates they belonged (from the KB, bundled data or a person)."""
    from ..record.groups import members as find

    with open_store(db) as store:
        found = find(store, group, on=on) or find(store, kb_group(group), on=on)
    if not found:
        typer.echo(f"no members known for {group!r}{' on ' + on if on else ''}; "
                   "add them with `newsgraph group add-member GROUP MEMBER`", err=True)
    show(found, json_out, lines.member_lines)


def kb_group(name: str) -> str:
    """The KB id a group's name stands for (НАТО → Q7184), so a name works where the store does not know it."""
    from ..kb import KB

    found = KB.open().search(name, 1)
    return found[0].id if found else name


def correct(db: str | None, article: str, kind: str, flags: dict[str, bool], start: int, end: int,
            author: str | None, /, **fields) -> None:
    """Without a flag, the correction fixes the fact at the span with the values given."""
    from ..record.correct import correct as make

    chosen = [name for name, on in flags.items() if on]
    if len(chosen) > 1:
        raise typer.BadParameter(f"choose one of {', '.join('--' + c for c in chosen)}")
    action = chosen[0] if chosen else "fix"

    with open_store(db) as store:
        try:
            made = make(store, article, kind, action, start, end, author=author, **fields)
        except (KeyError, ValueError) as error:
            raise typer.BadParameter(str(error)) from None
    typer.echo(lines.correction_line(made))


@correct_app.command("quote")
def correct_quote(article: ArticleArg, start: StartArg, end: EndArg, wrong: Wrong = False, add: Add = False,
                  confirm: Confirm = False,
                  speaker: Annotated[Optional[str], typer.Option(help="The right speaker: NAME or KB id.")] = None,
                  kind: Annotated[Optional[str], typer.Option(help="direct, indirect or mixed.")] = None,
                  author: Author = None, db: Db = None) -> None:
    """Fix a quote's speaker or kind, mark it wrong, add a missing quote, or confirm it."""
    flags = {"wrong": wrong, "add": add, "confirm": confirm}
    correct(db, article, "quote", flags, start, end, author, speaker=speaker, kind=kind)


@correct_app.command("event")
def correct_event(article: ArticleArg, start: StartArg, end: EndArg, wrong: Wrong = False, add: Add = False,
                  confirm: Confirm = False,
                  type: Annotated[Optional[str], typer.Option(help="PLOVER type, e.g. CONSULT.")] = None,
                  actor: Annotated[Optional[list[str]], typer.Option(help="Actor NAME or KB id (repeatable).")] = None,
                  recipient: Annotated[Optional[list[str]], typer.Option(help="Recipient (repeatable).")] = None,
                  date: Annotated[Optional[str], typer.Option(help="The event's date (YYYY-MM-DD).")] = None,
                  modality: Annotated[Optional[str], typer.Option(
                      help="asserted, negated, planned, hypothetical.")] = None,
                  mode: Annotated[Optional[str], typer.Option(help="PLOVER mode, e.g. phone.")] = None,
                  place: Annotated[Optional[str], typer.Option(help="Where it happened: NAME or KB id.")] = None,
                  author: Author = None, db: Db = None) -> None:
    """Fix an event (the one whose trigger is at START..END), mark it wrong, add a missing one, or confirm it."""
    flags = {"wrong": wrong, "add": add, "confirm": confirm}
    correct(db, article, "event", flags, start, end, author, type=type, actor=actor, recipient=recipient,
            date=date, modality=modality, mode=mode, place=place)


@correct_app.command("entity")
def correct_entity(article: ArticleArg, start: StartArg, end: EndArg, wrong: Wrong = False,
                   kb_id: Annotated[Optional[str], typer.Option(help="The right KB id ('' unlinks).")] = None,
                   name: Annotated[Optional[str], typer.Option(help="The right name.")] = None,
                   split: Annotated[bool, typer.Option("--split", help="The mention was wrongly merged: "
                                                       "make it an entity of its own.")] = False,
                   author: Author = None, db: Db = None) -> None:
    """Fix the link or name of the entity mentioned at START..END, undo a wrong merge, or drop a wrong mention."""
    correct(db, article, "entity", {"wrong": wrong}, start, end, author, kb_id=kb_id, name=name, split=split or None)


@correct_app.command("list")
def list_corrections(article: Annotated[Optional[str], typer.Argument(help="Only this article's.")] = None,
                     db: Db = None, json_out: Json = False) -> None:
    """Every correction, oldest first."""
    from ..record.correct import corrections_list

    with open_store(db) as store:
        show(corrections_list(store, article), json_out, lambda found: map(lines.correction_line, found))


@correct_app.command("export")
def export(what: Annotated[Literal["quotes", "events"], typer.Argument(help="quotes or events.")],
           out: Annotated[Path, typer.Argument(help="Gold JSONL to write.")], db: Db = None) -> None:
    """Corrected articles as gold JSONL for `newsgraph evaluate quotes|events`."""
    from ..record.gold import export_gold

    writable(out)
    with open_store(db) as store:
        written = export_gold(store, what, out)
    typer.echo(f"{written} corrected articles → {out}")
