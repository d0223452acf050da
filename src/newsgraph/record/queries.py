"""Questions about event instances, as JSON-ready dicts (the CLI and the web API call these).

`instances` lists events in the world, each with every article that reported it
(`sources`); `involving` an entity finds its events directly and, with `through_groups`,
those of any group it belonged to on the event's day. Counts and the timeline count
instances, not reports.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.sql import ColumnElement

from ..store.db import Store
from ..store.filters import QID, DateLike, one_or_many, period_of, resolve_entities, within
from ..store.queries import LIMIT, OPENING, article_ref, entity_ref, iso
from ..store.schema import (
    articles,
    entities,
    event_instances,
    events,
    group_members,
    instance_actors,
    instance_events,
)
from .corrections import origin
from .groups import members_of, on_day

ENTITY_COLUMNS = (entities.c.id, entities.c.name, entities.c.type, entities.c.kb_id)


def entity_ids(conn: Connection, ref: str) -> list[str]:
    """The ids `ref` names; a KB id counts even when no stored article mentions it yet."""
    found = resolve_entities(conn, ref)
    return found + [ref] if QID.fullmatch(ref) and ref not in found else found


def taking_part(conn: Connection, ref: str | None, role: str | None = None,
                through_groups: bool = False) -> list[ColumnElement]:
    """Instances in which `ref` takes part (as `role`), or, with `through_groups`, a group it was in then."""
    if not ref:
        return []
    ids = entity_ids(conn, ref)
    ia, ei = instance_actors.c, event_instances.c
    in_role = [ia.role == role] if role else []
    direct = select(ia.instance_id).where(ia.entity_id.in_(ids), *in_role)
    if not through_groups:
        return [ei.id.in_(direct)]
    gm = group_members.c
    via_groups = [
        and_(ei.id.in_(select(ia.instance_id).where(ia.entity_id == m.group_id, *in_role)),
             ei.day >= m.since, *([ei.day < m.until] if m.until else []))
        for m in conn.execute(select(gm.group_id, gm.since, gm.until).where(gm.member_id.in_(ids)))
    ]
    return [or_(ei.id.in_(direct), *via_groups)]


def instance_filters(conn: Connection, *, involving: str | None = None, actor: str | None = None,
                     recipient: str | None = None, through_groups: bool = False,
                     type: str | Sequence[str] | None = None, modality: str | Sequence[str] | None = None,
                     since: DateLike = None, until: DateLike = None) -> list[ColumnElement]:
    ei = event_instances.c
    return [
        *taking_part(conn, involving, through_groups=through_groups),
        *taking_part(conn, actor, "actor", through_groups), *taking_part(conn, recipient, "recipient", through_groups),
        *one_or_many(ei.type, type), *one_or_many(ei.modality, modality), *within(ei.day, since, until),
    ]


def instances(store: Store, involving: str | None = None, through_groups: bool = False, actor: str | None = None,
              recipient: str | None = None, type: str | Sequence[str] | None = None,
              modality: str | Sequence[str] | None = None, since: DateLike = None, until: DateLike = None,
              limit: int = LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Event instances, latest day first, each with its participants (groups with their members
    on that day), its plan or outcome, and `sources`: every article-level report of it."""
    ei = event_instances.c
    with store.read() as conn:
        conditions = instance_filters(conn, involving=involving, actor=actor, recipient=recipient,
                                      through_groups=through_groups, type=type, modality=modality,
                                      since=since, until=until)
        rows = conn.execute(select(event_instances).where(*conditions)
                            .order_by(ei.day.desc().nulls_last(), ei.id).limit(limit).offset(offset)).all()
        ids = [r.id for r in rows]
        people = participants(conn, ids, {r.id: r.day for r in rows})
        reports = sources(conn, ids)
        plans = dict(conn.execute(select(ei.outcome_id, ei.id).where(ei.outcome_id.in_(ids))).all())
    return [
        {
            "id": r.id, "type": r.type, "mode": r.mode, "modality": r.modality, "date": r.date,
            "date_precision": r.date_precision, "day": iso(r.day),
            "actors": people.get((r.id, "actor"), []), "recipients": people.get((r.id, "recipient"), []),
            "place": {"id": r.place_id, "name": r.place_name} if r.place_id or r.place_name else None,
            "reports": r.reports, "outcome": r.outcome_id, "plan_of": plans.get(r.id),
            "sources": reports.get(r.id, []),
        }
        for r in rows
    ]


def participants(conn: Connection, ids: list[str], days: dict) -> dict[tuple[str, str], list[dict[str, Any]]]:
    ia = instance_actors.c
    query = (select(ia.instance_id, ia.role, ia.entity_id, *(c.label(f"e_{c.name}") for c in ENTITY_COLUMNS))
             .outerjoin(entities, entities.c.id == ia.entity_id).where(ia.instance_id.in_(ids))
             .order_by(entities.c.name, ia.entity_id))
    rows = conn.execute(query).all()
    groups = members_of(conn, list({r.entity_id for r in rows}))
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        ref = entity_ref(r, "e_") or {"id": r.entity_id, "name": None, "type": None, "kb_id": None}
        if r.entity_id in groups:
            ref = {**ref, "group": True, "members": on_day(groups[r.entity_id], days.get(r.instance_id))}
        found.setdefault((r.instance_id, r.role), []).append(ref)
    return found


def sources(conn: Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every report of each instance: article, sentence and trigger offsets, as the text gave it."""
    ev = events.c
    sentence = func.substr(articles.c.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start)
    query = (
        select(instance_events.c.instance_id, ev.id, ev.article_id, ev.modality, ev.date, ev.date_text, ev.source,
               ev.trigger_start, ev.trigger_end, ev.trigger_text, ev.sentence_start, ev.sentence_end,
               sentence.label("sentence"), articles.c.title, OPENING, articles.c.url, articles.c.published,
               articles.c.source.label("article_source"))
        .join(events, events.c.id == instance_events.c.event_id).join(articles, articles.c.id == ev.article_id)
        .where(instance_events.c.instance_id.in_(ids)).order_by(articles.c.published, ev.id)
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(query):
        found.setdefault(r.instance_id, []).append({
            "event_id": r.id, "date": r.date, "date_text": r.date_text, "origin": origin(r.source),
            "trigger": {"start": r.trigger_start, "end": r.trigger_end, "text": r.trigger_text},
            "sentence": {"start": r.sentence_start, "end": r.sentence_end, "text": r.sentence},
            "article": article_ref(r),
        })
    return found


def instance_timeline(store: Store, granularity: str = "month", **filters: Any) -> list[dict[str, Any]]:
    """Instances (not reports) per period and type; `filters` are those of `instances`."""
    period_of(dt.date.today(), granularity)  # reject an unknown granularity before querying
    ei = event_instances.c
    with store.read() as conn:
        query = (select(ei.day, ei.type, func.count().label("n"))
                 .where(ei.day.is_not(None), *instance_filters(conn, **filters)).group_by(ei.day, ei.type))
        buckets: dict[str, dict[str, Any]] = {}
        for r in conn.execute(query):
            key = period_of(r.day, granularity)
            bucket = buckets.setdefault(key, {"period": key, "events": 0, "types": {}})
            bucket["events"] += r.n
            bucket["types"][r.type] = bucket["types"].get(r.type, 0) + r.n
    return [buckets[k] for k in sorted(buckets)]
