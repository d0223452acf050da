"""slovnet's three CNN models, run over a batch laid end to end instead of padded.

slovnet convolves a padded batch by copying every window of every sentence into one
matrix, padding included. Laid end to end with `padding` zero rows between them, the
sentences need one product of a contiguous slice per kernel position and no copy. The
zero rows are exactly what the padded convolution sees past each sentence edge (the pad
embedding is zero and slovnet zeroes padding after every layer), so the tags, parses and
spans are the same as slovnet's (checked on NEREL dev: 1,193 sentences, all identical).
The heads that need slovnet's batch shape (the parser's, the NER CRF) get it back after
the convolutions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from slovnet.exec.mask import split_masked
from slovnet.conll import parse_conll_tag
from slovnet.markup import MorphMarkup, MorphToken, SpanMarkup, SyntaxMarkup
from slovnet.span import Span

from .tokenizer import razdel_tokens

Words = list[str]
# (word, shape) pairs whose first-layer products each model keeps: 12,000 × 768 floats, 37 MB. On 80 NG + RT
# articles that computes 6% more products than 20,000 did, and the peak memory is 40 MB lower.
KNOWN_PAIRS = 12_000


@lru_cache(maxsize=128)
def tokenize(text: str) -> tuple[tuple[int, int, str], ...]:
    """razdel's tokens of a text as (start, stop, word), kept while its batch is in flight.

    Segmentation and the NER model both need them; slovnet would tokenize each text again.
    """
    return tuple(razdel_tokens(text))


# Words whose ids are kept (least recently used dropped): 100,000 per model let a long run grow by ~20 MB.
WORD_IDS = 20_000
_word_ids: list[tuple[tuple[list, list], Callable[[str], tuple[int, int]]]] = []


def word_ids(encoder: Any) -> Callable[[str], tuple[int, int]]:
    """A word's (word id, shape id), remembered once for all models with the same vocabularies: natasha's morph,
    syntax and NER models share navec's words and slovnet's shapes, so each new word is looked up once, not thrice."""
    vocabularies = (encoder.words_vocab.items, encoder.shapes_vocab.items)
    for known, lookup in _word_ids:
        if known == vocabularies:
            return lookup
    lookup = lru_cache(maxsize=WORD_IDS)(lambda word: tuple(x[0] for x in encoder.item([word])))
    _word_ids.append((vocabularies, lookup))
    return lookup


class FlatEncoder:
    """Embedding and CNN encoder of a slovnet model over sentences laid end to end."""

    def __init__(self, infer: Any):
        model, encoder = infer.model, infer.encoder
        self.embed = model.emb
        self.layers = model.encoder.layers
        self.pad_word, self.pad_shape = encoder.words_vocab.pad_id, encoder.shapes_vocab.pad_id
        self.padding = self.layers[0].conv.padding
        width = self.layers[0].conv.weight.shape[2]
        self.kernels = [
            [np.ascontiguousarray(layer.conv.weight.array[:, :, k].T) for k in range(width)] for layer in self.layers
        ]
        # The first layer's kernels side by side: one product per distinct (word, shape) pair.
        self.first = np.ascontiguousarray(np.concatenate(self.kernels[0], axis=1))
        self.shapes = len(encoder.shapes_vocab.items)
        # Products kept across batches for the first pairs seen (news repeats its frequent words
        # from the start); np.empty costs memory only as rows are filled.
        self.known: dict[int, int] = {}
        self.table = np.empty((KNOWN_PAIRS, self.first.shape[1]), dtype=np.float32)
        self.word_ids = word_ids(encoder)

    def __call__(self, sentences: Sequence[Words]) -> tuple[np.ndarray, list[int], list[int]]:
        """Encoded words, one row each, with each sentence's first row and length."""
        pad = self.padding
        lengths = [len(words) for words in sentences]
        rows = sum(lengths) + pad * (len(sentences) + 1)
        word_id, shape_id = np.full(rows, self.pad_word), np.full(rows, self.pad_shape)
        inside = np.zeros(rows, dtype=bool)
        starts, at = [], pad
        for words, length in zip(sentences, lengths):
            if length:
                word_id[at : at + length], shape_id[at : at + length] = zip(*map(self.word_ids, words))
            inside[at : at + length] = True
            starts.append(at)
            at += length + pad
        x = None
        for depth, (layer, kernels) in enumerate(zip(self.layers, self.kernels)):
            out = np.zeros((rows, kernels[0].shape[1]), dtype=np.float32)
            centre = out[pad : rows - pad]
            if depth == 0:
                self.convolve_first(word_id, shape_id, centre)
            else:
                for k, kernel in enumerate(kernels):
                    centre += x[k : k + rows - 2 * pad] @ kernel
            centre += layer.conv.bias.array
            norm = layer.norm  # (relu(out) - mean) / std * weight + bias, in place: the same steps, no temporaries
            np.clip(out, 0, None, out=out)
            out -= norm.mean.array
            out /= norm.std.array
            out *= norm.weight.array
            out += norm.bias.array
            out[~inside] = 0
            x = out
        return x, starts, lengths

    def convolve_first(self, word_id: np.ndarray, shape_id: np.ndarray, centre: np.ndarray) -> None:
        """The first convolution, the costliest (330 inputs per word): news repeats its words, so
        each distinct (word, shape) pair is embedded and multiplied once, its products kept for
        later batches, and every row gathers its three products (the same sums in the same order
        as row by row, so the results are identical)."""
        distinct, inverse = np.unique(word_id * self.shapes + shape_id, return_inverse=True)
        at = np.fromiter((self.known.get(pair, -1) for pair in distinct.tolist()), dtype=np.intp, count=len(distinct))
        new = at < 0
        products = np.empty((len(distinct), self.first.shape[1]), dtype=np.float32)
        products[~new] = self.table[at[~new]]
        if new.any():
            pairs = distinct[new]
            products[new] = computed = self.embedded(pairs // self.shapes, pairs % self.shapes) @ self.first
            room = min(len(pairs), len(self.table) - len(self.known))
            if room > 0:
                first_free = len(self.known)
                self.table[first_free : first_free + room] = computed[:room]
                self.known.update(zip(pairs[:room].tolist(), range(first_free, first_free + room)))
        width = centre.shape[1]
        for k in range(len(self.kernels[0])):
            centre += products[inverse[k : k + len(centre)], k * width : (k + 1) * width]

    def embedded(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """slovnet's word and shape embedding, each distinct word dequantised once per batch
        (navec's product-quantised lookup is the costly part, and padding rows repeat one id)."""
        distinct, inverse = np.unique(word_id, return_inverse=True)
        return np.concatenate((self.embed.word(distinct)[inverse], self.embed.shape(shape_id)), axis=-1)


def padded(x: np.ndarray, starts: list[int], lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """slovnet's batch shape back: (sentences, longest, features) and the padding mask."""
    batch = np.zeros((len(starts), max(lengths), x.shape[1]), dtype=x.dtype)
    pad_mask = np.ones(batch.shape[:2], dtype=bool)
    for row, (start, length) in enumerate(zip(starts, lengths)):
        batch[row, :length] = x[start : start + length]
        pad_mask[row, :length] = False
    return batch, pad_mask


class Morph:
    def __init__(self, tagger: Any):
        self.encode = FlatEncoder(tagger.infer)
        self.weight, self.bias = tagger.infer.model.head.proj.weight.array, tagger.infer.model.head.proj.bias.array
        self.tags = [parse_conll_tag(tag) for tag in tagger.infer.decoder.tags_vocab.items]
        self.joined = [(pos, "|".join(f"{k}={v}" for k, v in sorted(feats.items()))) for pos, feats in self.tags]

    def tag_ids(self, sentences: Sequence[Words]) -> list[list[int]]:
        x, starts, lengths = self.encode(sentences)
        logits = x @ self.weight  # slovnet's `MorphHead`, its bias added in place: 753 tags a word, no second array
        logits += self.bias
        best = logits.argmax(-1).tolist()
        return [best[start : start + length] for start, length in zip(starts, lengths)]

    def __call__(self, sentences: Sequence[Words]) -> list[MorphMarkup]:
        return [
            MorphMarkup([self.token(word, t) for word, t in zip(words, ids)])
            for words, ids in zip(sentences, self.tag_ids(sentences))
        ]

    def pos_feats(self, sentences: Sequence[Words]) -> list[list[tuple[str, str]]]:
        """Each word's part of speech and features as one string (`Case=Nom|Number=Sing`), joined
        once per tag when the model loads: no markup records, no joining per word."""
        return [[self.joined[t] for t in ids] for ids in self.tag_ids(sentences)]

    def token(self, word: str, tag: int) -> MorphToken:
        """Tags are parsed once, when the model loads; each token gets its own copy of the features."""
        pos, feats = self.tags[tag]
        return MorphToken(word, pos, dict(feats))


class Syntax:
    def __init__(self, parser: Any):
        self.encode = FlatEncoder(parser.infer)
        self.model = parser.infer.model
        self.decoder = parser.infer.decoder

    def predict(self, sentences: Sequence[Words]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        x, mask = padded(*self.encode(sentences))
        mask = ~mask
        head_id = self.model.head.decode(self.model.head(x), mask)
        rel_id = self.model.rel.decode(self.model.rel(x, head_id), mask)
        return split_masked(head_id, mask), split_masked(rel_id, mask)

    def __call__(self, sentences: Sequence[Words]) -> list[SyntaxMarkup]:
        decoded = self.decoder(zip(*self.predict(sentences)))
        return [
            SyntaxMarkup.from_tuples(zip(ids, words, heads, rels))
            for words, (ids, heads, rels) in zip(sentences, decoded)
        ]

    def heads_rels(self, sentences: Sequence[Words]) -> list[list[tuple[int, str]]]:
        """Each word's head (0-based position in its sentence, -1 for the root) and relation, with
        no markup records and no ids turned into strings and back."""
        rels = self.decoder.rels_vocab.items
        return [
            [(head - 1, rels[rel]) for head, rel in zip(heads.tolist(), rel_ids.tolist())]
            for heads, rel_ids in zip(*self.predict(sentences))
        ]


class NER:
    """Over the tokens segmentation made (both are razdel's), not a second tokenization."""

    def __init__(self, tagger: Any):
        self.encode = FlatEncoder(tagger.infer)
        self.head = tagger.infer.model.head
        self.decoder = tagger.infer.decoder

    def __call__(self, texts: Sequence[str]) -> list[SpanMarkup]:
        items = [[word for _, _, word in tokenize(text)] for text in texts]
        x, pad_mask = padded(*self.encode(items))
        tags = self.decoder(best_paths(self.head(x), ~pad_mask, self.head.crf.transitions.array))
        return [SpanMarkup(text, bio_spans(tokenize(text), t)) for text, t in zip(texts, tags)]


def best_paths(emissions: np.ndarray, mask: np.ndarray, transitions: np.ndarray) -> list[list[int]]:
    """slovnet's CRF Viterbi decoding (`CRF.decode`), the same sums in the same order, with fewer steps per word:
    a step's best scores are the maxima its argmax points at, so no index grid is built and gathered from (slovnet's
    `np.indices` per word was a third of the NER model's time on whole texts), and the way back reads Python lists."""
    batch, length, tags = emissions.shape
    score = emissions[:, 0]
    by_step = np.ascontiguousarray(emissions.swapaxes(0, 1))[:, :, None, :]  # step × text × 1 × tag
    every_text = mask.all(0)
    history = np.empty((max(length - 1, 0), batch, tags), dtype=np.intp)
    for step in range(1, length):
        scores = score[:, :, None] + transitions
        scores += by_step[step]
        np.argmax(scores, -2, out=history[step - 1])
        # the maxima are the very values the argmax picked: no NaN can enter
        score = scores.max(-2) if every_text[step] else np.where(mask[:, step, None], scores.max(-2), score)
    ends = score.argmax(-1).tolist()
    sizes = (mask.sum(1) - 1).tolist()
    paths = []
    for row, (best, size) in enumerate(zip(ends, sizes)):
        back = history[:size, row].tolist()
        tags = [best]
        for pointers in reversed(back):
            best = pointers[best]
            tags.append(best)
        tags.reverse()
        paths.append(tags)
    return paths


def bio_spans(tokens: Sequence[tuple[int, int, str]], tags: Sequence[str]) -> list[Span]:
    """slovnet's `BIOMarkup.to_span` over the offsets razdel gave, with no token records made
    and no search of the text for each word again."""
    spans: list[Span] = []
    current: list = []  # [start, stop, type] of the span being read
    for (start, stop, _), tag in zip(tokens, tags):
        part, _, kind = tag.partition("-")
        if part == "I" and current:
            current[1] = stop
            continue
        if part in ("O", "B") and current:
            spans.append(Span(*current))
            current = []
        if part == "B":
            current = [start, stop, kind or None]
    if current:
        spans.append(Span(*current))
    return spans


class LengthSorted:
    """A model over batches of items of similar length; results come back in input order.

    A batch's parser and CRF heads still pad to its longest item, so sorting first keeps
    a 5-word sentence out of a batch with a 60-word one.
    """

    def __init__(self, run: Callable[[list], list], batch_size: int, padded_size: int | None = None):
        """`padded_size` caps a batch's size times its longest item's length (words of a sentence, characters of a
        text): a padded batch's memory grows with it (the parser's scores with its square), so a batch holding a
        300-word sentence or a 20,000-character text is smaller. Peak memory, not speed."""
        self.run = run
        self.batch_size = batch_size
        self.padded_size = padded_size

    def batches(self, items: Sequence) -> Iterator[list[int]]:
        """Indices of `items` by length, `batch_size` at a time, fewer where `padded_size` says so."""
        batch: list[int] = []
        for i in sorted(range(len(items)), key=lambda i: len(items[i])):
            full = len(batch) == self.batch_size or (
                self.padded_size is not None and batch and (len(batch) + 1) * len(items[i]) > self.padded_size
            )
            if full:
                yield batch
                batch = []
            batch.append(i)
        if batch:
            yield batch

    def map(self, items: Sequence) -> list:
        results: list = [None] * len(items)
        for batch in self.batches(items):
            for i, result in zip(batch, self.run([items[i] for i in batch])):
                results[i] = result
        return results

    def __call__(self, item: Any) -> Any:
        return self.map([item])[0]
