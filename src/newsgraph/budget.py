"""A per-article budget: long articles are analysed in windows, and a runaway becomes a recorded failure.

An article longer than `max_chars` is cut at paragraph boundaries (a blank line, else a line break,
else a sentence end, else a space) into windows of at most `max_chars`, analysed apart and joined
back into one article over the whole text, every offset shifted to it: nothing is truncated.
Entities are resolved within a window, so a name in two windows is two entities there.

An article whose analysis outlasts `timeout` seconds becomes `Failure(id, "budget", ...)`, and the
batch goes on. The deadline raises in the analysing thread (`PyThreadState_SetAsyncExc`), so it
works in Dask's worker threads too; it interrupts Python code, not a single long C call.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from .doc import Article, Event, Failure, Quote, Sentence, Token, Trigger

DEFAULT_MAX_CHARS = 200_000
# Where a window may end, best first: after a blank line, a line break, a sentence end, a space.
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…»]\s"), re.compile(r"\s"))


@dataclass(frozen=True, slots=True)
class Budget:
    """`max_chars`: longest text analysed in one piece (0: no limit); `timeout`: seconds per article (None: no limit)."""

    max_chars: int = DEFAULT_MAX_CHARS
    timeout: float | None = None


class ArticleTimeout(BaseException):
    """Raised inside analysis when its deadline passes; a BaseException, so no stage's handler takes it
    for the article's own error and goes on analysing."""


def window_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Consecutive [start, end) pieces covering `text`, each at most `max_chars` long."""
    if max_chars <= 0 or len(text) <= max_chars:
        return [(0, len(text))]
    bounds, start = [], 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        end = next((cut for pattern in BREAKS if (cut := last_break(pattern, text, start, limit))), limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def last_break(pattern: re.Pattern, text: str, start: int, limit: int) -> int | None:
    """The end of the last match of `pattern` inside text[start:limit] (a window never ends where it starts)."""
    ends = [m.end() for m in pattern.finditer(text, start + 1, limit)]
    return ends[-1] if ends else None


def windows(doc: Article, max_chars: int) -> list[Article]:
    """The article itself when short enough, else one unannotated article per window."""
    bounds = window_bounds(doc.text, max_chars)
    if len(bounds) == 1 or doc.layers:  # an article analysed before keeps its offsets whole
        return [doc]
    return [replace(doc, text=doc.text[start:end]) for start, end in bounds]


def join_windows(doc: Article, parts: list[Article | Failure]) -> Article | Failure:
    """The analysed windows as one article over `doc.text`, ids renumbered; a failed window fails the article."""
    for k, part in enumerate(parts):
        if isinstance(part, Failure):
            return Failure(doc.id, part.stage, f"window {k + 1} of {len(parts)}: {part.error}")
    sentences, tokens, mentions, entities, quotes, events = [], [], [], [], [], []
    offset = 0
    for part in parts:
        mention_id = {m.id: f"m{len(mentions) + n}" for n, m in enumerate(part.mentions, 1)}
        entity_id = {e.id: f"e{len(entities) + n}" for n, e in enumerate(part.entities, 1)}
        first_token, first_sentence = len(tokens), len(sentences)
        sentences += [Sentence(s.start + offset, s.end + offset) for s in part.sentences]
        tokens += [
            Token(t.start + offset, t.end + offset, t.sentence + first_sentence, t.lemma, t.pos, t.feats,
                  t.head + first_token if t.head is not None and t.head >= 0 else t.head, t.rel)
            for t in part.tokens
        ]
        mentions += [replace(m, id=mention_id[m.id], start=m.start + offset, end=m.end + offset) for m in part.mentions]
        entities += [
            replace(e, id=entity_id[e.id], mentions=tuple(mention_id[m] for m in e.mentions),
                    principal=entity_id.get(e.principal, e.principal) if e.principal else None)
            for e in part.entities
        ]
        quotes += [shift_quote(q, offset, entity_id) for q in part.quotes]
        events += [shift_event(ev, offset, entity_id) for ev in part.events]
        offset += len(part.text)
    return replace(
        doc, sentences=tuple(sentences), tokens=tuple(tokens), mentions=tuple(mentions), entities=tuple(entities),
        quotes=tuple(quotes), events=tuple(events), layers=frozenset().union(*(p.layers for p in parts)),
    )


def shift_quote(q: Quote, offset: int, entity_id: dict[str, str]) -> Quote:
    return replace(
        q, start=q.start + offset, end=q.end + offset, speaker=entity_id.get(q.speaker, q.speaker) if q.speaker else q.speaker,
        cue_start=None if q.cue_start is None else q.cue_start + offset,
        cue_end=None if q.cue_end is None else q.cue_end + offset,
    )


def shift_event(ev: Event, offset: int, entity_id: dict[str, str]) -> Event:
    return replace(
        ev, trigger=Trigger(ev.trigger.start + offset, ev.trigger.end + offset),
        actor=tuple(entity_id.get(e, e) for e in ev.actor), recipient=tuple(entity_id.get(e, e) for e in ev.recipient),
        place=entity_id.get(ev.place, ev.place) if ev.place else ev.place,
    )


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise `ArticleTimeout` in this thread if the block runs longer than `seconds`."""
    if not seconds:
        yield
        return
    target, lock, state = threading.get_ident(), threading.Lock(), {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
        timer.cancel()
        if state["fired"]:  # fired as the block ended: clear an exception not yet raised
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
