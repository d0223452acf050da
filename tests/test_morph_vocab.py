"""newsgraph's pymorphy analyses equal natasha's own (the same `normal`, `pos`, `feats` and tag), with the UD
reading converted once per tag, not once per analysis: conversions are counted."""

from __future__ import annotations

from natasha import MorphVocab

from newsgraph import nlp

WORDS = ("заявил", "сообщил", "переговоры", "выборы", "Макрона", "стали", "сталь", "мыла", "Киеве", "министр", "президент",
         "депутат", "новых", "ею", "пять", "её", "Ростова-на-Дону")


def readings(vocab, word: str) -> list[tuple]:
    return [(p.word, str(p.tag), p.normal, p.pos, p.feats, p.score) for p in vocab.parse(word.lower())]


def test_analyses_equal_natashas():
    theirs = MorphVocab()
    for word in WORDS:
        assert readings(nlp.morph_vocab(), word) == readings(theirs, word)


def test_ud_reading_once_per_tag():
    vocab = nlp.TaggedVocab()
    nlp.ud_reading.cache_clear()
    analyses = [p for word in WORDS for p in vocab.parse(word.lower())]
    assert nlp.ud_reading.cache_info().misses == len({str(p.tag) for p in analyses}) < len(analyses)
    minister, deputy = vocab.parse("министр")[0], vocab.parse("депутат")[0]
    assert minister.tag == deputy.tag and minister.feats == deputy.feats
    assert minister.feats is not deputy.feats  # each analysis has its own dict, as in natasha
