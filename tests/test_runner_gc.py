"""The garbage collector stays out of the analysis of a chunk (its passes only walked acyclic tokens
and spans again), and is back on after it. Passes are counted, not timed."""

from __future__ import annotations

import gc

from newsgraph.doc import Article
from newsgraph.runner import analyze_chunk, warm_up

TEXTS = [
    "Премьер-министр Японии Сигэру Исиба провел в Токио переговоры с президентом Южной Кореи.",
    "«Мы обсудили торговлю и безопасность», — сказал журналистам глава японского правительства.",
]


def test_no_collector_pass_while_a_chunk_is_analysed():
    warm_up()
    passes: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    threshold = gc.get_threshold()
    gc.set_threshold(5)  # unpaused, analysing these two articles runs over a hundred passes
    gc.callbacks.append(count)
    try:
        results = analyze_chunk([Article.create(text) for text in TEXTS])
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert all(isinstance(r, Article) and r.mentions for r in results)
    assert len(passes) <= 10  # the few after the chunk, when the collector is back (423 unpaused)
    assert gc.isenabled()
