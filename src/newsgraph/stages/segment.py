"""Sentences and tokens with razdel (through natasha's Segmenter)."""

from __future__ import annotations

from ..doc import Article, Sentence, Token
from ..nlp import segmenter, tokenize
from .base import BatchStage


class Segment(BatchStage):
    name = "segment"
    provides = frozenset({"sentences", "tokens"})

    def annotate(self, doc: Article) -> Article:
        sentences = sentenize(doc.text)
        tokens = []
        index = 0
        for start, stop, _ in tokenize(doc.text):
            while index < len(sentences) - 1 and start >= sentences[index].end:
                index += 1
            tokens.append(Token(start, stop, index))
        return doc.with_layer("sentences", sentences).with_layer("tokens", tokens)


def sentenize(text: str) -> list[Sentence]:
    """razdel sentences within each line: a line break (a headline, a paragraph) always ends a sentence."""
    sentences = []
    offset = 0
    for line in text.split("\n"):
        sentences += [Sentence(offset + s.start, offset + s.stop) for s in segmenter().sentenize(line)]
        offset += len(line) + 1
    return sentences


def sentence_tokens(doc: Article) -> list[list[int]]:
    """Token indices grouped by sentence."""
    groups: list[list[int]] = [[] for _ in doc.sentences]
    for i, token in enumerate(doc.tokens):
        groups[token.sentence].append(i)
    return groups
