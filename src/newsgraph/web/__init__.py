"""Server-rendered pages over the same functions the JSON API uses."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..wording import counted, noun_for

HERE = Path(__file__).parent


def quote_id(value: object) -> str:
    """An id as one URL path segment (ids may hold `/`, `:` or Cyrillic)."""
    return quote(str(value), safe="")


def link_url(value: object) -> str | None:
    """A stored url fit for `href`: absolute http(s) only, so `javascript:` and `data:` urls are shown, never linked."""
    text = str(value or "")
    return text if re.match(r"https?://[^/?#\s]", text, re.IGNORECASE) else None


def anchor(fact_id: str) -> str:
    """The fragment of a stored quote or event in its article page: its id after the article's."""
    return fact_id.rsplit("/", 1)[-1]


def snippet(text: str | None) -> Markup:
    """A search snippet, escaped, with the store's [match] markers shown in bold."""
    return Markup(re.sub(r"\[([^\[\]]*)\]", r"<b>\1</b>", str(escape(text or ""))))


def install_pages(app: FastAPI) -> None:
    from .pages import router
    from .record_pages import router as record_router

    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters.update(id=quote_id, anchor=anchor, snippet=snippet, counted=counted, noun=noun_for, link_url=link_url)
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(record_router)  # first: its /articles/{id:path}/correct must win over /articles/{id:path}
    app.include_router(router)

    @app.middleware("http")
    async def drop_empty_form_fields(request, call_next):
        """A filter form submits empty fields (`since=`); redirect to the URL without them."""
        raw = request.url.query
        if request.method == "GET" and raw and not request.url.path.startswith("/api"):
            pairs = parse_qsl(raw, keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                # One leading slash: `//evil.example/?q=` must not become a redirect to another site.
                target = "/" + request.url.path.lstrip("/\\") + ("?" + urlencode(kept) if kept else "")
                return RedirectResponse(target, status_code=303)
        return await call_next(request)
