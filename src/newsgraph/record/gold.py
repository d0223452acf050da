"""Corrected articles as gold data, in the formats `newsgraph evaluate quotes|events` read.

An article a person corrected is exported whole, as stored: its machine facts with every
correction applied, so scoring a newer pipeline against it shows what the corrections
changed (docs/record.md). Names stand for entities, as the gold formats want.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..doc import Article
from ..store.db import Store
from ..store.schema import articles, corrections


def corrected_articles(store: Store) -> list[Article]:
    corrected = select(corrections.c.article_id).distinct()
    with store.read() as conn:
        rows = conn.execute(select(articles.c.record).where(articles.c.id.in_(corrected)).order_by(articles.c.id))
        return [Article.from_json(json.loads(r.record)) for r in rows]


def name_of(doc: Article, entity_id: str | None, fallback: str | None = None) -> str | None:
    entity = doc.entity(entity_id) if entity_id else None
    return entity.name if entity else fallback


def header(doc: Article) -> dict[str, Any]:
    return {"id": doc.id, "published": doc.published.isoformat() if doc.published else None,
            "title": doc.title, "text": doc.text}


def quote_gold(doc: Article) -> dict[str, Any]:
    return {**header(doc), "quotes": [
        {"start": q.start, "end": q.end, "text": doc.span_text(q), "kind": q.kind,
         "speaker": name_of(doc, q.speaker, q.speaker_name), "via": q.via_name or q.via}
        for q in doc.quotes
    ]}


def event_gold(doc: Article) -> dict[str, Any]:
    return {**header(doc), "events": [
        {"type": e.type, "mode": e.mode,
         "trigger": {"start": e.trigger.start, "end": e.trigger.end, "text": doc.span_text(e.trigger)},
         "actor": [name_of(doc, a) for a in e.actor if name_of(doc, a)],
         "recipient": [name_of(doc, r) for r in e.recipient if name_of(doc, r)],
         "modality": e.modality, "date": e.date, "place": name_of(doc, e.place)}
        for e in doc.events
    ]}


def export_gold(store: Store, what: str, path: Path) -> int:
    """Write one gold line per corrected article; returns how many."""
    line = {"quotes": quote_gold, "events": event_gold}[what]
    docs = corrected_articles(store)
    with Path(path).open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(line(doc), ensure_ascii=False) + "\n")
    return len(docs)
