"""What every reader is handed: the options, and one fetcher whose per-host pacing spans the whole run."""

from __future__ import annotations

from dataclasses import dataclass, field

from .fetch import Fetcher
from .options import IngestOptions


@dataclass
class Context:
    options: IngestOptions = field(default_factory=IngestOptions)
    fetcher: Fetcher | None = None

    def __post_init__(self) -> None:
        if self.fetcher is None:
            self.fetcher = Fetcher.from_options(self.options)
