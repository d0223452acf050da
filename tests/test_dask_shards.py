"""Workers write shards themselves; merging them stores what a local ingest of the same corpus stores."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.distributed import dask_client
from newsgraph.doc import Article, Failure
from newsgraph.jsonl import read_jsonl
from newsgraph.shards import CLIENT_FAILURES, failures_path, shard_corpus, shard_path, shard_with
from test_dask_engine import ARTICLES, stored_rows

MORE_ARTICLES = [
    "Президент Казахстана Касым-Жомарт Токаев прибыл с визитом в Ташкент, где обсудил с президентом "
    "Узбекистана Шавкатом Мирзиёевым строительство новой железной дороги.",
    "Мэр Москвы Сергей Собянин открыл три новые станции метро. «Жители юго-запада столицы ждали их "
    "десять лет», — сказал Собянин на церемонии открытия.",
    "Центральный банк России сохранил ключевую ставку на прежнем уровне. Глава регулятора Эльвира "
    "Набиуллина заявила, что инфляция замедляется быстрее прогноза.",
    "Премьер-министр Индии Нарендра Моди встретился в Нью-Дели с канцлером Германии Фридрихом Мерцем. "
    "Стороны подписали соглашение о подготовке инженеров.",
    "Министр обороны Белоруссии Виктор Хренин сообщил о начале совместных учений с Россией. "
    "По его словам, в маневрах участвуют около трех тысяч военных.",
    "Губернатор Санкт-Петербурга Александр Беглов пообещал завершить ремонт Дворцового моста до конца года. "
    "Движение по мосту будет частично ограничено.",
    "Генеральный секретарь НАТО Марк Рютте призвал страны альянса увеличить расходы на оборону. "
    "Он выступил на встрече министров в Брюсселе.",
    "Президент Франции Эмманюэль Макрон провел телефонный разговор с президентом Египта Абдель Фаттахом "
    "ас-Сиси. Лидеры обсудили гуманитарную помощь жителям Газы.",
    "Министр финансов России Антон Силуанов внес в правительство проект бюджета на следующий год. "
    "Дефицит бюджета составит около полутора процентов ВВП.",
    "Патриарх Московский и всея Руси Кирилл совершил богослужение в Храме Христа Спасителя. "
    "На службе присутствовали несколько тысяч верующих.",
    "Президент Бразилии Луис Инасиу Лула да Силва заявил, что его страна готова принять саммит БРИКС. "
    "«Мы ждем всех партнеров в Рио-де-Жанейро», — сказал Лула.",
    "Сборная России по хоккею обыграла команду Белоруссии со счетом 4:2. Главный тренер Олег Знарок "
    "похвалил вратаря за надежную игру.",
]
TEXTS = ARTICLES + MORE_ARTICLES  # 17 articles and a broken line: two partitions of the Dask engine
runner = CliRunner()


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as client:
        yield client


def write_corpus(path, texts, broken_at: int) -> None:
    lines = [json.dumps({"id": f"a{i}", "text": t, "published": "2025-11-20"}, ensure_ascii=False) for i, t in enumerate(texts)]
    lines.insert(broken_at, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def shard_lines(directory) -> list[str]:
    return [line for shard in sorted(directory.glob("part-*.jsonl.gz")) for line in gzip.open(shard, "rt", encoding="utf-8")]


def without_error_text(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Failures without their message (the last column): ingest prefixes the input path to a read error's."""
    return {**rows, "failures": [row[:-1] for row in rows["failures"]]}


def test_merged_shards_store_the_rows_a_local_ingest_stores(client, tmp_path):
    corpus, shards = tmp_path / "corpus.jsonl", tmp_path / "shards"
    write_corpus(corpus, TEXTS, broken_at=3)
    local, merged = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'merged.db'}"
    written = runner.invoke(app, ["analyze", "--input", str(corpus), "--shards", str(shards),
                                  "--engine", "dask", "--scheduler", client.scheduler.address])
    assert written.exit_code == 0, written.output
    assert "2 shards written (17 articles analysed, 1 failed), 0 skipped" in written.stderr
    assert sorted(p.name for p in shards.iterdir()) == ["part-000000.failures.jsonl", "part-000000.jsonl.gz", "part-000001.jsonl.gz"]
    failure = json.loads((shards / "part-000000.failures.jsonl").read_text(encoding="utf-8"))
    assert (failure["id"], failure["stage"]) == (f"{corpus}:4", "read") and "not valid JSON" in failure["error"]

    assert runner.invoke(app, ["ingest", str(corpus), "--db", local]).exit_code == 0
    merge = runner.invoke(app, ["ingest", str(shards), "--analysed", "--db", merged, "--json"])
    assert merge.exit_code == 0, merge.output
    summary = json.loads(merge.stdout[merge.stdout.index("{"):])
    assert (summary["stored"], summary["failed"]) == (len(TEXTS), 1)
    rows = stored_rows(merged)
    assert len(rows["articles"]) == len(TEXTS) and len(rows["failures"]) == 1
    assert len(rows["quotes"]) >= 3 and len(rows["events"]) >= 1
    assert without_error_text(rows) == without_error_text(stored_rows(local))

    again = runner.invoke(app, ["ingest", str(shards), "--analysed", "--db", merged, "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout[again.stdout.index("{"):])["unchanged"] == len(TEXTS)
    assert {table: len(r) for table, r in stored_rows(merged).items()} == {table: len(r) for table, r in rows.items()}


def test_a_rerun_skips_written_shards_and_ignores_a_killed_runs_temporary_file(client, tmp_path):
    shards = tmp_path / "shards"
    items = [Article.create(text, published="2025-11-20") for text in MORE_ARTICLES[:5]]
    first = shard_with(client, items, shards, partition=2)
    assert (first.written, first.skipped, first.analysed) == (3, 0, 5)

    shard_path(shards, 1).unlink()  # as if the run had been killed while writing partition 1
    leftover = shards / ".part-000001.jsonl.gz.x1y2z3.tmp"
    leftover.write_bytes(gzip.compress(b'{"id": "half a rec'))
    second = shard_with(client, items, shards, partition=2)
    assert (second.written, second.skipped, second.analysed) == (1, 2, 2)
    assert [json.loads(line)["id"] for line in shard_lines(shards)] == [a.id for a in items]

    merged = f"sqlite:///{tmp_path / 'merged.db'}"
    merge = runner.invoke(app, ["ingest", str(shards), "--analysed", "--db", merged])
    assert merge.exit_code == 0, merge.output
    rows = stored_rows(merged)
    assert len(rows["articles"]) == 5 and rows["failures"] == []

    one_file = f"sqlite:///{tmp_path / 'one.db'}"
    assert runner.invoke(app, ["ingest", str(shard_path(shards, 2)), "--analysed", "--db", one_file]).exit_code == 0
    assert len(stored_rows(one_file)["articles"]) == 1


def test_the_command_reports_the_partitions_it_skipped(client, tmp_path):
    corpus, shards = tmp_path / "corpus.jsonl", tmp_path / "shards"
    write_corpus(corpus, MORE_ARTICLES[:2], broken_at=1)
    command = ["analyze", "--input", str(corpus), "--shards", str(shards), "--engine", "dask", "--scheduler", client.scheduler.address]
    assert runner.invoke(app, command).exit_code == 0
    again = runner.invoke(app, command)
    assert again.exit_code == 0, again.output
    assert "0 shards written (0 articles analysed, 0 failed), 1 skipped (already written)" in again.stderr


def test_the_local_engine_writes_the_same_shards(client, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, MORE_ARTICLES[:3], broken_at=0)
    for directory, engine in ((tmp_path / "local", "local"), (tmp_path / "dask", "dask")):
        with corpus.open(encoding="utf-8") as lines:
            report = shard_corpus(read_jsonl(lines, str(corpus)), directory, engine=engine,
                                  scheduler=client.scheduler.address if engine == "dask" else None)
        assert (report.written, report.analysed, report.failed, report.lost) == (1, 3, 1, 0)
    assert shard_lines(tmp_path / "local") == shard_lines(tmp_path / "dask")
    assert sorted(p.name for p in (tmp_path / "local").iterdir()) == sorted(p.name for p in (tmp_path / "dask").iterdir())


def test_a_partition_its_worker_cannot_write_becomes_failures_on_the_client(client, tmp_path):
    shards = tmp_path / "shards"
    failures_path(shards, 0).mkdir(parents=True)  # in the way of the partition's failures file
    items = [Article.create(MORE_ARTICLES[0]), Failure("in.jsonl:2", "read", "line 2: not valid JSON")]
    report = shard_with(client, items, shards)
    assert (report.written, report.lost) == (0, 2)
    lost = [json.loads(line) for line in (shards / CLIENT_FAILURES).read_text(encoding="utf-8").splitlines()]
    assert [(f["id"], f["stage"]) for f in lost] == [(items[0].id, "worker"), ("in.jsonl:2", "read")]
    assert "shard partition failed: IsADirectoryError" in lost[0]["error"]

    merged = f"sqlite:///{tmp_path / 'merged.db'}"
    assert runner.invoke(app, ["ingest", str(shards), "--analysed", "--db", merged]).exit_code == 1
    assert len(stored_rows(merged)["failures"]) == 2

    failures_path(shards, 0).rmdir()
    again = shard_with(client, items, shards)
    assert (again.written, again.lost) == (1, 0) and not (shards / CLIENT_FAILURES).exists()
