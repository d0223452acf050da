"""Web benchmark (run by hand): time every page and API endpoint over a store of N articles.

    .venv/bin/python scripts/web_bench.py --articles 10000 [--db URL]

Without --db it builds the store the way benchmarks/store_bench.py does (copies of a few
analysed samples with other dates and surnames); with --db it times an existing store.
Requests go through the real application in-process (routing, validation, queries,
templates), without the network.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.app import create_app
from newsgraph.doc import Article
from newsgraph.ingest.batch import ingest
from newsgraph.pipeline import default_pipeline
from newsgraph.store import Store, queries

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from store_bench import SAMPLES, articles  # noqa: E402


def build(url: str, count: int) -> Store:
    samples = list(default_pipeline().map([Article.create(text) for text in SAMPLES]))
    store = Store.open(url)
    started = time.perf_counter()
    ingest(store, articles(samples, count), analysed=True)
    print(f"built {url} with {count} articles in {time.perf_counter() - started:.0f} s")
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", help="an existing store URL (default: build one in a temporary directory)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    store = Store.open(args.db) if args.db else build(f"sqlite:///{tempfile.mkdtemp()}/web.db", args.articles)
    client = TestClient(create_app(store))
    person = queries.entities_list(store, type="PER", limit=1)[0]
    article = queries.articles_list(store, limit=1)[0]["id"]
    urls = [
        "/", "/search?q=переговоры", "/articles", "/articles?offset=5000", f"/articles/{article}",
        "/entities", "/entities?type=PER&q=" + person["name"].split()[-1], f"/entities/{person['id']}", "/quotes",
        f"/quotes?speaker={person['id']}", "/timeline", "/timeline?type=CONSULT&since=2024-01-01&until=2024-03-31",
        f"/timeline?actor={person['id']}", "/network",
        "/api/search?q=санкции банков", "/api/articles?limit=50", f"/api/articles/{article}", "/api/entities?limit=50",
        f"/api/entities/{person['id']}", "/api/quotes?since=2024-03-01&until=2024-03-31", "/api/events?type=CONSULT",
        f"/api/events?actor={person['id']}", "/api/timeline", "/api/graph", f"/api/graph?entity={person['id']}",
    ]
    print(f"{queries.counts(store)}\n\n| request | median ms | max ms | status |\n|---|---:|---:|---:|")
    for url in urls:
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        print(f"| `GET {url}` | {statistics.median(timings):.0f} | {max(timings):.0f} | {response.status_code} |")


if __name__ == "__main__":
    main()
