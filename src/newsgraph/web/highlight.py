"""The article text as HTML with entities, quotes, cues and event triggers highlighted.

Spans of different layers nest (a mention inside a quote) and may even cross, so
the text is cut at every span boundary and, for each piece, the open elements are
diffed against the spans covering it: crossing spans are closed and reopened
instead of producing broken markup. Every piece of text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from ..doc import Article, Quote

# Outer layers open first when two spans start at the same offset.
RANK = {"quote": 0, "cue": 1, "entity": 2, "event": 3}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span and the record item (`ref`) that explains it."""

    start: int
    end: int
    kind: str
    ref: str
    css: str = ""
    title: str = ""

    def open_tag(self) -> Markup:
        return Markup('<mark class="hl hl-{} {}" data-ref="{}" title="{}" tabindex="0">').format(
            self.kind, self.css, self.ref, self.title
        )


def quote_anchor(quote: Quote) -> str:
    """The fragment naming a quote in the article page; the store's quote id ends with it."""
    return f"q{quote.start}-{quote.end}"


def event_anchor(number: int) -> str:
    """The fragment naming the article's `number`-th event; the store's event id ends with it."""
    return f"ev{number}"


def article_marks(doc: Article) -> list[Mark]:
    """Marks for every quote (and its cue), entity mention and event trigger of `doc`."""
    marks: list[Mark] = []
    for quote in doc.quotes:
        who = quote.speaker_name or "speaker unknown"
        ref = quote_anchor(quote)
        marks.append(Mark(quote.start, quote.end, "quote", ref, title=f"quote: {who}"))
        if quote.cue_start is not None and quote.cue_end is not None:
            marks.append(Mark(quote.cue_start, quote.cue_end, "cue", ref, title="quote cue"))
    owner = {m: e for e in doc.entities for m in e.mentions}
    for mention in doc.mentions:
        entity = owner.get(mention.id)
        ref = f"entity-{entity.id}" if entity else f"mention-{mention.id}"
        name = entity.name if entity else mention.normal or doc.span_text(mention)
        css = f"t-{entity.type if entity else mention.type} k-{mention.kind}"
        title = name if mention.kind == "name" else f"{name} ({mention.kind})"
        marks.append(Mark(mention.start, mention.end, "entity", ref, css, title))
    for i, event in enumerate(doc.events):
        trigger = event.trigger
        marks.append(Mark(trigger.start, trigger.end, "event", event_anchor(i), title=f"event {event.type}"))
    return [m for m in marks if 0 <= m.start < m.end <= len(doc.text)]


def highlight(text: str, marks: list[Mark]) -> Markup:
    """Escaped `text` with each mark wrapped in a `<mark>`, properly nested."""
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, RANK.get(m.kind, 9)))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    for start, end in pairwise(bounds):
        active = [m for m in ordered if m.start <= start and end <= m.end]
        keep = _common_prefix(stack, active)
        out.extend("</mark>" for _ in stack[keep:])
        out.extend(m.open_tag() for m in active[keep:])
        out.append(escape(text[start:end]))
        stack = active
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def _common_prefix(a: list[Mark], b: list[Mark]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] is b[n]:
        n += 1
    return n
