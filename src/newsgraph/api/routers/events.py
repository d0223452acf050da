"""/api/events and /api/timeline: PLOVER events with their sides, sentence and article; counts per period."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ...store import queries
from ..deps import EventsDep, PageDep, StoreDep, paged
from ..schemas import EventOut, PageOut, TimelineBucket

router = APIRouter(tags=["events"])
Granularity = Annotated[Literal["day", "month", "year"], Query(description="Length of a timeline period.")]


@router.get("/events", summary="Events, latest first, filtered by type, sides, country, modality and day")
def list_events(store: StoreDep, page: PageDep, filters: EventsDep) -> PageOut[EventOut]:
    return paged(partial(queries.events_list, store, **filters.query()), page)


@router.get("/timeline", summary="Event counts per period and type, oldest first")
def timeline(store: StoreDep, filters: EventsDep, granularity: Granularity = "month") -> list[TimelineBucket]:
    return queries.timeline(store, granularity=granularity, **filters.query())
