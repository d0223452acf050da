"""`newsgraph watch`: poll RSS/Atom feeds and ingest only the entries not seen before."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import app
from .edge import err, open_store

if TYPE_CHECKING:
    from ..ingest.watch import PollReport


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs or files (RSS or Atom).")],
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 2h, 1d.")] = "15m",
    db: Annotated[Optional[str], typer.Option(help="Store URL (default $NEWSGRAPH_DB or sqlite:///newsgraph.db).")] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    fetch_links: Annotated[bool, typer.Option(help="Fetch each entry's page unless the entry carries the full text.")] = True,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a server before retrying.")] = 20.0,
    per_host_delay: Annotated[float, typer.Option(min=0.0, help="Seconds between two requests to one host.")] = 1.0,
) -> None:
    """Ingest new feed entries into the store now and then every --every, until Ctrl-C.

    Seen entries are remembered in the store, so a restart picks up where it stopped.
    """
    from ..ingest.watch import parse_interval, watch as watch_feeds

    try:
        interval = parse_interval(every)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    with open_store(db, create=True) as store:
        try:
            watch_feeds(store, feeds, interval, once=once, on_poll=report, fetch_links=fetch_links,
                        timeout=timeout, per_host_delay=per_host_delay)
        except KeyboardInterrupt:
            err().print("stopped; entries stored so far are kept")


def report(poll: PollReport) -> None:
    err().print(poll.summary(), soft_wrap=True, highlight=False)
