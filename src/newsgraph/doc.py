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


_set_start, _set_end, _set_sentence, _set_lemma, _set_pos, _set_feats, _set_head, _set_rel = (
    Token.__dict__[f.name].__set__ for f in fields(Token)
)


def make_token(start: int, end: int, sentence: int, lemma: str = "", pos: str = "", feats: str = "",
               head: int | None = None, rel: str = "") -> Token:
    """`Token(...)` at half the cost: a frozen dataclass's `__init__` calls `object.__setattr__` once per field, and
    the segment, morph and syntax stages each build a token for every word of every article."""
    token = object.__new__(Token)
    _set_start(token, start)
    _set_end(token, end)
    _set_sentence(token, sentence)
    _set_lemma(token, lemma)
    _set_pos(token, pos)
    _set_feats(token, feats)
    _set_head(token, head)
    _set_rel(token, rel)
    return token


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    start: int
    end: int
    type: str
    source: str = "ner"
    normal: str = ""
    kind: str = "name"  # name, title, description, adjective, pronoun or common (docs/format.md)


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
    """An article that a stage could not process; recorded, never dropped.

    A file name that is not UTF-8 reaches Python as lone surrogates, which no database or
    terminal accepts; they are shown as `\\xe9` escapes here, so recording the failure of
    such a file cannot itself fail and end the batch.
    """

    article_id: str
    stage: str
    error: str

    def __post_init__(self) -> None:
        for name in ("article_id", "stage", "error"):
            object.__setattr__(self, name, printable(str(getattr(self, name))))


def printable(text: str) -> str:
    """`text` with lone surrogates (undecodable file-name bytes, JSON `\\ud800`) as backslash escapes."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


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
        return by_id(self.entities).get(entity_id)

    def mention(self, mention_id: str) -> Mention | None:
        return by_id(self.mentions).get(mention_id)

    def to_json(self) -> dict[str, Any]:
        return article_to_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return article_from_json(data)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


_BY_ID: dict[int, tuple[tuple, dict]] = {}
_BY_ID_LIMIT = 256


def by_id(items: tuple) -> dict:
    """A layer's items by id (the first of a repeated id wins), built once per layer tuple.

    Rules look mentions and entities up by id once per mention, quote and event; a scan each time made
    an article's cost grow with the square of its length. The key is the tuple's identity, and the
    tuple is kept beside its dict, so a key is never reused while it is cached.
    """
    if not isinstance(items, tuple):  # a list could change under its cached dict
        return {item.id: item for item in reversed(items)}
    cached = _BY_ID.get(id(items))
    if cached is None or cached[0] is not items:
        if len(_BY_ID) >= _BY_ID_LIMIT:
            _BY_ID.clear()
        found: dict = {}
        for item in items:
            found.setdefault(item.id, item)
        cached = _BY_ID[id(items)] = (items, found)
    return cached[1]


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
                "date": date_as_fixed(ev.date, ev.date_precision),
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


def date_as_fixed(day: str | None, precision: str | None) -> str | None:
    """An event's date in JSON as far as the text fixed it (ANNOTATION.md): `2016-11` for a month,
    `2017` for a year; in memory it stays a full day, the first of that month or year."""
    if day is None:
        return None
    return day[:7] if precision == "month" else day[:4] if precision == "year" else day


def full_day(date: str | None) -> str | None:
    """The in-memory day of a JSON date: `2016-11` → `2016-11-01`, `2017` → `2017-01-01`."""
    if not date or len(date) >= 10:
        return date
    return date + "-01-01"[len(date) - 4:]


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
                "date": full_day(ev.get("date")),
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
