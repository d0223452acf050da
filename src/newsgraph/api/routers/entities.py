"""/api/entities: people, organisations and places, and each one's profile."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from ...store import queries
from ..deps import NAME, DatesDep, PageDep, StoreDep, paged
from ..errors import ApiError
from ..facts import kb_facts
from ..schemas import EntityOut, EntityProfileOut, PageOut

router = APIRouter(tags=["entities"])
EntityType = Annotated[Literal["PER", "ORG", "LOC"] | None, Query(description="PER, ORG or LOC.")]
EntityId = Annotated[str, Path(max_length=200, description="Store id (KB id, else TYPE:name), a KB id, or a name.")]
Name = Annotated[str | None, Query(pattern=NAME, description="A part of the name.")]


@router.get("/entities", summary="Entities, most mentioned first")
def list_entities(store: StoreDep, page: PageDep, dates: DatesDep, q: Name = None, type: EntityType = None) -> PageOut[EntityOut]:
    return paged(partial(queries.entities_list, store, name=q, type=type, since=dates.since, until=dates.until), page)


@router.get("/entities/{entity_id:path}", summary="An entity's profile: mentions over time, quotes, events both ways, company",
            responses={404: {"description": "No entity has this id or name"}})
def get_entity(store: StoreDep, entity_id: EntityId, dates: DatesDep) -> EntityProfileOut:
    return entity_profile(store, entity_id, dates.since, dates.until)


def entity_profile(store: Any, entity_id: str, since=None, until=None) -> dict[str, Any]:
    profile = queries.entity_profile(store, entity_id, since=since, until=until) if entity_id.strip() else None
    if profile is None:
        raise ApiError(404, f"no entity {entity_id!r}")
    return {**profile, "facts": kb_facts(profile["entity"]["kb_id"])}
