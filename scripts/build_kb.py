"""Build the bundled KB from `src/newsgraph/data/kb/*.tsv` into SQLite and list any problems.

The package builds the same file lazily on first use (into ~/.cache/newsgraph, or
$NEWSGRAPH_CACHE); run this to check the sources after editing them, or to write a copy:

    .venv/bin/python scripts/build_kb.py            # build into the cache, report problems
    .venv/bin/python scripts/build_kb.py --out kb.sqlite
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from newsgraph.kb import default_kb_path
from newsgraph.kb.build import build_kb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="Where to write the KB (default: the package cache).")
    args = parser.parse_args()
    out = args.out or default_kb_path()
    problems = build_kb(out)
    db = sqlite3.connect(out)
    counts = dict(db.execute("SELECT type, count(*) FROM entities GROUP BY type"))
    verified = db.execute("SELECT count(*) FROM entities WHERE verified AND id LIKE 'Q%'").fetchone()[0]
    positions = db.execute("SELECT count(*) FROM positions").fetchone()[0]
    print(f"{out}: {sum(counts.values())} entities {counts}, {verified} verified ids, {positions} terms of office")
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
