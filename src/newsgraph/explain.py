"""Every decision the pipeline made, sentence by sentence, with the rule or model behind it.

`newsgraph explain FILE` prints it (as razdel's DebugSegmenter does for its splits), and the
golden tests compare it, without the rule names, to reviewed files in `tests/golden/`.
"""

from __future__ import annotations

from .doc import Article, Event, Quote, Sentence


def _names(doc: Article) -> dict[str, str]:
    return {e.id: e.name for e in doc.entities}


def _rule(source: str, rules: bool) -> str:
    return f"  ‹{source}›" if rules and source else ""


def _mention_lines(doc: Article, sentence: Sentence, rules: bool) -> list[str]:
    owner = {m: e for e in doc.entities for m in e.mentions}
    lines = []
    for mention in doc.mentions:
        if not sentence.start <= mention.start < sentence.end:
            continue
        entity = owner.get(mention.id)
        target = f"{entity.id} {entity.name}" if entity else "no entity"
        link = f" [{entity.kb_id}]" if entity and entity.kb_id else ""
        anonymous = " (anonymous)" if entity and entity.anonymous else ""
        kind = "" if mention.kind == "name" else f" {mention.kind}"
        lines.append(
            f"  MENTION {mention.type}{kind} «{doc.span_text(mention)}» → {target}{link}{anonymous}"
            + _rule(mention.source, rules)
        )
    return lines


def _quote_line(doc: Article, quote: Quote, rules: bool) -> str:
    via = f" VIA {quote.via_name or quote.via}" if quote.via else ""
    return (
        f"  QUOTE {quote.kind} «{doc.span_text(quote)}» ← SPEAKER {quote.speaker_name or '?'}"
        f" (cue «{quote.cue or ''}»){via}" + _rule(quote.source, rules)
    )


def _event_line(doc: Article, event: Event, rules: bool) -> str:
    names = _names(doc)
    actor = ", ".join(names.get(a, a) for a in event.actor) or "?"
    recipient = ", ".join(names.get(r, r) for r in event.recipient) or "—"
    mode = f"/{event.mode}" if event.mode else ""
    when = event.date or "no date"
    if event.date_text:
        when += f" («{event.date_text}», {event.date_precision or 'unresolved'})"
    place = f" IN {names.get(event.place, event.place)}" if event.place else ""
    return (
        f"  EVENT {event.type}{mode} {actor} → {recipient} {event.modality} {when}{place}"
        f" «{doc.span_text(event.trigger)}»" + _rule(event.source, rules)
    )


def explain(doc: Article, rules: bool = True) -> str:
    """The article's decisions grouped under the sentence that states them."""
    lines = [f"# {doc.title or doc.id}" + (f" ({doc.published})" if doc.published else "")]
    for number, sentence in enumerate(doc.sentences, 1):
        inside = lambda span: sentence.start <= span.start < sentence.end  # noqa: E731
        found = _mention_lines(doc, sentence, rules)
        found += [_quote_line(doc, q, rules) for q in doc.quotes if inside(q)]
        found += [_event_line(doc, e, rules) for e in doc.events if inside(e.trigger)]
        if found:
            lines += ["", f"[{number}] {doc.span_text(sentence)}", *found]
    return "\n".join(lines) + "\n"
