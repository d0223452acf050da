"""Writing to the store: idempotent re-ingest, per-article atomicity under a kill, failures kept.

Runs on SQLite and, when NEWSGRAPH_TEST_PG names a server, on PostgreSQL.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from store_articles import analysed, store, store_url  # noqa: F401  (fixtures)

from newsgraph.doc import Article, Failure
from newsgraph.ingest.batch import ingest, ingest_paths
from newsgraph.store import Store
from newsgraph.store.queries import articles_list, counts, entities_list, failures_list, graph, search
from newsgraph.store.schema import articles, events, mentions, quotes
from newsgraph.store.write import record_failure

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
ENGLISH = "The foreign ministers met in Geneva on Tuesday and agreed to continue the talks next month."


def test_the_migrations_build_exactly_the_schema_the_code_uses(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from newsgraph.store.schema import metadata

    def not_full_text(name, _type, _parents) -> bool:  # search and PostgreSQL-only structures live outside it
        return not any(mark in (name or "") for mark in ("_fts", "_pg"))

    with store.read() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": not_full_text})
        differences = compare_metadata(context, metadata)
    assert differences == []
    assert set(metadata.tables) <= set(counts(store))


def test_upgrading_a_filled_store_fills_the_running_totals(store, analysed):
    from alembic import command

    from newsgraph.store.db import alembic_config

    ingest(store, analysed, analysed=True)
    before = (entities_list(store, limit=100), edges(graph(store)))
    config = alembic_config()
    with store.migrating() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
        command.upgrade(config, "head")
    assert (entities_list(store, limit=100), edges(graph(store))) == before
    assert before[1] and all(e["articles"] for e in before[0])


def test_each_stored_mention_keeps_its_kind(store, analysed):
    ingest(store, analysed, analysed=True)
    written = {(doc.id + "/" + m.id, m.kind) for doc in analysed for m in doc.mentions}
    with store.read() as conn:
        stored = set(conn.execute(select(mentions.c.id, mentions.c.kind)))
    assert stored == written
    assert {kind for _, kind in stored} > {"name"}


def test_ingesting_twice_leaves_the_row_counts_unchanged(store, analysed):
    first = ingest(store, analysed, analysed=True)
    after_first = counts(store)
    second = ingest(store, analysed, analysed=True)
    assert (first.stored, second.stored, second.unchanged) == (3, 0, 3)
    assert counts(store) == after_first
    assert after_first["articles"] == 3 and after_first["quotes"] == 4 and after_first["events"] == 5
    forced = ingest(store, analysed, analysed=True, reanalyse=True)
    assert forced.stored == 3 and counts(store) == after_first
    running_totals = entities_list(store, limit=100)
    recounted = entities_list(store, since="1900-01-01", limit=100)
    assert sorted(map(str, running_totals)) == sorted(map(str, recounted))
    assert edges(graph(store)) == edges(graph(store, since="1900-01-01"))


def edges(found: dict) -> list[tuple]:
    """Each edge's weights, so running totals can be compared with a recount."""
    return sorted((e["source"], e["target"], e["co_mentions"], str(sorted(map(str, e["interactions"]))))
                  for e in found["edges"])


@pytest.fixture(scope="module")
def empty_sqlite(tmp_path_factory) -> Path:
    """A migrated empty SQLite file to copy, so each Hypothesis example starts fast."""
    path = tmp_path_factory.mktemp("template") / "empty.db"
    Store.open(f"sqlite:///{path}").close()
    return path


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.lists(st.integers(min_value=0, max_value=2), min_size=1, max_size=8))
def test_any_order_and_repetition_of_articles_stores_each_once(analysed, empty_sqlite, order):
    with tempfile.TemporaryDirectory() as folder:
        urls = []
        for name in ("once.db", "repeated.db"):
            shutil.copy(empty_sqlite, Path(folder) / name)
            urls.append(f"sqlite:///{folder}/{name}")
        with Store.open(urls[0]) as once, Store.open(urls[1]) as repeated:
            ingest(once, [analysed[i] for i in sorted(set(order))], analysed=True)
            ingest(repeated, [analysed[i] for i in order], analysed=True, reanalyse=True)
            assert counts(repeated) == counts(once)


def test_same_text_without_url_updates_the_stored_article_and_keeps_its_id(store, analysed):
    doc = analysed[2]  # stored without a url, so its text identifies it
    ingest(store, [doc], analysed=True)
    renamed = replace(doc, id="another-id", title="Новый заголовок")
    ingest(store, [renamed], analysed=True, reanalyse=True)
    with store.read() as conn:
        rows = conn.execute(select(articles.c.id, articles.c.title)).all()
    assert [(r.id, r.title) for r in rows] == [(doc.id, "Новый заголовок")]


def test_a_bare_copy_of_a_stored_text_keeps_the_known_url_and_title(store, analysed):
    doc = analysed[0]
    ingest(store, [doc], analysed=True)
    bare = replace(doc, id="from-a-txt-file", url=None, title=None, published=None)
    ingest(store, [bare], analysed=True, reanalyse=True)
    [stored] = articles_list(store)
    assert (stored["id"], stored["url"], stored["title"], stored["published"]) == (
        doc.id, doc.url, doc.title, doc.published.isoformat())


def test_one_text_at_two_urls_is_two_articles(store, analysed):
    doc = analysed[0]
    copy = replace(doc, id="syndicated", url="https://other.example.ru/copy")
    ingest(store, [doc, copy], analysed=True)
    assert counts(store)["articles"] == 2


def test_new_text_at_the_same_url_replaces_the_facts_and_the_search_index(store, analysed):
    doc = analysed[1]
    ingest(store, [doc], analysed=True)
    cut = doc.text.index("Стороны")
    shorter = replace(doc, text=doc.text[:cut].strip(), events=tuple(e for e in doc.events if e.trigger.end <= cut))
    ingest(store, [shorter], analysed=True)
    with store.read() as conn:
        stored_text = conn.execute(select(articles.c.text)).scalar_one()
        stored_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
    assert stored_text == shorter.text and stored_events == len(shorter.events) == 1
    assert search(store, "санкциях")["articles"] == []
    assert [a["id"] for a in search(store, "Берлине")["articles"]] == [doc.id]


def test_non_russian_articles_are_stored_unanalysed_and_counted(store):
    doc = Article.create(ENGLISH, language="en")
    report = ingest(store, [doc])
    again = ingest(store, [doc])
    assert (report.unanalysed, report.stored, again.unchanged) == (1, 0, 1)
    with store.read() as conn:
        assert conn.execute(select(articles.c.analysed)).scalar_one() is False


def test_failures_are_recorded_once_with_file_and_line_and_cleared_by_success(store, analysed, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": analysed[0].text}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    for _ in range(2):
        report = ingest_paths(store, [str(tmp_path / "missing.txt"), str(corpus)], analysed=True)
    assert report.failed == 2
    stored = {(f["file"], f["line"], f["stage"]) for f in failures_list(store)}
    assert stored == {(str(tmp_path / "missing.txt"), None, "read"), (str(corpus), 2, "read")}
    assert all(f["error"] for f in failures_list(store))
    with store.write() as conn:
        record_failure(conn, Failure(analysed[1].id, "syntax", "ValueError: boom"))
    assert len(failures_list(store)) == 3
    ingest(store, [analysed[1]], analysed=True)
    assert len(failures_list(store)) == 2


def test_an_article_the_database_refuses_is_rolled_back_and_recorded(store, analysed):
    doc = analysed[0]
    twice = replace(doc, mentions=doc.mentions + doc.mentions[:1])  # two mentions with one id
    report = ingest(store, [twice, analysed[1]], analysed=True)
    assert (report.stored, report.failed) == (1, 1)
    assert counts(store)["articles"] == 1 and counts(store)["mentions"] == len(analysed[1].mentions)
    [failure] = failures_list(store)
    assert (failure["article_id"], failure["stage"]) == (doc.id, "store") and "IntegrityError" in failure["error"]


def facts_match_records(store: Store) -> bool:
    """Every stored article has exactly the mentions, quotes and events its JSON record lists."""
    with store.read() as conn:
        for article_id, record in conn.execute(select(articles.c.id, articles.c.record)):
            doc = Article.from_json(json.loads(record))
            for table, expected in ((mentions, doc.mentions), (quotes, doc.quotes), (events, doc.events)):
                stored = conn.execute(select(func.count()).select_from(table).where(table.c.article_id == article_id))
                if stored.scalar_one() != len(expected):
                    return False
    return True


def test_a_killed_ingest_leaves_whole_articles_and_a_rerun_finishes(store_url, analysed, tmp_path):
    total = 100
    batch = tmp_path / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        for i in range(total):
            doc = replace(analysed[i % 3], id=f"copy-{i}", url=f"https://example.ru/copy/{i}")
            out.write(doc.dumps() + "\n")
    command = [NEWSGRAPH, "ingest", "--analysed", str(batch), "--db", store_url]
    with Store.open(store_url) as store:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while counts(store)["articles"] < 10 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        stored = counts(store)["articles"]
        assert 10 <= stored < total, "the kill should land in the middle of the batch"
        assert facts_match_records(store)
        rerun = subprocess.run(command + ["--json"], capture_output=True, text=True, timeout=300, check=True)
        report = json.loads(rerun.stdout)
        assert report["unchanged"] == stored and report["stored"] + report["unchanged"] == total
        assert counts(store)["articles"] == total
        assert facts_match_records(store)
