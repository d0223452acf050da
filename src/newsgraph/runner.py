"""Running the default pipeline over a stream, in this process or in local worker processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from multiprocessing import get_context

from .doc import Article, Failure
from .pipeline import Pipeline, default_pipeline

CHUNK = 16


@cache
def shared_pipeline() -> Pipeline:
    """One pipeline per process, so each worker loads the models once."""
    return default_pipeline()


def _analyze_chunk(items: list[Article | Failure]) -> list[Article | Failure]:
    docs = [d for d in items if isinstance(d, Article)]
    analysed = iter(shared_pipeline().map(docs))
    return [next(analysed) if isinstance(d, Article) else d for d in items]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def analyze_stream(items: Iterable[Article | Failure], workers: int = 1) -> Iterator[Article | Failure]:
    """Analysed articles in input order; failures (from reading or analysis) pass through."""
    if workers <= 1:
        for chunk in _chunks(items, CHUNK):
            yield from _analyze_chunk(chunk)
        return
    with get_context("spawn").Pool(workers) as pool:
        for result in pool.imap(_analyze_chunk, _chunks(items, CHUNK), chunksize=1):
            yield from result
