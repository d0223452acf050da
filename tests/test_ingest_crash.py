"""kill -9 an ingest at several points, run it again, and get the store a clean run gives, derived tables included.

The kills land mid-batch, after the last article is stored (before event instances are
rebuilt) and in the middle of `--reanalyse`. While a killed run stands, readers must never
see an instance without sources.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from newsgraph.ingest.batch import ingest_paths
from newsgraph.ingest.storylinks import link_stories
from newsgraph.store.schema import event_instances, instance_events
from newsgraph.store import Store
from newsgraph.store.schema import metadata

HERE = Path(__file__).parent
CORPUS = {
    "1-call.txt": "Президент России Владимир Путин провёл в среду телефонный разговор с президентом Франции "
                  "Эммануэлем Макроном. Стороны обсудили ситуацию на Украине.",
    "2-call-copy.txt": "Владимир Путин в среду провёл телефонный разговор с Эммануэлем Макроном. "
                       "Лидеры обсудили положение на Украине, сообщили в Кремле.",
    "3-meeting.txt": "Канцлер Германии Олаф Шольц встретился в Берлине с президентом Франции Эммануэлем Макроном. "
                     "Политики обсудили поставки оружия Украине.",
    "4-sanctions.txt": "Евросоюз ввёл новые санкции против России. Министр иностранных дел России Сергей Лавров "
                       "обвинил Брюссель в попытке сорвать переговоры.",
    "5-grain.txt": "Министр сельского хозяйства заявила, что Россия в этом году собрала более ста тридцати "
                   "миллионов тонн зерна.",
}
VOLATILE = {"ingested_at", "failed_at", "seen_at", "since", "num", "id@failures"}


def digest(db: str) -> str:
    """A hash of every row of every table (fact, count and derived), without times and row numbers."""
    hasher = hashlib.sha256()
    with Store.open(db) as store, store.read() as conn:
        for table in sorted(metadata.sorted_tables, key=lambda t: t.name):
            columns = [c for c in table.columns if c.name not in VOLATILE and f"{c.name}@{table.name}" not in VOLATILE]
            rows = sorted(repr(tuple(r)) for r in conn.execute(select(*columns)))
            hasher.update(f"{table.name}:{len(rows)}:{rows}".encode())
    return hasher.hexdigest()


def run_to_end(db: str, corpus: Path, reanalyse: bool = False) -> None:
    with Store.open(db) as store:
        ingest_paths(store, [str(corpus)], reanalyse=reanalyse)
        link_stories(store)


def start_killable(db: str, stop_after: int, corpus: Path, *options: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, str(HERE / "crash_ingest.py"), db, str(stop_after), *options, str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def kill_when_stopped(process: subprocess.Popen) -> None:
    line = process.stdout.readline()
    assert line.strip() == "stopped", process.stderr.read()[-2000:]
    process.kill()  # SIGKILL: no cleanup, no rollback but the database's own
    process.wait()


def sourceless_instances(db: str) -> int:
    ei, ie = event_instances.c, instance_events.c
    linked = select(func.count()).where(ie.instance_id == ei.id).scalar_subquery()
    with Store.open(db) as store, store.read() as conn:
        return conn.execute(select(func.count()).where(ei.reports != linked)).scalar_one() + conn.execute(
            select(func.count()).select_from(event_instances).where(linked == 0)).scalar_one()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> tuple[Path, str]:
    """A store filled by one uninterrupted run, and its digest."""
    path = tmp_path_factory.mktemp("clean") / "clean.db"
    run_to_end(f"sqlite:///{path}", corpus)
    with Store.open(f"sqlite:///{path}") as store, store.read() as conn:
        assert conn.execute(select(func.count()).select_from(event_instances)).scalar_one() > 0
    return path, digest(f"sqlite:///{path}")


def test_killed_runs_are_repaired_by_the_next_run(corpus, clean, tmp_path):
    clean_path, clean_digest = clean
    shutil.copy(clean_path, tmp_path / "reanalysed.db")
    runs = {  # store → (stop after this many stored items, options)
        "mid-batch": (2, ()),
        "after-last": (len(CORPUS), ()),
        "reanalysed": (2, ("--reanalyse",)),
    }
    dbs = {name: f"sqlite:///{tmp_path}/{name}.db" for name in runs}
    processes = {name: start_killable(dbs[name], stop, corpus, *options) for name, (stop, options) in runs.items()}
    for process in processes.values():
        kill_when_stopped(process)

    assert sourceless_instances(dbs["reanalysed"]) == 0, "readers saw half-built instances mid --reanalyse"
    for name, db in dbs.items():
        assert digest(db) != clean_digest, f"{name}: the kill should have left work undone"
        run_to_end(db, corpus)
        assert digest(db) == clean_digest, f"{name}: the re-run did not repair the store"
