"""Running the default pipeline over a stream in this process or in local worker processes, and the
chunk machinery the Dask engine (`newsgraph.distributed`) shares; `newsgraph.engines` chooses.

Every engine returns results in input order, so the caller stays the single writer.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache, partial
from itertools import islice
from multiprocessing import get_context
from typing import TypeVar

from .budget import ArticleTimeout, Budget, deadline, join_windows, windows
from .doc import Article, Failure
from .pipeline import Pipeline, default_pipeline

ENGINES = ("local", "dask")
# Articles handed to a worker at a time: enough sentences to fill the models' batches.
CHUNK = 16
YOUNG_GC_THRESHOLD = 50_000
WARM_UP_TEXT = "Президент Франции Эмманюэль Макрон заявил в Париже: «Мы готовы к переговорам»."

T = TypeVar("T")
Item = Article | Failure


@cache
def shared_pipeline() -> Pipeline:
    """One pipeline per process, so each worker loads the models once."""
    return default_pipeline()


def warm_up() -> None:
    """Load every model now (they load lazily), so the first real batch is not slow."""
    shared_pipeline()(Article.create(WARM_UP_TEXT))


def prepare_worker() -> None:
    """Load the models, and make the garbage collector's young passes rarer in this process.

    Analysis allocates millions of small, acyclic objects (tokens, spans), and a young
    pass every 700 allocations (the default) cost about a tenth of the run (NEREL dev).
    The models, word lists and KB loaded by then live as long as the process: frozen,
    no later full pass walks them again.
    """
    gc.set_threshold(YOUNG_GC_THRESHOLD)
    warm_up()
    gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage-collector passes while a chunk is analysed.

    Its tokens, spans and arrays are acyclic and freed by reference counting; the passes only
    walked them again (about 4% of the CPU on real news). Cyclic garbage, if any, waits for
    the end of the chunk, when the collector runs again as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def analyze_chunk(items: list[Item], budget: Budget | None = None) -> list[Item]:
    """Analyse the articles of a chunk together; failures from reading pass through in place."""
    docs = [d for d in items if isinstance(d, Article)]
    analysed = iter(analyze_within(docs, budget or Budget()))
    return [next(analysed) if isinstance(d, Article) else d for d in items]


def analyze_within(docs: list[Article], budget: Budget) -> list[Article | Failure]:
    """The articles analysed in windows of at most `budget.max_chars`, in `budget.timeout` seconds each.

    A chunk that overruns its articles' time together is analysed again one article at a time,
    so only the runaway becomes a `budget` failure.
    """
    parts = [windows(doc, budget.max_chars) for doc in docs]
    try:
        with deadline(budget.timeout * len(docs) if budget.timeout else None), collector_paused():
            flat = iter(list(shared_pipeline().map([w for p in parts for w in p])))
    except ArticleTimeout:
        if len(docs) > 1:
            return [analyze_within([doc], budget)[0] for doc in docs]
        limit = f"analysis took longer than {budget.timeout:g} s (the article timeout)"
        return [Failure(docs[0].id, "budget", f"{limit}; {len(docs[0].text):,} chars")]
    results = [[next(flat) for _ in p] for p in parts]
    return [r[0] if len(p) == 1 else join_windows(doc, r) for doc, p, r in zip(docs, parts, results)]


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def analyze_locally(items: Iterable[Item], workers: int, budget: Budget) -> Iterator[Item]:
    """Analysed articles in input order, in this process (`workers=1`) or in local worker processes."""
    if workers <= 1:
        gc.set_threshold(YOUNG_GC_THRESHOLD)
        for chunk in chunks(items, CHUNK):
            yield from analyze_chunk(chunk, budget)
        return
    with get_context("spawn").Pool(workers, initializer=prepare_worker) as pool:
        for result in pool.imap(partial(analyze_chunk, budget=budget), chunks(items, CHUNK), chunksize=1):
            yield from result
