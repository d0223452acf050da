"""/api/graph: the actor network, entities as nodes, events and co-mentions as weighted edges."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from ...store import queries
from ..deps import NAME, DatesDep, StoreDep
from ..reads import interactions
from ..schemas import EntityRef

router = APIRouter(tags=["graph"])


class NodeOut(EntityRef):
    articles: int = Field(description="Articles mentioning the entity in the period.")


class Interaction(BaseModel):
    actor: str
    recipient: str = Field(description="With `together`, the other actor.")
    type: str
    count: int
    quad: str | None = Field(None, description="PLOVER quad category of the type: verbal or material cooperation or conflict.")
    together: bool = Field(False, description="Both were actors of the same events (a meeting, a call, a joint statement).")


class EdgeOut(BaseModel):
    source: str
    target: str
    weight: int = Field(description="events + co_mentions")
    events: int
    co_mentions: int = Field(description="Articles mentioning both.")
    quad: str | None = Field(None, description="The PLOVER quad category with most of the edge's events; null for co-mentions only.")
    interactions: list[Interaction] = Field(description="The events on the edge by direction and type.")


class GraphOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


@router.get("/graph", summary="Who acted on whom: entities joined by their events (optionally also by co-mentions)")
def graph(
    store: StoreDep, dates: DatesDep,
    type: Annotated[str | None, Query(pattern=r"^[A-Z_]{2,32}$", description="Count only events of this PLOVER type.")] = None,
    entity: Annotated[str | None, Query(pattern=NAME, description="Centre on this entity (id, KB id or name): its events, or with co-mentions the entities mentioned with it.")] = None,
    nodes: Annotated[int, Query(ge=1, le=300, description="At most this many entities (the heaviest edges first).")] = 60,
    min_weight: Annotated[int, Query(ge=1, le=100_000, description="Drop edges lighter than this.")] = 1,
    events_only: Annotated[bool, Query(description="Only who acted on whom (fast); false adds the co-mention edges.")] = True,
) -> GraphOut:
    if events_only:
        return interactions(store, nodes=nodes, min_weight=min_weight, type=type, participant=entity,
                            since=dates.since, until=dates.until)
    return queries.graph(store, since=dates.since, until=dates.until, type=type, entity=entity, nodes=nodes, min_weight=min_weight)
