"""The Russian models, loaded once per process from the natasha/slovnet wheels."""

from __future__ import annotations

from functools import cache, lru_cache

from natasha import (
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)


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
def morph_tagger() -> NewsMorphTagger:
    return NewsMorphTagger(embedding())


@cache
def syntax_parser() -> NewsSyntaxParser:
    return NewsSyntaxParser(embedding())


@cache
def ner_tagger() -> NewsNERTagger:
    return NewsNERTagger(embedding())


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """pymorphy analyses of a word, cached: news repeats the same words constantly."""
    return tuple(morph_vocab().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str, pos: str = "", feats: str = "") -> str:
    """The dictionary form of a word, picking the analysis that agrees with the tagger's tags."""
    feat_dict = dict(pair.split("=", 1) for pair in feats.split("|") if "=" in pair)
    return morph_vocab().lemmatize(word, pos, feat_dict).replace("ё", "е")
