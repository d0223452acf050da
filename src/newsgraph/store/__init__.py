"""The store: analysed articles and their facts in SQLite or PostgreSQL, queryable and exportable.

`Store.open(url)` connects and migrates; `write` stores an article; `queries` reads; `export`
writes files. `newsgraph.ingest.batch.ingest_paths` reads, analyses and stores a batch through
it; the CLI, the web API and the UI are thin shells over these.
"""

from .db import DEFAULT_URL, Store, database_url

__all__ = ["DEFAULT_URL", "Store", "database_url"]
