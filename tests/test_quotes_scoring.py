"""Quote-mark pairing, genitive names for press services, the dev set, and `newsgraph evaluate quotes`."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.doc import Article, Entity, Mention, Quote
from newsgraph.evaluate.quotes import match, overlap, same_name, same_speaker, score_quotes
from newsgraph.stages.quotes.marks import pair_quotes
from newsgraph.stages.quotes.names import genitive_name

ROOT = Path(__file__).resolve().parents[1]


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in pair_quotes(text)]


def test_pairs_nested_and_mixed_marks():
    assert quoted("Он сказал: «Это „провал“ и \"позор\"». А «Газпром» молчит.") == ['Это „провал“ и "позор"', "Газпром"]
    assert quoted("«Он сказал «нет»», — добавил он.") == ["Он сказал «нет»"]
    assert quoted('He said "yes" and "no".') == ["yes", "no"]


def test_pairs_quotes_over_paragraphs():
    assert quoted("«Первый абзац.\n«Второй абзац», — сказал он.") == ["Первый абзац.\n«Второй абзац"]
    assert quoted("«Первый абзац.\nВторой абзац», — сказал он.") == ["Первый абзац.\nВторой абзац"]
    assert quoted("«Незакрытая цитата.\nДругой абзац без кавычек.") == []


def test_genitive_names():
    assert genitive_name("Эммануэль Макрон", "Masc") == "Эммануэля Макрона"
    assert genitive_name("Мария Захарова", "Fem") == "Марии Захаровой"
    assert genitive_name("Кая Каллас", "Fem") == "Каи Каллас"
    assert genitive_name("Андрий Сибига", "Masc") == "Андрия Сибиги"


def test_same_name_forgives_endings_and_first_names_but_not_press_services():
    assert same_name("Эммануэль Макрон", "Макрон")
    assert same_name("МИД России", "МИД Россия")
    assert same_name("пресс-служба Макрона", "пресс-служба Эммануэля Макрона")
    assert not same_name("Макрон", "пресс-служба Эммануэля Макрона")
    assert not same_name("Владимир Путин", "Владимир Зеленский")


def test_matching_is_one_to_one_by_overlap():
    gold = [{"start": 0, "end": 10}, {"start": 20, "end": 30}]
    predicted = [Quote(1, 10, "direct", None, None, None), Quote(0, 4, "direct", None, None, None)]
    assert overlap(gold[0], predicted[0]) == 0.9
    assert match(gold, predicted) == [(gold[0], predicted[0])]


def test_scores_and_speakers():
    text = "Макрон заявил: «Мы готовы». Источник сообщил, что нет."
    doc = Article.create(text)
    source = text.index("Источник")
    doc = doc.with_layer("mentions", [Mention("m1", 0, 6, "PER", normal="Макрон"), Mention("m2", source, source + 8, "PER")])
    doc = doc.with_layer("entities", [Entity("e1", "PER", "Эммануэль Макрон", ("m1",)), Entity("e2", "PER", "источник", ("m2",), anonymous=True)])
    said, no = text.index("Мы готовы"), text.index("нет")
    doc = doc.with_layer("quotes", [
        Quote(said, said + 9, "direct", "e1", "Эммануэль Макрон", "заявил"),
        Quote(no, no + 3, "indirect", "e1", "Эммануэль Макрон", "сообщил"),
    ])
    gold = {"quotes": [
        {"start": said, "end": said + 9, "text": "Мы готовы", "kind": "direct", "speaker": "Макрон"},
        {"start": no, "end": no + 3, "text": "нет", "kind": "indirect", "speaker": "источник", "anonymous": True},
    ]}
    assert same_speaker(gold["quotes"][0], doc.quotes[0], doc)
    assert not same_speaker(gold["quotes"][1], doc.quotes[1], doc)
    scores = score_quotes([gold], [doc])
    assert (scores.precision, scores.recall, scores.speaker_accuracy) == (1.0, 1.0, 0.5)
    assert [e["error"] for e in scores.errors] == ["speaker"]


def test_devset_is_built_from_its_source_with_exact_offsets(tmp_path):
    spec = importlib.util.spec_from_file_location("build_quotes_devset", ROOT / "scripts" / "build_quotes_devset.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    articles = builder.build(ROOT / "devsets" / "quotes.src.txt")
    committed = [json.loads(line) for line in (ROOT / "devsets" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert articles == committed
    assert len(articles) >= 20 and sum(len(a["quotes"]) for a in articles) >= 150
    assert {q["kind"] for a in articles for q in a["quotes"]} == {"direct", "indirect", "mixed"}
    for article in articles:
        assert all(article["text"][q["start"] : q["end"]] == q["text"] for q in article["quotes"])


def test_evaluate_quotes_command(tmp_path):
    text = "«Мы не отступим», — заявил Сергей Лавров. Холдинг «Газпром-Медиа» отказался от комментариев."
    gold = {"id": "t1", "text": text, "quotes": [{"start": 1, "end": 15, "text": "Мы не отступим", "kind": "direct", "speaker": "Сергей Лавров"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "quotes", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["precision"], scores["recall"], scores["speaker_accuracy"]) == (1.0, 1.0, 1.0)
    assert (scores["gold"], scores["predicted"]) == (1, 1)
