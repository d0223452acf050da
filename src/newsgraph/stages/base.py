"""The stage protocol every pipeline step follows, and a base class for batch stages."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..doc import Article


@runtime_checkable
class Stage(Protocol):
    """One job over an article: reads the layers in `requires`, adds those in `provides`."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, doc: Article) -> Article: ...


class BatchStage:
    """Base for stages: `map` over a batch, `__call__` as a batch of one.

    Model stages override `map` to batch sentences across articles; rule stages
    override `annotate` only.
    """

    name = "stage"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def annotate(self, doc: Article) -> Article:
        raise NotImplementedError

    def map(self, docs: list[Article]) -> list[Article]:
        return [self.annotate(doc) for doc in docs]

    def __call__(self, doc: Article) -> Article:
        return self.map([doc])[0]
