"""A small store of analysed Russian articles (written for these tests) shared by the API and web tests.

The articles go through the real default pipeline. Quotes and events are the layers the web
pages exist to show, so when the pipeline of this checkout does not yet provide one of those
layers, the article gets the ones listed here, located by their text; with the layer present,
the pipeline's own output is stored untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsgraph.doc import Article, Event, Quote, Trigger
from newsgraph.store.db import Store
from newsgraph.store.write import save_article


@dataclass(frozen=True)
class Said:
    quote: str
    speaker: str  # a word of the speaker's mention near the quote


@dataclass(frozen=True)
class Did:
    trigger: str
    type: str
    actor: str
    recipient: str
    date: str


@dataclass(frozen=True)
class Sample:
    title: str
    published: str
    text: str
    said: tuple[Said, ...] = ()
    did: tuple[Did, ...] = ()


SAMPLES = (
    Sample(
        "Макрон и Путин поговорили по телефону",
        "2025-03-04",
        "Президент Франции Эммануэль Макрон 3 марта провёл телефонный разговор с президентом России "
        "Владимиром Путиным. Лидеры обсудили ситуацию на Украине и ядерную программу Ирана.\n\n"
        "«Мы договорились продолжить диалог на уровне министров», — заявил Макрон журналистам после беседы.",
        (Said("Мы договорились продолжить диалог на уровне министров", "Макрон журналистам"),),
        (Did("телефонный разговор", "CONSULT", "Эммануэль Макрон", "Владимиром Путиным", "2025-03-03"),),
    ),
    Sample(
        "Евросоюз ввёл новые санкции против России",
        "2025-03-10",
        "Европейский союз ввёл новый пакет санкций против России. Ограничения затронули банки и "
        "экспорт технологий.\n\n«Давление на Москву будет только расти», — сказала глава Еврокомиссии "
        "Урсула фон дер Ляйен. В Кремле назвали решение Брюсселя незаконным. "
        "Пресс-служба опубликовала заявление с тегом <script>alert('x')</script> по ошибке.",
        (Said("Давление на Москву будет только расти", "Урсула"),),
        (Did("ввёл новый пакет санкций", "SANCTION", "Европейский союз", "России", "2025-03-10"),),
    ),
    Sample(
        "Лавров встретился с Фиданом в Анкаре",
        "2025-03-15",
        "Министр иностранных дел России Сергей Лавров в субботу встретился в Анкаре с главой МИД Турции "
        "Хаканом Фиданом. Стороны обсудили торговлю и урегулирование на Украине.\n\n"
        "«Переговоры были откровенными и полезными», — сказал Лавров по итогам встречи.",
        (Said("Переговоры были откровенными и полезными", "Лавров по"),),
        (Did("встретился", "CONSULT", "Сергей Лавров", "Хаканом Фиданом", "2025-03-15"),),
    ),
    Sample(
        "Лавров обвинил Евросоюз в эскалации",
        "2025-03-20",
        "Глава МИД России Сергей Лавров обвинил Европейский союз в эскалации напряжённости. "
        "По его словам, новые санкции лишь затягивают конфликт.\n\n"
        "«Брюссель выбрал путь конфронтации», — заявил Лавров на пресс-конференции в Москве.",
        (Said("Брюссель выбрал путь конфронтации", "Лавров на"),),
        (Did("обвинил", "ACCUSE", "Сергей Лавров", "Европейский союз", "2025-03-20"),),
    ),
)


def entity_at(doc: Article, phrase: str) -> str | None:
    """The id of the entity with a mention overlapping the first occurrence of `phrase`."""
    start = doc.text.index(phrase)
    end = start + len(phrase)
    owner = {m: e.id for e in doc.entities for m in e.mentions}
    for mention in doc.mentions:
        if mention.start < end and start < mention.end and mention.id in owner:
            return owner[mention.id]
    return None


def with_listed_facts(doc: Article, sample: Sample) -> Article:
    """`doc` with the sample's quotes and events where the pipeline does not provide those layers."""
    names = {e.id: e.name for e in doc.entities}
    if "quotes" not in doc.layers:
        quotes = []
        for said in sample.said:
            start = doc.text.index(said.quote)
            speaker = entity_at(doc, said.speaker)
            quotes.append(Quote(start, start + len(said.quote), "direct", speaker, names.get(speaker), "заявил", source="test.listed"))
        doc = doc.with_layer("quotes", quotes)
    if "events" not in doc.layers:
        events = []
        for did in sample.did:
            start = doc.text.index(did.trigger)
            actor, recipient = entity_at(doc, did.actor), entity_at(doc, did.recipient)
            events.append(Event(
                did.type, Trigger(start, start + len(did.trigger)),
                actor=(actor,) if actor else (), recipient=(recipient,) if recipient else (),
                date=did.date, date_precision="day", source="test.listed",
            ))
        doc = doc.with_layer("events", events)
    return doc


def analysed_samples(analyze) -> list[Article]:
    return [
        with_listed_facts(analyze(s.text, published=s.published, title=s.title, source="Тестовые новости"), s)
        for s in SAMPLES
    ]


def fill_store(url: str, docs: list[Article]) -> Store:
    store = Store.open(url)
    for doc in docs:
        with store.write() as conn:
            save_article(conn, doc)
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


def test_the_samples_hold_quotes_with_speakers_and_events_with_both_sides(sample_docs):
    assert sum(1 for d in sample_docs for q in d.quotes if q.speaker) >= 2
    assert sum(1 for d in sample_docs for e in d.events if e.actor and e.recipient) >= 2
