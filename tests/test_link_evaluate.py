"""`newsgraph evaluate linking` on a small brat corpus and a small realnews linking set written for this test."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate.linking import read_realnews_links

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


REPORT = "Владимир Путин прилетел в Париж из Москвы. Там его встретил фермер Аркадий Кукушкин."


def write_realnews(folder, text: str) -> None:
    """A one-article realnews corpus (`realnews/rt.jsonl.gz`) as `--data` expects it."""
    (folder / "realnews").mkdir()
    with gzip.open(folder / "realnews" / "rt.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "rt-1", "url": "", "title": "", "text": text}, ensure_ascii=False) + "\n")


def mention(text: str, type_: str, qid: str) -> dict:
    start = REPORT.index(text)
    return {"start": start, "end": start + len(text), "text": text, "type": type_, "qid": qid}


@pytest.mark.parametrize(("moscow", "made", "correct"), [
    ("QID?", 2, 2),  # an unconfirmed gold id: the pipeline's link to Москвы is neither right nor wrong
    ("NIL", 3, 2),  # a gold NIL: the same link counts against precision
    ("Q649", 3, 3),
])
def test_evaluate_linking_scores_the_realnews_set_per_type(tmp_path, moscow, made, correct):
    write_realnews(tmp_path, REPORT)
    gold = {"id": "rt-1", "file": "realnews/rt.jsonl.gz", "window_end": len(REPORT), "mentions": [
        mention("Владимир Путин", "PER", "Q7747"), mention("Париж", "LOC", "Q90"),
        mention("Москвы", "LOC", moscow), mention("Аркадий Кукушкин", "PER", "NIL")]}
    (tmp_path / "dev.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "linking", "--format", "realnews", str(tmp_path / "dev.jsonl"),
                                      "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["links_made"], scores["links_correct"]) == (made, correct)
    assert scores["by_type"]["PER"] == {"links_made": 1, "links_correct": 1, "gold": 1, "gold_found": 1,
                                        "precision": 1.0, "recall": 1.0}
    assert scores["by_type"]["LOC"]["links_made"] == made - 1
    assert [e["text"] for e in scores["errors"]] == (["Москвы"] if moscow == "NIL" else [])


def test_evaluate_linking_realnews_needs_the_texts(tmp_path):
    (tmp_path / "dev.jsonl").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "linking", "--format", "realnews", str(tmp_path / "dev.jsonl")])
    assert result.exit_code != 0
    assert "--data" in result.output


def test_realnews_links_refuse_offsets_that_miss_the_text(tmp_path):
    write_realnews(tmp_path, REPORT)
    wrong = {**mention("Париж", "LOC", "Q90"), "start": 0, "end": 5}
    (tmp_path / "dev.jsonl").write_text(json.dumps({"id": "rt-1", "mentions": [wrong]}, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    with pytest.raises(ValueError, match="Париж"):
        read_realnews_links(tmp_path / "dev.jsonl", tmp_path)
