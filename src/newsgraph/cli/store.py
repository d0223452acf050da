"""`newsgraph ingest/search/quotes/events/entity/timeline/export`: thin shells over `newsgraph.store`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

from ..choices import MODALITIES, event_types, known
from ..doc import Article, Failure
from ..budget import DEFAULT_MAX_CHARS, Budget
from . import app
from .analyze import ArticleTimeout, MaxChars
from .edge import err, open_store, writable
from .given import DateWarning, Given, Published, Source, Title, Url, filled
from .options import Db, Json, Limit, Offset, Since, Until, show

# `newsgraph.store.export.FORMATS`, spelled out so that `--help` need not import the store
# (tests/test_cli_speed.py checks the two agree).
EXPORT_FORMATS = ("jsonl", "quotes-csv", "events-csv", "plover-json", "graphml", "gexf")
FileArg = Annotated[Optional[Path], typer.Argument(help="Analyse this text file instead of querying the store.")]


def report_item(item: Article | Failure) -> None:
    if isinstance(item, Failure):
        err().print(f"[yellow]failed[/] {item.article_id} ({item.stage}): {item.error}", markup=True, highlight=False, soft_wrap=True)


@contextmanager
def ingest_progress() -> Iterator[Callable[[], None]]:
    """A running count of stored articles (on a terminal only: the total is unknown until feeds and folders are read)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("articles ingested: {task.completed}"), TimeElapsedColumn())
    with Progress(*columns, console=err(), disable=not err().is_terminal, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        yield lambda: progress.advance(task)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or URLs (.txt, .html, .jsonl, .csv, .warc, feeds; .gz/.bz2).")],
    db: Db = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for analysis (local, or a local Dask cluster).")] = 1,
    engine: Annotated[Literal["local", "dask"], typer.Option(help="Where analysis runs (dask: see docs/scaling.md).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler ADDRESS (tcp://host:8786); none starts a local cluster.")] = None,
    analysed: Annotated[bool, typer.Option("--analysed", help="PATHS are analysed JSONL (analyze --output, or a --shards DIR): store without analysing.")] = False,
    reanalyse: Annotated[bool, typer.Option("--reanalyse", help="Analyse again articles already stored unchanged.")] = False,
    csv_text_column: Annotated[Optional[str], typer.Option(help="CSV column holding the text (default: text).")] = None,
    csv_title_column: Annotated[Optional[str], typer.Option(help="CSV column holding the title (default: title).")] = None,
    csv_date_column: Annotated[Optional[str], typer.Option(help="CSV column holding the date (default: published).")] = None,
    csv_url_column: Annotated[Optional[str], typer.Option(help="CSV column holding the url (default: url).")] = None,
    csv_id_column: Annotated[Optional[str], typer.Option(help="CSV column holding the article id (default: id).")] = None,
    csv_delimiter: Annotated[Optional[str], typer.Option(help="CSV delimiter (default: ,).")] = None,
    fetch_links: Annotated[bool, typer.Option(help="Fetch each feed entry's page unless the entry carries the full text.")] = True,
    published: Published = None, title: Title = None, source: Source = None, url: Url = None,
    json_out: Json = False,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    article_timeout: ArticleTimeout = None,
) -> None:
    """Analyse and store articles; re-ingesting updates, never duplicates. Failures go to the `failures` table."""
    from ..ingest import read_inputs
    from ..ingest.storylinks import link_stories
    from ..ingest.batch import ingest as ingest_items, read_analysed

    given, warning = Given(published, title, source, url), DateWarning()
    if analysed and given != Given():
        raise typer.BadParameter("--published/--title/--source/--url describe articles to analyse, not --analysed ones")
    if url and (len(paths) > 1 or Path(paths[0]).is_dir()):
        raise typer.BadParameter("--url names one article: give one file with it")
    items = read_analysed(paths) if analysed else filled(read_inputs(
        paths, csv_text_column=csv_text_column, csv_title_column=csv_title_column, csv_date_column=csv_date_column,
        csv_url_column=csv_url_column, csv_id_column=csv_id_column, csv_delimiter=csv_delimiter,
        fetch_links=fetch_links), given, warning)
    with open_store(db, create=True) as store:
        with ingest_progress() as advance:
            report = ingest_items(store, items, workers=workers, engine=engine, scheduler=scheduler, analysed=analysed,
                                  reanalyse=reanalyse, on_item=lambda item: (report_item(item), advance()),
                                  budget=Budget(max_chars, article_timeout or None))
        linked = link_stories(store)
    summary = {**vars(report), "linked_to_stories": linked, "undated": warning.undated}
    show(summary, json_out, lambda s: [f"{report.summary()}; {linked} linked to stories"])
    raise typer.Exit(1 if report.failed and not (report.stored or report.unanalysed or report.unchanged) else 0)


@app.command()
def search(query: Annotated[str, typer.Argument(help="Words to find (all must occur).")], db: Db = None,
           since: Since = None, until: Until = None, limit: Limit = 20, offset: Offset = 0, json_out: Json = False) -> None:
    """Full-text search over article titles and texts and over quotes."""
    from ..store import queries, text

    with open_store(db) as store:
        result = queries.search(store, query, since=since, until=until, limit=limit, offset=offset)
    show(result, json_out, text.search_lines)


def file_store(file: Path, given: Given):
    """A throwaway in-memory store holding one analysed file, so FILE mode answers like the store does."""
    from ..store import Store
    from ..store.write import save_article
    from .analyze import read_text_file, russian_text, single

    doc = single(DateWarning().check(given.article(russian_text(read_text_file(file), str(file))), f"{file} has"))
    store = Store.open("sqlite://")
    with store.write() as conn:
        save_article(conn, doc)
    return store


@app.command()
def quotes(file: FileArg = None, speaker: Annotated[Optional[str], typer.Option(help="Speaker NAME or KB id (Q…).")] = None,
           since: Since = None, until: Until = None, db: Db = None, limit: Limit = 50, offset: Offset = 0,
           published: Published = None, title: Title = None, source: Source = None, url: Url = None,
           json_out: Json = False) -> None:
    """Quotes with their speakers and sentences, from the store or from FILE."""
    from ..store import queries, text

    given = Given(published, title, source, url).for_file(file)
    with file_store(file, given) if file else open_store(db) as store:
        result = queries.quotes_list(store, speaker=speaker, since=since, until=until, limit=limit, offset=offset)
    show(result, json_out, lambda r: [text.quote_line(q) for q in r])


@app.command()
def events(file: FileArg = None, actor: Annotated[Optional[str], typer.Option(help="Actor NAME or KB id.")] = None,
           recipient: Annotated[Optional[str], typer.Option(help="Recipient NAME or KB id.")] = None,
           type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER type (repeatable), e.g. CONSULT.")] = None,
           modality: Annotated[Optional[str], typer.Option(help="asserted, negated, planned, …")] = None,
           since: Since = None, until: Until = None, db: Db = None, limit: Limit = 50, offset: Offset = 0,
           instances: Annotated[Optional[bool], typer.Option(
               "--instances/--reports", show_default=False,
               help="Each event in the world once, with every report of it as `sources` (docs/record.md; the "
                    "default for the store), or each article's own reports (the default for FILE).")] = None,
           published: Published = None, title: Title = None, source: Source = None, url: Url = None,
           json_out: Json = False) -> None:
    """PLOVER events with actors, recipients, dates and source sentences, from the store or from FILE."""
    from ..store import queries, text

    type, modality = known("--type", type, event_types()), known("--modality", modality, MODALITIES)
    given = Given(published, title, source, url).for_file(file)
    if instances if instances is not None else file is None:
        from .record import show_instances

        return show_instances(file_store(file, given) if file else open_store(db), json_out, actor=actor,
                              recipient=recipient, type=type, modality=modality, since=since, until=until,
                              limit=limit, offset=offset)
    with file_store(file, given) if file else open_store(db) as store:
        result = queries.events_list(store, actor=actor, recipient=recipient, type=type, modality=modality,
                                     since=since, until=until, limit=limit, offset=offset)
    show(result, json_out, lambda r: [text.event_line(e) for e in r])


@app.command()
def entity(ref: Annotated[str, typer.Argument(metavar="NAME|QID", help="A name, a KB id or a store entity id.")],
           db: Db = None, since: Since = None, until: Until = None, limit: Limit = 20, json_out: Json = False) -> None:
    """An entity's profile: mentions over time, quotes, events as actor and recipient, co-occurring entities."""
    from ..store import queries, text

    with open_store(db) as store:
        profile = queries.entity_profile(store, ref, since=since, until=until, limit=limit)
    if profile is None:
        err().print(f"no entity matches {ref!r}")
        raise typer.Exit(1)
    show(profile, json_out, text.profile_lines)


@app.command()
def timeline(db: Db = None, since: Since = None, until: Until = None,
             type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER type (repeatable).")] = None,
             actor: Annotated[Optional[str], typer.Option(help="Only events with this actor.")] = None,
             granularity: Annotated[str, typer.Option(help="year, month or day.")] = "month",
             instances: Annotated[bool, typer.Option("--instances/--reports", help="Count each event in the world "
                                                     "once, or every article's report of it.")] = True,
             json_out: Json = False) -> None:
    """Events per period and type."""
    from ..record.queries import instance_timeline
    from ..store import queries, text

    count = instance_timeline if instances else queries.timeline
    granularity, type = known("--granularity", granularity, ("year", "month", "day")), known("--type", type, event_types())
    with open_store(db) as store:
        result = count(store, since=since, until=until, granularity=granularity, type=type, actor=actor)
    show(result, json_out, text.timeline_lines)


@app.command()
def export(format: Annotated[str, typer.Argument(metavar="FORMAT", help=f"One of: {', '.join(EXPORT_FORMATS)}.")],
           out: Annotated[Path, typer.Argument(help="File to write.")], db: Db = None,
           since: Since = None, until: Until = None) -> None:
    """Export articles (JSONL), quotes or events (CSV), PLOVER records (JSONL) or the actor graph (GraphML, GEXF)."""
    from ..store.export import export as export_store

    if format not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format {format!r}, expected one of {', '.join(EXPORT_FORMATS)}")
    writable(out)
    with open_store(db) as store:
        written = export_store(store, format, out, since=since, until=until)
    err().print(f"{written} {'nodes' if format in ('graphml', 'gexf') else 'records'} → {out}")
