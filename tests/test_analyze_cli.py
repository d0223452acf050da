"""`newsgraph analyze` on a file, on stdin and on a JSONL corpus with broken lines."""

import json

from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()
TEXT = "Канцлер Германии Фридрих Мерц прибыл в Париж. Мерц встретился с Эммануэлем Макроном."


def test_analyze_prints_a_summary_from_stdin():
    result = runner.invoke(app, ["analyze", "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    assert "Фридрих Мерц" in result.output
    assert "Эммануэль Макрон" in result.output


def test_analyze_json_has_the_contract_fields(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--json", "--published", "2025-05-07"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["published"] == "2025-05-07"
    assert {"id", "text", "entities", "quotes", "events"} <= set(data)
    merz = next(e for e in data["entities"] if e["name"] == "Фридрих Мерц")
    texts = [m["text"] for m in merz["mentions"]]
    assert {"Фридрих Мерц", "Мерц"} <= set(texts)
    # the role phrase names the chancellor in office on the publication date
    assert "Канцлер Германии" in texts


def test_corpus_run_reports_bad_lines_and_goes_on(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        "\n".join(
            [
                json.dumps({"id": "a1", "text": TEXT}, ensure_ascii=False),
                "{not json",
                json.dumps({"id": "a3", "title": "без текста"}, ensure_ascii=False),
                json.dumps({"id": "a4", "text": "Путин прилетел в Пекин."}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = runner.invoke(
        app, ["analyze", "--input", str(corpus), "--output", str(out), "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    assert [json.loads(l)["id"] for l in out.read_text().splitlines()] == ["a1", "a4"]
    failed = [json.loads(l) for l in errors.read_text().splitlines()]
    assert [f["error"].split(":")[0] for f in failed] == ["line 2", "line 3"]
    assert failed[1]["id"] == "a3"
    assert "2 articles analysed, 2 failed" in result.stderr


def test_corpus_of_only_bad_lines_exits_non_zero(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--input", str(corpus), "--output", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1


def test_explain_names_the_rule_behind_each_decision():
    text = "«Переговоры будут трудными», - заявил Макрон. Он позвонил Путину во вторник."
    result = runner.invoke(app, ["explain", "-", "--published", "2025-07-04"], input=text)
    assert result.exit_code == 0, result.output
    quote_line = next(l for l in result.output.splitlines() if l.lstrip().startswith("QUOTE"))
    assert "«Переговоры будут трудными»" in quote_line and "Макрон" in quote_line
    assert "‹quote.dash_after" in quote_line  # the plain-hyphen attribution rule
    event_line = next(l for l in result.output.splitlines() if l.lstrip().startswith("EVENT"))
    assert "2025-07-01" in event_line  # the Tuesday before publication
