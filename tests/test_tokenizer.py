"""Our razdel tokenizer, which asks razdel's rules only where two atoms touch, gives razdel's own tokens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import tokenize

from newsgraph.tokenizer import razdel_tokens

SENTENCES = [
    "Курс вырос на 1,5% — до 92,3 руб. за доллар, сообщил ЦБ РФ.",
    "Какой-то чиновник (т.е. замминистра) написал в Yahoo! письмо: «Всё идёт по плану»...",
    "Счёт 3/4, потом 10\\2; итог — ничья?! Ну-ну :-)",
    "Δσ-модель, mβж и ___ подчёркивания, а также --- и ***",
    "То- слово, слово -то, и – так далее.",
]


def razdels(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in tokenize(text)]


def test_written_sentences_tokenize_as_razdel_does():
    for text in SENTENCES:
        assert razdel_tokens(text) == razdels(text)
    words = {word for text in SENTENCES for _, _, word in razdel_tokens(text)}
    assert {"1,5", "92,3", "Yahoo!", "Какой-то", "3/4", "?!", "..."} <= words


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="абвгдёжАБВЯabcXYZ0123456789 \n\t.,-–—_/\\!?:;()«»\"'*%Δσ…", max_size=60))
def test_any_text_tokenizes_as_razdel_does(text):
    assert razdel_tokens(text) == razdels(text)
