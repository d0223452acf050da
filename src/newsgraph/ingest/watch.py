"""Polling feeds into the store: only entries not yet ingested are fetched, analysed and stored.

An entry is marked seen (table `feed_entries`) only after its article is stored, in a later
transaction than the article itself: a run stopped in between fetches the entry again next
time and the store recognises the article as unchanged, so stopping loses nothing and
duplicates nothing. Entries that fail (a link that times out) are recorded in `failures`
and retried at the next poll.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..doc import Article, Failure
from ..store.db import Store
from ..store.write import existing_article, mark_entry_seen, record_failure, seen_entry
from ..wording import counted
from .batch import ingest
from .context import Context
from .decode import UnreadableInput, read_bytes
from .feeds import FeedEntry, entry_item, parse_feed
from .fetch import FetchError
from .language import with_language
from .options import IngestOptions
from .storylinks import StoryLinker

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval written `90`, `30s`, `15m`, `2h` or `1d`."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not match:
        raise ValueError(f"interval must look like 30s, 15m, 2h or 1d, got {text!r}")
    return float(match[1]) * UNITS[match[2] or "s"]


@dataclass
class PollReport:
    entries: int = 0
    new: int = 0
    stored: int = 0
    unanalysed: int = 0
    unchanged: int = 0
    failed: int = 0
    linked: int = 0

    def add(self, other: Any) -> None:
        for f in fields(other):
            if hasattr(self, f.name):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def summary(self) -> str:
        return (
            f"{counted(self.entries, 'entry')}, {self.new} new: {self.stored} stored, {self.unanalysed} stored without "
            f"analysis (not Russian), {self.unchanged} unchanged, {self.failed} failed; {self.linked} linked to stories"
        )


def feed_entries(feed: str, ctx: Context) -> list[FeedEntry]:
    if feed.startswith(("http://", "https://")):
        return parse_feed(ctx.fetcher.get(feed).content, feed)
    return parse_feed(read_bytes(Path(feed)), feed)


def poll_feed(store: Store, feed: str, ctx: Context) -> PollReport:
    """Ingest the entries of one feed that the store has not seen."""
    report = PollReport()
    try:
        entries = feed_entries(feed, ctx)
    except (FetchError, UnreadableInput, OSError) as error:
        with store.write() as conn:
            record_failure(conn, Failure(feed, "feed", f"{feed}: {error}"))
        report.failed += 1
        return report
    report.entries = len(entries)
    with store.read() as conn:
        new = [e for e in entries if not seen_entry(conn, feed, e.key)]
    report.new = len(new)
    for entry in new:
        item = _entry_item(entry, ctx)
        result = ingest(store, [item])
        report.add(result)
        if isinstance(item, Article) and not result.failed:
            with store.write() as conn:
                mark_entry_seen(conn, feed, entry.key, entry.link, existing_article(conn, item) or item.id)
    return report


def _entry_item(entry: FeedEntry, ctx: Context) -> Article | Failure:
    item = entry_item(entry, ctx)
    return with_language(item) if isinstance(item, Article) and ctx.options.detect_language else item


def poll(store: Store, feeds: Iterable[str], ctx: Context, linker: StoryLinker) -> PollReport:
    report = PollReport()
    for feed in feeds:
        report.add(poll_feed(store, feed, ctx))
    report.linked = linker.update(store)
    return report


def watch(
    store: Store,
    feeds: list[str],
    every: float,
    *,
    once: bool = False,
    on_poll: Callable[[PollReport], None] | None = None,
    **options: Any,
) -> None:
    """Poll `feeds` every `every` seconds (once with `once`) until interrupted."""
    ctx = Context(IngestOptions.of(options))
    linker = StoryLinker()
    try:
        while True:
            started = time.monotonic()
            report = poll(store, feeds, ctx, linker)
            if on_poll:
                on_poll(report)
            if once:
                return
            time.sleep(max(0.0, every - (time.monotonic() - started)))
    finally:
        ctx.fetcher.close()
