"""/api/search: articles and quotes containing every word of a query."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...store import queries
from ..deps import DatesDep, PageDep, StoreDep
from ..schemas import SearchOut

router = APIRouter(tags=["search"])
SearchText = Annotated[str, Query(min_length=1, max_length=200, pattern=r"\w", description="Words to find (all must occur).")]


@router.get("/search", summary="Articles (with a snippet) and quotes matching every word")
def search(store: StoreDep, q: SearchText, page: PageDep, dates: DatesDep) -> SearchOut:
    found = queries.search(store, q, since=dates.since, until=dates.until, limit=page.limit, offset=page.offset)
    return SearchOut(**found, limit=page.limit, offset=page.offset)
