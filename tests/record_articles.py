"""Articles written for the record tests: one phone call told three ways, another call a week
later, a planned meeting and the report that it took place, an alliance acting before and
after a state joined it."""

from __future__ import annotations

from newsgraph.doc import Article

# (published, text)
SAME_CALL = (
    ("2025-11-19", "Президент Франции Эмманюэль Макрон во вторник провёл телефонный разговор с канцлером "
                   "Германии Фридрихом Мерцем. Политики обсудили поддержку Украины."),
    ("2025-11-20", "Эмманюэль Макрон и Фридрих Мерц 18 ноября провели телефонный разговор, сообщил Елисейский дворец."),
    ("2025-11-18", "Канцлер Германии Фридрих Мерц сегодня провёл телефонный разговор с Эмманюэлем Макроном."),
)
NEXT_WEEK_CALL = (
    "2025-11-26", "Эмманюэль Макрон и Фридрих Мерц во вторник вновь провели телефонный разговор.",
)
PLAN = (
    "2025-11-20", "Эмманюэль Макрон и Фридрих Мерц договорились встретиться в следующий четверг в Берлине.",
)
OUTCOME = (
    "2025-11-28", "Эмманюэль Макрон и Фридрих Мерц в четверг провели переговоры в Берлине.",
)
ALLIANCE_BEFORE = ("2022-06-02", "НАТО 1 июня 2022 года провело учения в Балтийском море.")
ALLIANCE_AFTER = ("2024-06-05", "НАТО 4 июня 2024 года провело учения в Балтийском море.")

ALL = (*SAME_CALL, NEXT_WEEK_CALL, PLAN, OUTCOME, ALLIANCE_BEFORE, ALLIANCE_AFTER)


def analysed_articles(pipeline, texts=ALL) -> dict[str, Article]:
    """Each text analysed once, keyed by its text."""
    docs = [Article.create(text, published=published) for published, text in texts]
    return {doc.text: doc for doc in pipeline.map(docs)}

COALITION = ("2025-03-03", "«Коалиция желающих» провела встречу в Лондоне 2 марта 2025 года.")
TRIANGLE = ("2024-02-13", "Веймарский треугольник провёл встречу в Варшаве 12 февраля 2024 года.")
CONTACT_GROUP = ("2015-02-12", "Контактная группа по Украине провела встречу в Минске 11 февраля 2015 года.")

CORRECTED = (
    "2025-11-19",
    "Президент Франции Эмманюэль Макрон во вторник провёл телефонный разговор с канцлером Германии "
    "Фридрихом Мерцем. «Мы едины в поддержке Украины», — заявил Мерц после разговора. "
    "Министр иностранных дел России Сергей Лавров обвинил Францию в затягивании конфликта. "
    "«Париж не хочет мира», — сказал Лавров журналистам.",
)
CORRECTED_URL = "https://example.ru/record/call"
