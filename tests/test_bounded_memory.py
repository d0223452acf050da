"""A long run's memory stays bounded without changing answers: model batches are capped by their padded size
(one long sentence or text no longer pads a full batch), and the trigger classifier's per-lemma shares are dropped
when full."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph import nlp
from newsgraph.doc import Article
from newsgraph.inference import LengthSorted
from newsgraph.stages.events import model as trigger_module
from newsgraph.stages.events.model import TriggerModel, load_model
from newsgraph.stages.segment import sentence_tokens

SHORT = [
    "Глава МИД России провел переговоры в Женеве.".split(),
    "Стороны договорились продолжить консультации.".split(),
    "Делегация вернулась в Москву в пятницу вечером.".split(),
]
# An enumeration the segmenter keeps as one sentence: the kind that made a batch of 32 pad to 300 words.
LONG = ("В список вошли " + ", ".join(["Москва", "Казань", "Пермь", "Омск", "Тверь", "Псков", "Курск", "Орел"] * 12)
        + ".").split()


def recorded(run, sizes: list[tuple[int, int]]):
    """The real model's run, noting each batch's (size, longest item)."""

    def batch(items):
        sizes.append((len(items), max(map(len, items))))
        return run(items)

    return batch


def test_a_long_sentence_gets_a_small_batch_and_the_same_parse():
    sentences = SHORT * 20 + [LONG]  # 61 sentences: one batch of 32 short, then the rest
    heads = nlp.syntax_model().heads_rels
    free, capped = [], []
    unbounded = LengthSorted(recorded(heads, free), 32).map(sentences)
    bounded = LengthSorted(recorded(heads, capped), 32, 32 * 64).map(sentences)
    assert bounded == unbounded
    assert free == [(32, 7), (29, len(LONG))]
    assert capped == [(32, 7), (28, 7), (1, len(LONG))]  # the short batches as before; the long one alone
    assert all(size * longest <= 32 * 64 for size, longest in capped)


def test_a_long_text_gets_a_small_ner_batch_and_the_same_spans():
    short = "Владимир Путин встретился в Кремле с Эммануэлем Макроном."
    long = " ".join(["Министр Сергей Лавров прибыл в Анкару."] * 400)  # ~15,000 characters
    texts = [short] * 5 + [long]
    tagger = nlp.ner_tagger().run
    free, capped = [], []
    unbounded = LengthSorted(recorded(tagger, free), 8).map(texts)
    bounded = LengthSorted(recorded(tagger, capped), 8, nlp.NER_PADDED_CHARS).map(texts)
    assert [m.spans for m in bounded] == [m.spans for m in unbounded]
    assert [size for size, _ in free] == [6]
    assert [size for size, _ in capped] == [5, 1]


TEXT = ("Министр обороны потребовал вывести войска из пригорода. Демонстранты окружили здание посольства. "
        "Министр обороны потребовал прекратить обстрелы.")


@pytest.fixture(scope="module")
def parsed(pipeline) -> Article:
    return pipeline(Article.create(TEXT))


def scores(model: TriggerModel, doc: Article) -> list[np.ndarray]:
    return [model.sentence_probabilities(doc, ids, {})[1] for ids in sentence_tokens(doc)]


def test_lemma_shares_are_computed_once_per_lemma_and_role(parsed):
    model = load_model()
    first = scores(model, parsed)
    kept = dict(model.parts)
    # the third sentence repeats `министр`, `оборона`, `потребовать` of the first: no new shares for them
    lemmas = {(parsed.tokens[i].lemma, False) for ids in sentence_tokens(parsed) for i in ids
              if parsed.tokens[i].pos in trigger_module.CONTENT_POS}
    assert lemmas <= kept.keys()
    # a lemma's nearness to the lexicon is computed once, for both roles: its share as a head is there too
    assert {(lemma, True) for lemma, _ in lemmas} <= kept.keys()
    again = scores(model, parsed)
    assert model.parts.keys() == kept.keys()
    assert all(np.array_equal(a, b) for a, b in zip(first, again))


def test_the_shares_are_dropped_when_full_and_the_scores_stay(parsed, monkeypatch):
    unbounded = scores(load_model(), parsed)
    monkeypatch.setattr(trigger_module, "PARTS_LIMIT", 3)
    model = load_model()
    bounded = scores(model, parsed)
    assert len(model.parts) <= 3 and len(model.shape_parts) <= 3
    assert all(np.array_equal(a, b) for a, b in zip(bounded, unbounded))


def test_a_sentence_without_content_words_scores_nothing(pipeline):
    doc = pipeline(Article.create("Ну и что?"))
    words, probabilities = load_model().sentence_probabilities(doc, list(range(len(doc.tokens))), {})
    assert words == [] and probabilities.shape == (0, len(trigger_module.LABELS))
