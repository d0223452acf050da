"""Events stated by general constructions rather than one listed word, on Russian sentences we wrote."""

from __future__ import annotations

import pytest

from newsgraph.doc import Article


def typed(doc: Article, event_type: str) -> list[str]:
    return [doc.span_text(e.trigger) for e in doc.events if e.type == event_type]


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    ("Министр назвал решение парламента грубой ошибкой.", "ACCUSE", "назвал"),
    ("Посол назвал заявления премьера «дешёвым фарсом».", "ACCUSE", "назвал"),
    ("В Кремле расценили учения у границы как недружественный жест.", "ACCUSE", "расценили"),
    ("Сенатор охарактеризовал визит министра как ошибку.", "ACCUSE", "охарактеризовал"),
    ("Премьер назвал переговоры с Токио конструктивными.", "SUPPORT", "назвал"),
])
def test_naming_or_assessing_with_a_word_of_evaluation_accuses_or_praises(analyze, text, event_type, trigger):
    assert typed(analyze(text), event_type) == [trigger]


@pytest.mark.parametrize("text", [
    "Губернатор назвал причины отставки.",
    "Министр назвал сроки строительства моста.",
    "Эксперты считают ошибки в отчете мелкими.",
])
def test_naming_without_evaluation_is_no_event(analyze, text):
    assert not analyze(text).events


@pytest.mark.parametrize(("text", "trigger"), [
    ("Президент подписал закон о защите лесов.", "подписал"),
    ("Парламент Молдавии принял закон о государственном языке.", "принял"),
])
def test_signing_or_passing_a_law_is_support(analyze, text, trigger):
    assert typed(analyze(text), "SUPPORT") == [trigger]


def test_a_decree_that_states_an_event_is_that_event_not_support(analyze):
    doc = analyze("Премьер подписал постановление о введении санкций против соседней страны.")
    assert [e.type for e in doc.events] == ["SANCTION"]


def test_an_attack_framing_its_clause_with_vo_vremya_is_an_event(analyze):
    # the parse joins the preposition's lemmas: `во время` is `в_время`
    assert typed(analyze("Трое военных погибли во время атаки на колонну."), "ASSAULT") == ["атаки"]
