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
from natasha.morph.lemma import best_form, normal_word
from natasha.morph.vocab import MorphForm, PymorphyAnalyzer, PymorphyParse, ud_feats, ud_pos

from . import inference
from .inference import LengthSorted, tokenize  # noqa: F401  (tokenize is shared by stages)

# Sentences per model call: numpy runs one matrix product per batch, so bigger batches of
# equal-length sentences are cheaper per word (measured: 32 beats slovnet's default 8).
SENTENCE_BATCH = 32
# The parser's scores are sentences × longest × longest: a batch holding a 300-word sentence (a list
# or a table the segmenter left whole) held ~50 MB at 32 sentences; past 64 words a batch shrinks.
PARSER_PADDED_WORDS = SENTENCE_BATCH * 64
# Whole texts are long; past 8 per batch the padded matrices outgrow the CPU cache.
TEXT_BATCH = 8
# Words whose analyses and lemmas are kept (least recently used dropped): at 200,000 each a 200-article run
# kept ~35,000 words' pymorphy analyses and grew past 600 MB; the words news repeats stay within 20,000.
WORD_CACHE = 20_000
# A batch of texts pads to its longest: 8 texts beside a 17,000-character one held ~45 MB more.
NER_PADDED_CHARS = TEXT_BATCH * 6000


@cache
def embedding() -> NewsEmbedding:
    return NewsEmbedding()


@cache
def segmenter() -> Segmenter:
    return Segmenter()


class TaggedForm(MorphForm):
    """natasha's `MorphForm` (`pos`, `feats` in UD terms), the UD reading converted once per pymorphy tag, not
    once per analysis: pymorphy has a few hundred tags, and a corpus's new words make tens of thousands of analyses."""

    def __new__(cls, *args):
        self = PymorphyParse.__new__(cls, *args)
        self.normal = self.normal_form
        self.pos, feats = ud_reading(self.tag)
        self.feats = dict(feats)
        return self


@lru_cache(maxsize=4096)
def ud_reading(tag) -> tuple[str, tuple]:
    return ud_pos(tag), tuple(ud_feats(tag))


class TaggedVocab(MorphVocab):
    """natasha's `MorphVocab`, its analyses `TaggedForm`s."""

    def __init__(self):
        PymorphyAnalyzer.__init__(self, result_type=TaggedForm)


@cache
def morph_vocab() -> MorphVocab:
    return TaggedVocab()


@cache
def morph_model() -> inference.Morph:
    return inference.Morph(NewsMorphTagger(embedding()))


@cache
def morph_tagger() -> LengthSorted:
    """Sentences (lists of words) → markups whose tokens carry `pos` and `feats`."""
    return LengthSorted(morph_model(), SENTENCE_BATCH)


@cache
def morph_features() -> LengthSorted:
    """Sentences (lists of words) → each word's (pos, features string), as `Token` stores them."""
    return LengthSorted(morph_model().pos_feats, SENTENCE_BATCH)


@cache
def syntax_model() -> inference.Syntax:
    return inference.Syntax(NewsSyntaxParser(embedding()))


@cache
def syntax_parser() -> LengthSorted:
    """Sentences (lists of words) → markups whose tokens carry `head_id` (1-based, 0 root) and `rel`."""
    return LengthSorted(syntax_model(), SENTENCE_BATCH, PARSER_PADDED_WORDS)


@cache
def syntax_heads() -> LengthSorted:
    """Sentences (lists of words) → each word's (head, relation), the head 0-based in its sentence, -1 for the root."""
    return LengthSorted(syntax_model().heads_rels, SENTENCE_BATCH, PARSER_PADDED_WORDS)


@cache
def ner_tagger() -> LengthSorted:
    """Texts → markups whose `spans` carry `start`, `stop` and `type` (PER, ORG, LOC)."""
    return LengthSorted(inference.NER(NewsNERTagger(embedding())), TEXT_BATCH, NER_PADDED_CHARS)


@lru_cache(maxsize=WORD_CACHE)
def parses(word: str) -> tuple:
    """pymorphy analyses of a word, cached: news repeats the same words constantly."""
    return tuple(morph_vocab().parse(word))


@lru_cache(maxsize=WORD_CACHE)
def lemma(word: str, pos: str = "", feats: str = "") -> str:
    """The dictionary form of a word, picking the analysis that agrees with the tagger's tags.

    natasha's `MorphVocab.lemmatize`, but over `parses`, whose cache outlives natasha's
    10,000 words on a long corpus.
    """
    feat_dict = dict(pair.split("=", 1) for pair in feats.split("|") if "=" in pair)
    word = normal_word(word)
    form = best_form(parses(word), pos, feat_dict)
    return normal_word(form.normal) if form else word
