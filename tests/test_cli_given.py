"""Dates and titles for plain text: --published/--title/--source/--url wherever a file is read,
a .txt headline as its title, and one warning when an article has no date."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.given import headline

runner = CliRunner()
TEXT = ("Макрон провёл переговоры с Путиным\n"
        "Президент Франции Эммануэль Макрон провёл вчера телефонный разговор с Владимиром Путиным.\n")


def test_a_first_line_is_a_title_only_when_it_reads_as_a_headline():
    assert headline(TEXT) == "Макрон провёл переговоры с Путиным"
    assert headline("Макрон провёл переговоры с Путиным.\nВторое предложение.") is None
    assert headline("Одна строка без текста после неё") is None


def test_ingest_takes_the_date_title_source_and_url_of_a_text_file(tmp_path):
    (tmp_path / "call.txt").write_text(TEXT, encoding="utf-8")
    db, out = f"sqlite:///{tmp_path}/news.db", tmp_path / "articles.jsonl"
    result = runner.invoke(app, ["ingest", str(tmp_path / "call.txt"), "--db", db, "--published", "2025-07-02",
                                 "--source", "Тест", "--url", "https://example.org/call", "--json"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output and json.loads(result.stdout)["undated"] == 0
    assert runner.invoke(app, ["export", "jsonl", str(out), "--db", db]).exit_code == 0
    [article] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (article["title"], article["published"], article["source"], article["url"]) == (
        "Макрон провёл переговоры с Путиным", "2025-07-02", "Тест", "https://example.org/call")


def test_an_undated_article_is_warned_about_once_with_its_cost(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT.replace("Макрон", "Макрон" if name == "a.txt" else "Шольц"), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", f"sqlite:///{tmp_path}/news.db", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("warning: ") == 1 and "--published" in result.stderr
    assert json.loads(result.stdout)["undated"] == 2


def test_events_and_quotes_of_a_file_take_its_date(tmp_path):
    (tmp_path / "call.txt").write_text(TEXT, encoding="utf-8")
    events = runner.invoke(app, ["events", str(tmp_path / "call.txt"), "--published", "2025-07-02", "--json"])
    assert events.exit_code == 0 and "warning" not in events.stderr, events.output
    assert "2025-07-01" in {e["date"] for e in json.loads(events.stdout)}  # «вчера» resolved
    quotes = runner.invoke(app, ["quotes", str(tmp_path / "call.txt")])
    assert quotes.exit_code == 0 and quotes.stderr.count("no publication date") == 1


def test_quotes_of_a_file_put_only_direct_speech_in_quotation_marks(tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text("Министр финансов Антон Силуанов заявил, что дефицит бюджета сократится. "
                    "«Налоги повышать мы не будем», — сказал Силуанов.\n", encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(path), "--published", "2025-07-02"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("(indirect speech) дефицит бюджета сократится" in line and "«дефицит" not in line for line in lines), lines
    assert any("«Налоги повышать мы не будем»" in line for line in lines), lines
