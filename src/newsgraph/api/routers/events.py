"""/api/reports and /api/timeline: article-level PLOVER event reports with their sides, sentence and article;
counts per period. /api/events lists the instances these reports cluster into (routers/record.py)."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ...record.queries import instance_timeline
from ...store import queries
from ..deps import EventsDep, PageDep, StoreDep, paged
from ..schemas import EventOut, PageOut, TimelineBucket

router = APIRouter(tags=["events"])
Granularity = Annotated[Literal["day", "month", "year"], Query(description="Length of a timeline period.")]


@router.get("/reports", summary="Event reports as each article states them, latest first, filtered by type, sides, country, modality and day")
def list_reports(store: StoreDep, page: PageDep, filters: EventsDep) -> PageOut[EventOut]:
    return paged(partial(queries.events_list, store, **filters.query()), page)


@router.get("/timeline", summary="Event instances per period and type, oldest first (each event once, however often reported)")
def timeline(store: StoreDep, filters: EventsDep, granularity: Granularity = "month") -> list[TimelineBucket]:
    wanted = filters.query()
    return instance_timeline(store, granularity=granularity, involving=wanted.pop("participant"), **wanted)
