"""Invariants of the quotes stage on scrambled news-like text: it never fails, spans stay in the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.doc import Article, Failure

PIECES = list("«»„“\"—–-,.:; \n") + [
    "заявил", "сказал", "по словам", "Песков", "Об этом", "что", "как", "он", "источник",
    "в пресс-службе", "назвал", "пообещал", "выразил готовность", "сообщил о", "добавив",
    "цитирует", "ТАСС", "со ссылкой на", "Мария Захарова",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join))
def test_quotes_stay_inside_the_text(pipeline, text):
    doc = next(iter(pipeline.map([Article.create(text)])))
    assert not isinstance(doc, Failure), doc
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.speaker is None or doc.entity(quote.speaker) is not None
    assert len({e.id for e in doc.entities}) == len(doc.entities)
    assert len({m.id for m in doc.mentions}) == len(doc.mentions)
