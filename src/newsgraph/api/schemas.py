"""What the API returns (`…Out`) and accepts (`ArticleIn`): Pydantic only at the edge."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, Field, HttpUrl, model_validator

T = TypeVar("T")


class PageOut(BaseModel, Generic[T]):
    """One page of a list; `total` is given when counting is cheap."""

    items: list[T]
    limit: int
    offset: int
    total: int | None = None


class EntityRef(BaseModel):
    id: str | None = Field(description="Store id of the entity (None when unresolved).")
    name: str
    type: str | None = None
    kb_id: str | None = None


class ArticleSummaryOut(BaseModel):
    id: str
    title: str | None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    snippet: str | None = Field(None, description="A passage around the match, for search results.")


class QuoteOut(BaseModel):
    id: str
    article_id: str
    article_title: str | None = None
    published: dt.date | None = None
    anchor: str = Field(description="The fragment naming this quote in its article page (/articles/ID#ANCHOR).")
    text: str
    kind: str | None = None
    cue: str | None = None
    speaker_id: str | None = None
    speaker_name: str | None = None
    start: int
    end: int


class EventOut(BaseModel):
    id: str
    article_id: str
    article_title: str | None = None
    anchor: str = Field(description="The fragment naming this event in its article page (/articles/ID#ANCHOR).")
    type: str
    mode: str | None = None
    modality: str | None = None
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    trigger: str
    sentence: str = Field(description="The sentence that states the event.")
    actors: list[EntityRef] = []
    recipients: list[EntityRef] = []
    start: int
    end: int


class EntityOut(BaseModel):
    id: str
    name: str
    type: str
    kb_id: str | None = None
    mentions: int | None = None
    articles: int | None = None


class CountOut(BaseModel):
    period: str
    count: int


class PartnerOut(BaseModel):
    entity: EntityRef
    count: int


class EntityProfileOut(EntityOut):
    facts: dict[str, str] = Field({}, description="What the knowledge base says about the entity.")
    mentions_over_time: list[CountOut] = []
    quotes: list[QuoteOut] = []
    events_as_actor: list[EventOut] = []
    events_as_recipient: list[EventOut] = []
    interacts_with: list[PartnerOut] = []


class ArticleEntityOut(BaseModel):
    key: str = Field(description="The entity's id inside this article (as in the analysis JSON).")
    entity: EntityRef
    mentions: list[tuple[int, int]]


class ArticleOut(ArticleSummaryOut):
    text: str
    entities: list[ArticleEntityOut] = []
    quotes: list[QuoteOut] = []
    events: list[EventOut] = []


class SearchOut(BaseModel):
    query: str
    articles: PageOut[ArticleSummaryOut]
    quotes: PageOut[QuoteOut]


class TimelineOut(BaseModel):
    counts: list[CountOut] = Field(description="Events per period, oldest first.")
    events: PageOut[EventOut]


class NodeOut(BaseModel):
    id: str
    name: str
    type: str | None = None
    weight: int


class EdgeOut(BaseModel):
    source: str
    target: str
    weight: int
    types: dict[str, int] = Field(description="Events on this edge per PLOVER type.")


class GraphOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class ArticleIn(BaseModel):
    """An article to analyse and store: its text, or a URL to fetch it from."""

    text: str | None = Field(None, min_length=1, max_length=200_000)
    url: HttpUrl | None = None
    title: str | None = Field(None, max_length=500)
    source: str | None = Field(None, max_length=200)
    published: dt.date | None = None

    @model_validator(mode="after")
    def text_or_url(self) -> ArticleIn:
        if not self.text and not self.url:
            raise ValueError("give the article `text`, or a `url` to fetch it from")
        return self
