"""How fast the single writer stores analysed articles: the ceiling of any scale-out.

Run by hand, not in the test suite:

    .venv/bin/python benchmarks/writer.py --articles 300                       # temporary SQLite file
    .venv/bin/python benchmarks/writer.py --db postgresql://newsgraph@localhost/bench

Analyses the sample corpus first (not timed), then stores it twice through
`newsgraph.ingest.batch.ingest(..., analysed=True)`: the first pass writes every article in its
own transaction, the second finds them unchanged.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from corpus import sample_corpus

from newsgraph.doc import Article
from newsgraph.engines import analyze_stream
from newsgraph.ingest.batch import ingest
from newsgraph.store import Store


def timed_ingest(url: str, items: list) -> str:
    with Store.open(url) as store:
        wall, cpu = time.perf_counter(), time.process_time()
        report = ingest(store, items, analysed=True)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    per = 1000 / max(len(items), 1)
    return f"{report.summary()}: {wall:.1f} s wall, {cpu:.1f} CPU-s ({wall * per:.0f} ms wall, {cpu * per:.0f} ms CPU per article)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="sample articles to analyse and store")
    parser.add_argument("--db", help="store URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    docs = [Article.create(text, id=ident, published="2025-11-20") for ident, text in sample_corpus(args.articles)]
    analysed = list(analyze_stream(docs))
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'writer.db'}"
        print("first pass: " + timed_ingest(url, analysed))
        print("second pass: " + timed_ingest(url, analysed))


if __name__ == "__main__":
    main()
