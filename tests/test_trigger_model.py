"""The trigger classifier: the committed model is checked on load, and the events stage adds and vetoes
triggers by it (here with hand-set models whose decisions are known)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsgraph.doc import Article
from newsgraph.pipeline import default_pipeline
from newsgraph.stages.events import Events
from newsgraph.stages.events.lexicon import load_defaults
from newsgraph.stages.events.model import LABELS, META, WEIGHTS, WIDTH, ModelError, TriggerModel, load_model
from newsgraph.stages.word_lists import WordListError

TEXT = "Министр обороны Ирана потребовал от Эр-Рияда вывести войска. Демонстранты окружили здание посольства Дании."


def always(label: str, add: float = 0.5, veto: float = 1.0) -> TriggerModel:
    """A model that reads every content word as `label` with certainty."""
    bias = np.full(len(LABELS), -20.0, np.float32)
    bias[LABELS.index(label)] = 20.0
    return TriggerModel(np.zeros((WIDTH, len(LABELS)), np.float32), bias, add, veto)


def analyse(model: TriggerModel | None, text: str = TEXT) -> Article:
    events = Events(lexicon_only=True) if model is None else Events(model)
    return default_pipeline(events=events)(Article.create(text, published="2025-03-01"))


def test_the_committed_model_loads_and_its_layout_is_checked(tmp_path):
    model = load_model()
    assert model.weights.shape == (WIDTH, len(LABELS))
    meta = json.loads(META.read_text(encoding="utf-8"))
    (tmp_path / "meta.json").write_text(json.dumps({**meta, "width": WIDTH + 1}), encoding="utf-8")
    with pytest.raises(ModelError, match="rebuild with scripts/train_triggers.py"):
        load_model(WEIGHTS, tmp_path / "meta.json")


def test_every_type_needs_a_default_cue(tmp_path):
    path = tmp_path / "defaults.tsv"
    path.write_text("type\tmode\trecipient\tflags\nACCUSE\t-\tobj\t-\n", encoding="utf-8")
    with pytest.raises(WordListError, match="no default cue for AGREE"):
        load_defaults(path)


def test_the_model_adds_words_the_lexicon_lacks_but_not_beside_a_lexicon_trigger():
    lexicon = analyse(None)
    assert "окружили" not in {lexicon.span_text(e.trigger) for e in lexicon.events}
    doc = analyse(always("PROTEST"))
    added = {doc.span_text(e.trigger): e for e in doc.events if e.source.startswith("event.model")}
    assert "окружили" in added and added["окружили"].type == "PROTEST"
    # the lexicon's REQUEST keeps its words: neither its verb nor its complement becomes a second event
    assert not {"потребовал", "вывести", "войска"} & added.keys()


def test_a_veto_drops_lexicon_triggers_only_when_asked():
    assert analyse(always("O", veto=1.0)).events == analyse(None).events
    assert analyse(always("O", veto=0.9)).events == ()


def test_the_per_lemma_shortcut_scores_as_the_feature_rows_do(pipeline):
    from newsgraph.stages.events.model import sentence_features
    from newsgraph.stages.segment import sentence_tokens

    doc = pipeline(Article.create(TEXT))
    model = load_model()
    for ids in sentence_tokens(doc):
        lexicon = {ids[1]: "REQUEST"}
        words, rows = sentence_features(doc, ids, lexicon)
        same_words, fast = model.sentence_probabilities(doc, ids, lexicon)
        assert same_words == words
        np.testing.assert_allclose(fast, model.probabilities(rows), atol=1e-4)


def test_a_sentence_computes_each_lemma_and_shape_share_once(pipeline):
    """The per-word pass only reads tables: one lemma share per distinct lemma and role, one shape share per
    distinct shape, one lexicon reading per lemma and part of speech; a second pass computes none of them."""
    from newsgraph.stages.events.model import word_type

    doc = pipeline(Article.create("Москва потребовала от Киева вывести войска, а Киев потребовал от Москвы вывести войска."))
    model = load_model()
    ids = list(range(len(doc.tokens)))
    words, first = model.sentence_probabilities(doc, ids, {})
    tokens = doc.tokens
    heads = [tokens[i].head for i in words if tokens[i].head is not None and tokens[i].head >= 0]
    lemmas = {tokens[i].lemma for i in words} | {tokens[h].lemma for h in heads}
    shapes = {(tokens[i].pos, tokens[i].rel, tokens[i].feats) for i in words}
    assert len(words) == 6 and heads
    assert len(model.parts) == 2 * len(lemmas) < 2 * len(words)
    assert len(shapes) <= len(model.shape_parts) < len(words)
    computed, misses = {**model.parts, **model.shape_parts}, word_type.cache_info().misses
    _, again = model.sentence_probabilities(doc, ids, {})
    assert {**model.parts, **model.shape_parts}.keys() == computed.keys()
    assert all(share is computed[key] for key, share in {**model.parts, **model.shape_parts}.items())
    assert word_type.cache_info().misses == misses
    assert again.tobytes() == first.tobytes()
