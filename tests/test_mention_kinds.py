"""Mention kinds: a name, a role title, a description, a place adjective, a pronoun or a class noun."""

from __future__ import annotations

import pytest

from newsgraph.doc import Article


def kinds(doc: Article) -> dict[str, str]:
    """Mention text → its kind."""
    return {doc.span_text(m): m.kind for m in doc.mentions}


@pytest.fixture(scope="module")
def president_and_police(analyze) -> Article:
    return analyze(
        "Французский президент Эммануэль Макрон прибыл в Берлин. "
        "Полиция перекрыла улицы вокруг Бундестага, а пресс-служба Кремля промолчала.",
        published="2025-03-10",
    )


def test_a_person_and_a_city_written_by_name_are_names(president_and_police):
    found = kinds(president_and_police)
    assert found["Эммануэль Макрон"] == "name"
    assert found["Берлин"] == "name"


def test_a_role_phrase_is_a_title_and_a_place_adjective_an_adjective(president_and_police):
    found = kinds(president_and_police)
    assert found["Французский президент"] == "title"
    assert found["Французский"] == "adjective"


def test_a_class_noun_capitalised_at_a_sentence_start_is_still_common(president_and_police):
    assert kinds(president_and_police)["Полиция"] == "common"


def test_a_body_described_by_the_name_it_serves_is_a_description(analyze):
    doc = analyze("Вчера пресс-служба Кремля сообщила, что встреча отложена.")
    assert kinds(doc)["пресс-служба Кремля"] == "description"


def test_a_quoted_name_whose_first_word_is_a_common_noun_is_a_name(analyze):
    doc = analyze("Лидеры обсудили, когда «Коалиция желающих» соберётся снова.")
    assert kinds(doc)["Коалиция желающих"] == "name"


def test_kinds_survive_the_json_round_trip(president_and_police):
    again = Article.from_json(president_and_police.to_json())
    assert kinds(again) == kinds(president_and_police)
    assert {m.kind for m in again.mentions} >= {"name", "title", "adjective", "common"}


def test_a_linked_name_at_a_sentence_start_is_a_name_and_a_class_noun_referring_back_is_common(analyze):
    doc = analyze("Европейский союз ввёл санкции. Генсек НАТО прилетел в Ригу. Альянс усилит фланг.")
    found = kinds(doc)
    assert found["Европейский союз"] == "name"
    assert (found["НАТО"], found["Альянс"]) == ("name", "common")
