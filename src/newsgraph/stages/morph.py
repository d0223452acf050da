"""Part of speech, features and lemmas: slovnet's morphology tagger, batched across articles."""

from __future__ import annotations

from ..doc import Article, Token, make_token
from ..nlp import lemma, morph_features
from .base import BatchStage
from .segment import sentence_tokens


def with_morph(token: Token, pos: str, feats: str, lemma: str) -> Token:
    """The token with its morphology, built by `make_token` (`dataclasses.replace` costs 3× more per token)."""
    return make_token(token.start, token.end, token.sentence, lemma, pos, feats, token.head, token.rel)


class Morph(BatchStage):
    name = "morph"
    requires = frozenset({"tokens"})
    provides = frozenset({"morph"})

    def map(self, docs: list[Article]) -> list[Article]:
        groups = [(d, idxs) for d, doc in enumerate(docs) for idxs in sentence_tokens(doc) if idxs]
        words = [[docs[d].span_text(docs[d].tokens[i]) for i in idxs] for d, idxs in groups]
        tokens = [list(doc.tokens) for doc in docs]
        for (d, idxs), sentence, tags in zip(groups, words, morph_features().map(words)):
            for i, word, (pos, feats) in zip(idxs, sentence, tags):
                tokens[d][i] = with_morph(tokens[d][i], pos, feats, lemma(word, pos, feats))
        return [doc.with_layer("tokens", toks, marks="morph") for doc, toks in zip(docs, tokens)]
