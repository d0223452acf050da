"""Scoring events against gold, the gold format, and the dev set staying in sync with its source."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate.events import score

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Эммануэль Макрон и Кир Стармер провели переговоры в Лондоне в четверг. Турция обвинила Грецию в провокациях."


def gold_record(**changes) -> dict:
    start = TEXT.index("переговоры")
    talks = {
        "type": "CONSULT", "mode": None, "trigger": {"start": start, "end": start + 10, "text": "переговоры"},
        "actor": ["Макрон", "Стармер"], "recipient": [], "modality": "asserted", "date": "2025-07-03", "place": "Лондон",
    }
    return {"id": "t1", "published": "2025-07-04", "text": TEXT, "events": [{**talks, **changes}]}


def test_matching_type_and_trigger_scores_every_attribute(analyze):
    doc = analyze(TEXT, published="2025-07-04")
    scores = score([(gold_record(), doc)])
    assert (scores.gold, scores.matched) == (1, 1)
    assert scores.system == 2  # the accusation is not in this gold: a false positive
    assert scores.typed() == (0.5, 1.0, 2 / 3)
    assert all(scores.accuracy(a) == 1.0 for a in ("actor", "recipient", "modality", "date", "place"))


def test_same_sentence_matches_when_triggers_do_not_overlap(analyze):
    doc = analyze(TEXT, published="2025-07-04")
    start = TEXT.index("провели")
    scores = score([(gold_record(trigger={"start": start, "end": start + 7, "text": "провели"}), doc)])
    assert scores.matched == 1


def test_wrong_type_or_attribute_is_counted(analyze):
    doc = analyze(TEXT, published="2025-07-04")
    wrong_type = score([(gold_record(type="AGREE"), doc)])
    assert (wrong_type.matched, wrong_type.matched_any_type) == (0, 1)
    wrong_actor = score([(gold_record(actor=["Макрон"], modality="planned"), doc)])
    assert (wrong_actor.accuracy("actor"), wrong_actor.accuracy("modality"), wrong_actor.accuracy("date")) == (0, 0, 1)


def test_cli_prints_the_command_and_the_table(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "events", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert f"newsgraph evaluate events {gold}" in result.output
    assert "| detection with correct type P / R / F1 | 0.500 / 1.000 / 0.667 |" in result.output
    assert "SPURIOUS t1 ACCUSE «обвинила»" in result.output


def test_dev_sets_match_their_readable_sources():
    spec = importlib.util.spec_from_file_location("build_events_devset", ROOT / "scripts/build_events_devset.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for name in ("events", "events_heldout"):
        built = builder.build((ROOT / f"devsets/{name}.src.txt").read_text(encoding="utf-8"))
        stored = [json.loads(line) for line in (ROOT / f"devsets/{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert built == stored
        for article in built:
            for event in article["events"]:
                trigger = event["trigger"]
                assert article["text"][trigger["start"] : trigger["end"]] == trigger["text"]
    assert len(builder.build((ROOT / "devsets/events.src.txt").read_text(encoding="utf-8"))) >= 20
