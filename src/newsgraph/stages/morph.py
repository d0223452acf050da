"""Part of speech, features and lemmas: slovnet's morphology tagger, batched across articles."""

from __future__ import annotations

from functools import lru_cache

from ..doc import Article, Token
from ..nlp import lemma, morph_tagger
from .base import BatchStage
from .segment import sentence_tokens


def format_feats(feats: dict[str, str]) -> str:
    return joined_feats(tuple(feats.items()))


@lru_cache(maxsize=4096)
def joined_feats(items: tuple[tuple[str, str], ...]) -> str:
    """Memoised: the tagger knows a few hundred tags, so the same features come again and again."""
    return "|".join(f"{k}={v}" for k, v in sorted(items))


def with_morph(token: Token, pos: str, feats: str, lemma: str) -> Token:
    """The token with its morphology; the constructor, as `dataclasses.replace` costs 3× more per token."""
    return Token(token.start, token.end, token.sentence, lemma, pos, feats, token.head, token.rel)


class Morph(BatchStage):
    name = "morph"
    requires = frozenset({"tokens"})
    provides = frozenset({"morph"})

    def map(self, docs: list[Article]) -> list[Article]:
        groups = [(d, idxs) for d, doc in enumerate(docs) for idxs in sentence_tokens(doc) if idxs]
        words = [[docs[d].span_text(docs[d].tokens[i]) for i in idxs] for d, idxs in groups]
        tokens = [list(doc.tokens) for doc in docs]
        for (d, idxs), markup in zip(groups, morph_tagger().map(words)):
            for i, tagged in zip(idxs, markup.tokens):
                feats = format_feats(tagged.feats)
                tokens[d][i] = with_morph(tokens[d][i], tagged.pos, feats, lemma(tagged.text, tagged.pos, feats))
        return [doc.with_layer("tokens", toks, marks="morph") for doc, toks in zip(docs, tokens)]
