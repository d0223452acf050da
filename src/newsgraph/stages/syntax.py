"""Dependency syntax with slovnet's parser, only for the sentences a later stage will read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..doc import Article
from ..nlp import syntax_parser
from .base import BatchStage
from .segment import sentence_tokens

SentenceFilter = Callable[[Article, list[int]], bool]


def every_sentence(doc: Article, token_ids: list[int]) -> bool:
    return True


class Syntax(BatchStage):
    """Parse sentences; `needed` picks which (parsing is the slowest step, most sentences need none)."""

    name = "syntax"
    requires = frozenset({"morph"})
    provides = frozenset({"syntax"})

    def __init__(self, needed: SentenceFilter = every_sentence):
        self.needed = needed

    def map(self, docs: list[Article]) -> list[Article]:
        groups = [
            (d, idxs)
            for d, doc in enumerate(docs)
            for idxs in sentence_tokens(doc)
            if idxs and self.needed(doc, idxs)
        ]
        words = [[docs[d].span_text(docs[d].tokens[i]) for i in idxs] for d, idxs in groups]
        tokens = [list(doc.tokens) for doc in docs]
        for (d, idxs), markup in zip(groups, syntax_parser().map(words)):
            for i, parsed in zip(idxs, markup.tokens):
                head = int(parsed.head_id) - 1
                tokens[d][i] = replace(
                    tokens[d][i], head=idxs[head] if head >= 0 else -1, rel=parsed.rel
                )
        return [doc.with_layer("tokens", toks, marks="syntax") for doc, toks in zip(docs, tokens)]
