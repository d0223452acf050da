"""Reading news as it comes — text, HTML, feeds, JSONL, CSV, WARC, compressed — into `Article`s.

`read_inputs(paths, **options)` is the one entry point `newsgraph ingest` uses: it yields an
`Article` per document and a `Failure` (naming the file and line or entry) per unreadable item,
and never raises for bad input, so one broken file cannot stop a batch.
`batch.ingest_paths` analyses what it reads and stores it (`watch` does the same for feeds);
it sits above the store and the record and is kept out of this package's imports, so reading
stays light.
"""

from .language import needs_analysis
from .options import IngestOptions
from .sources import read_inputs

__all__ = ["IngestOptions", "needs_analysis", "read_inputs"]
