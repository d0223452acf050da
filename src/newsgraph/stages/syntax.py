"""Dependency syntax with slovnet's parser, only for the sentences a later stage will read."""

from __future__ import annotations

from collections.abc import Callable
from ..doc import Article, Token
from ..nlp import syntax_heads
from .base import BatchStage
from .segment import sentence_tokens

SentenceFilter = Callable[[Article, list[int]], bool]


def with_syntax(token: Token, head: int, rel: str) -> Token:
    """The token with its head and relation; the constructor, as `dataclasses.replace` costs 3× more per token."""
    return Token(token.start, token.end, token.sentence, token.lemma, token.pos, token.feats, head, rel)


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
        for (d, idxs), parsed in zip(groups, syntax_heads().map(words)):
            for i, (head, rel) in zip(idxs, parsed):
                tokens[d][i] = with_syntax(tokens[d][i], idxs[head] if head >= 0 else -1, rel)
        return [doc.with_layer("tokens", toks, marks="syntax") for doc, toks in zip(docs, tokens)]
