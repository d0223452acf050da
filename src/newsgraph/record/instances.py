"""Event instances: the article-level reports in the store clustered into events in the world.

`refresh_instances` rebuilds the instance tables from `events` in one transaction; it is
idempotent (the same reports give the same instances and ids) and runs after every
ingest. An instance's id comes from its first report (most precisely dated, then earliest
published), so it changes only when the reports themselves do.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import product
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from ..store.db import Store
from ..store.records import parse_day
from ..store.schema import (
    articles,
    event_actors,
    event_instances,
    events,
    instance_actors,
    instance_events,
    pending_refresh,
)
from .clusters import Report, cluster_reports, most_common, roles, same_people, weeks
from .windows import overlap

# Types whose future-dated report is a plan (PLOVER codes an agreed future meeting as AGREE).
PLAN_TYPES = frozenset({"AGREE"})
OUTCOME_TYPE = "CONSULT"


def load_reports(conn: Connection) -> list[Report]:
    ev = events.c
    people: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"actor": set(), "recipient": set()})
    for r in conn.execute(select(event_actors.c.event_id, event_actors.c.entity_id, event_actors.c.role)):
        people[r.event_id][r.role].add(r.entity_id)
    rows = conn.execute(
        select(ev.id, ev.article_id, ev.type, ev.modality, ev.mode, ev.date, ev.date_precision,
               ev.place_id, ev.place_name, articles.c.published)
        .join(articles, articles.c.id == ev.article_id)
    )
    return [
        Report(r.id, r.article_id, r.type, r.modality or "asserted", r.mode, r.date, r.date_precision, r.published,
               r.place_id, r.place_name, frozenset(people[r.id]["actor"]), frozenset(people[r.id]["recipient"]))
        for r in rows
    ]


def instance_id(reports: list[Report]) -> str:
    return "i" + hashlib.sha1(reports[0].id.encode("utf-8")).hexdigest()[:15]


def instance_row(reports: list[Report]) -> dict[str, Any]:
    first = reports[0]
    dated = min((r for r in reports if r.date), key=lambda r: r.order, default=None)
    place = most_common([r.place_id for r in reports])
    published = min((r.published for r in reports if r.published), default=None)
    return {
        "id": instance_id(reports), "type": first.type, "modality": first.modality,
        "mode": most_common([r.mode for r in reports]),
        "date": dated.date if dated else None, "date_precision": dated.precision if dated else None,
        "day": parse_day(dated.date) if dated else published,
        "place_id": place,
        "place_name": next((r.place_name for r in reports if r.place_id == place), None)
        or most_common([r.place_name for r in reports]),
        "reports": len(reports), "outcome_id": None,
    }


def is_plan(reports: list[Report]) -> bool:
    """Planned, or an agreement about a date after it was first reported (`договорились встретиться в четверг`)."""
    first = reports[0]
    if first.modality == "planned":
        return True
    published = min((r.published for r in reports if r.published), default=None)
    day = parse_day(first.date)
    return first.type in PLAN_TYPES and day is not None and published is not None and day > published


def people(reports: list[Report]) -> frozenset[str]:
    return frozenset().union(*(r.participants for r in reports))


def link_plans(groups: list[list[Report]], rows: list[dict[str, Any]]) -> None:
    """Point each plan at the first asserted instance that carried it out: same people, a matching date.

    Outcomes are looked up by type, participant and week, as clustering does, so a long record
    does not compare every plan with every meeting.
    """
    outcomes: dict[tuple, list[tuple[list[Report], dict[str, Any]]]] = defaultdict(list)
    for group, row in zip(groups, rows):
        if group[0].modality == "asserted" and group[0].window:
            for key in product([row["type"]], people(group), weeks(group[0].window)):
                outcomes[key].append((group, row))
    for plan, row in zip(groups, rows):
        if not is_plan(plan) or plan[0].window is None:
            continue
        wanted = OUTCOME_TYPE if plan[0].type in PLAN_TYPES else plan[0].type
        candidates = {out_row["id"]: (out, out_row)
                      for key in product([wanted], people(plan), weeks(plan[0].window))
                      for out, out_row in outcomes.get(key, [])}
        found = [
            (out_row["day"], out_row["id"]) for out, out_row in candidates.values()
            if out_row["id"] != row["id"] and overlap(out[0].window, plan[0].window)
            and same_people(people(plan), people(out))
        ]
        row["outcome_id"] = min(found)[1] if found else None


def refresh_instances(store: Store) -> int:
    """Rebuild every event instance from the stored reports; returns how many there are."""
    with store.write() as conn:
        groups = cluster_reports(load_reports(conn))
        rows = [instance_row(g) for g in groups]
        link_plans(groups, rows)
        for table in (instance_actors, instance_events, event_instances):
            conn.execute(delete(table))
        conn.execute(delete(pending_refresh).where(pending_refresh.c.derived == "instances"))
        links = [{"event_id": r.id, "instance_id": row["id"]} for g, row in zip(groups, rows) for r in g]
        people = [{"instance_id": row["id"], "entity_id": e, "role": role}
                  for g, row in zip(groups, rows) for e, role in roles(g).items()]
        for table, values in ((event_instances, rows), (instance_events, links), (instance_actors, people)):
            if values:
                conn.execute(insert(table), values)
    return len(rows)
