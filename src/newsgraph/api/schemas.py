"""What the API returns (`…Out`) and accepts (`ArticleIn`): Pydantic only at the edge.

The shapes are those of the store's query functions (`newsgraph.store.queries`), so the
JSON of `/api/…` and of `newsgraph … --json` agree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, model_validator

T = TypeVar("T")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Only white space, in Python's sense (str.isspace), which includes \x1c-\x1f.
BLANK = r"^[\s\x1c-\x1f]*$"


def iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD text is a date: pydantic alone reads `0` or 20250501 as seconds since 1970."""
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError(f"expected a date as text, YYYY-MM-DD, got {type(value).__name__} {value!r}")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(iso_date)]


def json_integer(value: Any) -> Any:
    """A JSON number only: pydantic alone reads "5" and true as integers, which the schema says they are not."""
    if isinstance(value, (str, bool)):
        raise ValueError(f"expected an integer, got {type(value).__name__} {value!r}")
    return value


JsonInt = Annotated[int, BeforeValidator(json_integer)]


class PageOut(BaseModel, Generic[T]):
    """One page of a list; `more` says whether a next page (offset + limit) has items."""

    items: list[T]
    limit: int
    offset: int
    more: bool


class EntityRef(BaseModel):
    id: str = Field(description="Store id: the KB id, else TYPE:normalized name.")
    name: str
    type: str
    kb_id: str | None = None


class Passage(BaseModel):
    """A stretch of an article's text, by character offsets (end exclusive)."""

    start: int | None
    end: int | None
    text: str | None


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    headline: str | None = Field(None, description="The title, or for an untitled article its first words.")
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None


class ArticleSummaryOut(ArticleRef):
    author: str | None = None
    language: str | None = None
    analysed: bool = True
    story_id: str | None = None
    snippet: str | None = Field(None, description="For search results: the match in context, [marked] like this.")


class ArticleOut(ArticleSummaryOut):
    text: str
    record: dict[str, Any] = Field(description="The full analysis in the JSON format of `newsgraph analyze --json`.")
    entity_ids: dict[str, str] = Field(description="Store entity id of each entity id in `record`.")


class QuoteOut(BaseModel):
    id: str
    article_id: str
    text: str
    kind: str | None = None
    speaker: EntityRef | None = None
    speaker_name: str | None = None
    cue: str | None = None
    via: str | None = None
    start: int
    end: int
    source: str | None = None
    sentence: Passage
    article: ArticleRef


class PlaceOut(BaseModel):
    id: str | None = None
    name: str | None = None


class EventOut(BaseModel):
    id: str
    article_id: str
    type: str
    mode: str | None = None
    modality: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    day: dt.date | None = Field(None, description="The event's day, else its article's publication day.")
    actors: list[EntityRef] = []
    recipients: list[EntityRef] = []
    place: PlaceOut | None = None
    trigger: Passage
    sentence: Passage = Field(description="The sentence that states the event.")
    source: str | None = None
    article: ArticleRef


class EntityOut(EntityRef):
    articles: int = Field(description="Articles mentioning the entity.")
    mentions: int


class PeriodCount(BaseModel):
    period: str
    articles: int
    mentions: int


class CoOccurring(EntityRef):
    articles: int = Field(description="Articles mentioning both.")


class EntityProfileOut(BaseModel):
    entity: EntityOut
    others: list[EntityOut] = Field(description="Other entities the name could mean.")
    facts: dict[str, list[str]] = Field({}, description="What the knowledge base says about the entity, by label.")
    mentions_over_time: list[PeriodCount]
    quotes: list[QuoteOut]
    events_as_actor: list[EventOut]
    events_as_recipient: list[EventOut]
    co_occurring: list[CoOccurring]


class SearchOut(BaseModel):
    query: str
    articles: list[ArticleSummaryOut]
    quotes: list[QuoteOut]
    limit: int
    offset: int


class TimelineBucket(BaseModel):
    period: str
    events: int
    types: dict[str, int] = Field(description="Events in the period per PLOVER type.")


class ArticleIn(BaseModel):
    """An article to analyse and store: its text, or a URL to fetch it from.

    The schema says what validation checks (a `text` with words, or an http(s) `url`), so a
    client generating requests from it never sends a body that is then refused.
    """

    model_config = ConfigDict(json_schema_extra={"anyOf": [
        {"required": ["text"], "properties": {"text": {"type": "string"}}},
        {"required": ["url"], "properties": {"url": {"type": "string"}}},
    ]})

    text: str | None = Field(None, min_length=1, max_length=200_000,
                             json_schema_extra={"not": {"type": "string", "pattern": BLANK}},
                             description="The article's text (plain, UTF-8), with at least one letter that is not white space.")
    url: HttpUrl | None = Field(None, json_schema_extra={"pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"},
                                description="Where the article lives; fetched and extracted when no text is given.")
    title: str | None = Field(None, max_length=500, description="Its headline.")
    source: str | None = Field(None, max_length=200, description="The outlet that published it.")
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD: relative dates in the text count from it.")

    @model_validator(mode="after")
    def text_or_url(self) -> ArticleIn:
        if self.text is not None and re.match(BLANK, self.text):
            raise ValueError("`text` holds only whitespace: give the article's words")
        if not self.text and not self.url:
            raise ValueError("give the article `text`, or a `url` to fetch it from")
        return self
