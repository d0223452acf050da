"""Part of speech, features and lemmas: slovnet's morphology tagger, batched across articles."""

from __future__ import annotations

from dataclasses import replace

from ..doc import Article
from ..nlp import lemma, morph_tagger
from .base import BatchStage
from .segment import sentence_tokens


def format_feats(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


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
                tokens[d][i] = replace(
                    tokens[d][i],
                    pos=tagged.pos,
                    feats=feats,
                    lemma=lemma(tagged.text, tagged.pos, feats),
                )
        return [doc.with_layer("tokens", toks, marks="morph") for doc, toks in zip(docs, tokens)]
