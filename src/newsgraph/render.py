"""A readable plain-text summary of an analysed article, for the terminal."""

from __future__ import annotations

from .doc import Article


def summary(doc: Article) -> str:
    lines = [f"# {doc.title or doc.id}" + (f"  ({doc.published})" if doc.published else "")]
    if doc.entities:
        lines.append("")
        lines.append("Entities:")
        for entity in doc.entities:
            forms = ", ".join(dict.fromkeys(doc.span_text(doc.mention(m)) for m in entity.mentions))
            kb = f" [{entity.kb_id}]" if entity.kb_id else ""
            lines.append(f"  {entity.id} {entity.type:<8} {entity.name}{kb} ← {forms}")
    if doc.quotes:
        lines.append("")
        lines.append("Quotes:")
        for quote in doc.quotes:
            who = quote.speaker_name or "?"
            via = f" (via {quote.via_name or quote.via})" if quote.via else ""
            lines.append(f"  [{quote.kind}] {who}{via} — {quote.cue or ''}: «{doc.span_text(quote)}»")
    if doc.events:
        lines.append("")
        lines.append("Events:")
        for event in doc.events:
            names = {e.id: e.name for e in doc.entities}
            actor = ", ".join(names.get(a, a) for a in event.actor) or "?"
            recipient = ", ".join(names.get(r, r) for r in event.recipient) or "—"
            mode = f"/{event.mode}" if event.mode else ""
            when = event.date or event.date_text or ""
            lines.append(
                f"  {event.type}{mode} {actor} → {recipient} [{event.modality}] {when}"
                f"  «{doc.span_text(event.trigger)}»"
            )
    return "\n".join(lines)
