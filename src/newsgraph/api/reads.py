"""Reads the store's query module does not offer, as SQLAlchemy expressions over its tables.

`interactions` is the actor network from events alone: `queries.graph` also counts
co-mentions with a self-join of `article_entities`, which takes seconds on 10,000 articles,
while the network page and the entity page only need who acted on whom. It counts event
instances, so a call reported by five outlets weighs one (docs/record.md), and it also joins
the actors of one event (the events stage codes a meeting or a call between two leaders as
one event with both as actors), since who met whom is half of the network.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from ..record.queries import instance_filters
from ..store.graph import with_quads
from ..store.schema import article_entities, entities, event_instances, events, instance_actors


def event_choices(store: Any) -> dict[str, list[str]]:
    """The event types and modalities present in the store, for the filter forms."""
    with store.read() as conn:
        types = conn.execute(select(events.c.type).distinct().order_by(events.c.type)).scalars().all()
        modalities = conn.execute(
            select(events.c.modality).where(events.c.modality.is_not(None)).distinct().order_by(events.c.modality)
        ).scalars().all()
    return {"event_types": list(types), "modalities": list(modalities)}


def interactions(store: Any, *, nodes: int = 60, min_weight: int = 1, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """The graph of `queries.graph` with event edges only: the heaviest edges until `nodes` entities are in.

    `filters` are those of `queries.events_list` (type, participant, since, until, …).
    """
    with store.read() as conn:
        edges = heaviest(pairs(conn, filters), nodes, min_weight)
        ids = sorted({end for e in edges for end in (e["source"], e["target"])})
        mentioned = (select(article_entities.c.entity_id, func.count().label("articles"))
                     .where(article_entities.c.entity_id.in_(ids)).group_by(article_entities.c.entity_id).subquery())
        rows = conn.execute(
            select(entities.c.id, entities.c.name, entities.c.type, entities.c.kb_id, func.coalesce(mentioned.c.articles, 0).label("articles"))
            .outerjoin(mentioned, mentioned.c.entity_id == entities.c.id).where(entities.c.id.in_(ids))
            .order_by(entities.c.id)
        ).all()
    return {"nodes": [dict(r._mapping) for r in rows], "edges": edges}


def pairs(conn: Connection, filters: dict[str, Any]) -> list:
    """(actor, other, together, type, number of event instances) in one pass over the instance sides.

    `other` is a recipient of the actor's events, or (`together`) another actor of them.
    """
    wanted = dict(filters)
    conditions = instance_filters(conn, involving=wanted.pop("participant", None), **wanted)
    actor, other = instance_actors.alias("actor"), instance_actors.alias("other")
    together = (other.c.role == "actor").label("together")
    kind = event_instances.c.type
    return conn.execute(
        select(actor.c.entity_id.label("a"), other.c.entity_id.label("b"), together, kind, func.count().label("n"))
        .join(other, and_(other.c.instance_id == actor.c.instance_id, or_(
            other.c.role == "recipient", and_(other.c.role == "actor", actor.c.entity_id < other.c.entity_id))))
        .join(event_instances, event_instances.c.id == actor.c.instance_id)
        .where(actor.c.role == "actor", actor.c.entity_id != other.c.entity_id, *conditions)
        .group_by(actor.c.entity_id, other.c.entity_id, together, kind)
    ).all()


def heaviest(rows: list, nodes: int, min_weight: int) -> list[dict[str, Any]]:
    """One edge per pair of entities (events by direction and type), heaviest first, within `nodes` entities."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        source, target = sorted((r.a, r.b))
        edge = edges.setdefault((source, target), {"source": source, "target": target, "weight": 0, "events": 0,
                                                   "co_mentions": 0, "interactions": []})
        edge["events"] += r.n
        edge["weight"] += r.n
        edge["interactions"].append({"actor": r.a, "recipient": r.b, "type": r.type, "count": r.n, "together": bool(r.together)})
    kept, seen = [], set()
    for edge in sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"])):
        if edge["events"] < min_weight:
            break
        joined = seen | {edge["source"], edge["target"]}
        if len(joined) <= nodes:
            kept.append(with_quads(edge))
            seen = joined
    return kept
