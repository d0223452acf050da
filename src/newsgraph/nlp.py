"""The Russian models, loaded once per process from the natasha/slovnet wheels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

from natasha import (
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.morph.lemma import best_form, normal_word

# Sentences per model call: numpy runs one matrix product per batch, so bigger batches of
# equal-length sentences are cheaper per word (measured: 32 beats slovnet's default 8).
SENTENCE_BATCH = 32
# Whole texts are long; past 8 per batch the padded matrices outgrow the CPU cache.
TEXT_BATCH = 8


def memoised_encoding(encode: Callable[[list[str]], tuple[list[int], list[int]]]) -> Callable:
    """slovnet's words → (vocabulary ids, shape ids), remembered per word: news repeats its words."""

    @lru_cache(maxsize=100_000)
    def word_ids(word: str) -> tuple[int, int]:
        (word_id,), (shape_id,) = encode([word])
        return word_id, shape_id

    def encode_words(words: list[str]) -> tuple[list[int], list[int]]:
        pairs = [word_ids(word) for word in words]
        return [p[0] for p in pairs], [p[1] for p in pairs]

    return encode_words


class LengthSorted:
    """A slovnet model whose batches hold items of similar length, results in input order.

    slovnet pads every item of a batch to the longest one, so a batch mixing a 5-word
    and a 60-word sentence does twelve times the work for the short one. Sorting by
    length first removes that waste; the predictions are the same.
    """

    def __init__(self, model: Any, batch_size: int):
        model.batch_size = model.infer.encoder.batch_size = batch_size
        model.infer.encoder.item = memoised_encoding(model.infer.encoder.item)
        self.model = model

    def map(self, items: Sequence) -> list:
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        results: list = [None] * len(items)
        for i, result in zip(order, self.model.map([items[i] for i in order])):
            results[i] = result
        return results

    def __call__(self, item: Any) -> Any:
        return self.map([item])[0]


@cache
def embedding() -> NewsEmbedding:
    return NewsEmbedding()


@cache
def segmenter() -> Segmenter:
    return Segmenter()


@cache
def morph_vocab() -> MorphVocab:
    return MorphVocab()


@cache
def morph_tagger() -> LengthSorted:
    return LengthSorted(NewsMorphTagger(embedding()), SENTENCE_BATCH)


@cache
def syntax_parser() -> LengthSorted:
    return LengthSorted(NewsSyntaxParser(embedding()), SENTENCE_BATCH)


@cache
def ner_tagger() -> LengthSorted:
    return LengthSorted(NewsNERTagger(embedding()), TEXT_BATCH)


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """pymorphy analyses of a word, cached: news repeats the same words constantly."""
    return tuple(morph_vocab().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str, pos: str = "", feats: str = "") -> str:
    """The dictionary form of a word, picking the analysis that agrees with the tagger's tags.

    natasha's `MorphVocab.lemmatize`, but over `parses`, whose cache outlives natasha's
    10,000 words on a long corpus.
    """
    feat_dict = dict(pair.split("=", 1) for pair in feats.split("|") if "=" in pair)
    word = normal_word(word)
    form = best_form(parses(word), pos, feat_dict)
    return normal_word(form.normal) if form else word
