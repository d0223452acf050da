"""/api/articles: list, read (text with every extracted fact) and, with the token, analyse and store."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path

from ...doc import Article, Failure
from ...store import ingest
from ...store.records import entity_key
from ...web.highlight import event_anchor, quote_anchor
from ..deps import DatesDep, PageDep, StoreDep, WriteAccess
from ..errors import ApiError
from ..schemas import ArticleEntityOut, ArticleIn, ArticleOut, ArticleSummaryOut, EntityRef, EventOut, PageOut, QuoteOut
from .. import reads

router = APIRouter(tags=["articles"])
ArticleId = Annotated[str, Path(max_length=64, pattern=r"^[\w.:-]+$", description="The article's id.")]


@router.get("/articles", summary="Articles, newest first")
def list_articles(store: StoreDep, page: PageDep, dates: DatesDep) -> PageOut[ArticleSummaryOut]:
    return reads.articles(store, dates, page)


@router.get("/articles/{article_id}", summary="One article with its entities, quotes and events")
def get_article(store: StoreDep, article_id: ArticleId) -> ArticleOut:
    return article_out(load_article(store, article_id))


@router.post("/articles", summary="Analyse and store an article (needs the server's token)", dependencies=[WriteAccess], status_code=201)
def post_article(store: StoreDep, article: Annotated[ArticleIn, Body()]) -> ArticleOut:
    stored: list[Article | Failure] = []
    if article.text:
        doc = Article.create(article.text, url=str(article.url) if article.url else None, title=article.title,
                             source=article.source, published=article.published)
        ingest.ingest(store, [doc], reanalyse=True, on_item=stored.append)
    else:
        ingest.ingest_paths(store, [str(article.url)], reanalyse=True, on_item=stored.append)
    failures = [s for s in stored if isinstance(s, Failure)]
    if failures or not stored:
        reason = failures[0].error if failures else "no article text found there"
        raise ApiError(422, f"the article could not be analysed: {reason}")
    return article_out(load_article(store, stored[-1].id))


def load_article(store: Any, article_id: str) -> Article:
    """The analysed article as stored (its full record), or a 404."""
    record = reads.article_record(store, article_id)
    if record is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return Article.from_json(json.loads(record))


def article_out(doc: Article) -> ArticleOut:
    keys = {e.id: entity_key(e) for e in doc.entities}
    refs = {e.id: EntityRef(id=keys[e.id], name=e.name, type=e.type, kb_id=e.kb_id) for e in doc.entities}
    by_id = {m.id: m for m in doc.mentions}
    return ArticleOut(
        id=doc.id, title=doc.title, url=doc.url, source=doc.source, published=doc.published, text=doc.text,
        entities=[
            ArticleEntityOut(key=e.id, entity=refs[e.id], mentions=[(by_id[m].start, by_id[m].end) for m in e.mentions if m in by_id])
            for e in doc.entities
        ],
        quotes=[
            QuoteOut(id=f"{doc.id}/{quote_anchor(q)}", article_id=doc.id, article_title=doc.title, published=doc.published,
                     anchor=quote_anchor(q), text=doc.span_text(q), kind=q.kind, cue=q.cue, speaker_id=keys.get(q.speaker or ""),
                     speaker_name=q.speaker_name, start=q.start, end=q.end)
            for q in doc.quotes
        ],
        events=[event_out(doc, number, ev, refs) for number, ev in enumerate(doc.events)],
    )


def event_out(doc: Article, number: int, ev, refs: dict[str, EntityRef]) -> EventOut:
    sentence = next((s for s in doc.sentences if s.start <= ev.trigger.start < s.end), ev.trigger)
    return EventOut(
        id=f"{doc.id}/{event_anchor(number)}", article_id=doc.id, article_title=doc.title, anchor=event_anchor(number),
        type=ev.type, mode=ev.mode, modality=ev.modality, date=ev.date, date_precision=ev.date_precision,
        place=(refs[ev.place].name if ev.place in refs else ev.place), trigger=doc.span_text(ev.trigger),
        sentence=doc.span_text(sentence), start=ev.trigger.start, end=ev.trigger.end,
        actors=[refs[a] for a in ev.actor if a in refs], recipients=[refs[r] for r in ev.recipient if r in refs],
    )
