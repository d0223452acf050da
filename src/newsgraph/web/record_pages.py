"""Pages of the record: event instances with their sources, a group with its members, and the
form a person corrects an article's facts with (posting it needs the server's token)."""

from __future__ import annotations

import datetime as dt
import secrets
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..api.deps import NAME, EventsDep, PageDep, StoreDep, paged
from ..api.errors import ApiError
from ..api.routers.articles import ArticleId, load_article
from . import quote_id
from ..record import correct as corrections, groups, queries
from .pages import render
from .paging import PageView

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Field = Annotated[str, Form(max_length=200)]


@router.get("/instances")
def instances_page(request: Request, store: StoreDep, page: PageDep, filters: EventsDep,
                   through_groups: Annotated[bool, Query()] = False):
    wanted = filters.query()
    rows = partial(queries.instances, store, involving=wanted.pop("participant"), through_groups=through_groups,
                   **wanted)
    found = paged(rows, page)
    return render(request, "instances.html", page=PageView.of(found, request.url), form=filters,
                  through_groups=through_groups)


@router.get("/groups/{group:path}")
def group_page(request: Request, store: StoreDep, group: Annotated[str, Path(pattern=NAME)],
               on: Annotated[dt.date | None, Query()] = None):
    members = groups.members(store, group, on=on.isoformat() if on else None)
    acted = queries.instances(store, involving=group, limit=20)
    return render(request, "group.html", group=groups.group_name(store, group), on=on, members=members,
                  instances=acted)


@router.get("/articles/{article_id:path}/correct")
def correct_page(request: Request, store: StoreDep, article_id: ArticleId, done: int | None = None):
    article = load_article(store, article_id)
    return render(request, "correct.html", article=article, made=corrections.corrections_list(store, article_id),
                  done=done, writable=bool(request.app.state.token))


@router.post("/articles/{article_id:path}/correct")
def correct_post(request: Request, store: StoreDep, article_id: ArticleId, token: Field,
                 kind: Annotated[str, Form(pattern="^(quote|event|entity)$")],
                 action: Annotated[str, Form(pattern="^(fix|wrong|add|confirm)$")],
                 start: Annotated[int, Form(ge=0)], end: Annotated[int, Form(ge=1)],
                 speaker: Field = "", type: Field = "", actor: Field = "", recipient: Field = "", date: Field = "",
                 modality: Field = "", kb_id: Field = ""):
    """The form's fields as a correction; empty fields change nothing, `actor` takes names separated by `;`."""
    expected = request.app.state.token
    if not expected:
        raise ApiError(403, "corrections are disabled on this server: start `newsgraph serve` with --token")
    if not secrets.compare_digest(token.encode(), expected.encode()):
        raise ApiError(401, "wrong token")
    people = {role: [p.strip() for p in value.split(";") if p.strip()] or None
              for role, value in (("actor", actor), ("recipient", recipient))}
    fields = {"speaker": speaker or None, "type": type or None, "date": date or None,
              "modality": modality or None, **people}
    if kind == "entity" and kb_id:
        fields = {"kb_id": kb_id}
    try:
        made = corrections.correct(store, article_id, kind, action, start, end, **fields)
    except KeyError as error:
        raise ApiError(404, str(error.args[0])) from None
    except ValueError as error:  # as in the API: the span does not fit the article's text
        raise ApiError(409, str(error)) from None
    return RedirectResponse(f"/articles/{quote_id(article_id)}/correct?done={made.id}", status_code=303)
