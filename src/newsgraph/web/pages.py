"""The pages: each one calls the same functions as the JSON API and renders a template."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..api import reads
from ..api.deps import DatesDep, PageDep, Paging, StoreDep
from ..api.routers import articles, entities, events, graph, quotes, search
from ..api.routers.events import EventFilters, event_filters
from .highlight import article_marks, highlight
from .paging import PageView

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Text = Annotated[str | None, Query(max_length=200)]


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/")
def home(request: Request, store: StoreDep):
    first = Paging(limit=8, offset=0)
    return render(
        request, "home.html",
        stats=reads.counts(store),
        articles=articles.list_articles(store, first, reads.NO_DATES).items,
        entities=entities.list_entities(store, first, None, None).items,
        quotes=quotes.list_quotes(store, Paging(limit=4, offset=0), reads.NO_DATES, None).items,
    )


@router.get("/search")
def search_page(
    request: Request, store: StoreDep, q: Text = None,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    quotes_offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
):
    if not q:
        return render(request, "search.html", q="")
    found = search.search(store, q, Paging(10, offset), Paging(10, quotes_offset))
    return render(
        request, "search.html", q=q,
        articles=PageView.of(found.articles, request.url),
        quotes=PageView.of(found.quotes, request.url, "quotes_offset"),
    )


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, page: PageDep, dates: DatesDep):
    found = articles.list_articles(store, page, dates)
    return render(request, "articles.html", page=PageView.of(found, request.url), form=dates)


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: articles.ArticleId):
    doc = articles.load_article(store, article_id)
    body = highlight(doc.text, article_marks(doc))
    return render(request, "article.html", article=articles.article_out(doc), body=body)


@router.get("/entities")
def entities_page(request: Request, store: StoreDep, page: PageDep, q: Text = None, type: entities.EntityType = None):
    found = entities.list_entities(store, page, q, type)
    return render(request, "entities.html", page=PageView.of(found, request.url), form={"q": q, "type": type})


@router.get("/entities/{entity_id:path}")
def entity_page(request: Request, store: StoreDep, entity_id: entities.EntityId):
    return render(request, "entity.html", entity=entities.get_entity(store, entity_id))


@router.get("/quotes")
def quotes_page(request: Request, store: StoreDep, page: PageDep, dates: DatesDep, speaker: Text = None):
    found = quotes.list_quotes(store, page, dates, speaker)
    form = {"speaker": speaker, "since": dates.since, "until": dates.until}
    return render(request, "quotes.html", page=PageView.of(found, request.url), form=form)


@router.get("/timeline")
def timeline_page(request: Request, store: StoreDep, page: PageDep, filters: Annotated[EventFilters, Depends(event_filters)]):
    found = events.timeline(store, filters, page)

    def period_query(period: str) -> str:
        since, until = events.period_bounds(period)
        return str(request.url.include_query_params(since=since, until=until, offset=0).query)

    return render(
        request, "timeline.html", counts=found.counts, page=PageView.of(found.events, request.url),
        form=filters, period_query=period_query, **events.choices(),
    )


@router.get("/network")
def network_page(request: Request, filters: Annotated[EventFilters, Depends(event_filters)]):
    return render(request, "network.html", form=filters, **events.choices())
