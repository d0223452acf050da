"""Nominative names (`mention.normal`) for each class of error natasha makes, on our own sentences."""

from __future__ import annotations

import pytest

from newsgraph.doc import Article
from newsgraph.stages.person_names import person_word_nominative, undo_ending


def normals(doc: Article) -> dict[str, str]:
    return {doc.span_text(m): m.normal for m in doc.mentions}


@pytest.fixture(scope="module")
def doc(analyze):
    return analyze(
        "Канцлер Германии встретился с Фридрихом Мерцем в Берлине. "
        "Затем журналисты расспросили Джорджию Мелони о бюджете. "
        "Лидеры встретились с Эммануэлем Макроном в Париже. "
        "Владимир Зеленский прибыл вместе с Еленой Зеленской. "
        "Заседание Коалиции желающих прошло в Лондоне. "
        "Письмо направили Урсуле фон дер Ляйен. "
        "В Министерстве иностранных дел России заявили о протесте. "
        "Петер Сийярто встретился с Антониу Гутеррешем. "
        "Об этом сообщили в МИДе Венгрии."
    )


@pytest.mark.parametrize(
    "text, normal",
    [
        ("Фридрихом Мерцем", "Фридрих Мерц"),  # unknown surname: no guessed fleeting vowel (not "Мерец")
        ("Джорджию Мелони", "Джорджия Мелони"),  # indeclinable foreign surname stays
        ("Эммануэлем Макроном", "Эммануэль Макрон"),  # soft stem: -ем after л is -ь
        ("Еленой Зеленской", "Елена Зеленская"),  # adjectival surname keeps its gender
        ("Урсуле фон дер Ляйен", "Урсула фон дер Ляйен"),  # particles and a consonant-final female surname stay
        ("Антониу Гутеррешем", "Антониу Гутерреш"),  # -ем after ш adds nothing
        ("Петер Сийярто", "Петер Сийярто"),
        ("Коалиции желающих", "Коалиция желающих"),  # the genitive dependent keeps its form
        ("Министерстве иностранных дел России", "Министерство иностранных дел России"),
        ("Германии", "Германия"),
        ("Берлине", "Берлин"),
    ],
)
def test_mentions_are_put_in_the_nominative(doc, text, normal):
    assert normals(doc)[text] == normal


def test_a_declined_abbreviation_loses_its_ending(doc):
    assert (normals(doc)["МИДе Венгрии"], normals(doc)["МИДе"]) == ("МИД Венгрии", "МИД")


def test_the_article_settles_a_name_the_tagger_read_as_nominative(analyze):
    doc = analyze("Макрон позвонил Киру Стармеру. Трамп написал Кир Стармеру письмо.")
    assert {n for t, n in normals(doc).items() if "Стармер" in t} == {"Кир Стармер"}


def test_a_dictionary_name_of_another_case_is_not_stripped_by_rule():
    assert person_word_nominative("Кир", "Gen", "Masc") == "Кир"
    assert person_word_nominative("Ангеле", "Dat", "Fem") == "Ангела"


@pytest.mark.parametrize(
    "word, case, gender, expected",
    [
        ("Стармеру", "Dat", "Masc", "Стармер"),
        ("Сергея", "Gen", "Masc", "Сергей"),
        ("Игоря", "Gen", "Masc", "Игорь"),
        ("Маехары", "Gen", "Masc", "Маехара"),
        ("Зеленскому", "Dat", "Masc", "Зеленский"),
        ("Ольги", "Gen", "Fem", "Ольга"),
        ("Мелони", "Acc", "Fem", None),
    ],
)
def test_case_endings_are_undone_by_rule(word, case, gender, expected):
    assert undo_ending(word, case, gender) == expected


@pytest.mark.parametrize(
    "text, written, normal",
    [
        ("По словам Каи Каллас, санкции продлят.", "Каи Каллас", "Кая Каллас"),
        ("Министры поспорили с Каей Каллас о пошлинах.", "Каей Каллас", "Кая Каллас"),
        ("Посол встретился с Майей Санду в Кишинёве.", "Майей Санду", "Майя Санду"),
        ("Переговоры с Башаром аль-Асадом прошли в Дамаске.", "Башаром аль-Асадом", "Башар аль-Асад"),
        ("Принц встретился с Мохаммедом бен Салманом в Эр-Рияде.", "Мохаммедом бен Салманом", "Мохаммед бен Салман"),
    ],
)
def test_feminine_names_with_a_vowel_stem_and_arabic_particles_are_put_in_the_nominative(analyze, text, written, normal):
    assert normals(analyze(text))[written] == normal


def test_a_korean_name_left_in_the_instrumental_follows_its_nominative_in_the_article(analyze):
    doc = analyze("Президент Юн Сок Ёль выступил в парламенте. Переговоры с Юн Сок Ёлем длились час.")
    assert normals(doc)["Юн Сок Ёлем"] == "Юн Сок Ёль"
