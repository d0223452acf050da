"""The questions the store answers, as plain functions returning JSON-ready dicts.

The CLI and the web API both call these. Every list takes `limit`/`offset`; `since`/`until`
(dates, inclusive) filter by an event's day, otherwise by the article's publication date.
Entities are named as `filters.resolve_entities` explains.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.sql import ColumnElement

from ..doc import Article
from ..stages.entities import name_key
from ..wording import headline
from .db import Store
from .dialect import matching_articles, matching_quotes, snippets
from .filters import DateLike, event_filters, one_or_many, period_of, resolve_entities, within
from .graph import graph
from .records import entity_key
from .schema import article_entities, articles, entities, event_actors, events, failures, metadata, quotes

__all__ = [
    "article", "articles_list", "counts", "entities_list", "entity_profile", "events_list",
    "failures_list", "graph", "quotes_list", "resolve_entities", "search", "timeline",
]

LIMIT = 50
# The text's start, enough for the first words of an untitled article's headline.
OPENING = func.substr(articles.c.text, 1, 200).label("opening")
ARTICLE_COLUMNS = (
    articles.c.id, articles.c.title, OPENING, articles.c.url, articles.c.source, articles.c.author,
    articles.c.published, articles.c.language, articles.c.analysed, articles.c.story_id,
)
ENTITY_COLUMNS = (entities.c.id, entities.c.name, entities.c.type, entities.c.kb_id)


def newest_first(conn: Connection, column: ColumnElement) -> ColumnElement:
    """Descending, undated last: SQLite does that by itself (and then can walk an index), PostgreSQL is told."""
    return column.desc().nulls_last() if conn.dialect.name == "postgresql" else column.desc()


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def article_summary(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "title": row.title, "headline": headline(row.title, row.opening), "url": row.url,
        "source": row.source, "author": row.author,
        "published": iso(row.published), "language": row.language, "analysed": bool(row.analysed),
        "story_id": row.story_id,
    }


def article_ref(row: Any) -> dict[str, Any]:
    """The article a quote or event comes from, from a row with its columns (`article_source` for its source)."""
    return {"id": row.article_id, "title": row.title, "headline": headline(row.title, row.opening), "url": row.url,
            "published": iso(row.published), "source": row.article_source}


def entity_ref(row: Any, prefix: str = "") -> dict[str, Any] | None:
    if getattr(row, f"{prefix}id") is None:
        return None
    return {k: getattr(row, f"{prefix}{k}") for k in ("id", "name", "type", "kb_id")}


def search(store: Store, text: str, since: DateLike = None, until: DateLike = None,
           limit: int = LIMIT, offset: int = 0) -> dict[str, Any]:
    """Articles (with a [highlighted] snippet) and quotes matching every word of `text`."""
    if not re.search(r"\w", text):
        return {"query": text, "articles": [], "quotes": []}
    with store.read() as conn:
        found = _article_hits(conn, text, since, until, limit, offset)
        passages = snippets(conn, text, [a["id"] for a in found])
        quote_hits = matching_quotes(conn, text).subquery()
        quoted = _quotes(conn, [quotes.c.num.in_(select(quote_hits.c.num)),
                                *within(quotes.c.published, since, until)], limit, offset)
    return {"query": text, "articles": [{**a, "snippet": passages.get(a["id"])} for a in found], "quotes": quoted}


def _article_hits(conn: Connection, text: str, since: DateLike, until: DateLike,
                  limit: int, offset: int) -> list[dict[str, Any]]:
    hits = matching_articles(conn, text).subquery()
    page = select(hits.c.num).order_by(hits.c.rank, hits.c.num).limit(limit).offset(offset)
    if since or until:  # otherwise rank without touching the (large) article rows
        page = page.join(articles, articles.c.num == hits.c.num).where(*within(articles.c.published, since, until))
    nums = conn.execute(page).scalars().all()
    rows = {r.num: r for r in conn.execute(select(*ARTICLE_COLUMNS, articles.c.num).where(articles.c.num.in_(nums)))}
    return [article_summary(rows[n]) for n in nums]


def articles_list(store: Store, since: DateLike = None, until: DateLike = None, source: str | None = None,
                  entity: str | None = None, story_id: str | None = None,
                  limit: int = LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Articles, newest first, optionally only those from a source, of a story or mentioning an entity."""
    with store.read() as conn:
        conditions = [*within(articles.c.published, since, until), *one_or_many(articles.c.source, source),
                      *one_or_many(articles.c.story_id, story_id)]
        if entity:
            mentioned = select(article_entities.c.article_id).where(
                article_entities.c.entity_id.in_(resolve_entities(conn, entity)))
            conditions.append(articles.c.id.in_(mentioned))
        query = (select(*ARTICLE_COLUMNS).where(*conditions)
                 .order_by(newest_first(conn, articles.c.published), articles.c.id).limit(limit).offset(offset))
        return [article_summary(r) for r in conn.execute(query)]


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its full analysed record, and the store id of each of its entities."""
    with store.read() as conn:
        row = conn.execute(select(*ARTICLE_COLUMNS, articles.c.text, articles.c.record)
                           .where(articles.c.id == article_id)).first()
    if row is None:
        return None
    record = json.loads(row.record)
    doc = Article.from_json(record)
    return {**article_summary(row), "text": row.text, "record": record,
            "entity_ids": {e.id: entity_key(e) for e in doc.entities}}


def _quotes(conn: Connection, conditions: list[ColumnElement], limit: int, offset: int) -> list[dict[str, Any]]:
    """The page of quotes meeting `conditions` (on `quotes` only), chosen before anything is joined to it."""
    q = quotes.c
    order = (newest_first(conn, q.published), q.article_id, q.start_char)
    page = select(q.num).where(*conditions).order_by(*order).limit(limit).offset(offset)
    sentence = func.substr(articles.c.text, q.sentence_start + 1, q.sentence_end - q.sentence_start)
    query = (
        select(q.id, q.article_id, q.text, q.kind, q.speaker_name, q.cue, q.via, q.start_char, q.end_char,
               q.sentence_start, q.sentence_end, q.source, sentence.label("sentence"),
               *(c.label(f"entity_{c.name}") for c in ENTITY_COLUMNS),
               articles.c.title, OPENING, articles.c.url, articles.c.published, articles.c.source.label("article_source"))
        .join(articles, articles.c.id == q.article_id).outerjoin(entities, entities.c.id == q.speaker_id)
        .where(q.num.in_(conn.execute(page).scalars().all())).order_by(*order)
    )
    return [
        {
            "id": r.id, "article_id": r.article_id, "text": r.text, "kind": r.kind,
            "speaker": entity_ref(r, "entity_"), "speaker_name": r.speaker_name, "cue": r.cue, "via": r.via,
            "start": r.start_char, "end": r.end_char, "source": r.source,
            "sentence": {"start": r.sentence_start, "end": r.sentence_end, "text": r.sentence},
            "article": article_ref(r),
        }
        for r in conn.execute(query)
    ]


def quotes_list(store: Store, speaker: str | None = None, since: DateLike = None, until: DateLike = None,
                article_id: str | None = None, limit: int = LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes, newest article first, each with its speaker, sentence and article."""
    with store.read() as conn:
        conditions = [*within(quotes.c.published, since, until), *one_or_many(quotes.c.article_id, article_id)]
        if speaker:
            conditions.append(quotes.c.speaker_id.in_(resolve_entities(conn, speaker)))
        return _quotes(conn, conditions, limit, offset)


def events_list(store: Store, actor: str | None = None, recipient: str | None = None,
                type: str | Sequence[str] | None = None, since: DateLike = None, until: DateLike = None,
                modality: str | Sequence[str] | None = None, participant: str | None = None,
                article_id: str | None = None, limit: int = LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Events, latest day first, with actors, recipients, place, trigger, sentence and article."""
    ev = events.c
    sentence = func.substr(articles.c.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start)
    with store.read() as conn:
        conditions = event_filters(conn, actor=actor, recipient=recipient, participant=participant, type=type,
                                   modality=modality, since=since, until=until, article_id=article_id)
        order = (newest_first(conn, ev.day), ev.id)
        page = conn.execute(select(ev.id).where(*conditions).order_by(*order).limit(limit).offset(offset))
        query = (
            select(ev.id, ev.article_id, ev.type, ev.mode, ev.modality, ev.date, ev.date_text, ev.date_precision,
                   ev.day, ev.place_id, ev.place_name, ev.trigger_start, ev.trigger_end, ev.trigger_text,
                   ev.sentence_start, ev.sentence_end, ev.source, sentence.label("sentence"),
                   articles.c.title, OPENING, articles.c.url, articles.c.published, articles.c.source.label("article_source"))
            .join(articles, articles.c.id == ev.article_id).where(ev.id.in_(page.scalars().all())).order_by(*order)
        )
        rows = conn.execute(query).all()
        roles = _participants(conn, [r.id for r in rows])
    return [
        {
            "id": r.id, "article_id": r.article_id, "type": r.type, "mode": r.mode, "modality": r.modality,
            "date": r.date, "date_text": r.date_text, "date_precision": r.date_precision, "day": iso(r.day),
            "actors": roles.get((r.id, "actor"), []), "recipients": roles.get((r.id, "recipient"), []),
            "place": {"id": r.place_id, "name": r.place_name} if r.place_id or r.place_name else None,
            "trigger": {"start": r.trigger_start, "end": r.trigger_end, "text": r.trigger_text},
            "sentence": {"start": r.sentence_start, "end": r.sentence_end, "text": r.sentence},
            "source": r.source,
            "article": article_ref(r),
        }
        for r in rows
    ]


def _participants(conn: Connection, event_ids: list[str]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    query = (select(event_actors.c.event_id, event_actors.c.role, *ENTITY_COLUMNS)
             .join(entities, entities.c.id == event_actors.c.entity_id)
             .where(event_actors.c.event_id.in_(event_ids)).order_by(entities.c.name))
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in conn.execute(query):
        found.setdefault((r.event_id, r.role), []).append(entity_ref(r))
    return found


def entities_list(store: Store, name: str | None = None, type: str | None = None, since: DateLike = None,
                  until: DateLike = None, limit: int = LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Entities by the number of articles mentioning them (in the period), most mentioned first."""
    e, ae = entities.c, article_entities.c
    with store.read() as conn:
        conditions = one_or_many(e.type, type)
        if name:
            conditions.append(e.id.in_(resolve_entities(conn, name)))
        if since or until:  # count in the period
            articles_n, mentions_n = func.count().label("articles"), func.sum(ae.mentions).label("mentions")
            query = (select(*ENTITY_COLUMNS, articles_n, mentions_n).join(entities, e.id == ae.entity_id)
                     .where(*conditions, *within(ae.published, since, until)).group_by(*ENTITY_COLUMNS))
            order = [articles_n.desc(), e.id]
        else:  # the running totals
            query = select(*ENTITY_COLUMNS, e.articles, e.mentions).where(*conditions, e.articles > 0)
            order = [e.articles.desc(), e.id]
        rows = conn.execute(query.order_by(*order).limit(limit).offset(offset))
        return [{**entity_ref(r), "articles": r.articles, "mentions": int(r.mentions)} for r in rows]


def entity_profile(store: Store, ref: str, since: DateLike = None, until: DateLike = None,
                   limit: int = 20, granularity: str = "month") -> dict[str, Any] | None:
    """Who an entity is in the store: mentions over time, quotes, events both ways, co-occurring entities.

    A name matching several entities profiles the one with that exact name, else the most
    mentioned; the others are listed under `others`.
    """
    candidates = entities_list(store, name=ref, limit=limit) if ref else []
    if not candidates:
        return None
    key = name_key(ref)
    chosen = next((c for c in candidates if c["id"] == ref or name_key(c["name"]) == key), candidates[0])
    ae, other = article_entities.alias("ae"), article_entities.alias("other")
    with store.read() as conn:
        days = conn.execute(
            select(ae.c.published, func.count().label("articles"), func.sum(ae.c.mentions).label("mentions"))
            .where(ae.c.entity_id == chosen["id"], ae.c.published.is_not(None),
                   *within(ae.c.published, since, until)).group_by(ae.c.published)
        ).all()
        together = conn.execute(
            select(*ENTITY_COLUMNS, func.count().label("articles"))
            .select_from(ae.join(other, and_(other.c.article_id == ae.c.article_id,
                                             other.c.entity_id != ae.c.entity_id)))
            .join(entities, entities.c.id == other.c.entity_id)
            .where(ae.c.entity_id == chosen["id"], *within(ae.c.published, since, until))
            .group_by(*ENTITY_COLUMNS).order_by(func.count().desc(), entities.c.id).limit(limit)
        ).all()
    window = {"since": since, "until": until, "limit": limit}
    return {
        "entity": chosen,
        "others": [c for c in candidates if c["id"] != chosen["id"]],
        "mentions_over_time": by_period(days, granularity, ("articles", "mentions")),
        "quotes": quotes_list(store, speaker=chosen["id"], **window),
        "events_as_actor": events_list(store, actor=chosen["id"], **window),
        "events_as_recipient": events_list(store, recipient=chosen["id"], **window),
        "co_occurring": [{**entity_ref(r), "articles": r.articles} for r in together],
    }


def by_period(rows: list, granularity: str, counts: tuple[str, ...]) -> list[dict[str, Any]]:
    """Per-day rows (first column a date) summed into periods, in date order."""
    buckets: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r[0]):
        when = period_of(row[0], granularity)
        bucket = buckets.setdefault(when, {"period": when, **{c: 0 for c in counts}})
        for c in counts:
            bucket[c] += int(getattr(row, c))
    return list(buckets.values())


def timeline(store: Store, since: DateLike = None, until: DateLike = None, granularity: str = "month",
             **filters: Any) -> list[dict[str, Any]]:
    """Event counts per period and type; `filters` are those of `events_list` (actor, type, …)."""
    period_of(dt.date.today(), granularity)  # reject an unknown granularity before querying
    with store.read() as conn:
        query = (select(events.c.day, events.c.type, func.count().label("n"))
                 .where(events.c.day.is_not(None), *event_filters(conn, since=since, until=until, **filters))
                 .group_by(events.c.day, events.c.type))
        rows = conn.execute(query).all()
    buckets: dict[str, dict[str, Any]] = {}
    for day, type_, n in sorted(rows, key=lambda r: (r.day, r.type)):
        when = period_of(day, granularity)
        bucket = buckets.setdefault(when, {"period": when, "events": 0, "types": {}})
        bucket["events"] += n
        bucket["types"][type_] = bucket["types"].get(type_, 0) + n
    return list(buckets.values())


def failures_list(store: Store, limit: int = LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    f = failures.c
    query = select(f.article_id, f.file, f.line, f.stage, f.error, f.failed_at).order_by(f.failed_at.desc(), f.id)
    with store.read() as conn:
        rows = conn.execute(query.limit(limit).offset(offset)).all()
    return [{**r._asdict(), "failed_at": r.failed_at.isoformat()} for r in rows]


def counts(store: Store) -> dict[str, int]:
    """Rows per table, for summaries and health checks."""
    with store.read() as conn:
        return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in metadata.tables.items()}
