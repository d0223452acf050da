"""The actor network over event instances: who did what to whom, each event counted once.

An edge joins an actor to a recipient of the same instance; in a symmetric event (a call,
talks, an agreement) the co-actors are joined to each other too, since `X и Y провели
переговоры` is an interaction between X and Y. Five reports of one call add one to the
edge, not five.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

from sqlalchemy import select

from ..store.db import Store
from ..store.schema import entities, event_instances, instance_actors
from .clusters import SYMMETRIC
from .queries import instance_filters


def instance_network(store: Store, min_weight: int = 1, **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """`{"nodes": [...], "edges": [...]}`; `filters` are those of `instances` (type, since, involving, …)."""
    ia, ei = instance_actors.c, event_instances.c
    with store.read() as conn:
        rows = conn.execute(
            select(ia.instance_id, ia.entity_id, ia.role, ei.type)
            .join(event_instances, ei.id == ia.instance_id).where(*instance_filters(conn, **filters))
        ).all()
        sides: dict[str, dict[str, list[str]]] = {}
        types: dict[str, str] = {}
        for r in rows:
            sides.setdefault(r.instance_id, {"actor": [], "recipient": []})[r.role].append(r.entity_id)
            types[r.instance_id] = r.type
        counts: Counter[tuple[str, str, str, bool]] = Counter()
        for instance, people in sides.items():
            for a in people["actor"]:
                counts.update((a, b, types[instance], True) for b in people["recipient"] if b != a)
            if types[instance] in SYMMETRIC:
                counts.update((a, b, types[instance], False) for a, b in combinations(sorted(people["actor"]), 2))
        edges = [{"source": a, "target": b, "type": t, "directed": directed, "instances": n}
                 for (a, b, t, directed), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                 if n >= min_weight]
        ids = sorted({e[side] for e in edges for side in ("source", "target")})
        known = {r.id: r for r in conn.execute(select(entities.c.id, entities.c.name, entities.c.type)
                                               .where(entities.c.id.in_(ids)))}
    nodes = [{"id": i, "name": known[i].name if i in known else None, "type": known[i].type if i in known else None}
             for i in ids]
    return {"nodes": nodes, "edges": edges}
