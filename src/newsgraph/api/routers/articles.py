"""/api/articles: list, read (text with every extracted fact) and, with the token, analyse and store."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request

from ...doc import Article, Failure
from ...ingest.batch import ingest, ingest_paths
from ...store import queries
from ...store.write import existing_article
from ..deps import NAME, WRITE_RESPONSES, DatesDep, PageDep, StoreDep, WriteAccess, paged
from ..errors import ApiError
from ..schemas import ArticleIn, ArticleOut, ArticleSummaryOut, PageOut

router = APIRouter(tags=["articles"])
# Any id ingest accepts (spaces, `/`, `?`, `#` percent-encoded, long ids from JSONL or CSV) can be read back.
ArticleId = Annotated[str, Path(min_length=1, max_length=2000, pattern=r"^[^\x00-\x1f\x7f]+$",
                                description="The article's id, percent-encoded (it may hold `/`).")]
NOT_FOUND = {404: {"description": "No article has this id"}}
MentionKind = Literal["name", "title", "description", "adjective", "pronoun", "common"]
# A client waits on the answer and can retry itself: the server does not hold a worker through backoff pauses.
API_FETCH = {"retries": 0, "timeout": 10.0}
# Which status a failure to read a posted url answers, by the stage that failed; any other is 422.
FAILURE_STATUS = {"refused": 403, "fetch": 404}


@router.get("/articles", summary="Articles, newest first")
def list_articles(
    store: StoreDep, page: PageDep, dates: DatesDep,
    source: Annotated[str | None, Query(pattern=NAME, description="Only from this source.")] = None,
    entity: Annotated[str | None, Query(pattern=NAME, description="Only those mentioning this entity (id, KB id or name).")] = None,
) -> PageOut[ArticleSummaryOut]:
    rows = partial(queries.articles_list, store, since=dates.since, until=dates.until, source=source, entity=entity)
    return paged(rows, page)


@router.get("/articles/{article_id:path}", summary="One article: its text, its full analysis, its entities' store ids",
            responses=NOT_FOUND)
def get_article(
    store: StoreDep, article_id: ArticleId,
    kind: Annotated[list[MentionKind] | None, Query(description="Keep only mentions of these kinds (repeatable): `name`, `title`, `description`, `adjective`, `pronoun`, `common`.")] = None,
) -> ArticleOut:
    found = load_article(store, article_id)
    return only_kinds(found, set(kind)) if kind else found


def only_kinds(found: dict[str, Any], kinds: set[str]) -> dict[str, Any]:
    """The article with only the mentions of `kinds`, and only the entities left with a mention."""
    record = found["record"]
    entities = [{**e, "mentions": [m for m in e["mentions"] if m.get("kind", "name") in kinds]} for e in record.get("entities", [])]
    mentions = [m for m in record.get("mentions", []) if m.get("kind", "name") in kinds]
    return {**found, "record": {**record, "entities": [e for e in entities if e["mentions"]], "mentions": mentions}}


@router.post(
    "/articles", status_code=201, dependencies=[WriteAccess],
    summary="Analyse and store an article given as text or URL (needs the server's token)",
    responses={**WRITE_RESPONSES,
               403: {"description": "Writing is disabled on this server, or the url is on a private address"},
               404: {"description": "Nothing could be fetched from the url"},
               422: {"description": "The body is invalid, or what was given or fetched could not be read or analysed"}},
)
def post_article(request: Request, store: StoreDep, article: Annotated[ArticleIn, Body()]) -> ArticleOut:
    stored: list[Article | Failure] = []
    if article.text:
        doc = Article.create(article.text, url=str(article.url) if article.url else None, title=article.title,
                             source=article.source, published=article.published)
        ingest(store, [doc], reanalyse=True, on_item=stored.append)
    else:
        ingest_paths(store, [str(article.url)], reanalyse=True, on_item=stored.append,
                     read_options={"allow_private_addresses": request.app.state.allow_private_urls, **API_FETCH})
    failures = [s for s in stored if isinstance(s, Failure)]
    if failures or not stored:
        reason = failures[0].error if failures else "no article text was found there"
        status = FAILURE_STATUS.get(failures[0].stage, 422) if failures else 422
        raise ApiError(status, f"the article could not be read or analysed: {reason}")
    # A new version of a stored article (same text, or same url) keeps the stored article's id.
    with store.read() as conn:
        article_id = existing_article(conn, stored[-1]) or stored[-1].id
    return load_article(store, article_id)


def load_article(store: Any, article_id: str) -> dict[str, Any]:
    found = queries.article(store, article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return found
