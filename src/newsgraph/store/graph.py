"""The actor interaction graph: entities as nodes, events and co-mentions as weighted edges.

Nodes are the entities mentioned in the most articles of the period (or, around one entity,
those appearing with it). An edge joins two of them when one acted on the other (each
event counts, by direction and type) or when articles mention both (each article counts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, func, select, union_all

from ..choices import quads
from .db import Store
from .filters import DateLike, event_filters, one_or_many, resolve_entities, within
from .schema import article_entities, entities, entity_pairs, interactions
from .totals import ACTOR, interaction_counts


def graph(store: Store, since: DateLike = None, until: DateLike = None, type: str | Sequence[str] | None = None,
          entity: str | None = None, nodes: int = 100, min_weight: int = 1,
          co_mentions: bool = True) -> dict[str, list[dict[str, Any]]]:
    """`{"nodes": [...], "edges": [...]}`; `type` limits the events counted, `entity` centres the graph.

    `co_mentions=False` leaves out the co-mention counts, the costly part, for event-only views.
    """
    with store.read() as conn:
        node_rows = _nodes(conn, since, until, entity, nodes)
        ids = [r.id for r in node_rows]
        acts = _interactions(conn, ids, type, since, until)
        shared = _co_mentions(conn, ids, since, until) if co_mentions else []
    return {
        "nodes": [{"id": r.id, "name": r.name, "type": r.type, "kb_id": r.kb_id, "articles": r.articles}
                  for r in node_rows],
        "edges": _edges(acts, shared, min_weight),
    }


def _nodes(conn: Connection, since: DateLike, until: DateLike, entity: str | None, limit: int) -> list:
    """The most mentioned entities: running totals for all time, else counted in the period or around `entity`."""
    e, ae = entities.c, article_entities.c
    columns = (e.id, e.name, e.type, e.kb_id)
    if not (since or until):
        if entity:
            return _around(conn, resolve_entities(conn, entity), limit)
        query = select(*columns, e.articles).where(e.articles > 0)
        return conn.execute(query.order_by(e.articles.desc(), e.id).limit(limit)).all()
    ranked = select(ae.entity_id, func.count().label("articles")).where(*within(ae.published, since, until))
    if entity:
        together = select(ae.article_id).where(ae.entity_id.in_(resolve_entities(conn, entity)))
        ranked = ranked.where(ae.article_id.in_(together))
    ranked = ranked.group_by(ae.entity_id).order_by(func.count().desc(), ae.entity_id).limit(limit).subquery()
    query = select(*columns, ranked.c.articles).join(ranked, ranked.c.entity_id == e.id)
    return conn.execute(query.order_by(ranked.c.articles.desc(), e.id)).all()


def _around(conn: Connection, centre: list[str], limit: int) -> list:
    """`centre` and the entities named with it in the most articles, from the pair counts."""
    p, e = entity_pairs.c, entities.c
    partners = union_all(
        select(p.entity_b.label("id"), p.articles).where(p.entity_a.in_(centre), p.articles > 0),
        select(p.entity_a.label("id"), p.articles).where(p.entity_b.in_(centre), p.articles > 0),
    ).subquery()
    shared = func.sum(partners.c.articles)
    top = conn.execute(select(partners.c.id).where(partners.c.id.not_in(centre)).group_by(partners.c.id)
                       .order_by(shared.desc(), partners.c.id).limit(max(limit - len(centre), 0))).scalars().all()
    rows = {r.id: r for r in conn.execute(select(e.id, e.name, e.type, e.kb_id, e.articles).where(e.id.in_([*centre, *top])))}
    return [rows[i] for i in [*centre, *top] if i in rows]


def _interactions(conn: Connection, ids: list[str], type: str | Sequence[str] | None,
                  since: DateLike, until: DateLike) -> list:
    """(actor_id, recipient_id, type, events) among `ids`: the running totals unless a period is asked for."""
    if not (since or until):
        i = interactions.c
        query = select(i.actor_id, i.recipient_id, i.type, i.events)
        return conn.execute(query.where(i.actor_id.in_(ids), i.recipient_id.in_(ids), i.events > 0,
                                        *one_or_many(i.type, type))).all()
    wanted = set(ids)  # recipients filtered here: an IN list on both sides makes SQLite probe every pair
    query = interaction_counts(ACTOR.c.entity_id.in_(ids), *event_filters(conn, type=type, since=since, until=until))
    return [r for r in conn.execute(query) if r.recipient_id in wanted]


def _co_mentions(conn: Connection, ids: list[str], since: DateLike, until: DateLike) -> list:
    """(a, b, n): articles naming both; the running pair counts unless a period is asked for."""
    if not (since or until):
        p = entity_pairs.c
        query = select(p.entity_a.label("a"), p.entity_b.label("b"), p.articles.label("n"))
        return conn.execute(query.where(p.entity_a.in_(ids), p.entity_b.in_(ids), p.articles > 0)).all()
    x, y = article_entities.alias("x"), article_entities.alias("y")
    return conn.execute(
        select(x.c.entity_id.label("a"), y.c.entity_id.label("b"), func.count().label("n"))
        .join(y, and_(y.c.article_id == x.c.article_id, x.c.entity_id < y.c.entity_id))
        .where(x.c.entity_id.in_(ids), y.c.entity_id.in_(ids), *within(x.c.published, since, until))
        .group_by(x.c.entity_id, y.c.entity_id)
    ).all()


def _edges(acts: list, shared: list, min_weight: int) -> list[dict[str, Any]]:
    """One edge per pair of entities, carrying its events by direction and type and its co-mentions."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}

    def edge(a: str, b: str) -> dict[str, Any]:
        source, target = sorted((a, b))
        return edges.setdefault((source, target), {
            "source": source, "target": target, "weight": 0, "events": 0, "co_mentions": 0, "interactions": [],
        })

    for r in acts:
        e = edge(r.actor_id, r.recipient_id)
        e["events"] += r.events
        e["interactions"].append({"actor": r.actor_id, "recipient": r.recipient_id, "type": r.type, "count": r.events})
    for r in shared:
        edge(r.a, r.b)["co_mentions"] += r.n
    for e in edges.values():
        e["weight"] = e["events"] + e["co_mentions"]
    kept = [with_quads(e) for e in edges.values() if e["weight"] >= min_weight]
    return sorted(kept, key=lambda e: (-e["weight"], e["source"], e["target"]))


def with_quads(edge: dict[str, Any]) -> dict[str, Any]:
    """EDGE with the PLOVER quad category of each interaction and, as the edge's `quad`, the one
    with most of its events (None for an edge of co-mentions only), which the network colours."""
    quad_of = quads()
    by_quad: dict[str, int] = {}
    for interaction in edge["interactions"]:
        interaction["quad"] = quad_of.get(interaction["type"])
        if interaction["quad"]:
            by_quad[interaction["quad"]] = by_quad.get(interaction["quad"], 0) + interaction["count"]
    edge["quad"] = max(sorted(by_quad), key=by_quad.__getitem__, default=None)
    return edge
