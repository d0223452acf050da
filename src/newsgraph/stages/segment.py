"""Sentences and tokens with razdel (through natasha's Segmenter)."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..doc import Article, Sentence, make_token
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
            tokens.append(make_token(start, stop, index))
        return doc.with_layer("sentences", sentences).with_layer("tokens", tokens)


HARD_WRAP_SPACE = " \t\r\u00a0"


def soft_wrap(text: str, i: int) -> bool:
    """The line break at `i` wraps a sentence (`Сергей Багапш \\nпредупредил`), as in hard-wrapped archives:
    the next line goes on in lower case after a line that did not end a sentence; or with a comma, as where a
    page's link stood on a line of its own (`Иван Петров\nзаявил\n, что …`)."""
    before = text[max(0, i - 16) : i].rstrip(HARD_WRAP_SPACE)[-1:]  # a window, not the whole prefix
    after = text[i + 1 : i + 4].lstrip(HARD_WRAP_SPACE)[:1]
    return bool(before) and before not in ".!?…:;" and (after == "," or (after.isalpha() and after.islower()))


def paragraph_break(text: str, start: int, end: int) -> bool:
    """A line break between `start` and `end` that ends a paragraph (or a headline), not a wrap."""
    i = text.find("\n", start, end)
    while i >= 0:
        if not soft_wrap(text, i):
            return True
        i = text.find("\n", i + 1, end)
    return False


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph line, soft wraps joined."""
    found, start = [], 0
    for match in re.finditer("\n", text):
        if not soft_wrap(text, match.start()):
            found.append((start, match.start()))
            start = match.end()
    return found + [(start, len(text))]


def sentenize(text: str) -> list[Sentence]:
    """razdel sentences within each line: a line break (a headline, a paragraph) always ends a sentence,
    a soft wrap inside a sentence does not."""
    sentences = []
    for start, end in lines(text):
        sentences += [Sentence(start + s.start, start + s.stop) for s in segmenter().sentenize(text[start:end])]
    return sentences


def sentence_tokens(doc: Article) -> list[list[int]]:
    """Token indices grouped by sentence: runs of the sentence numbers, found by bisection when they are in order
    (segmentation makes them so), not by one append per token."""
    sentence_of = [token.sentence for token in doc.tokens]
    if sentence_of != sorted(sentence_of):
        groups: list[list[int]] = [[] for _ in doc.sentences]
        for i, sentence in enumerate(sentence_of):
            groups[sentence].append(i)
        return groups
    bounds = [bisect_left(sentence_of, s) for s in range(len(doc.sentences) + 1)]
    return [list(range(start, end)) for start, end in zip(bounds, bounds[1:])]
