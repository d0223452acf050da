"""Stages and the pipeline that runs them over one article or a stream of them."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from itertools import islice

from .doc import Article, Failure
from .stages.base import Stage


class PipelineError(Exception):
    pass


class Pipeline:
    """Stages in order, checked when built: each stage's requirements must be provided earlier."""

    def __init__(self, stages: Iterable[Stage], batch_size: int = 32):
        self.stages = list(stages)
        self.batch_size = batch_size
        available = {"text"}
        for stage in self.stages:
            missing = set(stage.requires) - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {sorted(missing)}, "
                    f"which no earlier stage provides (available: {sorted(available)})"
                )
            available |= set(stage.provides)
        self.provides = frozenset(available)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(s.name for s in self.stages)}])"

    def __call__(self, doc: Article) -> Article:
        result = next(iter(self.map([doc])))
        if isinstance(result, Failure):
            raise PipelineError(f"article {result.article_id}: stage {result.stage}: {result.error}")
        return result

    def map(self, docs: Iterable[Article]) -> Iterator[Article | Failure]:
        """Yield each article annotated, or a `Failure` naming the article and stage."""
        docs = iter(docs)
        while batch := list(islice(docs, self.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[Article | Failure]:
        results: list[Article | Failure] = list(batch)
        for stage in self.stages:
            alive = [i for i, r in enumerate(results) if isinstance(r, Article)]
            if not alive:
                break
            for i, out in zip(alive, self._apply(stage, [results[i] for i in alive])):
                results[i] = out
        return results

    def _apply(self, stage: Stage, docs: list[Article]) -> list[Article | Failure]:
        """Run a stage on a batch; if the batch fails, retry one by one to isolate the culprit."""
        try:
            outs = list(stage.map(docs)) if hasattr(stage, "map") else [stage(d) for d in docs]
            for out in outs:
                _check_output(stage, out)
            return outs
        except Exception:
            if len(docs) == 1:
                return [_failure(docs[0], stage)]
        return [self._apply(stage, [doc])[0] for doc in docs]


def _check_output(stage: Stage, out: object) -> None:
    if not isinstance(out, Article):
        raise PipelineError(
            f"stage {stage.name!r} returned {type(out).__name__}, expected Article"
        )


def _failure(doc: Article, stage: Stage) -> Failure:
    error = traceback.format_exc(limit=3).strip().splitlines()[-1]
    return Failure(article_id=doc.id, stage=stage.name, error=error)


def default_pipeline(batch_size: int = 32, events: Stage | None = None) -> Pipeline:
    """The full analysis, in order; later issues add their stages here. `events` replaces the events stage
    (`Events(lexicon_only=True)`, or a trigger model being trained)."""
    from .stages.bodies import Bodies
    from .stages.entities import Resolve
    from .stages.link import Link
    from .stages.mention_kinds import MentionKinds
    from .stages.events import Events
    from .stages.morph import Morph
    from .stages.ner import NER
    from .stages.normalize import Normalize
    from .stages.quotes import Quotes
    from .stages.segment import Segment
    from .stages.syntax import Syntax
    from .stages.syntax_filter import needs_syntax

    return Pipeline([Segment(), Morph(), Syntax(needs_syntax), NER(), Normalize(), Resolve(), Link(), Quotes(), events or Events(), Bodies(), MentionKinds()], batch_size)
