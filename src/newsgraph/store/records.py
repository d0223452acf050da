"""An analysed article as table rows: the one place that maps the document model onto the schema.

Entities get ids that hold across articles (the KB id, else type and normalized name), and
facts get ids derived from their article and position, so storing an article twice writes
the same rows.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..doc import Article, Entity, coarse_type
from ..stages.entities import name_key


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def entity_key(entity: Entity) -> str:
    """One row per KB id; an unlinked entity is one row per (type, normalized name)."""
    if entity.kb_id:
        return entity.kb_id
    return f"{coarse_type(entity.type)}:{name_key(entity.name)}"


def parse_day(value: str | None) -> dt.date | None:
    """The first day of an ISO date, month (`2025-07`) or year (`2025`); None if it is not one."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return dt.date(*numbers[:3])
    except (ValueError, TypeError):
        return None


@dataclass
class Rows:
    """Everything one article writes, table by table."""

    article: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    article_entities: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_actors: list[dict[str, Any]] = field(default_factory=list)


class Sentences:
    """The sentence around a span, found by bisecting the sorted sentence starts."""

    def __init__(self, doc: Article):
        self.doc = doc
        self.starts = [s.start for s in doc.sentences]

    def around(self, start: int, end: int) -> dict[str, int | None]:
        if not self.starts:
            return {"sentence_start": None, "sentence_end": None}
        first = self.doc.sentences[max(bisect.bisect_right(self.starts, start) - 1, 0)]
        last = self.doc.sentences[max(bisect.bisect_right(self.starts, max(end - 1, start)) - 1, 0)]
        return {"sentence_start": first.start, "sentence_end": max(first.end, last.end)}


def article_row(doc: Article, analysed: bool) -> dict[str, Any]:
    return {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "content_hash": content_hash(doc.text),
        "analysed": analysed,
        "text": doc.text,
        "record": json.dumps(doc.to_json(), ensure_ascii=False),
        "ingested_at": dt.datetime.now(dt.timezone.utc),
    }


def article_rows(doc: Article, analysed: bool = True) -> Rows:
    rows = Rows(article_row(doc, analysed))
    keys = {e.id: entity_key(e) for e in doc.entities}
    entities = {}
    for e in doc.entities:
        entities.setdefault(keys[e.id], {"id": keys[e.id], "kb_id": e.kb_id, "name": e.name, "name_key": name_key(e.name), "type": coarse_type(e.type)})
    rows.entities = list(entities.values())
    mention_entity = {m: keys[e.id] for e in doc.entities for m in e.mentions}
    sentences = Sentences(doc)
    counts: dict[str, int] = {}
    for m in doc.mentions:
        entity = mention_entity.get(m.id)
        if entity:
            counts[entity] = counts.get(entity, 0) + 1
        rows.mentions.append({
            "id": f"{doc.id}/{m.id}", "article_id": doc.id, "entity_id": entity,
            "start_char": m.start, "end_char": m.end, "text": doc.span_text(m), "type": m.type,
            "normal": m.normal, "source": m.source, "kind": m.kind, **sentences.around(m.start, m.end),
        })
    rows.article_entities = [
        {"article_id": doc.id, "entity_id": k, "mentions": n, "published": doc.published} for k, n in counts.items()
    ]
    rows.quotes = [quote_row(doc, q, keys, sentences) for q in doc.quotes]
    for number, ev in enumerate(doc.events):
        row = event_row(doc, ev, f"{doc.id}/ev{number}", keys, sentences)
        rows.events.append(row)
        for role, ids in (("actor", ev.actor), ("recipient", ev.recipient)):
            for entity in dict.fromkeys(keys[i] for i in ids if i in keys):
                rows.event_actors.append({"event_id": row["id"], "entity_id": entity, "role": role})
    return rows


def quote_row(doc: Article, q, keys: dict[str, str], sentences: Sentences) -> dict[str, Any]:
    return {
        "id": f"{doc.id}/q{q.start}-{q.end}", "article_id": doc.id, "start_char": q.start, "end_char": q.end,
        "text": doc.span_text(q), "kind": q.kind, "speaker_id": keys.get(q.speaker or ""),
        "speaker_name": q.speaker_name, "cue": q.cue, "via": q.via_name or q.via, "cue_start": q.cue_start,
        "cue_end": q.cue_end, "source": q.source, "published": doc.published, **sentences.around(q.start, q.end),
    }


def event_row(doc: Article, ev, event_id: str, keys: dict[str, str], sentences: Sentences) -> dict[str, Any]:
    place = doc.entity(ev.place) if ev.place else None
    return {
        "id": event_id, "article_id": doc.id, "type": ev.type, "mode": ev.mode, "modality": ev.modality,
        "date": ev.date, "date_text": ev.date_text, "date_precision": ev.date_precision,
        "day": parse_day(ev.date) or doc.published,
        "place_id": keys.get(place.id) if place else None,
        "place_name": place.name if place else ev.place,
        "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
        "trigger_text": doc.span_text(ev.trigger), "source": ev.source,
        **sentences.around(ev.trigger.start, ev.trigger.end),
    }
