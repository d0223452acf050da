"""`newsgraph serve`: the web pages and the REST API over a store."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import app


@app.command()
def serve(
    db: Annotated[Optional[str], typer.Option(help="Store URL (default $NEWSGRAPH_DB or sqlite:///newsgraph.db).")] = None,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option(help="Address to bind; 0.0.0.0 exposes the server to the network.")] = "127.0.0.1",
    token: Annotated[Optional[str], typer.Option(envvar="NEWSGRAPH_TOKEN", help="Enable POST /api/articles for clients sending `Authorization: Bearer TOKEN`.")] = None,
    allow_private_urls: Annotated[bool, typer.Option("--allow-private-urls", help="Let POST /api/articles fetch urls on loopback and private addresses.")] = False,
) -> None:
    """Serve the pages (search, articles, entities, timeline, network) and the JSON API under /api/."""
    import uvicorn

    from ..app import create_app
    from .edge import open_store

    store = open_store(db, create=bool(token))  # only a server that can write may start from nothing
    typer.echo(f"newsgraph on http://{host}:{port}/ (API docs at /docs; writing {'enabled' if token else 'disabled'})", err=True)
    uvicorn.run(create_app(store, token=token, allow_private_urls=allow_private_urls), host=host, port=port, log_level="warning")
