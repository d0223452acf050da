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
from itertools import combinations

from sqlalchemy import Connection, Row, Table, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..doc import Article, Failure
from .records import article_rows, content_hash
from .schema import (
    article_entities,
    articles,
    entities,
    entity_pairs,
    event_actors,
    events,
    failures,
    feed_entries,
    interactions,
    mentions,
    quotes,
)

FACT_TABLES = (article_entities, mentions, quotes, events)


def upsert(conn: Connection, table: Table):
    """An INSERT … ON CONFLICT statement in the connection's dialect."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


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


def count_mentions(conn: Connection, rows: list[dict], sign: int) -> None:
    """Add (or with sign -1 take away) an article's mention counts to its entities and their pairs."""
    if not rows:
        return
    conn.execute(
        update(entities).where(entities.c.id == bindparam("entity"))
        .values(articles=entities.c.articles + sign, mentions=entities.c.mentions + sign * bindparam("count")),
        [{"entity": r["entity_id"], "count": r["mentions"]} for r in rows],
    )
    pairs = [{"entity_a": a, "entity_b": b, "articles": 1}
             for a, b in combinations(sorted({r["entity_id"] for r in rows}), 2)]
    if pairs and sign > 0:
        statement = upsert(conn, entity_pairs)
        conn.execute(statement.on_conflict_do_update(
            index_elements=["entity_a", "entity_b"], set_={"articles": entity_pairs.c.articles + 1}), pairs)
    elif pairs:
        p = entity_pairs.c
        conn.execute(update(entity_pairs).where(p.entity_a == bindparam("a"), p.entity_b == bindparam("b"))
                     .values(articles=p.articles - 1), [{"a": r["entity_a"], "b": r["entity_b"]} for r in pairs])


def count_interactions(conn: Connection, article_id: str, sign: int) -> None:
    """Add (or with sign -1 take away) the stored article's events to the (actor, recipient, type) totals."""
    actor, recipient = event_actors.alias("actor"), event_actors.alias("recipient")
    found = conn.execute(
        select(actor.c.entity_id.label("actor_id"), recipient.c.entity_id.label("recipient_id"), events.c.type,
               func.count().label("events"))
        .join(recipient, and_(recipient.c.event_id == actor.c.event_id, recipient.c.role == "recipient"))
        .join(events, events.c.id == actor.c.event_id)
        .where(events.c.article_id == article_id, actor.c.role == "actor", actor.c.entity_id != recipient.c.entity_id)
        .group_by(actor.c.entity_id, recipient.c.entity_id, events.c.type)
    ).mappings().all()
    if not found:
        return
    i = interactions.c
    if sign > 0:
        statement = upsert(conn, interactions)
        conn.execute(statement.on_conflict_do_update(
            index_elements=["actor_id", "recipient_id", "type"], set_={"events": i.events + statement.excluded.events},
        ), [dict(r) for r in found])
    else:
        conn.execute(
            update(interactions).where(i.actor_id == bindparam("a"), i.recipient_id == bindparam("r"),
                                       i.type == bindparam("t")).values(events=i.events - bindparam("n")),
            [{"a": r["actor_id"], "r": r["recipient_id"], "t": r["type"], "n": r["events"]} for r in found],
        )


def delete_facts(conn: Connection, article_id: str) -> None:
    ae = article_entities.c
    old = conn.execute(select(ae.entity_id, ae.mentions).where(ae.article_id == article_id)).mappings().all()
    count_mentions(conn, [dict(r) for r in old], -1)
    count_interactions(conn, article_id, -1)
    conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(
        select(events.c.id).where(events.c.article_id == article_id)
    )))
    for table in FACT_TABLES:
        conn.execute(delete(table).where(table.c.article_id == article_id))


def save_article(conn: Connection, doc: Article, analysed: bool = True) -> str:
    """Store (or replace) the article and every fact in it; returns the stored id."""
    given_id = doc.id
    stored = existing_row(conn, doc)
    existing = stored.id if stored else None
    if stored:
        # A new version lacking what the stored one knows (a re-read .txt has no url) keeps it.
        kept = {k: getattr(doc, k) if getattr(doc, k) is not None else getattr(stored, k) for k in KEPT_METADATA}
        doc = replace(doc, id=stored.id, **kept)
    from ..record.fixes import apply_corrections  # here: the record package builds on the store

    doc = apply_corrections(conn, doc)  # a person's corrections outlast every re-analysis (docs/record.md)
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
