"""Where a stream of articles is analysed: here or in local processes (`newsgraph.runner`), or on
Dask (`newsgraph.distributed`). Kept apart from both so that each depends only on the runner's
chunk machinery, and Dask is imported only when asked for."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .budget import Budget
from .runner import ENGINES, Item, analyze_locally


def analyze_stream(
    items: Iterable[Item], workers: int = 1, *, engine: str = "local", scheduler: str | None = None,
    budget: Budget | None = None,
) -> Iterator[Item]:
    """Analysed articles in input order; failures (from reading or analysis) pass through.

    `engine="local"` runs here (`workers=1`) or in local processes; `engine="dask"` runs on
    the cluster at `scheduler`, or on a local Dask cluster of `workers` processes. `budget`
    (default `Budget()`: windows of 200,000 chars, no timeout) bounds each article (`newsgraph.budget`).
    """
    budget = budget or Budget()
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    if engine == "dask":
        from .distributed import analyze_on_dask

        return analyze_on_dask(items, workers=workers, scheduler=scheduler, budget=budget)
    if scheduler:
        raise ValueError("a scheduler address needs engine='dask'")
    return analyze_locally(items, workers, budget)
