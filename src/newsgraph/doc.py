"""The document model: one immutable article whose annotations are character offsets.

Every stage reads an `Article` and returns a new one with a layer added
(`doc.with_layer("quotes", quotes)`). Layers refer to each other by ids
(`Entity.mentions` holds mention ids, `Quote.speaker` an entity id), never by
object references, so an article serialises to JSON and back without loss.
This module imports nothing from the rest of the package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Any

COARSE_TYPES = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "GROUP": "ORG",
    "LOC": "LOC",
    "COUNTRY": "LOC",
    "CITY": "LOC",
    "STATE_OR_PROVINCE": "LOC",
    "DISTRICT": "LOC",
    "LOCATION": "LOC",
}


def coarse_type(label: str) -> str:
    """PER, ORG or LOC for any finer entity label (docs/format.md lists them)."""
    return COARSE_TYPES.get(label, label)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@lru_cache(maxsize=4096)
def parse_feats(feats: str) -> dict[str, str]:
    """`Case=Nom|Number=Sing` as a dict, split once per distinct string: tokens share a few hundred.

    The first value wins if a name repeats. Callers must not change the dict (it is cached).
    """
    parsed: dict[str, str] = {}
    for pair in feats.split("|") if feats else ():
        key, _, value = pair.partition("=")
        parsed.setdefault(key, value)
    return parsed


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its morphology and, when the sentence was parsed, its syntax.

    `head` is the index of the head token in `Article.tokens` (-1 for the root),
    `None` when syntax was not needed for this sentence.
    """

    start: int
    end: int
    sentence: int
    lemma: str = ""
    pos: str = ""
    feats: str = ""
    head: int | None = None
    rel: str = ""

    def feat(self, name: str) -> str | None:
        return parse_feats(self.feats).get(name)


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    start: int
    end: int
    type: str
    source: str = "ner"
    normal: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name: str
    mentions: tuple[str, ...]
    kb_id: str | None = None
    anonymous: bool = False
    confidence: float | None = None
    principal: str | None = None  # a collective speaker's principal (entity id): пресс-служба → Макрон


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    via: str | None = None  # entity id of the medium or source that relayed the words
    cue_start: int | None = None
    cue_end: int | None = None
    source: str = ""
    via_name: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    trigger: Trigger
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    mode: str | None = None
    modality: str = "asserted"
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    place: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that a stage could not process; recorded, never dropped."""

    article_id: str
    stage: str
    error: str


LAYERS = ("sentences", "tokens", "mentions", "entities", "quotes", "events")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str | None = "ru"
    author: str | None = None
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    layers: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def create(cls, text: str, *, id: str | None = None, **meta: Any) -> Article:
        """An unannotated article; its id defaults to a hash of its url or text."""
        if not isinstance(text, str):
            raise TypeError(f"article text must be str, got {type(text).__name__}")
        published = meta.pop("published", None)
        return cls(
            id=id or article_id(text, meta.get("url")),
            text=text,
            published=parse_date(published),
            **meta,
        )

    def with_layer(self, name: str, values: Any, *, marks: str | None = None) -> Article:
        """A copy with layer `name` replaced; `marks` names the analysis added (e.g. "morph" on tokens)."""
        if name not in LAYERS:
            raise ValueError(f"unknown layer {name!r}, expected one of {LAYERS}")
        done = {name, marks} if marks else {name}
        return replace(self, **{name: tuple(values)}, layers=self.layers | done)

    def span_text(self, span: Any) -> str:
        return self.text[span.start : span.end]

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def mention(self, mention_id: str) -> Mention | None:
        return next((m for m in self.mentions if m.id == mention_id), None)

    def to_json(self) -> dict[str, Any]:
        return article_to_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return article_from_json(data)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


def article_id(text: str, url: str | None = None) -> str:
    """A content key: the same url (or, without one, the same text) gives the same id."""
    key = f"url:{url}" if url else f"text:{text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise TypeError(f"published must be a date or ISO string, got {type(value).__name__}")


def _plain(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def article_to_json(doc: Article) -> dict[str, Any]:
    """The JSON contract of docs/format.md; every span also carries its text."""
    clustered = {m for e in doc.entities for m in e.mentions}
    by_id = {m.id: m for m in doc.mentions}

    def mention_json(m: Mention) -> dict[str, Any]:
        return {**_plain(m), "text": doc.span_text(m)}

    data: dict[str, Any] = {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language,
        "author": doc.author,
        "entities": [
            {**_plain(e), "mentions": [mention_json(by_id[m]) for m in e.mentions]}
            for e in doc.entities
        ],
        "quotes": [
            {**_plain(q), "text": doc.span_text(q)} for q in doc.quotes
        ],
        "events": [
            {
                **_plain(ev),
                "actor": list(ev.actor),
                "recipient": list(ev.recipient),
                "trigger": {**_plain(ev.trigger), "text": doc.span_text(ev.trigger)},
            }
            for ev in doc.events
        ],
        "mentions": [mention_json(m) for m in doc.mentions if m.id not in clustered],
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "tokens": [_plain(t) for t in doc.tokens],
        "layers": sorted(doc.layers),
    }
    return data


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def article_from_json(data: dict[str, Any]) -> Article:
    if not isinstance(data, dict):
        raise TypeError(f"article JSON must be an object, got {type(data).__name__}")
    if not isinstance(data.get("text"), str):
        raise ValueError("article JSON needs a string field 'text'")
    mentions = [_build(Mention, m) for e in data.get("entities", []) for m in e["mentions"]]
    mentions += [_build(Mention, m) for m in data.get("mentions", [])]
    mentions.sort(key=lambda m: (m.start, m.end, m.id))
    entities = [
        _build(Entity, {**e, "mentions": tuple(m["id"] for m in e["mentions"])})
        for e in data.get("entities", [])
    ]
    events = [
        _build(
            Event,
            {
                **ev,
                "trigger": _build(Trigger, ev["trigger"]),
                "actor": tuple(ev.get("actor", ())),
                "recipient": tuple(ev.get("recipient", ())),
            },
        )
        for ev in data.get("events", [])
    ]
    layers = data.get("layers")
    return Article(
        id=data.get("id") or article_id(data["text"], data.get("url")),
        text=data["text"],
        title=data.get("title"),
        url=data.get("url"),
        source=data.get("source"),
        published=parse_date(data.get("published")),
        language=data.get("language", "ru"),
        author=data.get("author"),
        sentences=tuple(Sentence(s, e) for s, e in data.get("sentences", [])),
        tokens=tuple(_build(Token, t) for t in data.get("tokens", [])),
        mentions=tuple(mentions),
        entities=tuple(entities),
        quotes=tuple(_build(Quote, q) for q in data.get("quotes", [])),
        events=tuple(events),
        layers=frozenset(layers if layers is not None else ()),
    )
