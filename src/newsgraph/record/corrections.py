"""Corrections: what a person fixed, kept apart from machine output and re-applied after every analysis.

A correction names an article, a span (a quote, an event's trigger, an entity's mention)
and a hash of the text it covers. When the article is analysed again, `apply_corrections`
finds the span again (by the hash, nearest the old offsets, if the text shifted) and
applies the correction to the fresh machine output before it is stored, so a newer model
never undoes a person's work. Facts a person added, fixed or confirmed carry
`source="person"`; `origin` tells the two kinds of fact apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select

from ..doc import Article
from ..store.schema import corrections

KINDS = ("quote", "event", "entity")
ACTIONS = ("wrong", "fix", "add", "confirm")
PERSON = "person"


def origin(source: str | None) -> str:
    """`person` for a fact a person added, fixed or confirmed, else `machine`."""
    return PERSON if (source or "").startswith(PERSON) else "machine"


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Correction:
    article_id: str
    kind: str
    action: str
    start: int
    end: int
    text_hash: str
    fields: dict[str, Any] = field(default_factory=dict)
    author: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"correction kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if self.action not in ACTIONS:
            raise ValueError(f"correction action must be one of {', '.join(ACTIONS)}, got {self.action!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"a correction needs 0 <= start < end, got {self.start}..{self.end}")
        if self.kind == "event" and self.action == "add" and not self.fields.get("type"):
            raise ValueError("adding an event needs its type")

    @classmethod
    def on(cls, doc: Article, kind: str, action: str, start: int, end: int, /, author: str | None = None,
           **fields: Any) -> Correction:
        """A correction of the span `start:end` of `doc` (which must lie inside its text)."""
        if end > len(doc.text):
            raise ValueError(f"span {start}..{end} is outside article {doc.id} ({len(doc.text)} characters)")
        kept = {k: v for k, v in fields.items() if v is not None}
        return cls(doc.id, kind, action, start, end, text_hash(doc.text[start:end]), kept, author)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "kind": self.kind, "action": self.action,
                "start": self.start, "end": self.end, "fields": self.fields, "author": self.author}


def anchor(correction: Correction, text: str) -> tuple[int, int] | None:
    """Where the corrected span is in `text`: where it was, else the same text nearest to there."""
    length = correction.end - correction.start
    if text_hash(text[correction.start:correction.end]) == correction.text_hash:
        return correction.start, correction.end
    places = [i for i in range(len(text) - length + 1) if text_hash(text[i:i + length]) == correction.text_hash]
    if not places:
        return None
    best = min(places, key=lambda i: (abs(i - correction.start), i))
    return best, best + length


def save_correction(conn: Connection, correction: Correction) -> int:
    values = {
        "article_id": correction.article_id, "kind": correction.kind, "action": correction.action,
        "start_char": correction.start, "end_char": correction.end, "text_hash": correction.text_hash,
        "fields": json.dumps(correction.fields, ensure_ascii=False), "author": correction.author,
        "created_at": dt.datetime.now(dt.timezone.utc),
    }
    return conn.execute(insert(corrections).values(values).returning(corrections.c.id)).scalar_one()


def load_corrections(conn: Connection, article_id: str | None = None) -> list[Correction]:
    c = corrections.c
    query = select(corrections).order_by(c.id)
    if article_id is not None:
        query = query.where(c.article_id == article_id)
    return [
        Correction(r.article_id, r.kind, r.action, r.start_char, r.end_char, r.text_hash,
                   json.loads(r.fields), r.author, r.id)
        for r in conn.execute(query)
    ]
