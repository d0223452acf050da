"""What looks like reported speech but is not: the author's own inference and narration.

Each case is Russian text we wrote and every quote a reader takes from it, as (kind, span text).
"""

from __future__ import annotations

import pytest

from newsgraph.doc import Article


def spans(doc: Article) -> list[tuple[str, str]]:
    return [(q.kind, doc.span_text(q)) for q in doc.quotes]


NOT_SPEECH_CASES = [
    pytest.param(
        "Явка на выборах в Калуге оказалась высокой, и это говорит о том, что горожане доверяют новой власти.",
        [],
        id="this-shows-that-is-the-authors-inference",
    ),
    pytest.param(
        "Всё говорит о том, что переговоры в Женеве зашли в тупик.",
        [],
        id="everything-points-to-is-no-one-speaking",
    ),
    pytest.param(
        "Министр финансов Антон Силуанов говорит о том, что бюджет будет исполнен без дефицита.",
        [("indirect", "бюджет будет исполнен без дефицита")],
        id="a-person-saying-so-is-still-a-quote",
    ),
    pytest.param(
        "Адвокаты не спорят с обвинением, но защита говорила о тяжёлом детстве подсудимого.",
        [("indirect", "тяжёлом детстве подсудимого")],
        id="a-body-of-people-still-speaks",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_SPEECH_CASES)
def test_what_is_and_is_not_reported_speech(analyze, text, expected):
    assert spans(analyze(text)) == expected


SAID = "Губернатор области Пётр Орлов заявил, что новый мост через реку откроют весной."
SAID_SPAN = ("indirect", "новый мост через реку откроют весной")


@pytest.mark.parametrize(("following", "continued"), [
    pytest.param("При этом он перечислил дороги, которые отремонтируют летом.", None, id="he-listed-is-the-author-telling"),
    pytest.param("При этом глава региона сослался на данные подрядчика.", None, id="a-role-subject-is-the-author-telling"),
    pytest.param(
        "Кроме того, летом отремонтируют дорогу, по которой он ездит на работу.",
        "Кроме того, летом отремонтируют дорогу, по которой он ездит на работу",
        id="a-pronoun-after-the-verb-keeps-the-speakers-voice",
    ),
])
def test_a_continuation_about_the_speaker_is_narration(analyze, following, continued):
    found = spans(analyze(f"{SAID} {following}"))
    assert found == [SAID_SPAN] + ([("indirect", continued)] if continued else [])


def test_the_quoted_speakers_own_aside_is_no_nested_quote(analyze):
    doc = analyze("Директор фонда Игорь Петров рассказал о планах. «Замечу, что Леонид является послом фонда. "
                  "Я упомянула многих из вас, когда говорила о своём новом назначении», — сказал он.")
    assert [q.kind for q in doc.quotes] == ["direct"]


def test_someone_else_reported_inside_a_quotation_is_still_nested(analyze):
    doc = analyze("«Мэр Анна Белова сказала, что мост откроют весной», — рассказал депутат Олег Смирнов.")
    assert spans(doc) == [("direct", "Мэр Анна Белова сказала, что мост откроют весной"), ("indirect", "мост откроют весной")]


def test_the_capital_o_of_an_irish_name_is_no_preposition(analyze):
    doc = analyze("«Снижение налога станет сигналом поддержки бизнеса», — заявил глава союза предпринимателей Фил О’Рейли.")
    assert spans(doc) == [("direct", "Снижение налога станет сигналом поддержки бизнеса")]


def test_a_quoted_line_between_paragraphs_is_a_subheading(analyze):
    doc = analyze("Сенатор Ольга Петрова выступила в Бостоне.\n«Шеф, всё пропало!»\nСитуация дошла до абсурда, когда политик показала снимок.")
    assert spans(doc) == []


def test_a_quoted_line_with_its_attribution_below_is_a_quote(analyze):
    doc = analyze("Сенатор Ольга Петрова выступила в Бостоне.\n«Мы победим на выборах»\n— заявила она журналистам.")
    assert spans(doc) == [("direct", "Мы победим на выборах")]
