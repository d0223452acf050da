"""Time re-clustering event instances and the instance query on a store of N generated articles.

The articles are the record tests' own (tests/record_articles.py), analysed once and copied
with publication and event dates shifted by a day per copy (and the copy's number appended
to the text), so every copy is a new article and a new event.
Usage: .venv/bin/python scripts/bench_record.py [N] [DB_URL]  (a store already holding N articles is reused)
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from record_articles import ALL  # noqa: E402

from newsgraph.doc import Article  # noqa: E402
from newsgraph.ingest.batch import ingest  # noqa: E402
from newsgraph.pipeline import default_pipeline  # noqa: E402
from newsgraph.record.instances import refresh_instances  # noqa: E402
from newsgraph.record.queries import instances  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.queries import counts  # noqa: E402


def shifted(doc: Article, days: int) -> Article:
    def later(date: str | None) -> str | None:
        return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat() if date else None

    events = [replace(e, date=later(e.date)) for e in doc.events]
    return replace(doc, id=f"{doc.id}-{days}", text=f"{doc.text} Выпуск {days}.",
                   published=doc.published + dt.timedelta(days=days), events=tuple(events))


def main(n: int, url: str) -> None:
    with Store.open(url) as store:
        stored = counts(store)["articles"]
        if stored < n:
            docs = list(default_pipeline().map([Article.create(t, published=p) for p, t in ALL]))
            copies = [shifted(d, k) for k in range(n // len(docs) + 1) for d in docs][:n]
            started = time.perf_counter()
            ingest(store, copies, analysed=True)
            print(f"ingest of {n} articles (with the final re-clustering): {time.perf_counter() - started:.1f} s")
        else:
            print(f"reusing the {stored} articles stored at {url}")
        started = time.perf_counter()
        count = refresh_instances(store)
        print(f"refresh_instances: {count} instances in {time.perf_counter() - started:.2f} s")
        for args in ({"involving": "Q3052772"}, {"involving": "Q34", "through_groups": True}, {"type": "CONSULT"}):
            started = time.perf_counter()
            instances(store, limit=50, **args)
            print(f"instances({args}, limit=50): {1000 * (time.perf_counter() - started):.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000,
         sys.argv[2] if len(sys.argv) > 2 else "sqlite:////tmp/bench_record.db")
