"""Analysis written as shard files where it runs, merged into the store later by `ingest --analysed`.

The client cuts the corpus into partitions exactly as the Dask engine does and sends each
one to a worker, which analyses it and writes `part-NNNNNN.jsonl.gz` (the `analyze --output`
lines) and `part-NNNNNN.failures.jsonl` itself; only counts come back. So the records never
cross the client's network path, and no single writer limits how many workers help. Files
appear under their final name only when whole (temporary name, then `os.replace`): a killed
run leaves whole shards, and running it again skips the partitions already written.
"""

from __future__ import annotations

import gc
import gzip
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from dask.distributed import Client

from .budget import Budget
from .distributed import IN_FLIGHT_PER_WORKER, PARTITION, dask_client, in_flight
from .doc import Article, Failure
from .jsonl import FAILURES_SUFFIX, failure_line
from .runner import ENGINES, YOUNG_GC_THRESHOLD, Item, analyze_chunk, chunks, prepare_worker
from .wording import counted

# Where the client records the articles of a partition whose worker died (rewritten each run).
CLIENT_FAILURES = "client" + FAILURES_SUFFIX


class Pending(Protocol):
    """A submitted partition: a `concurrent.futures` or a Dask future."""

    def result(self) -> Any: ...


Submit = Callable[..., Pending]
Advance = Callable[[int], None]  # told how many input items each partition held, when it is done


def ignore(count: int) -> None:
    pass


@dataclass(frozen=True)
class ShardCounts:
    """What a worker sends back for a partition: counts, never the records."""

    analysed: int = 0
    failed: int = 0
    chars: int = 0


@dataclass
class ShardReport:
    """What a run did, summed from the workers' counts; `lost` items went to the client's failures file."""

    written: int = 0
    skipped: int = 0
    analysed: int = 0
    failed: int = 0
    lost: int = 0
    chars: int = 0

    def summary(self) -> str:
        return (
            f"{counted(self.written, 'shard')} written ({counted(self.analysed, 'article')} analysed, {self.failed} failed), "
            f"{self.skipped} skipped (already written), {counted(self.lost, 'article')} of failed partitions recorded in {CLIENT_FAILURES}"
        )


def shard_path(directory: Path, index: int) -> Path:
    return directory / f"part-{index:06d}.jsonl.gz"


def failures_path(directory: Path, index: int) -> Path:
    return directory / f"part-{index:06d}{FAILURES_SUFFIX}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write under a temporary name in the same directory, then rename: readers see all of it or none."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def analyze_to_shard(directory: str, index: int, items: list[Item], budget: Budget | None = None) -> ShardCounts:
    """Analyse one partition and write it as shard `index`; runs on the worker.

    The failures file goes first: the shard's existence is what marks the partition done.
    """
    results = analyze_chunk(items, budget)
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, Failure)]
    root = Path(directory)
    if failures:
        write_atomically(failures_path(root, index), "".join(map(failure_line, failures)).encode())
    else:
        failures_path(root, index).unlink(missing_ok=True)  # left by an earlier, killed attempt
    lines = "".join(a.dumps() + "\n" for a in articles).encode()
    write_atomically(shard_path(root, index), gzip.compress(lines, compresslevel=1, mtime=0))
    return ShardCounts(len(articles), len(failures), sum(len(a.text) for a in articles))


def write_shards(
    items: Iterable[Item], directory: Path, submit: Submit, window: int, partition: int = PARTITION, advance: Advance = ignore,
    budget: Budget | None = None,
) -> ShardReport:
    """Send each partition without a shard to `submit`, keeping at most `window` in flight."""
    directory.mkdir(parents=True, exist_ok=True)
    lost_file = directory / CLIENT_FAILURES
    lost_file.unlink(missing_ok=True)
    report = ShardReport()
    root = str(directory.absolute())  # workers on other hosts see the shared filesystem at the same path
    pending: deque[tuple[list[Item], Pending]] = deque()
    for index, chunk in enumerate(chunks(items, partition)):
        if shard_path(directory, index).exists():
            report.skipped += 1
            advance(len(chunk))
            continue
        pending.append((chunk, submit(analyze_to_shard, root, index, chunk, budget)))
        if len(pending) >= window:
            advance(_collect(*pending.popleft(), report, lost_file))
    while pending:
        advance(_collect(*pending.popleft(), report, lost_file))
    return report


def _collect(chunk: list[Item], future: Pending, report: ShardReport, lost_file: Path) -> int:
    """Wait for a partition and count it; returns how many input items it held."""
    try:
        counts = future.result()
    except Exception as error:  # the worker died or could not write: record every article here
        reason = f"shard partition failed: {type(error).__name__}: {error}"
        lost = [Failure(d.id, "worker", reason) if isinstance(d, Article) else d for d in chunk]
        with lost_file.open("a", encoding="utf-8") as out:
            out.writelines(map(failure_line, lost))
        report.lost += len(lost)
        return len(chunk)
    report.written += 1
    report.analysed += counts.analysed
    report.failed += counts.failed
    report.chars += counts.chars
    return len(chunk)


def shard_corpus(
    items: Iterable[Item], directory: Path, workers: int = 1, *, engine: str = "local", scheduler: str | None = None,
    advance: Advance = ignore, budget: Budget | None = None,
) -> ShardReport:
    """`write_shards` on an engine of `newsgraph.engines.analyze_stream`: here, local processes or Dask."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    if engine == "dask":
        with dask_client(scheduler, workers) as client:
            return shard_with(client, items, directory, advance=advance, budget=budget)
    if scheduler:
        raise ValueError("a scheduler address needs engine='dask'")
    if workers <= 1:
        gc.set_threshold(YOUNG_GC_THRESHOLD)
        return write_shards(items, directory, run_here, 1, advance=advance, budget=budget)
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=prepare_worker) as pool:
        return write_shards(items, directory, pool.submit, IN_FLIGHT_PER_WORKER * workers, advance=advance, budget=budget)


def shard_with(
    client: Client, items: Iterable[Item], directory: Path, partition: int = PARTITION, advance: Advance = ignore,
    budget: Budget | None = None,
) -> ShardReport:
    """`write_shards` on the workers of a Dask `client`, each building its pipeline once."""
    client.run(prepare_worker)
    return write_shards(items, directory, partial(client.submit, pure=False), in_flight(client), partition, advance, budget)


def run_here(function: Callable, *args) -> Future:
    """Run now, in this process, behind the interface of a pool's `submit`."""
    future: Future = Future()
    try:
        future.set_result(function(*args))
    except Exception as error:
        future.set_exception(error)
    return future
