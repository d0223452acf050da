"""The store commands in their real form, through Typer's CliRunner (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_articles import BACKENDS, PUTIN_QID, SAMPLES, analysed, empty_store_url  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory, analysed):
    """A store filled by `newsgraph ingest --analysed` from a JSONL file of the sample articles."""
    url = empty_store_url(request.param, tmp_path_factory)
    corpus = tmp_path_factory.mktemp("corpus") / "analysed.jsonl"
    corpus.write_text("".join(doc.dumps() + "\n" for doc in analysed), encoding="utf-8")
    report = json.loads(run("ingest", "--analysed", str(corpus), "--db", url, "--json").stdout)
    assert (report["stored"], report["failed"]) == (3, 0)
    return url


def test_query_commands_print_json(db, analysed):
    found = json.loads(run("search", "посредник", "--db", db, "--json").stdout)
    assert [a["id"] for a in found["articles"]] == [analysed[2].id]
    quotes = json.loads(run("quotes", "--speaker", "Шольц", "--db", db, "--json").stdout)
    assert [q["text"] for q in quotes] == ["Европа должна быть единой"]
    events = json.loads(run("events", "--reports", "--actor", PUTIN_QID, "--type", "CONSULT", "--db", db, "--json").stdout)
    assert [e["trigger"]["text"] for e in events] == ["телефонный разговор"]
    profile = json.loads(run("entity", PUTIN_QID, "--db", db, "--json").stdout)
    assert profile["entity"]["articles"] == 2
    timeline = json.loads(run("timeline", "--since", "2025-05-01", "--db", db, "--json").stdout)
    assert timeline == [{"period": "2025-05", "events": 1, "types": {"CONSULT": 1}}]


def test_query_commands_print_text_and_read_the_url_from_the_environment(db):
    env = {"NEWSGRAPH_DB": db}
    assert "Реджеп Тайип Эрдоган: «Турция готова быть посредником»" in run("quotes", "--speaker", "Эрдоган", env=env).stdout
    assert "CONSULT  Олаф Шольц → " in run("events", "--reports", "--actor", "Шольц", env=env).stdout
    assert run("timeline", env=env).stdout.startswith("2025-03  ")
    assert "quotes (2):" in run("entity", "Путин", env=env).stdout
    missing = runner.invoke(app, ["entity", "Никтоневстречался"], env=env)
    assert missing.exit_code == 1


def test_export_command_writes_the_file(db, tmp_path):
    out = tmp_path / "events.csv"
    result = run("export", "events-csv", str(out), "--db", db)
    assert "5 records" in result.stderr and out.read_text(encoding="utf-8").startswith("id,article_id,")
    wrong = runner.invoke(app, ["export", "xlsx", str(out), "--db", db])
    assert wrong.exit_code == 2 and "unknown format" in wrong.output


def test_ingest_analyses_text_files_and_records_bad_ones(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number, sample in enumerate(SAMPLES[:2]):
        (folder / f"{number}.txt").write_text(sample.text, encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    url = f"sqlite:///{tmp_path}/news.db"
    first = json.loads(run("ingest", str(folder), "--db", url, "--json").stdout)
    second = json.loads(run("ingest", str(folder), "--db", url, "--json").stdout)
    assert (first["stored"], first["failed"]) == (2, 1)
    assert (second["stored"], second["unchanged"], second["failed"]) == (0, 2, 1)
    profile = json.loads(run("entity", "Шольц", "--db", url, "--json").stdout)
    assert profile["entity"]["type"] == "PER" and profile["entity"]["articles"] == 1


def test_quotes_and_events_of_a_file_match_the_pipeline(tmp_path, analyze):
    text = SAMPLES[2].text
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    doc = analyze(text)
    quotes = json.loads(run("quotes", str(path), "--json").stdout)
    events = json.loads(run("events", str(path), "--json").stdout)
    assert sorted(q["text"] for q in quotes) == sorted(doc.span_text(q) for q in doc.quotes)
    assert sorted((e["type"], e["trigger"]["start"]) for e in events) == sorted(
        (e.type, e.trigger.start) for e in doc.events
    )
    assert all(q["sentence"]["text"] in text for q in quotes)


def test_the_readme_quotes_example_answers_on_the_sample_store(tmp_path):
    """`newsgraph quotes --speaker "Эммануэль Макрон"` as the README writes it, on `make demo`'s store:
    the article's spelling finds the KB's `Эмманюэль Макрон`."""
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    run("ingest", str(Path(__file__).parent.parent / "samples" / "articles.jsonl"), "--db", db)
    printed = run("quotes", "--speaker", "Эммануэль Макрон", "--db", db).stdout
    assert "Эмманюэль Макрон: «Мы договорились продолжить контакты на уровне министров»" in printed
