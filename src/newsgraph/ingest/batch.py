"""`ingest`: read, analyse and store a batch, one transaction per article, every failure recorded.

A killed run leaves only whole articles behind; running it again skips the articles already
stored with the same text and finishes the rest. Analysis may run in worker processes, but
only this process writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..budget import Budget
from ..doc import Article, Failure
from ..engines import analyze_stream
from ..jsonl import FAILURES_SUFFIX, failure_from_json, open_text
from ..record.fixes import save_corrected
from ..record.refresh import refresh_record
from ..store.db import Store
from ..store.write import needs_refresh, record_failure, stored_analysed
from ..wording import counted
from .language import needs_analysis
from .sources import read_inputs

Item = Article | Failure
ANALYSED_FILES = (".jsonl", ".jsonl.gz")
# Files of failures written by `analyze`: its --errors file and the failures of each shard.
FAILURE_FILES = (FAILURES_SUFFIX, ".errors.jsonl")


@dataclass
class IngestReport:
    stored: int = 0
    unanalysed: int = 0
    unchanged: int = 0
    failed: int = 0

    def summary(self) -> str:
        return (
            f"{counted(self.stored, 'article')} stored, {self.unanalysed} stored without analysis (not Russian), "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )


def read_analysed(paths: Iterable[str]) -> Iterator[Item]:
    """Articles already in the analyze JSON format (`analyze --output`, or `--shards` DIR), stored as they are.

    A directory contributes its `*.jsonl` and `*.jsonl.gz` files in name order, so a killed
    shard run's temporary files are never read; `*.failures.jsonl` and `*.errors.jsonl` files
    hold failures, which are recorded like any other.
    """
    for path in map(Path, paths):
        files = analysed_files(path) if path.is_dir() else [path]
        if not files:
            yield Failure(str(path), "read", f"{path}: no analysed files (expected *.jsonl or *.jsonl.gz)")
        for file in files:
            yield from _read_analysed_file(file)


def analysed_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.name.endswith(ANALYSED_FILES))


def _read_analysed_file(path: Path) -> Iterator[Item]:
    parse = _failure if path.name.endswith(FAILURE_FILES) else _analysed_article
    try:
        with open_text(path) as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield parse(line, f"{path}:{number}")
    except (OSError, EOFError, UnicodeDecodeError) as error:  # EOFError: a truncated .gz
        yield Failure(str(path), "read", f"{path}: {error}")


def _analysed_article(line: str, where: str) -> Item:
    try:
        return Article.from_json(json.loads(line))
    except (ValueError, TypeError, KeyError) as error:
        return Failure(where, "read", f"{where}: not an analysed article ({error})")


def _failure(line: str, where: str) -> Failure:
    try:
        return failure_from_json(json.loads(line))
    except ValueError as error:
        return Failure(where, "read", f"{where}: not a failure record ({error})")


def ingest(
    store: Store,
    items: Iterable[Item],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    analysed: bool = False,
    reanalyse: bool = False,
    on_item: Callable[[Item], None] | None = None,
    budget: Budget | None = None,
) -> IngestReport:
    """Analyse (unless `analysed`) and store each article; `on_item` sees each stored article or failure.

    `engine`/`scheduler` choose where analysis runs (`newsgraph.engines.analyze_stream`);
    results always come back here, in order, to this single writer.
    """
    report = IngestReport()

    def to_analyse(items: Iterable[Item]) -> Iterator[Item]:
        # Runs wherever analyze_stream pulls its input from; it writes only through its own
        # short transactions, which the database serialises with the main loop's.
        for item in items:
            if isinstance(item, Article) and not reanalyse and _unchanged(store, item):
                report.unchanged += 1
            elif isinstance(item, Article) and not analysed and not needs_analysis(item):
                _store(store, item, report, on_item, analysed=False)
            else:
                yield item

    stream = to_analyse(items) if analysed else analyze_stream(
        to_analyse(items), workers, engine=engine, scheduler=scheduler, budget=budget
    )
    for item in stream:
        _store(store, item, report, on_item)
    with store.read() as conn:
        stale = needs_refresh(conn)
    if stale:  # marked by this run's writes, or left by a run killed before its rebuild
        refresh_record(store)  # event instances across articles (docs/record.md)
    return report


def ingest_paths(
    store: Store,
    paths: list[str],
    *,
    analysed: bool = False,
    read_options: Mapping[str, Any] | None = None,
    **options: Any,
) -> IngestReport:
    """Ingest files, directories and URLs: any kind `newsgraph.ingest.read_inputs` reads, with its
    `read_options`; the other `options` are `ingest`'s."""
    items = read_analysed(paths) if analysed else read_inputs(paths, **(read_options or {}))
    return ingest(store, items, analysed=analysed, **options)


def _unchanged(store: Store, doc: Article) -> bool:
    """Stored with the same text, and analysed unless it is in a language the pipeline skips."""
    with store.read() as conn:
        analysed = stored_analysed(conn, doc)
    return analysed is not None and (analysed or not needs_analysis(doc))


def _store(store: Store, item: Item, report: IngestReport, on_item, analysed: bool = True) -> None:
    if isinstance(item, Article):
        try:
            with store.write() as conn:
                save_corrected(conn, item, analysed=analysed)
        except Exception as error:  # a row the database refuses becomes a recorded failure
            item = Failure(item.id, "store", f"{type(error).__name__}: {str(error).splitlines()[0]}")
        else:
            report.stored += analysed
            report.unanalysed += not analysed
    if isinstance(item, Failure):
        with store.write() as conn:
            record_failure(conn, item)
        report.failed += 1
    if on_item:
        on_item(item)
