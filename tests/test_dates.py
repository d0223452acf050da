"""Russian date expressions resolved against the publication date, across week, month and year boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.stages.dates import find_dates, number_windows, resolve


def when(text: str, published: str | None, tense: str | None = None) -> tuple[str | None, str, str]:
    """(ISO date, precision, matched text) of the only date expression in `text`."""
    [mention] = find_dates(text)
    day = dt.date.fromisoformat(published) if published else None
    resolved = resolve(mention, day, tense)
    return resolved.date, resolved.precision, text[mention.start : mention.end]


def test_absolute_date_with_year_needs_no_publication_date():
    assert when("Переговоры прошли 3 июля 2025 года в Риме.", None) == ("2025-07-03", "day", "3 июля 2025 года")


def test_day_and_month_take_the_year_the_tense_points_to_across_new_year():
    # Published on 2 January: the past «30 декабря» is last year's, the future one this year's.
    assert when("30 декабря министры встретились", "2026-01-02", "past")[0] == "2025-12-30"
    assert when("30 декабря министры встретятся", "2026-01-02", "future")[0] == "2026-12-30"


@pytest.mark.parametrize(
    ("published", "tense", "expected"),
    [
        ("2025-07-04", "past", "2025-07-03"),  # Friday: yesterday's Thursday
        ("2025-07-04", "future", "2025-07-10"),  # Friday: next week's Thursday
        ("2025-07-03", "past", "2025-07-03"),  # agencies write «в четверг» on the Thursday itself
        ("2025-05-30", "future", "2025-06-05"),  # across a month boundary
        ("2025-12-29", "future", "2026-01-01"),  # across a year boundary
        ("2026-01-02", "past", "2026-01-01"),
    ],
)
def test_weekday_follows_the_tense_of_its_verb(published, tense, expected):
    assert when("в четверг", published, tense) == (expected, "day", "в четверг")


def test_past_weekday_across_month_and_year_boundaries():
    assert when("в субботу прошли", "2025-09-01", "past")[0] == "2025-08-30"
    assert when("в понедельник встретились", "2026-01-02", "past")[0] == "2025-12-29"


def test_weekday_without_tense_is_the_nearest_one():
    assert when("в среду", "2025-07-04")[0] == "2025-07-02"
    assert when("в понедельник", "2025-07-04")[0] == "2025-07-07"


def test_named_week_with_weekday():
    assert when("на следующей неделе в четверг", "2025-07-04", "future") == (
        "2025-07-10", "day", "на следующей неделе в четверг",
    )
    assert when("на следующей неделе в четверг", "2025-07-31")[0] == "2025-08-07"
    assert when("в пятницу на прошлой неделе", "2026-01-05")[0] == "2026-01-02"


def test_last_and_next_weekday_skip_the_publication_day():
    assert when("в прошлую пятницу", "2025-07-04")[0] == "2025-06-27"
    assert when("в следующий четверг", "2025-07-03")[0] == "2025-07-10"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("вчера", "2025-10-01", ("2025-09-30", "day")),
        ("вчера", "2025-01-01", ("2024-12-31", "day")),
        ("завтра", "2025-02-28", ("2025-03-01", "day")),
        ("сегодня", "2025-07-04", ("2025-07-04", "day")),
        ("позавчера", "2025-03-01", ("2025-02-27", "day")),
        ("в прошлом месяце", "2026-01-15", ("2025-12-01", "month")),
        ("в следующем месяце", "2025-12-10", ("2026-01-01", "month")),
        ("на прошлой неделе", "2025-01-02", ("2024-12-23", "week")),
        ("на этой неделе", "2025-07-06", ("2025-06-30", "week")),
        ("в прошлом году", "2025-07-04", ("2024-01-01", "year")),
        ("три дня назад", "2025-03-02", ("2025-02-27", "day")),
        ("через две недели", "2025-12-25", ("2026-01-08", "week")),
    ],
)
def test_relative_expressions(text, published, expected):
    assert when(text, published)[:2] == expected


def test_month_name_takes_the_year_of_the_tense():
    assert when("в марте провели", "2025-07-04", "past")[:2] == ("2025-03-01", "month")
    assert when("в марте проведут", "2025-07-04", "future")[0] == "2026-03-01"
    assert when("в декабре", "2026-01-10")[0] == "2025-12-01"


def test_relative_dates_stay_unresolved_without_publication_date():
    assert when("вчера", None) == (None, "day", "вчера")
    assert when("в четверг", None, "past") == (None, "day", "в четверг")
    assert when("в марте", None)[0] is None


def test_eve_is_a_date_only_on_its_own():
    assert when("Накануне МИД выразил протест", "2025-09-01")[:2] == ("2025-08-31", "day")
    assert find_dates("накануне выборов президент выступил") == []


def test_offsets_point_into_the_sentence():
    sentence = "Лидеры встретились в Риме 3 июля, а на следующей неделе проведут переговоры."
    found = find_dates(sentence, offset=100)
    assert [sentence[d.start - 100 : d.end - 100] for d in found] == ["3 июля", "на следующей неделе"]


NUMBERED_SENTENCES = [
    "Переговоры в Стамбуле, которые стороны откладывали несколько раз из-за разногласий по повестке, "
    "возобновятся 12.05.2025 г. и продлятся до 15 мая.",
    "В марте 2024 года и в 2023 году цены росли, а с 1 по 5 июня 2022 г. упали на 3 %.",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 мая 2020 года",
]


def test_dates_read_around_numbers_are_those_of_the_whole_sentence():
    from newsgraph.stages.dates import absolute_dates, dates_extractor

    for text in NUMBERED_SENTENCES:
        whole = sorted((m.start, m.stop, m.fact.year, m.fact.month, m.fact.day)
                       for m in dates_extractor()(text) if m.fact.year or m.fact.month)
        assert sorted((d.start, d.end, d.year, d.month, d.day) for d in absolute_dates(text, 0)) == whole
    first = NUMBERED_SENTENCES[0]
    assert [first[s:e] for s, e in number_windows(first)] == ["возобновятся 12.05.2025 г. и продлятся до 15 мая."]


def test_the_date_parser_reads_only_the_words_around_numbers():
    text = NUMBERED_SENTENCES[0]
    read = sum(end - start for start, end in number_windows(text))
    assert read < len(text) / 2
    assert number_windows("Стороны договорились продолжить консультации.") == []


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("после вчерашней встречи", "2025-07-04", None, ("2025-07-03", "day", "вчерашней")),
        ("к субботним акциям готовятся", "2025-07-03", "future", ("2025-07-05", "day", "субботним")),
        ("апрельский митинг", "2025-07-04", None, ("2025-04-01", "month", "апрельский")),
        ("в минувшие выходные", "2025-07-07", None, ("2025-07-05", "day", "в минувшие выходные")),
        ("на выходных прошли", "2025-07-09", "past", ("2025-07-05", "day", "на выходных")),
        ("в это воскресенье прошёл", "2025-07-07", "past", ("2025-07-06", "day", "в это воскресенье")),
        ("в эту пятницу пройдёт", "2025-07-07", "future", ("2025-07-11", "day", "в эту пятницу")),
    ],
)
def test_adjectives_weekends_and_this_weekday(text, published, tense, expected):
    assert when(text, published, tense) == expected


def test_environmental_is_no_wednesday():
    assert find_dates("средовые факторы") == []
