"""A small store of analysed Russian articles (written for these tests), shared by the API and web tests.

The articles go through the real default pipeline, so what the pages show is what the
analysis found: entities, quotes with speakers, PLOVER events between actors.
"""

from __future__ import annotations

from functools import cache

import pytest

from newsgraph.doc import Article
from newsgraph.record.refresh import refresh_record
from newsgraph.store import Store
from newsgraph.store.write import save_article

SOURCE = "Тестовые новости"
SAMPLES = (
    (
        "Макрон и Путин поговорили по телефону",
        "2025-03-04",
        "Президент Франции Эммануэль Макрон 3 марта провёл телефонный разговор с президентом России "
        "Владимиром Путиным. Лидеры обсудили ситуацию на Украине и ядерную программу Ирана.\n\n"
        "«Мы договорились продолжить диалог на уровне министров», — заявил Макрон журналистам после беседы. "
        "Макрон также призвал Владимира Путина прекратить удары по энергетике.",
    ),
    (
        "Евросоюз ввёл новые санкции против России",
        "2025-03-10",
        "Европейский союз ввёл новые санкции против России. Ограничения затронули банки и экспорт технологий.\n\n"
        "«Давление на Москву будет только расти», — сказала глава Еврокомиссии Урсула фон дер Ляйен. "
        "В Кремле назвали решение Брюсселя незаконным. "
        "Пресс-служба опубликовала заявление с тегом <script>alert('x')</script> по ошибке.",
    ),
    (
        "Лавров встретился с Фиданом в Анкаре",
        "2025-03-15",
        "Министр иностранных дел России Сергей Лавров в субботу встретился в Анкаре с главой МИД Турции "
        "Хаканом Фиданом. Стороны обсудили торговлю и урегулирование на Украине.\n\n"
        "«Переговоры были откровенными и полезными», — сказал Лавров по итогам встречи. "
        "Лавров пригласил Хакана Фидана посетить Москву.",
    ),
    (
        "Лавров обвинил Евросоюз в эскалации",
        "2025-03-20",
        "Глава МИД России Сергей Лавров обвинил Европейский союз в эскалации напряжённости. "
        "По его словам, новые санкции лишь затягивают конфликт.\n\n"
        "«Брюссель выбрал путь конфронтации», — заявил Лавров на пресс-конференции в Москве.",
    ),
    (
        "Мерц раскритиковал Трампа за пошлины",
        "2025-04-02",
        "Канцлер Германии Фридрих Мерц раскритиковал Дональда Трампа за новые пошлины на европейские товары.\n\n"
        "«Торговая война не нужна никому», — заявил Мерц в Берлине. "
        "Европейский союз пригрозил США ответными мерами.",
    ),
)


@cache
def analysed_samples(analyze) -> list[Article]:
    """Analysed once per session (the fixtures below are imported into several test modules)."""
    return [analyze(text, published=published, title=title, source=SOURCE) for title, published, text in SAMPLES]


def fill_store(url: str, docs: list[Article]) -> Store:
    """Store analysed articles and cluster their events into instances, as `ingest` does."""
    store = Store.open(url)
    for doc in docs:
        with store.write() as conn:
            save_article(conn, doc)
    refresh_record(store)
    return store


@pytest.fixture(scope="session")
def sample_docs(analyze) -> list[Article]:
    return analysed_samples(analyze)


@pytest.fixture(scope="session")
def sample_store(sample_docs, tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("web") / "news.db"
    store = fill_store(f"sqlite:///{path}", sample_docs)
    yield store
    store.close()


def test_the_samples_hold_quotes_with_speakers_and_events_between_actors(sample_docs):
    assert sum(1 for d in sample_docs for q in d.quotes if q.speaker) >= 4
    assert sum(1 for d in sample_docs for e in d.events if e.actor and e.recipient) >= 4
