"""Writing to the store: upserts only, one article per transaction, failures kept.

An article updates the stored one with the same id, else the same url, else the same text
(when one of the two has no url: copies of one text at two urls are two articles, which
near-duplicate detection links as one story). The stored article keeps its first id, so
links to it stay valid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sqlalchemy import Connection, Row, delete, exists, func, insert, or_, select, update

from ..doc import Article, Failure
from .records import article_rows, content_hash
from .schema import (
    article_entities,
    articles,
    entities,
    event_actors,
    event_instances,
    events,
    failures,
    feed_entries,
    instance_events,
    mentions,
    pending_refresh,
    quotes,
)
from .totals import count_interactions, count_mentions, upsert

FACT_TABLES = (article_entities, mentions, quotes, events)
KEPT_METADATA = ("url", "title", "source", "author", "published")


def existing_row(conn: Connection, doc: Article) -> Row | None:
    """The stored article that `doc` is a new version of, if any."""
    a = articles.c
    same = [a.id == doc.id, a.content_hash == content_hash(doc.text)]
    if doc.url:
        same.append(a.url == doc.url)
    found = conn.execute(select(a.id, a.content_hash, *(a[k] for k in KEPT_METADATA)).where(or_(*same))).all()
    by_id = [r for r in found if r.id == doc.id]
    by_url = [r for r in found if doc.url and r.url == doc.url]
    by_text = [r for r in found if not (doc.url and r.url)]
    return next(iter(by_id + by_url + by_text), None)


def existing_article(conn: Connection, doc: Article) -> str | None:
    """The id of the stored article that `doc` is a new version of, if any."""
    row = existing_row(conn, doc)
    return row.id if row else None


def mark_for_refresh(conn: Connection, derived: str = "instances") -> None:
    """Note, in the writer's transaction, that a derived table no longer matches the facts."""
    values = {"derived": derived, "since": dt.datetime.now(dt.timezone.utc)}
    conn.execute(upsert(conn, pending_refresh).values(values).on_conflict_do_nothing())


def needs_refresh(conn: Connection, derived: str = "instances") -> bool:
    p = pending_refresh.c
    return conn.execute(select(p.derived).where(p.derived == derived)).first() is not None


def instances_of(conn: Connection, article_id: str) -> list[str]:
    """The event instances an article's stored events belong to."""
    ie = instance_events.c
    article_events = select(events.c.id).where(events.c.article_id == article_id)
    return list(conn.execute(select(ie.instance_id).where(ie.event_id.in_(article_events)).distinct()).scalars())


def drop_sourceless_instances(conn: Connection, instance_ids: list[str]) -> None:
    """After an article's events are deleted: its instances left without reports go, the others' counts follow.

    Deleting events cascades to their instance links; without this, readers would see
    instances with no sources (or too high a count) until the rebuild at the end of the run.
    """
    if not instance_ids:
        return
    ei, ie = event_instances.c, instance_events.c
    linked = select(func.count()).where(ie.instance_id == ei.id).scalar_subquery()
    empty = select(ei.id).where(ei.id.in_(instance_ids), ~exists().where(ie.instance_id == ei.id))
    gone = list(conn.execute(empty).scalars())
    if gone:
        conn.execute(update(event_instances).where(ei.outcome_id.in_(gone)).values(outcome_id=None))
        conn.execute(delete(event_instances).where(ei.id.in_(gone)))
    conn.execute(update(event_instances).where(ei.id.in_(instance_ids)).values(reports=linked))


def delete_facts(conn: Connection, article_id: str) -> None:
    ae = article_entities.c
    old = conn.execute(select(ae.entity_id, ae.mentions).where(ae.article_id == article_id)).mappings().all()
    count_mentions(conn, [dict(r) for r in old], -1)
    count_interactions(conn, article_id, -1)
    instance_ids = instances_of(conn, article_id)
    conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(
        select(events.c.id).where(events.c.article_id == article_id)
    )))
    for table in FACT_TABLES:
        conn.execute(delete(table).where(table.c.article_id == article_id))
    drop_sourceless_instances(conn, instance_ids)


def save_article(conn: Connection, doc: Article, analysed: bool = True) -> str:
    """Store (or replace) the article and every fact in it, as given; returns the stored id.

    Articles a person may have corrected are written through `record.fixes.save_corrected`,
    which applies the corrections first (the record builds on the store, not the other way).
    """
    given_id = doc.id
    stored = existing_row(conn, doc)
    existing = stored.id if stored else None
    if stored:
        # A new version lacking what the stored one knows (a re-read .txt has no url) keeps it.
        kept = {k: getattr(doc, k) if getattr(doc, k) is not None else getattr(stored, k) for k in KEPT_METADATA}
        doc = replace(doc, id=stored.id, **kept)
    rows = article_rows(doc, analysed)
    if existing:
        delete_facts(conn, existing)
        conn.execute(update(articles).where(articles.c.id == existing).values(rows.article))
    else:
        conn.execute(insert(articles).values(rows.article))
    if rows.entities:
        conn.execute(upsert(conn, entities).on_conflict_do_nothing(), rows.entities)
    for table, values in (
        (article_entities, rows.article_entities),
        (mentions, rows.mentions),
        (quotes, rows.quotes),
        (events, rows.events),
        (event_actors, rows.event_actors),
    ):
        if values:
            conn.execute(insert(table), values)
    count_mentions(conn, rows.article_entities, +1)
    count_interactions(conn, doc.id, +1)
    mark_for_refresh(conn)
    conn.execute(delete(failures).where(failures.c.article_id.in_({given_id, doc.id})))
    return doc.id


def failure_origin(article_id: str) -> tuple[str | None, int | None]:
    """File and line of a failure named `path:line` (as the readers name them) or `path`."""
    match = re.fullmatch(r"(.+):(\d+)", article_id)
    if match:
        return match[1], int(match[2])
    if "/" in article_id or "." in article_id:
        return article_id, None
    return None, None


def record_failure(conn: Connection, failure: Failure) -> None:
    """Keep the latest error per (article, stage), so re-running a batch does not pile them up."""
    file, line = failure_origin(failure.article_id)
    values = {
        "article_id": failure.article_id, "file": file, "line": line, "stage": failure.stage,
        "error": failure.error, "failed_at": dt.datetime.now(dt.timezone.utc),
    }
    statement = upsert(conn, failures).values(values)
    conn.execute(statement.on_conflict_do_update(
        index_elements=["article_id", "stage"],
        set_={k: statement.excluded[k] for k in ("file", "line", "error", "failed_at")},
    ))


def stored_analysed(conn: Connection, doc: Article) -> bool | None:
    """None if this exact text is not stored under this id or url, else whether it was analysed."""
    a = articles.c
    same_place = a.id == doc.id if not doc.url else or_(a.id == doc.id, a.url == doc.url)
    query = select(a.analysed).where(same_place, a.content_hash == content_hash(doc.text))
    return conn.execute(query.limit(1)).scalar()


def seen_entry(conn: Connection, feed_url: str, entry_id: str) -> bool:
    """Whether `watch` has already ingested this feed entry."""
    f = feed_entries.c
    return conn.execute(select(f.entry_id).where(f.feed_url == feed_url, f.entry_id == entry_id)).first() is not None


def mark_entry_seen(conn: Connection, feed_url: str, entry_id: str, link: str | None, article_id: str | None) -> None:
    values = {"feed_url": feed_url, "entry_id": entry_id, "link": link, "article_id": article_id,
              "seen_at": dt.datetime.now(dt.timezone.utc)}
    conn.execute(upsert(conn, feed_entries).values(values).on_conflict_do_nothing())


def set_story(conn: Connection, article_ids: list[str], story_id: str) -> None:
    """Link articles as copies of one story (near-duplicate detection decides which)."""
    conn.execute(update(articles).where(articles.c.id.in_(article_ids)).values(story_id=story_id))
