"""The store: analysed articles and their facts in SQLite or PostgreSQL, queryable and exportable.

`Store.open(url)` connects and migrates; `ingest_paths` writes; `queries` reads; `export`
writes files. The CLI, the web API and the UI are thin shells over these.
"""

from .db import DEFAULT_URL, Store, database_url
from .ingest import IngestReport, ingest, ingest_paths

__all__ = ["DEFAULT_URL", "IngestReport", "Store", "database_url", "ingest", "ingest_paths"]
