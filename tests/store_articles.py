"""Articles and fixtures shared by the store tests.

The articles run through the real pipeline once per session. Their quotes and events are
then set by hand from the phrases below, so the store tests check storing and querying,
not the current quality of the quote and event extractors.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

import pytest

from newsgraph.doc import Article, Event, Quote, Trigger
from newsgraph.store import Store


@dataclass(frozen=True)
class Sample:
    published: str
    url: str | None
    title: str
    text: str
    quotes: tuple[tuple[str, str], ...] = ()  # (quoted words, speaker surname)
    events: tuple[tuple[str, str, str, str | None], ...] = ()  # (type, trigger, actor, recipient)


SAMPLES = (
    Sample(
        "2025-03-10", "https://example.ru/news/1", "Путин и Макрон обсудили Украину",
        "Президент России Владимир Путин провёл телефонный разговор с президентом Франции Эммануэлем Макроном. "
        "«Мы обсудили ситуацию на Украине», — заявил Путин журналистам. Макрон призвал к прекращению огня.",
        quotes=(("Мы обсудили ситуацию на Украине", "Путин"),),
        events=(("CONSULT", "телефонный разговор", "Путин", "Макрон"), ("APPEAL", "призвал", "Макрон", None)),
    ),
    Sample(
        "2025-04-02", "https://example.ru/news/2", "Шольц и Макрон встретились в Берлине",
        "Канцлер Германии Олаф Шольц встретился в Берлине с Эммануэлем Макроном. "
        "«Европа должна быть единой», — сказал Шольц после переговоров. "
        "Стороны договорились о новых санкциях против России.",
        quotes=(("Европа должна быть единой", "Шольц"),),
        events=(("CONSULT", "встретился", "Шольц", "Макрон"), ("AGREE", "договорились", "Шольц", "Макрон")),
    ),
    Sample(
        "2025-05-15", None, "Эрдоган принял Путина",
        "Президент Турции Реджеп Тайип Эрдоган принял в Анкаре Владимира Путина. "
        "Путин заявил, что переговоры прошли конструктивно. «Турция готова быть посредником», — подчеркнул Эрдоган.",
        quotes=(("Турция готова быть посредником", "Эрдоган"), ("переговоры прошли конструктивно", "Путин")),
        events=(("CONSULT", "принял", "Эрдоган", "Путин"),),
    ),
)


def entity_named(doc: Article, surname: str) -> str:
    return next(e.id for e in doc.entities if surname.lower() in e.name.lower())


def with_facts(doc: Article, sample: Sample) -> Article:
    """The analysed article with the sample's quotes and events placed on its text."""
    quotes = []
    for words, speaker in sample.quotes:
        start = doc.text.index(words)
        entity = entity_named(doc, speaker)
        quotes.append(Quote(start, start + len(words), "direct", entity, doc.entity(entity).name, "заявил",
                            source="test.hand"))
    events = []
    for type_, trigger, actor, recipient in sample.events:
        start = doc.text.index(trigger)
        events.append(Event(
            type_, Trigger(start, start + len(trigger)), actor=(entity_named(doc, actor),),
            recipient=(entity_named(doc, recipient),) if recipient else (), date=sample.published,
            date_precision="day", source="test.hand",
        ))
    return doc.with_layer("quotes", quotes).with_layer("events", events)


@pytest.fixture(scope="session")
def analysed(pipeline) -> list[Article]:
    docs = [Article.create(s.text, published=s.published, url=s.url, title=s.title) for s in SAMPLES]
    return [with_kb_ids(with_facts(doc, sample)) for doc, sample in zip(pipeline.map(docs), SAMPLES)]


PUTIN_QID = "Q7747"


def with_kb_ids(doc: Article) -> Article:
    """Link every entity named Путин to its Wikidata id, as the KB linker would."""
    linked = [replace(e, kb_id=PUTIN_QID) if "путин" in e.name.lower() else e for e in doc.entities]
    return doc.with_layer("entities", linked)


def empty_store_url(backend: str, tmp_path_factory) -> str:
    """A fresh SQLite file, or the test PostgreSQL database wiped clean."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('store')}/news.db"
    url = os.environ.get("NEWSGRAPH_TEST_PG")
    if not url:
        pytest.skip("set NEWSGRAPH_TEST_PG to a PostgreSQL URL to run the store tests on PostgreSQL")
    wipe_postgres(url)
    return url


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path_factory) -> str:
    return empty_store_url(request.param, tmp_path_factory)


@pytest.fixture
def store(store_url):
    with Store.open(store_url) as opened:
        yield opened


def wipe_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from newsgraph.store import database_url

    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
