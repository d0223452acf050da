"""`newsgraph evaluate linking` on a small brat corpus written for this test."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app

TEXT = "Владимир Путин прилетел в Париж. Там его встретил фермер Аркадий Кукушкин."


def span(label: str, text: str) -> str:
    start = TEXT.index(text)
    return f"{label} {start} {start + len(text)}\t{text}"


def test_evaluate_linking_scores_links_against_references(tmp_path):
    (tmp_path / "001.txt").write_text(TEXT, encoding="utf-8")
    ann = [
        f"T1\t{span('PERSON', 'Владимир Путин')}",
        f"T2\t{span('CITY', 'Париж')}",
        f"T3\t{span('PERSON', 'Аркадий Кукушкин')}",
        "N1\tReference T1 Wikidata:Q7747\tВладимир Путин",
        "N2\tReference T2 Wikidata:Q90\tПариж",
        "N3\tReference T3 Wikidata:NULL\t",
    ]
    (tmp_path / "001.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "linking", "--format", "brat", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["links_made"], scores["links_correct"]) == (2, 2)
    assert (scores["gold"], scores["gold_in_kb"], scores["recall_in_kb"]) == (2, 2, 1.0)
    assert scores["errors"] == []
