"""Dependency syntax with slovnet's parser, only for the sentences a later stage will read."""

from __future__ import annotations

from collections.abc import Callable
from ..doc import Article, Token, make_token
from ..nlp import syntax_heads
from .base import BatchStage
from .segment import sentence_tokens

SentenceFilter = Callable[[Article, list[int]], bool]


def with_syntax(token: Token, head: int, rel: str) -> Token:
    """The token with its head and relation, built by `make_token` (`dataclasses.replace` costs 3× more per token)."""
    return make_token(token.start, token.end, token.sentence, token.lemma, token.pos, token.feats, head, rel)


def agree(a: Token, b: Token) -> bool:
    """Two finite verbs of one subject: same tense, and the same gender (past) or person, and number."""
    keys = ("Tense", "Number", "Gender") if a.feat("Tense") == "Past" else ("Tense", "Number", "Person")
    return a.feat("VerbForm") == b.feat("VerbForm") == "Fin" and all(a.feat(k) == b.feat(k) for k in keys)


def reattach_coordinated_verbs(tokens: list[Token], ids: list[int]) -> None:
    """`заявил, что оппозиция не признает итоги, и призвал …`: the parser often hangs the second verb
    of the speaker on the last verb of the `что`-clause. When it agrees with the verb above that
    clause and not with its head, it is that verb's conjunct, and shares that verb's subject."""
    for i in ids:
        token = tokens[i]
        if token.rel != "conj" or token.pos != "VERB" or token.head is None or token.head < 0:
            continue
        head = tokens[token.head]
        governor = head.head if head.rel == "ccomp" and head.head is not None and head.head >= 0 else None
        if governor is not None and agree(token, tokens[governor]) and not agree(token, head):
            tokens[i] = with_syntax(token, governor, "conj")


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
            reattach_coordinated_verbs(tokens[d], idxs)
        return [doc.with_layer("tokens", toks, marks="syntax") for doc, toks in zip(docs, tokens)]
