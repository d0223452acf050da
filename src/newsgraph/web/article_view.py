"""The extracted record shown beside an article's text, with each entity's store id for links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..doc import Article
from .highlight import article_marks, event_anchor, highlight, quote_anchor


@dataclass(frozen=True)
class Side:
    """An entity as the record shows it: its name and, when stored, the id of its page."""

    id: str | None
    name: str
    type: str = ""
    kb_id: str | None = None


def article_view(found: dict[str, Any]) -> dict[str, Any]:
    """Template context for one article: highlighted text, and its entities, quotes and events."""
    doc = Article.from_json(found["record"])
    ids = found["entity_ids"]
    sides = {e.id: Side(ids.get(e.id), e.name, e.type, e.kb_id) for e in doc.entities}

    def side(entity_id: str | None, fallback: str | None = None) -> Side:
        return sides.get(entity_id or "") or Side(None, fallback or "unknown")

    return {
        "article": found,
        "body": highlight(doc.text, article_marks(doc)),
        "entities": [
            {"key": e.id, "side": sides[e.id], "count": len(e.mentions)} for e in sorted(doc.entities, key=lambda e: -len(e.mentions))
        ],
        "quotes": [
            {"anchor": quote_anchor(q), "speaker": side(q.speaker, q.speaker_name), "cue": q.cue, "text": doc.span_text(q), "kind": q.kind}
            for q in doc.quotes
        ],
        "events": [
            {
                "anchor": event_anchor(n), "type": ev.type, "mode": ev.mode, "modality": ev.modality,
                "date": ev.date or ev.date_text, "place": side(ev.place).name if ev.place in sides else ev.place,
                "trigger": doc.span_text(ev.trigger),
                "actors": [side(a) for a in ev.actor], "recipients": [side(r) for r in ev.recipient],
            }
            for n, ev in enumerate(doc.events)
        ],
    }
