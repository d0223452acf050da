"""Reads the store's query module does not offer, as SQLAlchemy expressions over its tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..store.schema import events


def event_choices(store: Any) -> dict[str, list[str]]:
    """The event types and modalities present in the store, for the filter forms."""
    with store.read() as conn:
        types = conn.execute(select(events.c.type).distinct().order_by(events.c.type)).scalars().all()
        modalities = conn.execute(
            select(events.c.modality).where(events.c.modality.is_not(None)).distinct().order_by(events.c.modality)
        ).scalars().all()
    return {"event_types": list(types), "modalities": list(modalities)}
