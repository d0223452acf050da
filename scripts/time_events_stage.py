"""Time the events stage alone over a gold events JSONL, analysed first up to the stage before it.

    .venv/bin/python scripts/time_events_stage.py [devsets/events.jsonl]
"""

from __future__ import annotations

import json
import sys
import time

from newsgraph.doc import Article
from newsgraph.pipeline import Pipeline, default_pipeline


def main(path: str = "devsets/events.jsonl", rounds: int = 3) -> None:
    pipeline = default_pipeline()
    before = Pipeline([s for s in pipeline.stages if s.name != "events"])
    [events] = [s for s in pipeline.stages if s.name == "events"]
    with open(path, encoding="utf-8") as f:
        docs = [Article.create(r["text"], published=r.get("published")) for r in map(json.loads, f)]
    docs = list(before.map(docs))
    events(docs[0])  # load the date extractor and the KB once
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            events(doc)
    seconds = (time.perf_counter() - started) / rounds
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} articles, {chars} chars: events stage {seconds * 1000:.0f} ms ({chars / seconds:,.0f} chars/s)")


if __name__ == "__main__":
    main(*sys.argv[1:])
