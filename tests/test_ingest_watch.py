"""`watch`: polling a feed into a real store ingests each entry once, across stops and restarts."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select
from typer.testing import CliRunner

from ingest_server import Route, Site, page, serve, site  # noqa: F401  (fixture)
from store_articles import store_url  # noqa: F401  (fixture: SQLite, and PostgreSQL when NEWSGRAPH_TEST_PG is set)
from newsgraph.cli import app
from newsgraph.ingest.watch import parse_interval, watch
from newsgraph.store import Store
from newsgraph.store.schema import articles, failures, feed_entries

BRIDGE = [
    "В субботу мэр Казани открыл движение по отремонтированному мосту через реку Казанку.",
    "Ремонт занял почти два года и обошёлся городу в полтора миллиарда рублей.",
    "«Мы закончили работы на месяц раньше срока», — сказал мэр журналистам на церемонии открытия.",
]
ENGLISH = " ".join(["The regional parliament of Tatarstan approved a new road budget on Tuesday."] * 12)
FAST = {"timeout": 2.0, "retries": 1, "retry_backoff": 0.05, "per_host_delay": 0.0}


def item(title: str, link: str, description: str = "Анонс.") -> str:
    return f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid><description><![CDATA[{description}]]></description></item>"


def feed(*items: str) -> Route:
    body = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Лента</title>' + "".join(items) + "</channel></rss>"
    return Route(body.encode(), content_type="application/rss+xml")


def poll(store: Store, site: Site):
    reports = []
    watch(store, [site.url("/feed.xml")], 0, once=True, on_poll=reports.append, **FAST)
    return reports[0]


def count(store: Store, table) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_polls_ingest_new_entries_once_and_link_reposts(site, store_url):
    site.routes["/most"] = Route(page("Мост открыт", BRIDGE).encode())
    site.routes["/repost"] = Route(page("Мост через Казанку снова работает", ["Новости города"] + BRIDGE).encode())
    site.routes["/broken"] = Route(b"", status=503, content_type="text/plain")
    entries = [item("Мост открыт", site.url("/most")), item("Budget", site.url("/en"), f"<p>{ENGLISH}</p>")]
    site.routes["/feed.xml"] = feed(*entries)
    store = Store.open(store_url)

    first = poll(store, site)
    assert (first.new, first.stored, first.unanalysed, first.failed) == (2, 1, 1, 0)
    with store.read() as conn:
        stored = dict(conn.execute(select(articles.c.url, articles.c.analysed)).all())
    assert stored == {site.url("/most"): True, site.url("/en"): False}

    second = poll(store, site)
    assert (second.entries, second.new, second.stored) == (2, 0, 0)
    assert len(site.hits("/most")) == 1

    site.routes["/feed.xml"] = feed(*entries, item("Снова о мосте", site.url("/repost")), item("Сбой", site.url("/broken")))
    third = poll(store, site)
    assert (third.new, third.stored, third.failed) == (2, 1, 1)
    with store.read() as conn:
        story = dict(conn.execute(select(articles.c.url, articles.c.story_id)).all())
        failed = conn.execute(select(failures.c.article_id, failures.c.error)).all()
    assert story[site.url("/repost")] == story[site.url("/most")] != story[site.url("/en")]
    assert failed[0].article_id == site.url("/broken") and "HTTP 503" in failed[0].error

    # Killed after storing an article but before marking its entry: the next poll finds it unchanged.
    with store.write() as conn:
        conn.execute(delete(feed_entries).where(feed_entries.c.link == site.url("/repost")))
    fourth = poll(store, site)
    assert (fourth.new, fourth.stored, fourth.unchanged, fourth.failed) == (2, 0, 1, 1)  # the broken entry is retried
    assert count(store, articles) == 3 and count(store, feed_entries) == 3
    store.close()


def test_watch_command_once_on_a_feed_file(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(feed(item("Budget", "https://example.org/en", f"<p>{ENGLISH}</p>")).body.decode(), encoding="utf-8")
    db = f"sqlite:///{tmp_path}/news.db"
    runner = CliRunner()
    missing = str(tmp_path / "gone.xml")  # a broken feed is recorded and the others are still polled
    for expected in ("1 new: 0 stored, 1 stored without analysis (not Russian), 0 unchanged, 1 failed", "0 new"):
        result = runner.invoke(app, ["watch", missing, str(path), "--once", "--db", db])
        assert result.exit_code == 0, result.output
        assert expected in result.output
    with Store.open(db) as store, store.read() as conn:
        assert conn.execute(select(failures.c.stage)).scalars().all() == ["feed"]


def test_intervals():
    assert [parse_interval(t) for t in ("90", "30s", "15m", "2h", "1d")] == [90, 30, 900, 7200, 86400]
    with pytest.raises(ValueError, match="15m"):
        parse_interval("every quarter hour")
