"""The Dask engine and local worker processes give the records the local engine gives, in input order."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import DateTime, select
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.distributed import analyze_with, dask_client
from newsgraph.doc import Article, Failure
from newsgraph.engines import analyze_stream
from newsgraph.store import Store
from newsgraph.store.schema import metadata

ARTICLES = [
    "Министр иностранных дел России Сергей Лавров провел в Анкаре переговоры с турецким коллегой "
    "Хаканом Фиданом. «Мы договорились продолжить консультации», — заявил Лавров журналистам.",
    "Президент Молдавии Майя Санду поблагодарила избирателей. Лидер Партии социалистов Игорь Додон "
    "заявил, что оппозиция не признает итоги голосования, и призвал сторонников выйти на акцию протеста.",
    "Совет Безопасности ООН не смог принять резолюцию по сектору Газа: США воспользовались правом вето. "
    "Постоянный представитель России при ООН Василий Небензя назвал вето провалом американской дипломатии.",
    "Страны ОПЕК+ договорились продлить сокращение добычи нефти. Вице-премьер России Александр Новак "
    "сообщил, что рынок остается сбалансированным.",
    "Государственная дума приняла законопроект в первом чтении. Председатель Госдумы Вячеслав Володин "
    "заявил, что поправки поддержат семьи с детьми.",
]


def corpus() -> list[Article | Failure]:
    docs: list[Article | Failure] = [Article.create(text, published="2025-11-20") for text in ARTICLES]
    docs.insert(2, Failure("broken-line", "read", "line 3: not valid JSON"))
    return docs


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def local_results():
    return list(analyze_stream(corpus() * 4))


def test_two_dask_workers_give_the_local_records_in_input_order(client, local_results):
    assert len(client.scheduler_info()["workers"]) == 2
    on_dask = list(analyze_with(client, corpus() * 4))  # 24 items: partitions of 16 and 8
    assert [r.article_id if isinstance(r, Failure) else r.id for r in on_dask] == [
        r.article_id if isinstance(r, Failure) else r.id for r in local_results
    ]
    assert on_dask[2] == Failure("broken-line", "read", "line 3: not valid JSON")
    assert [r.to_json() for r in on_dask if isinstance(r, Article)] == [
        r.to_json() for r in local_results if isinstance(r, Article)
    ]
    lavrov = on_dask[0]
    assert any(e.name == "Сергей Лавров" for e in lavrov.entities)


def test_each_worker_builds_its_pipeline_once(client):
    list(analyze_with(client, corpus(), partition=1))
    list(analyze_with(client, corpus(), partition=1))

    def pipelines_built() -> int:
        from newsgraph.runner import shared_pipeline

        return shared_pipeline.cache_info().misses

    assert set(client.run(pipelines_built).values()) == {1}


def test_analyze_stream_rejects_an_unknown_engine():
    with pytest.raises(ValueError, match="engine must be one of"):
        analyze_stream([], engine="spark")
    with pytest.raises(ValueError, match="needs engine='dask'"):
        analyze_stream([], scheduler="tcp://127.0.0.1:8786")


def stored_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, without the columns that record when it was written."""
    with Store.open(url) as store, store.read() as conn:
        rows = {}
        for table in metadata.sorted_tables:
            columns = [c for c in table.columns if not isinstance(c.type, DateTime)]
            rows[table.name] = [tuple(r) for r in conn.execute(select(*columns).order_by(*columns))]
        return rows


def test_ingest_on_a_dask_scheduler_stores_the_rows_a_local_ingest_stores(client, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": t, "published": "2025-11-20"}, ensure_ascii=False) for i, t in enumerate(ARTICLES)]
    corpus.write_text("\n".join(lines + ["{not json"]) + "\n", encoding="utf-8")
    local, dask = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    cli = CliRunner()
    first = cli.invoke(app, ["ingest", str(corpus), "--db", local])
    second = cli.invoke(app, ["ingest", str(corpus), "--db", dask, "--engine", "dask", "--scheduler", client.scheduler.address])
    again = cli.invoke(app, ["ingest", str(corpus), "--db", dask, "--engine", "dask", "--scheduler", client.scheduler.address])
    assert first.exit_code == second.exit_code == again.exit_code == 0, second.output
    rows = stored_rows(dask)
    assert len(rows["articles"]) == len(ARTICLES) and len(rows["failures"]) == 1
    assert len(rows["quotes"]) >= 1 and len(rows["events"]) >= 1
    assert rows == stored_rows(local)


def test_local_worker_processes_give_the_same_records(local_results):
    in_processes = list(analyze_stream(corpus() * 4, workers=2))
    assert [r.to_json() if isinstance(r, Article) else r for r in in_processes] == [
        r.to_json() if isinstance(r, Article) else r for r in local_results
    ]
