"""The actor interaction graph: entities as nodes, events and co-mentions as weighted edges.

Nodes are the entities mentioned in the most articles of the period (or, around one entity,
those appearing with it). An edge joins two of them when one acted on the other (each
event counts, by direction and type) or when articles mention both (each article counts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, select

from .db import Store
from .filters import DateLike, event_filters, resolve_entities, within
from .schema import article_entities, entities, event_actors, events


def graph(store: Store, since: DateLike = None, until: DateLike = None, type: str | Sequence[str] | None = None,
          entity: str | None = None, nodes: int = 100, min_weight: int = 1) -> dict[str, list[dict[str, Any]]]:
    """`{"nodes": [...], "edges": [...]}`; `type` limits the events counted, `entity` centres the graph."""
    ae, x, y = article_entities, article_entities.alias("x"), article_entities.alias("y")
    with store.read() as conn:
        ranked = (select(ae.c.entity_id, func.count().label("articles"))
                  .where(*within(ae.c.published, since, until)).group_by(ae.c.entity_id))
        if entity:
            centre = resolve_entities(conn, entity)
            together = select(ae.c.article_id).where(ae.c.entity_id.in_(centre))
            ranked = ranked.where(ae.c.article_id.in_(together))
        ranked = ranked.order_by(func.count().desc(), ae.c.entity_id).limit(nodes).subquery()
        node_rows = conn.execute(
            select(entities.c.id, entities.c.name, entities.c.type, entities.c.kb_id, ranked.c.articles)
            .join(ranked, ranked.c.entity_id == entities.c.id).order_by(ranked.c.articles.desc(), entities.c.id)
        ).all()
        ids = [r.id for r in node_rows]
        actor, recipient = event_actors.alias("actor"), event_actors.alias("recipient")
        acts = conn.execute(
            select(actor.c.entity_id.label("a"), recipient.c.entity_id.label("b"), events.c.type, func.count().label("n"))
            .join(recipient, and_(recipient.c.event_id == actor.c.event_id, recipient.c.role == "recipient"))
            .join(events, events.c.id == actor.c.event_id)
            .where(actor.c.role == "actor", actor.c.entity_id.in_(ids), recipient.c.entity_id.in_(ids),
                   actor.c.entity_id != recipient.c.entity_id, *event_filters(conn, type=type, since=since, until=until))
            .group_by(actor.c.entity_id, recipient.c.entity_id, events.c.type)
        ).all()
        shared = conn.execute(
            select(x.c.entity_id.label("a"), y.c.entity_id.label("b"), func.count().label("n"))
            .join(y, and_(y.c.article_id == x.c.article_id, x.c.entity_id < y.c.entity_id))
            .where(x.c.entity_id.in_(ids), y.c.entity_id.in_(ids), *within(x.c.published, since, until))
            .group_by(x.c.entity_id, y.c.entity_id)
        ).all()
    return {
        "nodes": [{"id": r.id, "name": r.name, "type": r.type, "kb_id": r.kb_id, "articles": r.articles}
                  for r in node_rows],
        "edges": _edges(acts, shared, min_weight),
    }


def _edges(acts: list, shared: list, min_weight: int) -> list[dict[str, Any]]:
    """One edge per pair of entities, carrying its events by direction and type and its co-mentions."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}

    def edge(a: str, b: str) -> dict[str, Any]:
        source, target = sorted((a, b))
        return edges.setdefault((source, target), {
            "source": source, "target": target, "weight": 0, "events": 0, "co_mentions": 0, "interactions": [],
        })

    for r in acts:
        e = edge(r.a, r.b)
        e["events"] += r.n
        e["interactions"].append({"actor": r.a, "recipient": r.b, "type": r.type, "count": r.n})
    for r in shared:
        edge(r.a, r.b)["co_mentions"] += r.n
    for e in edges.values():
        e["weight"] = e["events"] + e["co_mentions"]
    kept = [e for e in edges.values() if e["weight"] >= min_weight]
    return sorted(kept, key=lambda e: (-e["weight"], e["source"], e["target"]))
