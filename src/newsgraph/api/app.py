"""The application: the JSON API under /api/, the pages, static files and the error shape."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from .. import __version__
from .errors import install_error_handlers
from .limits import BodyLimit
from .routers import ROUTERS

MAX_BODY = 1_000_000

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
}


def create_app(store: Any, *, token: str | None = None, max_body: int = MAX_BODY, pages: bool = True) -> FastAPI:
    """The whole site over `store`; writing (POST /api/articles) only when `token` is set."""
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Entities, quotes and PLOVER events extracted from Russian news, each with its source sentence.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.token = token
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    if pages:
        from ..web import install_pages

        install_pages(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app
