"""`ingest`: read, analyse and store a batch, one transaction per article, every failure recorded.

A killed run leaves only whole articles behind; running it again skips the articles already
stored with the same text and finishes the rest. Analysis may run in worker processes, but
only this process writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..doc import Article, Failure
from ..ingest import needs_analysis, read_inputs
from ..runner import analyze_stream
from .db import Store
from .write import record_failure, save_article, stored_analysed

Item = Article | Failure


@dataclass
class IngestReport:
    stored: int = 0
    unanalysed: int = 0
    unchanged: int = 0
    failed: int = 0

    def summary(self) -> str:
        return (
            f"{self.stored} articles stored, {self.unanalysed} stored without analysis (not Russian), "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )


def read_analysed(paths: Iterable[str]) -> Iterator[Item]:
    """Articles already in the analyze JSON format (`newsgraph analyze --output`), stored as they are."""
    for path in paths:
        try:
            with open(path, encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if line.strip():
                        yield _analysed_article(line, f"{path}:{number}")
        except (OSError, UnicodeDecodeError) as error:
            yield Failure(str(path), "read", f"{path}: {error}")


def _analysed_article(line: str, where: str) -> Item:
    try:
        return Article.from_json(json.loads(line))
    except (ValueError, TypeError, KeyError) as error:
        return Failure(where, "read", f"{where}: not an analysed article ({error})")


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
) -> IngestReport:
    """Analyse (unless `analysed`) and store each article; `on_item` sees each stored article or failure.

    `engine`/`scheduler` choose where analysis runs (`newsgraph.runner.analyze_stream`);
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
        to_analyse(items), workers, engine=engine, scheduler=scheduler
    )
    for item in stream:
        _store(store, item, report, on_item)
    if report.stored:
        from ..record.refresh import refresh_record  # here: the record package builds on the store

        refresh_record(store)  # event instances across articles (docs/record.md)
    return report


def ingest_paths(
    store: Store,
    paths: list[str],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    analysed: bool = False,
    reanalyse: bool = False,
    on_item: Callable[[Item], None] | None = None,
    **read_options: Any,
) -> IngestReport:
    """Ingest files, directories and URLs: any kind `newsgraph.ingest.read_inputs` reads, with its options."""
    items = read_analysed(paths) if analysed else read_inputs(paths, **read_options)
    return ingest(
        store, items, workers=workers, engine=engine, scheduler=scheduler,
        analysed=analysed, reanalyse=reanalyse, on_item=on_item,
    )


def _unchanged(store: Store, doc: Article) -> bool:
    """Stored with the same text, and analysed unless it is in a language the pipeline skips."""
    with store.read() as conn:
        analysed = stored_analysed(conn, doc)
    return analysed is not None and (analysed or not needs_analysis(doc))


def _store(store: Store, item: Item, report: IngestReport, on_item, analysed: bool = True) -> None:
    if isinstance(item, Article):
        try:
            with store.write() as conn:
                save_article(conn, item, analysed=analysed)
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
