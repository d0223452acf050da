"""`evaluate annotated` scores ANNOTATION.md gold the way the held-out scorer does, on texts we wrote."""

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate.annotated import names_match, score_annotated

TEXT = (
    "Президент Франции Эммануэль Макрон провел телефонный разговор с Владимиром Путиным. "
    "«Мы обсудили гарантии безопасности», — сказал Макрон журналистам."
)


def gold_record() -> dict:
    quote_start = TEXT.index("Мы обсудили")
    call = TEXT.index("телефонный разговор")
    return {
        "doc": "call", "published": "2025-07-02",
        "quotes": [{"start": quote_start, "end": quote_start + len("Мы обсудили гарантии безопасности"), "kind": "direct",
                    "speaker": "Эммануэль Макрон", "speaker_aliases": ["Макрон"], "via": None}],
        "events": [{"type": "CONSULT", "mode": "phone", "actor": ["Эммануэль Макрон"], "recipient": ["Владимир Путин"],
                    "actor_aliases": {}, "recipient_aliases": {"Владимир Путин": ["Путин"]},
                    "trigger_start": call, "trigger_end": call + len("телефонный разговор"), "modality": "asserted",
                    "date": None, "place": None}],
    }


def test_the_pipeline_is_scored_on_a_call_and_its_quote(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"id": "call", "text": TEXT, "published": "2025-07-02"}, ensure_ascii=False) + "\n")
    result = CliRunner().invoke(app, ["evaluate", "annotated", str(gold), "--texts", str(texts), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["quotes"]["recall"] == 1.0 and scores["quotes"]["speaker_acc"] == 1.0
    assert scores["events"]["recall"] == 1.0 and scores["events"]["actor_acc"] == 1.0


def test_a_wrong_type_in_the_same_sentence_is_a_miss_and_a_spurious_event():
    gold = gold_record()
    wrong = {"type": "AGREE", "trigger": {"start": gold["events"][0]["trigger_start"], "end": gold["events"][0]["trigger_end"]},
             "actor": ["e1"], "recipient": [], "modality": "asserted"}
    scores = score_annotated([gold], {"call": {"events": [wrong], "quotes": []}}, {"call": {"text": TEXT}})
    assert scores.to_json()["events"]["precision"] == 0.0
    assert {e["what"] for e in scores.errors} == {"event missed", "event spurious", "quote missed"}


def test_names_match_on_the_surname_only_when_it_is_longer_than_three_letters():
    assert names_match("Макрон", ["Эммануэль Макрон"])
    assert names_match("владимир путин", ["Владимир Путин"])
    assert not names_match("Ли", ["Ким Ли"])
