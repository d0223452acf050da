"""Running totals the writer keeps, so "most mentioned" and the actor graph read instead of aggregate.

`entities.articles/mentions`, `entity_pairs` (articles naming both entities) and
`interactions` (events per actor, recipient and type) change with every stored or replaced
article, inside its transaction; migrations fill them for stores that predate them.
"""

from __future__ import annotations

from itertools import combinations

from sqlalchemy import ColumnElement, Connection, Select, Table, and_, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from .schema import entities, entity_pairs, event_actors, events, interactions

ACTOR, RECIPIENT = event_actors.alias("actor"), event_actors.alias("recipient")


def upsert(conn: Connection, table: Table):
    """An INSERT … ON CONFLICT statement in the connection's dialect."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


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


def interaction_counts(*conditions: ColumnElement) -> Select:
    """(actor_id, recipient_id, type, events) over the stored events meeting `conditions` (on ACTOR, events…)."""
    return (
        select(ACTOR.c.entity_id.label("actor_id"), RECIPIENT.c.entity_id.label("recipient_id"), events.c.type,
               func.count().label("events"))
        .join(RECIPIENT, and_(RECIPIENT.c.event_id == ACTOR.c.event_id, RECIPIENT.c.role == "recipient"))
        .join(events, events.c.id == ACTOR.c.event_id)
        .where(ACTOR.c.role == "actor", ACTOR.c.entity_id != RECIPIENT.c.entity_id, *conditions)
        .group_by(ACTOR.c.entity_id, RECIPIENT.c.entity_id, events.c.type)
    )


def count_interactions(conn: Connection, article_id: str, sign: int) -> None:
    """Add (or with sign -1 take away) the stored article's events to the (actor, recipient, type) totals."""
    found = conn.execute(interaction_counts(events.c.article_id == article_id)).mappings().all()
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
