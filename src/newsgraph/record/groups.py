"""Groups as actors: who belonged to which group (NATO, G7, the Normandy format…) and when.

A group stays one actor in an event; membership decides, on the event's day, whether an
event of the group counts for a member. The store keeps its own `group_members` table:
rows synced from the KB's dated memberships (`origin="kb"`) and from `data/groups.tsv` (groups
the KB lacks, `origin="bundled"`), both rebuilt by `sync_groups`, and rows a person gave
(`origin="person"`, never touched by a sync), for any group the articles name.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select

from ..doc import parse_date
from ..stages.entities import name_key
from ..store.db import Store
from ..store.filters import QID, resolve_entities
from ..store.schema import entities, group_members

# `since` is part of the key; an unknown start is stored as this day.
EARLIEST = dt.date(1, 1, 1)
GROUPS_FILE = Path(__file__).parent.parent / "data" / "groups.tsv"


def bundled_memberships() -> list[tuple[str, str, str, str]]:
    """`data/groups.tsv`: groups articles name that the KB lacks, keyed as the store keys an unlinked organisation."""
    with GROUPS_FILE.open(encoding="utf-8") as lines:
        rows = csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
        return [(f"ORG:{name_key(r['group'])}", r["member"], r["start"], r["end"]) for r in rows]


def sync_groups(store: Store, kb=None) -> int:
    """Replace the KB-derived and bundled memberships with the current ones; a person's rows stay."""
    from ..kb import KB

    kb = kb or KB.open()
    known = [("kb", row) for row in kb.db.execute("SELECT grp, member, start, end FROM memberships")]
    known += [("bundled", row) for row in bundled_memberships()]
    values = {(g, m, parse_date(s) or EARLIEST): (parse_date(u), origin) for origin, (g, m, s, u) in known}
    with store.write() as conn:
        conn.execute(delete(group_members).where(group_members.c.origin.in_(["kb", "bundled"])))
        people = {(r.group_id, r.member_id, r.since) for r in conn.execute(select(group_members))}
        fresh = [{"group_id": g, "member_id": m, "since": s, "until": u, "origin": origin}
                 for (g, m, s), (u, origin) in values.items() if (g, m, s) not in people]
        if fresh:
            conn.execute(insert(group_members), fresh)
    return len(fresh)


def entity_id(conn: Connection, ref: str) -> str:
    """The store id `ref` names: a KB id as given, the one entity a name matches, else the id an
    unlinked organisation of that name gets (`ORG:name`), so later articles mentioning it match."""
    if QID.fullmatch(ref) or ref.startswith("ng:"):
        return ref
    found = resolve_entities(conn, ref)
    exact = [i for i in found if i == ref or conn.execute(
        select(entities.c.name_key).where(entities.c.id == i)).scalar() == name_key(ref)]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    return f"ORG:{name_key(ref)}"


def add_member(store: Store, group: str, member: str, since: str | None = None, until: str | None = None) -> dict:
    """Record that `member` belongs to `group` (from `since`, up to but excluding `until`)."""
    with store.write() as conn:
        row = {"group_id": entity_id(conn, group), "member_id": entity_id(conn, member),
               "since": parse_date(since) or EARLIEST, "until": parse_date(until), "origin": "person"}
        conn.execute(delete(group_members).where(*(group_members.c[k] == row[k]
                                                   for k in ("group_id", "member_id", "since"))))
        conn.execute(insert(group_members).values(row))
    return {**row, "since": since, "until": until}


def members(store: Store, group: str, on: str | None = None) -> list[dict[str, Any]]:
    """The members of a group (on a day, if given), with their names where the store knows them."""
    with store.read() as conn:
        group_id = entity_id(conn, group)
        return members_of(conn, [group_id], parse_date(on)).get(group_id, [])


def members_of(conn: Connection, group_ids: list[str], on: dt.date | None = None) -> dict[str, list[dict[str, Any]]]:
    """Each group's members (on a day, if given), with their names, where the store or the KB knows them."""
    gm = group_members.c
    query = (select(gm.group_id, gm.member_id, gm.since, gm.until, gm.origin, entities.c.name)
             .outerjoin(entities, entities.c.id == gm.member_id).where(gm.group_id.in_(group_ids))
             .order_by(gm.group_id, gm.member_id, gm.since))
    if on:
        query = query.where(gm.since <= on, or_(gm.until.is_(None), gm.until > on))
    found: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(query):
        found.setdefault(r.group_id, []).append({
            "id": r.member_id, "name": r.name or kb_name(r.member_id), "stored": r.name is not None,
            "origin": r.origin,
            "since": None if r.since == EARLIEST else r.since.isoformat(),
            "until": r.until.isoformat() if r.until else None,
        })
    return found


def on_day(members: list[dict[str, Any]], day: dt.date | None) -> list[dict[str, Any]]:
    """The members (as `members_of` gives them) that belonged on `day`."""
    if day is None:
        return members
    iso = day.isoformat()
    return [m for m in members if (m["since"] or "") <= iso and (m["until"] is None or iso < m["until"])]


@cache
def kb_name(entity_id: str) -> str | None:
    """The KB's Russian label for an id no stored article mentions yet."""
    from ..kb import KB

    known = KB.open().get(entity_id)
    return known.label_ru if known and known.label_ru else None


def group_name(store: Store, group: str) -> str:
    """What to call a group: its stored name, else its KB label, else what the user typed."""
    with store.read() as conn:
        group_id = entity_id(conn, group)
        stored = conn.execute(select(entities.c.name).where(entities.c.id == group_id)).scalar()
    return stored or kb_name(group_id) or group
