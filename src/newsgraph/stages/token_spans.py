"""The tokens inside a character span, found by bisection.

Stages look tokens up once per mention; scanning every token of the article for each
mention costs time that grows with the square of the article's length (a long
article has both more tokens and more mentions). Tokens are sorted and never overlap,
so the ones inside a span are one contiguous run.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from ..doc import Article, Token

_start = attrgetter("start")


def token_ids_within(doc: Article, start: int, end: int) -> range:
    """Indices of the tokens lying wholly inside [start, end)."""
    tokens = doc.tokens
    first = bisect_left(tokens, start, key=_start)
    last = first
    while last < len(tokens) and tokens[last].end <= end:
        last += 1
    return range(first, last)


def tokens_within(doc: Article, start: int, end: int) -> list[Token]:
    ids = token_ids_within(doc, start, end)
    return list(doc.tokens[ids.start : ids.stop])


def token_starting_at(doc: Article, start: int) -> int | None:
    """The index of the token that starts at `start`, if one does."""
    i = bisect_left(doc.tokens, start, key=_start)
    return i if i < len(doc.tokens) and doc.tokens[i].start == start else None
