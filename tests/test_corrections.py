"""Corrections that survive re-analysis: made on an article analysed by a pipeline lacking the
events stage, they still hold after the full pipeline analyses it again and after the text
shifts; exported as gold, `evaluate` scores the pipeline against them."""

from __future__ import annotations

import json

import pytest
from record_articles import CORRECTED, CORRECTED_URL
from store_articles import store, store_url  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.doc import Article
from newsgraph.evaluate.events import evaluate_events
from newsgraph.evaluate.quotes import evaluate_quotes, read_gold
from newsgraph.ingest.batch import ingest
from newsgraph.pipeline import Pipeline
from newsgraph.record.correct import correct
from newsgraph.record.corrections import Correction, anchor, origin
from newsgraph.record.gold import export_gold
from newsgraph.record.queries import instances
from newsgraph.store import queries

PUBLISHED, TEXT = CORRECTED
RUSSIA = "Q159"


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture(scope="module")
def versions(pipeline):
    """The article as an older pipeline without the events stage saw it, then as the full pipeline does."""
    older = Pipeline([s for s in pipeline.stages if s.name != "events"])
    doc = Article.create(TEXT, published=PUBLISHED, url=CORRECTED_URL)
    return older(doc), pipeline(doc)


def stored(store) -> Article:
    (article,) = queries.articles_list(store)
    return Article.from_json(queries.article(store, article["id"])["record"])


@pytest.fixture
def corrected(store, versions):
    """Corrections made on the older analysis: a missing call added, a quote marked wrong, a wrong merge split."""
    older, _ = versions
    ingest(store, [older], analysed=True)
    assert older.events == ()
    article = older.id
    correct(store, article, "event", "add", *span(TEXT, "телефонный разговор"), type="CONSULT", mode="phone",
            actor=["Эмманюэль Макрон", "Фридрих Мерц"], date="2025-11-18")
    correct(store, article, "quote", "wrong", *span(TEXT, "Париж не хочет мира"))
    lavrov_again = TEXT.rindex("Лавров")
    correct(store, article, "entity", "fix", lavrov_again, lavrov_again + len("Лавров"), split=True)
    return store


def lavrov_entities(doc: Article) -> set[str]:
    return {e.id for e in doc.entities for m in e.mentions if "Лавров" in doc.span_text(doc.mention(m))}


def test_corrections_show_at_once_and_say_a_person_made_them(corrected):
    doc = stored(corrected)
    (call,) = doc.events
    assert (call.type, call.mode, call.date, origin(call.source)) == ("CONSULT", "phone", "2025-11-18", "person")
    assert {doc.entity(a).kb_id for a in call.actor} == {"Q3052772", "Q566257"}
    assert [doc.span_text(q) for q in doc.quotes] == ["Мы едины в поддержке Украины"]
    assert len(lavrov_entities(doc)) == 2
    (instance,) = instances(corrected, type="CONSULT")
    assert [(s["article"]["id"], s["origin"]) for s in instance["sources"]] == [(doc.id, "person")]


def test_corrections_survive_reanalysis_by_a_changed_pipeline(corrected, versions):
    _, newer = versions
    assert {e.type for e in newer.events} >= {"CONSULT", "ACCUSE"}
    ingest(corrected, [newer], analysed=True, reanalyse=True)
    doc = stored(corrected)
    calls = [e for e in doc.events if e.type == "CONSULT"]
    assert len(calls) == 1 and origin(calls[0].source) == "person" and calls[0].date == "2025-11-18"
    accusation = next(e for e in doc.events if e.type == "ACCUSE")
    assert origin(accusation.source) == "machine"
    assert [doc.span_text(q) for q in doc.quotes] == ["Мы едины в поддержке Украины"]
    assert len(lavrov_entities(doc)) == 2

    correct(corrected, doc.id, "event", "fix", accusation.trigger.start, accusation.trigger.end, actor=[RUSSIA])
    (fixed,) = queries.events_list(corrected, type="ACCUSE")
    assert [a["kb_id"] for a in fixed["actors"]] == [RUSSIA] and fixed["source"] == "person"


def test_corrections_follow_the_text_when_a_new_version_shifts_it(corrected, pipeline):
    shifted = pipeline(Article.create("Обновлено в 12:00. " + TEXT, published=PUBLISHED, url=CORRECTED_URL))
    ingest(corrected, [shifted], analysed=True)
    doc = stored(corrected)
    assert doc.text.startswith("Обновлено")
    (call,) = [e for e in doc.events if e.type == "CONSULT"]
    assert doc.span_text(call.trigger) == "телефонный разговор" and origin(call.source) == "person"
    assert "Париж не хочет мира" not in [doc.span_text(q) for q in doc.quotes]


def test_a_correction_whose_text_is_gone_does_not_apply():
    doc = Article.create(TEXT, published=PUBLISHED)
    correction = Correction.on(doc, "quote", "wrong", *span(TEXT, "Париж не хочет мира"))
    assert anchor(correction, TEXT) == span(TEXT, "Париж не хочет мира")
    assert anchor(correction, TEXT.replace("Париж", "Берлин")) is None
    with pytest.raises(ValueError):
        Correction.on(doc, "quote", "rewrite", 0, 5)
    with pytest.raises(ValueError, match="type"):
        Correction.on(doc, "event", "add", 0, 5, actor=["Макрон"])


def test_evaluate_scores_the_pipeline_against_exported_corrections(corrected, versions, pipeline, tmp_path):
    ingest(corrected, [versions[1]], analysed=True, reanalyse=True)
    doc = stored(corrected)
    accusation = next(e for e in doc.events if e.type == "ACCUSE")
    correct(corrected, doc.id, "event", "fix", accusation.trigger.start, accusation.trigger.end, actor=[RUSSIA])
    assert export_gold(corrected, "events", tmp_path / "events.jsonl") == 1
    assert export_gold(corrected, "quotes", tmp_path / "quotes.jsonl") == 1
    events = evaluate_events(tmp_path / "events.jsonl", pipeline)
    assert events.gold == len(doc.events) and events.matched == events.gold
    assert events.accuracy("actor") < 1  # the pipeline still names Lavrov where the person put Russia
    quotes = evaluate_quotes(read_gold(tmp_path / "quotes.jsonl"), pipeline)
    assert (quotes.gold, quotes.matched, quotes.recall) == (1, 1, 1.0)
    assert quotes.precision < 1  # the pipeline still finds the quote the person marked wrong


def test_correct_commands(corrected, store_url, tmp_path):
    runner = CliRunner()
    article = stored(corrected).id
    start, end = span(TEXT, "Мы едины в поддержке Украины")
    done = runner.invoke(app, ["correct", "quote", article, str(start), str(end), "--speaker", "Эмманюэль Макрон",
                               "--db", store_url])
    assert done.exit_code == 0, done.output
    quote = next(q for q in stored(corrected).quotes if q.start == start)
    assert quote.speaker_name == "Эмманюэль Макрон" and origin(quote.source) == "person"
    listed = json.loads(runner.invoke(app, ["correct", "list", "--json", "--db", store_url]).output)
    assert [c["kind"] for c in listed] == ["event", "quote", "entity", "quote"]
    both = runner.invoke(app, ["correct", "quote", article, str(start), str(end), "--wrong", "--add", "--db", store_url])
    assert both.exit_code != 0
    out = tmp_path / "quotes.jsonl"
    exported = runner.invoke(app, ["correct", "export", "quotes", str(out), "--db", store_url])
    assert exported.exit_code == 0 and json.loads(out.read_text())["quotes"][0]["speaker"] == "Эмманюэль Макрон"
