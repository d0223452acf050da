"""Settings shared by every reader, so `read_inputs` takes one object instead of a dozen flags."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read inputs; the names match the `newsgraph ingest` options (docs/ingest.md).

    An unset CSV column option means "use the column named title/published/url/id if there is one".
    """

    csv_text_column: str = "text"
    csv_title_column: str | None = None
    csv_date_column: str | None = None
    csv_url_column: str | None = None
    csv_id_column: str | None = None
    csv_delimiter: str = ","
    detect_language: bool = True
    fetch_links: bool = True
    timeout: float = 20.0
    retries: int = 3
    max_bytes: int = 10_000_000
    per_host_delay: float = 1.0
    retry_backoff: float = 1.0
    # False on the web server: a client's url must not make it fetch from its own network (SSRF).
    allow_private_addresses: bool = True

    @classmethod
    def of(cls, options: dict[str, Any]) -> IngestOptions:
        """Options from keyword arguments; unknown names are an error, None keeps the default."""
        known = {f.name for f in fields(cls)}
        unknown = set(options) - known
        if unknown:
            raise TypeError(f"unknown ingest options {sorted(unknown)}, expected some of {sorted(known)}")
        return cls(**{k: v for k, v in options.items() if v is not None})
