"""/api/instances, /api/groups, /api/corrections: events in the world with their sources, group
members, and the corrections a person makes (writing needs the server's token)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query
from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from ...record import correct as corrections, groups, network, queries
from ..deps import NAME, WRITE_RESPONSES, EventsDep, PageDep, StoreDep, WriteAccess, paged
from ..errors import ApiError
from ..schemas import ArticleRef, IsoDate, JsonInt, PageOut, Passage, PlaceOut

router = APIRouter(tags=["record"])


class MemberOut(BaseModel):
    id: str
    name: str | None = None
    stored: bool = Field(False, description="Whether a stored article mentions it (it has an entity page).")
    origin: str = Field(description="kb, bundled (data/groups.tsv) or person.")
    since: dt.date | None = None
    until: dt.date | None = None


class ParticipantOut(BaseModel):
    id: str
    name: str | None = None
    type: str | None = None
    kb_id: str | None = None
    group: bool = False
    members: list[MemberOut] = Field(default_factory=list, description="For a group: its members on the event's day.")


class SourceOut(BaseModel):
    """One article-level report of the instance."""

    event_id: str
    origin: str = Field(description="person when a person added, fixed or confirmed the report, else machine.")
    date: str | None = None
    date_text: str | None = None
    trigger: Passage
    sentence: Passage
    article: ArticleRef


class InstanceOut(BaseModel):
    id: str
    type: str
    mode: str | None = None
    modality: str | None = None
    date: str | None = None
    date_precision: str | None = None
    day: dt.date | None = None
    actors: list[ParticipantOut]
    recipients: list[ParticipantOut]
    place: PlaceOut | None = None
    reports: int
    outcome: str | None = Field(None, description="For a plan: the instance in which it took place.")
    plan_of: str | None = Field(None, description="For an outcome: the plan it carried out.")
    sources: list[SourceOut]


class CorrectionIn(BaseModel):
    """A correction of the fact at `start..end` of an article; only the fields given change."""

    # Said in the schema as well as checked, so a body built from the schema is never refused for it.
    model_config = ConfigDict(json_schema_extra={
        "if": {"required": ["kind", "action"], "properties": {"kind": {"const": "event"}, "action": {"const": "add"}}},
        "then": {"required": ["type"], "properties": {"type": {"type": "string"}}},
    })

    article_id: str = Field(max_length=64)
    kind: Literal["quote", "event", "entity"]
    action: Literal["fix", "wrong", "add", "confirm"] = "fix"
    start: JsonInt = Field(ge=0)
    end: JsonInt = Field(ge=1)
    speaker: str | None = Field(None, max_length=200)
    quote_kind: Literal["direct", "indirect", "mixed"] | None = None
    type: str | None = Field(None, pattern=r"^[A-Z_]{2,32}$")
    actor: list[str] | None = Field(None, max_length=20)
    recipient: list[str] | None = Field(None, max_length=20)
    date: IsoDate | None = None
    modality: str | None = Field(None, pattern=r"^[a-z_]{2,32}$")
    mode: str | None = Field(None, max_length=64)
    place: str | None = Field(None, max_length=200)
    kb_id: str | None = Field(None, max_length=64)
    name: str | None = Field(None, max_length=200)
    split: StrictBool | None = None
    author: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def added_event_has_a_type(self) -> CorrectionIn:
        if self.kind == "event" and self.action == "add" and not self.type:
            raise ValueError("adding an event needs its `type`")
        return self

    def fields(self) -> dict[str, Any]:
        values = self.model_dump(exclude={"article_id", "kind", "action", "start", "end", "author", "quote_kind"})
        values["kind"] = self.quote_kind
        values["date"] = self.date.isoformat() if self.date else None
        return values


class CorrectionOut(BaseModel):
    id: int | None
    article_id: str
    kind: str
    action: str
    start: int
    end: int
    fields: dict[str, Any]
    author: str | None = None


@router.get("/events", summary="Events in the world, latest first, each with every article that reported it as `sources`")
@router.get("/instances", summary="The same as /api/events (events in the world with their sources)")
def list_instances(
    store: StoreDep, page: PageDep, filters: EventsDep,
    through_groups: Annotated[bool, Query(
        description="A country also takes part through groups it was in then.")] = False,
) -> PageOut[InstanceOut]:
    wanted = filters.query()
    rows = partial(queries.instances, store, involving=wanted.pop("participant"), through_groups=through_groups,
                   **wanted)
    return paged(rows, page)


@router.get("/instances/timeline", summary="Event instances (not reports) per period and type, oldest first")
def instances_timeline(
    store: StoreDep, filters: EventsDep, granularity: Annotated[Literal["day", "month", "year"], Query()] = "month",
) -> list[dict[str, Any]]:
    wanted = filters.query()
    return queries.instance_timeline(store, granularity=granularity, involving=wanted.pop("participant"), **wanted)


@router.get("/instances/network", summary="Who acted on whom, each event instance counted once")
def instances_network(store: StoreDep, filters: EventsDep,
                      min_weight: Annotated[int, Query(ge=1, le=1000)] = 1) -> dict[str, list[dict[str, Any]]]:
    wanted = filters.query()
    return network.instance_network(store, min_weight=min_weight, involving=wanted.pop("participant"), **wanted)


@router.get("/groups/{group}/members", summary="A group's members, with the dates they belonged")
def group_members(
    store: StoreDep, group: Annotated[str, Path(pattern=NAME, description="Group: store id, KB id or name.")],
    on: Annotated[IsoDate | None, Query(description="Only members on this day.")] = None,
) -> list[MemberOut]:
    return groups.members(store, group, on=on.isoformat() if on else None)


@router.get("/corrections", summary="Corrections, oldest first")
def list_corrections(store: StoreDep, article_id: Annotated[str | None, Query(max_length=64)] = None,
                     ) -> list[CorrectionOut]:
    return corrections.corrections_list(store, article_id)


@router.post(
    "/corrections", status_code=201, dependencies=[WriteAccess],
    summary="Correct a fact of a stored article (needs the server's token); it outlasts re-analysis",
    responses={**WRITE_RESPONSES, 404: {"description": "No article has this id"},
               409: {"description": "The span is not a stretch of the article's text"}},
)
def post_correction(store: StoreDep, correction: Annotated[CorrectionIn, Body()]) -> CorrectionOut:
    c = correction
    try:
        made = corrections.correct(store, c.article_id, c.kind, c.action, c.start, c.end, author=c.author,
                                   **c.fields())
    except KeyError as error:
        raise ApiError(404, str(error.args[0])) from None
    except ValueError as error:  # what the schema cannot say: the span must fit the stored article's text
        raise ApiError(409, str(error)) from None
    return made.to_json()
