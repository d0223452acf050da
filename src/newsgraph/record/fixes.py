"""Applying one correction to an analysed article: small functions, one per kind of fact.

Every function is idempotent (applying a correction to an article it was already applied to
changes nothing), because the stored record is corrected and may be corrected again.
A correction finds its fact by span: a quote overlapping it by half, an event whose trigger
overlaps it, the mention at it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from ..doc import Article, Entity, Event, Mention, Quote, Trigger
from ..stages.entities import name_key
from ..store.filters import QID
from ..store.write import existing_article, save_article
from .corrections import PERSON, Correction, anchor, load_corrections
from .groups import kb_name


def save_corrected(conn: Connection, doc: Article, analysed: bool = True) -> str:
    """Store the article with every correction of it applied; returns the stored id.

    `ingest`, `watch`, the API's POST and `correct` write through here, so a person's
    corrections outlast every re-analysis (docs/record.md). Corrections are kept under the stored article's id,
    which a new version (same url or text, another id) takes over when it is saved.
    """
    stored_id = existing_article(conn, doc) or doc.id
    corrected = apply_corrections(conn, replace(doc, id=stored_id))
    return save_article(conn, replace(corrected, id=doc.id), analysed=analysed)


def apply_corrections(conn: Connection, doc: Article) -> Article:
    """The article with every stored correction of it applied, in the order they were made.

    A correction whose text is no longer in the article is skipped (and stays stored, in
    case a later version brings the text back).
    """
    for correction in load_corrections(conn, doc.id):
        place = anchor(correction, doc.text)
        if place is not None:
            doc = apply_one(doc, correction, *place)
    return doc


def apply_one(doc: Article, correction: Correction, start: int, end: int) -> Article:
    fix = {"quote": fix_quote, "event": fix_event, "entity": fix_entity}[correction.kind]
    return fix(doc, correction.action, start, end, correction.fields)


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


def entity_for(doc: Article, ref: str, type: str = "PER") -> tuple[Article, str]:
    """The article's entity a person means by a KB id or a name (full, or the surname), added if missing."""
    if QID.fullmatch(ref) or ref.startswith("ng:"):
        found = next((e for e in doc.entities if e.kb_id == ref), None)
        name, kb_id = kb_name(ref) or ref, ref
    else:
        key = name_key(ref)
        found = next((e for e in doc.entities if name_key(e.name) == key), None) or next(
            (e for e in doc.entities if name_key(e.name).split()[-1:] == key.split()[-1:] and len(key.split()) == 1),
            None)
        name, kb_id = ref, None
    if found:
        return doc, found.id
    taken = {e.id for e in doc.entities}
    new_id = next(f"person{n}" for n in range(1, len(taken) + 2) if f"person{n}" not in taken)
    added = Entity(new_id, type, name, (), kb_id=kb_id)
    return doc.with_layer("entities", [*doc.entities, added]), new_id


def entities_for(doc: Article, refs: list[str] | None) -> tuple[Article, tuple[str, ...] | None]:
    if refs is None:
        return doc, None
    ids = []
    for ref in refs:
        doc, entity_id = entity_for(doc, ref)
        ids.append(entity_id)
    return doc, tuple(dict.fromkeys(ids))


def fix_quote(doc: Article, action: str, start: int, end: int, fields: dict[str, Any]) -> Article:
    hit = [q for q in doc.quotes if iou((q.start, q.end), (start, end)) >= 0.5]
    kept = [q for q in doc.quotes if q not in hit]
    if action == "wrong":
        return doc.with_layer("quotes", kept)
    speaker, speaker_name = None, None
    if fields.get("speaker"):
        doc, speaker = entity_for(doc, fields["speaker"])
        speaker_name = doc.entity(speaker).name
    if action == "add":
        quote = Quote(start, end, fields.get("kind", "direct"), speaker, speaker_name, None, source=PERSON)
        return doc.with_layer("quotes", sorted([*kept, quote], key=lambda q: (q.start, q.end)))
    changes: dict[str, Any] = {"source": PERSON}
    if speaker:
        changes |= {"speaker": speaker, "speaker_name": speaker_name}
    if fields.get("kind"):
        changes["kind"] = fields["kind"]
    fixed = [replace(q, **changes) if q in hit else q for q in doc.quotes]
    return doc.with_layer("quotes", fixed)


EVENT_FIELDS = ("type", "mode", "modality", "date", "date_precision")


def event_changes(doc: Article, fields: dict[str, Any]) -> tuple[Article, dict[str, Any]]:
    changes: dict[str, Any] = {k: fields[k] for k in EVENT_FIELDS if k in fields}
    if "date" in fields and "date_precision" not in fields:
        changes["date_precision"] = "day"
    for role in ("actor", "recipient"):
        doc, ids = entities_for(doc, fields.get(role))
        if ids is not None:
            changes[role] = ids
    if fields.get("place"):
        doc, changes["place"] = entity_for(doc, fields["place"], "LOC")
    return doc, changes


def fix_event(doc: Article, action: str, start: int, end: int, fields: dict[str, Any]) -> Article:
    hit = [e for e in doc.events if e.trigger.start < end and start < e.trigger.end
           and (action != "add" or e.type == fields.get("type"))]
    kept = [e for e in doc.events if e not in hit]
    if action == "wrong":
        return doc.with_layer("events", kept)
    doc, changes = event_changes(doc, fields)
    if action == "add":
        event = Event(changes.pop("type"), Trigger(start, end), source=PERSON, **changes)
        return doc.with_layer("events", sorted([*kept, event], key=lambda e: (e.trigger.start, e.type)))
    fixed = [replace(e, **changes, source=PERSON) if e in hit else e for e in doc.events]
    return doc.with_layer("events", fixed)


def fix_entity(doc: Article, action: str, start: int, end: int, fields: dict[str, Any]) -> Article:
    """Drop a wrongly found mention, relink or rename its entity, or split it from a wrong merge."""
    mention = min((m for m in doc.mentions if m.start < end and start < m.end),
                  key=lambda m: (abs(m.start - start) + abs(m.end - end)), default=None)
    if mention is None:
        return doc
    owner = next((e for e in doc.entities if mention.id in e.mentions), None)
    if action == "wrong":
        return without_mention(doc, mention, owner)
    if fields.get("split") and owner and len(owner.mentions) > 1:
        doc = without_mention(doc, mention, owner)
        alone = Entity(f"{owner.id}.{mention.id}", owner.type, mention.normal or doc.span_text(mention), (mention.id,))
        doc = doc.with_layer("mentions", sorted([*doc.mentions, mention], key=lambda m: (m.start, m.end, m.id)))
        doc, owner = doc.with_layer("entities", [*doc.entities, alone]), alone
    if owner is None:
        return doc
    changes = {k: fields[k] for k in ("name", "type") if fields.get(k)}
    if "kb_id" in fields:
        changes["kb_id"] = fields["kb_id"] or None
    changes["confidence"] = 1.0
    fixed = [replace(e, **changes) if e.id == owner.id else e for e in doc.entities]
    confirmed = [replace(m, source=PERSON) if m.id == mention.id else m for m in doc.mentions]
    return doc.with_layer("entities", fixed).with_layer("mentions", confirmed)


def without_mention(doc: Article, mention: Mention, owner: Entity | None) -> Article:
    """The article without the mention; an entity left with no mention goes too, with every reference to it."""
    doc = doc.with_layer("mentions", [m for m in doc.mentions if m.id != mention.id])
    if owner is None:
        return doc
    rest = tuple(m for m in owner.mentions if m != mention.id)
    if rest:
        return doc.with_layer("entities", [replace(e, mentions=rest) if e.id == owner.id else e for e in doc.entities])
    gone = owner.id
    doc = doc.with_layer("entities", [e for e in doc.entities if e.id != gone])
    doc = doc.with_layer("quotes", [replace(q, speaker=None) if q.speaker == gone else q for q in doc.quotes])
    return doc.with_layer("events", [
        replace(e, actor=tuple(a for a in e.actor if a != gone), recipient=tuple(r for r in e.recipient if r != gone),
                place=None if e.place == gone else e.place)
        for e in doc.events
    ])
