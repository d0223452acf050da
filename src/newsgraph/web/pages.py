"""The pages: each one calls the same functions as the JSON API and renders a template."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..api.deps import NAME, DatesDep, EventsDep, PageDep, Paging, StoreDep, paged
from ..api.reads import event_choices, interactions
from ..api.routers.articles import ArticleId, load_article
from ..api.routers.entities import EntityId, EntityType, entity_profile
from ..record.queries import instance_timeline
from ..store import queries
from .paging import PageView
from .article_view import article_view

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Text = Annotated[str | None, Query(pattern=NAME)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
PREVIEW = 8
SEARCH_PAGE = 10


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/")
def home(request: Request, store: StoreDep):
    return render(
        request, "home.html", stats=queries.counts(store),
        articles=queries.articles_list(store, limit=PREVIEW),
        entities=queries.entities_list(store, limit=PREVIEW),
        quotes=queries.quotes_list(store, limit=4),
    )


@router.get("/search")
def search_page(request: Request, store: StoreDep, q: Text = None, offset: Offset = 0, quotes_offset: Offset = 0):
    if not q:
        return render(request, "search.html", q="")
    first = queries.search(store, q, limit=SEARCH_PAGE + 1, offset=offset)
    second = first if quotes_offset == offset else queries.search(store, q, limit=SEARCH_PAGE + 1, offset=quotes_offset)
    articles = paged(lambda **_: first["articles"], Paging(SEARCH_PAGE, offset))
    quotes = paged(lambda **_: second["quotes"], Paging(SEARCH_PAGE, quotes_offset))
    return render(
        request, "search.html", q=q,
        articles=PageView.of(articles, request.url), quotes=PageView.of(quotes, request.url, "quotes_offset"),
    )


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, page: PageDep, dates: DatesDep, entity: Text = None):
    found = paged(partial(queries.articles_list, store, since=dates.since, until=dates.until, entity=entity), page)
    form = {"since": dates.since, "until": dates.until, "entity": entity}
    return render(request, "articles.html", page=PageView.of(found, request.url), form=form)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, store: StoreDep, article_id: ArticleId):
    return render(request, "article.html", **article_view(load_article(store, article_id)))


@router.get("/entities")
def entities_page(request: Request, store: StoreDep, page: PageDep, q: Text = None, type: EntityType = None):
    found = paged(partial(queries.entities_list, store, name=q, type=type), page)
    return render(request, "entities.html", page=PageView.of(found, request.url), form={"q": q, "type": type})


@router.get("/entities/{entity_id:path}")
def entity_page(request: Request, store: StoreDep, entity_id: EntityId):
    profile = entity_profile(store, entity_id)
    around = interactions(store, participant=profile["entity"]["id"], nodes=50)
    return render(request, "entity.html", profile=profile, partners=partners(profile["entity"]["id"], around))


def partners(entity_id: str, around: dict[str, Any]) -> list[dict[str, Any]]:
    """The entities this one acted on or was acted on by, with the number of events, most first."""
    names = {n["id"]: n for n in around["nodes"]}
    found = []
    for edge in around["edges"]:
        if edge["events"] and entity_id in (edge["source"], edge["target"]):
            other = edge["target"] if edge["source"] == entity_id else edge["source"]
            if other in names:
                found.append({"entity": names[other], "events": edge["events"], "interactions": edge["interactions"]})
    return sorted(found, key=lambda p: -p["events"])


@router.get("/quotes")
def quotes_page(request: Request, store: StoreDep, page: PageDep, dates: DatesDep, speaker: Text = None):
    found = paged(partial(queries.quotes_list, store, speaker=speaker, since=dates.since, until=dates.until), page)
    form = {"speaker": speaker, "since": dates.since, "until": dates.until}
    return render(request, "quotes.html", page=PageView.of(found, request.url), form=form)


@router.get("/timeline")
def timeline_page(request: Request, store: StoreDep, page: PageDep, filters: EventsDep):
    found = paged(partial(queries.events_list, store, **filters.query()), page)
    counts = instance_counts(store, "month", filters)
    if len(counts) <= 3:  # a season or less: days say more than three bars
        counts = instance_counts(store, "day", filters)
    counts = with_empty_periods(counts)
    zoom = {c["period"]: zoom_url(request, c["period"]) for c in counts}
    return render(
        request, "timeline.html", counts=counts, zoom=zoom, page=PageView.of(found, request.url),
        form=filters, **event_choices(store),
    )


def instance_counts(store, granularity: str, filters) -> list[dict[str, Any]]:
    """Bars count events in the world (instances), each once however many articles reported it."""
    wanted = filters.query()
    return instance_timeline(store, granularity=granularity, involving=wanted.pop("participant"), **wanted)


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period named 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    parts = [int(p) for p in period.split("-")]
    first = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    if len(parts) == 3:
        return first, first
    if len(parts) == 2:
        return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, first.replace(month=12, day=31)


def with_empty_periods(counts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The counts with a zero for every period without events, so bars keep the time scale."""
    if not counts:
        return counts
    found = {c["period"]: c for c in counts}
    width = len(counts[0]["period"])
    day, last = period_bounds(counts[0]["period"])[0], period_bounds(counts[-1]["period"])[0]
    filled = []
    while day <= last:
        period = day.isoformat()[:width]
        filled.append(found.get(period, {"period": period, "events": 0, "types": {}}))
        day = period_bounds(period)[1] + dt.timedelta(days=1)
    return filled


def zoom_url(request: Request, period: str) -> str:
    """The timeline limited to one period."""
    first, last = period_bounds(period)
    target = request.url.remove_query_params("offset").include_query_params(since=first.isoformat(), until=last.isoformat())
    return f"{target.path}?{target.query}"


@router.get("/network")
def network_page(request: Request, store: StoreDep, dates: DatesDep, type: Text = None, entity: Text = None):
    form = {"type": type, "entity": entity, "since": dates.since, "until": dates.until}
    return render(request, "network.html", form=form, **event_choices(store))


@router.get("/docs")
def api_docs(request: Request):
    """The API reference, rendered here from /openapi.json (no CDN-hosted Swagger UI)."""
    return render(request, "api_docs.html", spec=request.app.openapi())
