"""The speed-ups keep the answers: flat CNN inference equals slovnet's, the syntax filter
picks the sentences later stages read, and bisection finds the tokens a scan finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from natasha import NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

from newsgraph import inference, nlp
from newsgraph.doc import Article
from newsgraph.pipeline import Pipeline
from newsgraph.stages.morph import Morph
from newsgraph.stages.segment import Segment, sentence_tokens
from newsgraph.stages.syntax_filter import needs_syntax
from newsgraph.stages.token_index import TokenIndex
from newsgraph.stages.token_spans import token_ids_within, tokens_within

TEXTS = [
    "Министр иностранных дел Сергей Лавров провел переговоры с Хаканом Фиданом в Анкаре.",
    "«Мы договорились продолжить консультации», — заявил Лавров журналистам.",
    "В Кишиневе прошел дождь.",
    "Совет Безопасности ООН не смог принять резолюцию по сектору Газа, а США воспользовались правом вето, "
    "хотя документ поддержали тринадцать членов Совета.",
    "Ок.",
]


@pytest.fixture(scope="module")
def segmented() -> list[Article]:
    return list(Pipeline([Segment(), Morph()]).map([Article.create(t) for t in TEXTS]))


def sentences(docs: list[Article]) -> list[list[str]]:
    return [[d.span_text(d.tokens[i]) for i in ids] for d in docs for ids in sentence_tokens(d) if ids]


def test_flat_morph_and_syntax_equal_slovnets_own(segmented):
    words = sentences(segmented)
    ours = nlp.morph_tagger().map(words)
    theirs = list(NewsMorphTagger(nlp.embedding()).map(words))
    assert [[(t.text, t.pos, t.feats) for t in m.tokens] for m in ours] == [
        [(t.text, t.pos, t.feats) for t in m.tokens] for m in theirs
    ]
    ours = nlp.syntax_parser().map(words)
    theirs = list(NewsSyntaxParser(nlp.embedding()).map(words))
    assert [[(t.head_id, t.rel) for t in m.tokens] for m in ours] == [
        [(t.head_id, t.rel) for t in m.tokens] for m in theirs
    ]


def test_flat_ner_equals_slovnets_own():
    ours = nlp.ner_tagger().map(TEXTS)
    theirs = list(NewsNERTagger(nlp.embedding()).map(TEXTS))
    assert [[(s.start, s.stop, s.type) for s in m.spans] for m in ours] == [
        [(s.start, s.stop, s.type) for s in m.spans] for m in theirs
    ]
    assert ("PER", "Сергей Лавров") in [(s.type, TEXTS[0][s.start : s.stop]) for s in ours[0].spans]


def test_stage_records_equal_slovnets_markups_with_an_empty_and_a_full_first_layer_cache(segmented):
    words = sentences(segmented)
    morph = inference.Morph(NewsMorphTagger(nlp.embedding()))  # its own, empty cache of products
    assert morph.encode.known == {}
    first, again = morph.pos_feats(words), morph.pos_feats(words)
    assert morph.encode.known  # the second pass read the products the first one kept
    theirs = list(NewsMorphTagger(nlp.embedding()).map(words))
    expected = [[(t.pos, "|".join(f"{k}={v}" for k, v in sorted(t.feats.items()))) for t in m.tokens] for m in theirs]
    assert first == again == expected
    syntax = inference.Syntax(NewsSyntaxParser(nlp.embedding()))
    theirs = list(NewsSyntaxParser(nlp.embedding()).map(words))
    expected = [[(int(t.head_id) - 1, t.rel) for t in m.tokens] for m in theirs]
    assert syntax.heads_rels(words) == syntax.heads_rels(words) == expected


def test_syntax_is_needed_for_speech_quotes_and_events_only(segmented):
    verdicts = {d.text: [needs_syntax(d, ids) for ids in sentence_tokens(d) if ids] for d in segmented}
    assert verdicts[TEXTS[0]] == [True]  # `переговоры`: an event
    assert verdicts[TEXTS[1]] == [True]  # a quote and `заявил`
    assert verdicts[TEXTS[2]] == [False]
    assert verdicts[TEXTS[4]] == [False]


@settings(max_examples=60, deadline=None)
@given(start=st.integers(0, 120), length=st.integers(0, 60))
def test_tokens_within_finds_what_a_scan_finds(segmented, start, length):
    doc = segmented[3]
    end = start + length
    scan = [i for i, t in enumerate(doc.tokens) if t.start >= start and t.end <= end]
    assert list(token_ids_within(doc, start, end)) == scan
    assert tokens_within(doc, start, end) == [doc.tokens[i] for i in scan]


def test_best_paths_equal_slovnets_crf_on_a_batch_of_unequal_texts():
    model = inference.NER(NewsNERTagger(nlp.embedding()))
    words = [[w for _, _, w in inference.tokenize(text)] for text in TEXTS]
    x, pad_mask = inference.padded(*model.encode(words))
    emissions, crf = model.head(x), model.head.crf
    theirs = [path.tolist() for path in crf.decode(emissions, ~pad_mask)]
    assert inference.best_paths(emissions, ~pad_mask, crf.transitions.array) == theirs
    assert [len(path) for path in theirs] == [len(w) for w in words]


def test_the_three_models_look_each_new_word_up_once():
    """natasha's morph, syntax and NER models share their vocabularies, so one cache serves all three."""
    lookups = {nlp.morph_model().encode.word_ids, nlp.syntax_model().encode.word_ids, nlp.ner_tagger().run.encode.word_ids}
    assert len(lookups) == 1
    lookup = lookups.pop()
    words = [["Генсек", "НАТО", "Марк", "Рютте", "прибыл", "в", "Вильнюс", "."]]
    nlp.morph_features().map(words)
    missed = lookup.cache_info().misses
    nlp.syntax_heads().map(words)
    nlp.ner_tagger().map(["Генсек НАТО Марк Рютте прибыл в Вильнюс."])
    assert lookup.cache_info().misses == missed


def test_sentence_tokens_group_every_token_under_its_sentence(segmented):
    for doc in segmented + [segmented[0].with_layer("tokens", reversed(segmented[0].tokens))]:
        groups = sentence_tokens(doc)
        assert len(groups) == len(doc.sentences)
        assert sorted(i for group in groups for i in group) == list(range(len(doc.tokens)))
        assert all(doc.tokens[i].sentence == s for s, group in enumerate(groups) for i in group)
        assert all(group == sorted(group) for group in groups)


def test_token_index_reads_each_tokens_text_and_lemma_as_the_token_has_them(segmented):
    """The index keeps texts and lemmas in lists read once; they must equal the token's own, and a token the tagger
    left without a lemma reads as its lowered text."""
    tagged = segmented[1]
    index = TokenIndex(tagged)
    assert [index.text(i) for i in range(len(tagged.tokens))] == [tagged.span_text(t) for t in tagged.tokens]
    said = next(i for i, t in enumerate(tagged.tokens) if tagged.span_text(t) == "заявил")
    assert index.lemma(said) == "заявить"
    untagged = Segment()(Article.create("«Мы Договорились», — заявил Лавров."))
    index = TokenIndex(untagged)
    assert [index.lemma(i) for i in range(len(untagged.tokens))] == ["«", "мы", "договорились", "»", ",", "—", "заявил", "лавров", "."]
    assert index.text(-2) == "Лавров"
