"""Speakers resolved as a reader resolves them, on sentences in the layouts of real news."""

from __future__ import annotations

from newsgraph.doc import Article


def speakers(doc: Article) -> list[tuple[str, str | None]]:
    return [(doc.span_text(q), q.speaker_name) for q in doc.quotes]


def speaker_of(doc: Article, words: str) -> str | None:
    return next(q.speaker_name for q in doc.quotes if words in doc.span_text(q))


def test_bare_role_is_the_last_speaker_not_an_official_listed_after_him(analyze):
    doc = analyze(
        "«Сроки должны соблюдаться», – сказал Владимир Путин. На совещание приехали министр финансов Алексей Кудрин, "
        "губернатор края Александр Ткачев и глава оргкомитета по подготовке и проведению Игр Дмитрий Чернышенко. "
        "«Нельзя забывать о планировании», – отметил президент."
    )
    assert "Путин" in speaker_of(doc, "Нельзя забывать"), speakers(doc)


def test_role_with_one_place_is_not_a_title_naming_another_place_too(analyze):
    doc = analyze(
        "Бюро ПАСЕ вынесло вотум недоверия главе ассамблеи Педро Аграмунту. Ранее председатель украинской делегации "
        "в ПАСЕ Владимир Арьев заявил, что делегации шокированы. Аграмунт заявил, что поездка была ошибкой. "
        "«Я признаю эти выступления обоснованными», — заявил глава ПАСЕ."
    )
    assert "Аграмунт" in speaker_of(doc, "Я признаю"), speakers(doc)
    assert "Арьев" in speaker_of(doc, "шокированы"), speakers(doc)


def test_medium_hung_on_the_speaker_is_the_channel_not_part_of_the_name(analyze):
    doc = analyze(
        "«Мы не смягчаем санкции», — цитирует представителя администрации президента США РИА Новости. "
        "Со ссылкой на американских чиновников Fox News сообщил, что корабль находился у границы."
    )
    first, second = doc.quotes
    assert (first.speaker_name, first.via_name) == ("представитель администрации президента США", "РИА Новости")
    assert (second.speaker_name, second.via_name) == ("американские чиновники", "Fox News")
