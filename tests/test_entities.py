"""In-document resolution: which mentions become one entity, which stay apart, and the entity's name."""

from __future__ import annotations

import pytest

from newsgraph.doc import Article
from newsgraph.pipeline import Pipeline
from newsgraph.stages.entities import initials, same_person


@pytest.fixture(scope="module")
def analyze(pipeline):
    """The default pipeline up to this stage, so the names are the resolver's (linking may rename later)."""
    names = [stage.name for stage in pipeline.stages]
    resolve = Pipeline(pipeline.stages[: names.index("entities") + 1])
    return lambda text: resolve(Article.create(text))


def entity_forms(doc: Article) -> dict[str, set[str]]:
    """Entity name → the texts of its mentions."""
    return {e.name: {doc.span_text(doc.mention(m)) for m in e.mentions} for e in doc.entities}


def test_full_name_and_inflected_surnames_are_one_person(analyze):
    doc = analyze(
        "Эммануэль Макрон прилетел в Киев. Журналисты спросили Макрона о планах, и Макрон ответил коротко."
    )
    assert entity_forms(doc)["Эммануэль Макрон"] == {"Эммануэль Макрон", "Макрона", "Макрон"}


def test_a_surname_before_the_full_name_joins_it_and_the_name_is_nominative(analyze):
    doc = analyze("Путиным недовольны в Брюсселе, но Путин это отрицает. Владимир Путин выступил в Кремле.")
    persons = [e for e in doc.entities if e.type == "PER"]
    assert [e.name for e in persons] == ["Владимир Путин"]
    assert entity_forms(doc)["Владимир Путин"] == {"Путиным", "Путин", "Владимир Путин"}


def test_people_sharing_a_first_name_stay_apart(analyze):
    doc = analyze(
        "Владимир Путин и Владимир Зеленский выступили в один день. "
        "Путин говорил о Донбассе, а Зеленский отвечал журналистам."
    )
    forms = entity_forms(doc)
    assert forms["Владимир Путин"] == {"Владимир Путин", "Путин"}
    assert forms["Владимир Зеленский"] == {"Владимир Зеленский", "Зеленский"}


def test_the_entity_is_named_by_its_best_nominative_form(analyze):
    doc = analyze("Встреча с Ангелой Меркель прошла в Берлине. Эрдоган позвонил Ангеле Меркель.")
    assert entity_forms(doc)["Ангела Меркель"] == {"Ангелой Меркель", "Ангеле Меркель"}


def test_an_abbreviation_joins_the_full_name_of_an_organisation(analyze):
    doc = analyze("Европейский суд по правам человека рассмотрел жалобу. ЕСПЧ признал нарушение.")
    assert entity_forms(doc)["Европейский суд по правам человека"] == {"Европейский суд по правам человека", "ЕСПЧ"}


def test_a_compound_organisation_absorbs_its_head_but_not_its_country(analyze):
    doc = analyze("Верховный суд Испании вынес приговор, сообщили в Мадриде.")
    forms = entity_forms(doc)
    assert forms["Верховный суд Испании"] == {"Верховный суд Испании", "Верховный суд"}
    assert forms["Испания"] == {"Испании"}


def test_name_matching_rules():
    assert same_person(("путин",), ("владимир", "путин"))
    assert same_person(("в", "путин"), ("владимир", "владимирович", "путин"))
    assert same_person(("ле", "пен"), ("жан-мари", "ле", "пен"))
    assert not same_person(("владимир", "зеленский"), ("владимир", "путин"))
    assert initials("Министерство иностранных дел") == "МИД"
    assert initials("Европейский суд по правам человека") == "ЕСПЧ"


def test_a_bracketed_abbreviation_or_transliteration_is_the_same_entity(analyze):
    doc = analyze(
        "Об арестах сообщил Комитет защиты журналистов (КЗЖ). Журналист Ши Тао (Shi Tao) остаётся в тюрьме. "
        "Матч прошёл в Цюрихе (Швейцария)."
    )
    forms = entity_forms(doc)
    assert {"Комитет защиты журналистов", "КЗЖ"} <= forms["Комитет защиты журналистов"]
    assert forms["Ши Тао"] == {"Ши Тао", "Shi Tao"}
    assert forms["Цюрих"] == {"Цюрихе"}


def test_first_name_and_patronymic_join_the_full_name(analyze):
    doc = analyze("Борис Николаевич Ельцин подписал указ. Позже Бориса Николаевича поддержали депутаты.")
    assert entity_forms(doc)["Борис Николаевич Ельцин"] == {"Борис Николаевич Ельцин", "Бориса Николаевича"}


def test_a_surname_joins_the_full_name_written_with_an_arabic_particle(analyze):
    doc = analyze("Переговоры с Башаром аль-Асадом прошли в Дамаске. Асад заявил, что доволен итогами.")
    assert entity_forms(doc)["Башар аль-Асад"] == {"Башаром аль-Асадом", "Асад"}
