"""An ingest that stops dead after its Nth stored item, for tests/test_ingest_crash.py to kill -9.

`python crash_ingest.py DB STOP_AFTER [--reanalyse] PATH…` runs what `newsgraph ingest` runs,
prints `stopped` once STOP_AFTER articles or failures are stored, and then waits to be killed,
so the kill lands at a known point instead of a timed guess.
"""

from __future__ import annotations

import sys
import time

from newsgraph.ingest.batch import ingest_paths
from newsgraph.ingest.storylinks import link_stories
from newsgraph.store import Store


def main(db: str, stop_after: str, *args: str) -> None:
    reanalyse = "--reanalyse" in args
    paths = [a for a in args if a != "--reanalyse"]
    seen = 0

    def on_item(_item) -> None:
        nonlocal seen
        seen += 1
        if seen == int(stop_after):
            print("stopped", flush=True)
            time.sleep(600)

    with Store.open(db) as store:
        ingest_paths(store, paths, reanalyse=reanalyse, on_item=on_item)
        link_stories(store)


if __name__ == "__main__":
    main(*sys.argv[1:])
