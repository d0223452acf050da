"""/api/quotes: the quote book, by speaker and date."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query

from ...store import queries
from ..deps import NAME, DatesDep, PageDep, StoreDep, paged
from ..schemas import PageOut, QuoteOut

router = APIRouter(tags=["quotes"])
Speaker = Annotated[str | None, Query(pattern=NAME, description="Speaker: entity id, KB id or a part of the name.")]


@router.get("/quotes", summary="Quotes, newest first, each with its speaker, sentence and article")
def list_quotes(store: StoreDep, page: PageDep, dates: DatesDep, speaker: Speaker = None) -> PageOut[QuoteOut]:
    return paged(partial(queries.quotes_list, store, speaker=speaker, since=dates.since, until=dates.until), page)
