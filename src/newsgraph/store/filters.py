"""Filters shared by the queries: dates, entity references, event conditions.

An entity is named by its store id, its KB id (`Q7747`) or a name; a name matches every
entity whose normalized name contains it, so «Путин» finds «Владимир Путин», and every
entity an article named so, with the entities that share its KB id: the article's
«Эммануэль Макрон» finds the KB's «Эмманюэль Макрон». A name typed inflected
(«Макрона», «Эммануэля Макрона») is also looked up in its dictionary form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import Connection, or_, select
from sqlalchemy.sql import ColumnElement

from ..doc import parse_date
from ..kb.keys import query_keys
from ..stages.entities import name_key
from .schema import entities, event_actors, events, mentions

QID = re.compile(r"Q\d+")
DateLike = dt.date | str | None


PERIODS = {"year": 4, "month": 7, "day": 10}


def period_of(day: dt.date, granularity: str) -> str:
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' for a date."""
    if granularity not in PERIODS:
        raise ValueError(f"granularity must be one of {', '.join(PERIODS)}, got {granularity!r}")
    return day.isoformat()[: PERIODS[granularity]]


def within(column: ColumnElement, since: DateLike, until: DateLike) -> list[ColumnElement]:
    conditions = []
    if since:
        conditions.append(column >= parse_date(since))
    if until:
        conditions.append(column <= parse_date(until))
    return conditions


def resolve_entities(conn: Connection, ref: str) -> list[str]:
    """Entity ids the user means: an exact store or KB id, else every name containing the words."""
    e = entities.c
    exact = conn.execute(select(e.id).where(or_(e.id == ref, e.kb_id == ref))).scalars().all()
    if exact or QID.fullmatch(ref):
        return list(exact)
    found = named_like(conn, {name_key(ref.strip())}) | written_as(conn, {ref.strip()})
    if not found:  # typed inflected: `Макрона`, `Эммануэля Макрона`
        forms = dictionary_forms(ref)
        found = named_like(conn, forms) | written_as(conn, forms)
    return sorted(found)


def named_like(conn: Connection, forms: set[str]) -> set[str]:
    """Entities whose normalized name contains one of the lower-cased forms."""
    e = entities.c
    patterns = ["%" + re.sub(r"([\\%_])", r"\\\1", form) + "%" for form in forms if form]
    if not patterns:
        return set()
    return set(conn.execute(select(e.id).where(or_(*(e.name_key.like(p, escape="\\") for p in patterns))).limit(200)).scalars())


def dictionary_forms(ref: str) -> set[str]:
    """The lower-cased dictionary forms of a typed name (`Эммануэля Макрона` → `эммануэль макрон`)."""
    return {name_key(key) for key in query_keys(ref.strip()) if key}


def written_as(conn: Connection, names: set[str]) -> set[str]:
    """Entities an article wrote as one of `names` (its nominative form, as typed or capitalised),
    and every entity that shares a KB id with one of them."""
    spellings = names | {" ".join(word[:1].upper() + word[1:] for word in name.split()) for name in names}
    m, e = mentions.c, entities.c
    found = select(m.entity_id).where(m.entity_id.is_not(None), or_(m.normal.in_(spellings), m.text.in_(spellings)))
    kb_ids = select(e.kb_id).where(e.id.in_(found), e.kb_id.is_not(None))
    return set(conn.execute(select(e.id).where(or_(e.id.in_(found), e.kb_id.in_(kb_ids))).limit(200)).scalars())


def involving(conn: Connection, ref: str | None, role: str | None = None) -> list[ColumnElement]:
    """A condition on events: `ref` takes part (as `role`, or in any role)."""
    if not ref:
        return []
    who = select(event_actors.c.event_id).where(event_actors.c.entity_id.in_(resolve_entities(conn, ref)))
    if role:
        who = who.where(event_actors.c.role == role)
    return [events.c.id.in_(who)]


def one_or_many(column: ColumnElement, value: str | Sequence[str] | None) -> list[ColumnElement]:
    if not value:
        return []
    return [column.in_([value] if isinstance(value, str) else list(value))]


def event_filters(
    conn: Connection, *, actor: str | None = None, recipient: str | None = None, participant: str | None = None,
    type: str | Sequence[str] | None = None, modality: str | Sequence[str] | None = None,
    since: DateLike = None, until: DateLike = None, article_id: str | None = None,
) -> list[ColumnElement]:
    """The conditions shared by `events_list`, `timeline` and `graph`."""
    return [
        *involving(conn, actor, "actor"), *involving(conn, recipient, "recipient"), *involving(conn, participant),
        *one_or_many(events.c.type, type), *one_or_many(events.c.modality, modality),
        *within(events.c.day, since, until), *one_or_many(events.c.article_id, article_id),
    ]
