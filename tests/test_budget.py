"""The per-article budget: a long article is analysed in windows joined back with true offsets, and a
runaway becomes a recorded `budget` failure while the others are analysed."""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from newsgraph.budget import ArticleTimeout, Budget, deadline, window_bounds
from newsgraph.cli import app
from newsgraph.doc import Article, Failure
from newsgraph.runner import analyze_chunk

PARAGRAPHS = [
    "Президент Франции Эммануэль Макрон провел в Париже переговоры с канцлером Германии Фридрихом Мерцем.",
    "«Мы договорились продолжить консультации», — заявил Макрон журналистам.",
    "Министр иностранных дел России Сергей Лавров встретился в Анкаре с главой МИД Турции Хаканом Фиданом.",
    "Пресс-секретарь Кремля Дмитрий Песков заявил, что Путин позвонил Макрону.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def test_windows_cover_the_text_and_end_at_paragraphs():
    bounds = window_bounds(TEXT, 150)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(end - start <= 150 for start, end in bounds)
    assert all(TEXT[end - 2 : end] == "\n\n" for _, end in bounds[:-1])
    assert window_bounds(TEXT, 0) == [(0, len(TEXT))]


def test_a_long_article_is_analysed_in_windows_with_true_offsets():
    whole = analyze_chunk([Article.create(TEXT)], Budget(max_chars=150))[0]
    apart = analyze_chunk([Article.create(p) for p in PARAGRAPHS], Budget(max_chars=0))
    assert isinstance(whole, Article) and whole.text == TEXT
    spans = [*whole.sentences, *whole.tokens, *whole.mentions, *whole.quotes, *(e.trigger for e in whole.events)]
    assert all(0 <= s.start < s.end <= len(TEXT) for s in spans)
    assert [whole.span_text(q) for q in whole.quotes] == [d.span_text(q) for d in apart for q in d.quotes]
    assert {whole.span_text(m) for m in whole.mentions} == {d.span_text(m) for d in apart for m in d.mentions}
    entities = {e.id for e in whole.entities}
    assert all(q.speaker in entities for q in whole.quotes if q.speaker)
    assert all(a in entities for ev in whole.events for a in ev.actor + ev.recipient)
    mentions = {m.id for m in whole.mentions}
    assert all(m in mentions for e in whole.entities for m in e.mentions) and len(mentions) == len(whole.mentions)
    heads = [t.head for t in whole.tokens if t.head is not None and t.head >= 0]
    assert all(whole.tokens[h].sentence == whole.tokens[i].sentence
               for i, h in ((i, t.head) for i, t in enumerate(whole.tokens) if t.head is not None and t.head >= 0))
    assert heads
    assert Article.from_json(whole.to_json()) == whole


def test_deadline_interrupts_python_and_lets_a_quick_block_finish():
    with pytest.raises(ArticleTimeout):
        with deadline(0.05):
            while True:
                time.sleep(0.001)
    with deadline(5):
        total = sum(range(1000))
    time.sleep(0.05)
    assert total == 499500


def test_a_runaway_becomes_a_budget_failure_and_the_chunk_goes_on():
    short, runaway = Article.create(PARAGRAPHS[1]), Article.create("\n\n".join([TEXT] * 200))  # ~80k chars, >1 s
    analyze_chunk([short])  # warm
    results = analyze_chunk([short, runaway, Failure("x", "read", "bad line")], Budget(timeout=0.5))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Failure"]
    assert [r.stage for r in results[1:]] == ["budget", "read"]
    assert results[1].article_id == runaway.id and "article timeout" in results[1].error


def test_analyze_input_takes_the_budget_options(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "long", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(app, ["analyze", "--input", str(corpus), "--output", str(out),
                                    "--max-chars", "150", "--article-timeout", "60"])
    assert done.exit_code == 0, done.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["text"] == TEXT and all(TEXT[q["start"] : q["end"]] == q["text"] for q in record["quotes"])
