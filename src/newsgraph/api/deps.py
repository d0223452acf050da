"""Typed dependencies shared by the routers: the store, paging, date ranges, the write token."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request

from ..choices import MODALITIES, event_types, known
from .errors import ONE_OF, ApiError
from .schemas import IsoDate

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
NAME = r"^[^\x00-\x1f]{1,200}$"  # a free-text filter: one line, bounded length


def get_store(request: Request) -> Any:
    return request.app.state.store


StoreDep = Annotated[Any, Depends(get_store)]


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items to return.")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many items to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


PageDep = Annotated[Paging, Depends(paging)]


@dataclass(frozen=True, slots=True)
class DateRange:
    since: dt.date | None
    until: dt.date | None


def date_range(
    since: Annotated[IsoDate | None, Query(description="Earliest date, YYYY-MM-DD (inclusive).")] = None,
    until: Annotated[IsoDate | None, Query(description="Latest date, YYYY-MM-DD (inclusive); before `since`, nothing matches.")] = None,
) -> DateRange:
    return DateRange(since, until)


DatesDep = Annotated[DateRange, Depends(date_range)]


def require_token(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN, as given to `newsgraph serve --token`.")] = None,
) -> None:
    """Writing is off unless the server has a token, and then needs exactly that token."""
    refused = token_refusal(request.app.state.token, authorization)
    if refused is not None:
        raise refused


def token_refusal(token: str | None, authorization: str | None) -> ApiError | None:
    """The 403 (no token configured) or 401 (missing or wrong token) for a write, or None to let it through."""
    if not token:
        return ApiError(403, "writing is disabled on this server: start `newsgraph serve` with --token (or NEWSGRAPH_TOKEN)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        return ApiError(401, "this endpoint needs the header `Authorization: Bearer <token>`")
    return None


WriteAccess = Depends(require_token)
# What every write can answer besides its own statuses (documented, so clients and schemathesis expect them).
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body cannot be decoded (not UTF-8)"},
    401: {"description": "Missing or wrong token"},
    403: {"description": "Writing is disabled on this server"},
    413: {"description": "The body is over the size limit"},
}


def any_case(words: list[str] | tuple[str, ...]) -> str:
    """A pattern matching exactly one of `words` in any letter case (JSON Schema patterns take no flags)."""
    def letters(word: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else re.escape(c) for c in word)
    pattern = "^(?:" + "|".join(map(letters, words)) + ")$"
    ONE_OF[pattern] = tuple(words)
    return pattern


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which events: by PLOVER type, by either side, by a country taking part, by modality and day."""

    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def query(self) -> dict[str, Any]:
        """The keyword arguments of the store's event queries; a country is a participant."""
        return {"type": self.type, "actor": self.actor, "recipient": self.recipient, "participant": self.country,
                "modality": self.modality, "since": self.since, "until": self.until}


def event_filters(
    dates: DatesDep,
    type: Annotated[str | None, Query(pattern=any_case(event_types()), description="PLOVER event type, e.g. CONSULT (any case).")] = None,
    actor: Annotated[str | None, Query(pattern=NAME, description="Actor: entity id, KB id or a part of the name.")] = None,
    recipient: Annotated[str | None, Query(pattern=NAME, description="Recipient: entity id, KB id or a part of the name.")] = None,
    country: Annotated[str | None, Query(pattern=NAME, description="A country (or any entity) taking part, as actor or recipient.")] = None,
    modality: Annotated[str | None, Query(pattern=any_case(MODALITIES), description=f"One of {', '.join(MODALITIES)} (any case).")] = None,
) -> EventFilters:
    type, modality = known("type", type, event_types()), known("modality", modality, MODALITIES)
    return EventFilters(type, actor, recipient, country, modality, dates.since, dates.until)


EventsDep = Annotated[EventFilters, Depends(event_filters)]


def paged(rows_for: Callable[..., list[Any]], page: Paging) -> dict[str, Any]:
    """One page from a store query, asking for one row more to learn whether another page follows."""
    rows = rows_for(limit=page.limit + 1, offset=page.offset)
    return {"items": rows[: page.limit], "limit": page.limit, "offset": page.offset, "more": len(rows) > page.limit}
