"""The application: the JSON API under /api/, the pages, static files and the error shape.

It sits above both `api/` and `web/`: the pages build on the API's dependencies and reads, and
only this module mounts the two together.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from . import __version__
from .api.deps import token_refusal
from .api.errors import error_response, install_error_handlers
from .api.limits import BodyLimit
from .api.routers import ROUTERS
from .web import install_pages

MAX_BODY = 1_000_000
WRITE_PATHS = frozenset({"/api/articles", "/api/corrections"})  # the routes behind `deps.WriteAccess`

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
}


def create_app(store: Any, *, token: str | None = None, max_body: int = MAX_BODY, pages: bool = True,
               allow_private_urls: bool = False) -> FastAPI:
    """The whole site over `store`; writing (POST /api/articles) only when `token` is set.

    A posted `url` is fetched only from public addresses unless `allow_private_urls` (a server
    on a newsroom's own network fetching its intranet).
    """
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Entities, quotes and PLOVER events extracted from Russian news, each with its source sentence.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.token = token
    app.state.allow_private_urls = allow_private_urls
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    if pages:
        install_pages(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)

    @app.middleware("http")
    async def token_before_body(request, call_next):
        """The token is checked before the body is parsed, so a client without it learns nothing from 400/422s."""
        if request.method == "POST" and request.url.path in WRITE_PATHS:
            refused = token_refusal(request.app.state.token, request.headers.get("authorization"))
            if refused is not None:
                return error_response(request, refused.status, refused.message)
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app
