"""Corpus readers and NER/normalization scoring, on tiny brat and factRuEval fixtures written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate.formats import read_corpus
from newsgraph.evaluate.ner import Span, adapt, cut_at_nested, gold_spans, score_ner
from newsgraph.evaluate.normalization import expected_normals
from newsgraph.evaluate.resolution import score_resolution

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def texts(doc, spans):
    return {(doc.text[s.start : s.end], s.type) for s in spans}


def test_brat_reader_keeps_spans_fragments_relations_and_links():
    [doc] = read_corpus(FIXTURES / "brat", "brat")
    assert doc.id == "merz" and len(doc.spans) == 8
    discontinuous = doc.span("T8")
    assert [doc.text[f.start : f.end] for f in discontinuous.fragments] == ["Министерство", "России"]
    assert [(r.type, r.arg1, r.arg2) for r in doc.relations] == [("WORKS_AS", "T3", "T1")]
    assert [(link.span, link.kb_id, link.name) for link in doc.links] == [("T3", "Wikidata:Q42", "Фридрих Мерц")]


def test_nerel_types_map_to_per_org_loc_and_nesting_is_kept():
    [doc] = read_corpus(FIXTURES / "brat", "brat")
    gold = texts(doc, gold_spans(doc, "brat"))
    assert ("Министерство иностранных дел России", "ORG") in gold and ("России", "LOC") in gold
    assert ("Германии", "LOC") in gold and ("Париж", "LOC") in gold and ("Фридрих Мерц", "PER") in gold
    assert not any(text == "Канцлер" for text, _ in gold)


def test_factru_reader_groups_spans_into_objects_and_chains():
    [doc] = read_corpus(FIXTURES / "factru", "factru")
    person = doc.span("12")
    assert (person.type, doc.text[person.start : person.end]) == ("Person", "Эммануэль Макрон")
    assert [f.label for f in person.fragments] == ["name", "surname"]
    chain = next(c for c in doc.chains if "12" in c.members)
    assert chain.members == ("12", "15") and chain.attribute("lastname") == "Макрон"


def test_factru_reads_as_naeval_does():
    [doc] = read_corpus(FIXTURES / "factru", "factru")
    gold = texts(doc, adapt(gold_spans(doc, "factru"), doc.text, "factru"))
    assert gold == {
        ("Франции", "LOC"), ("Эммануэль Макрон", "PER"), ("Риме", "LOC"), ("Джорджией Мелони", "PER"),
        ("Макрона", "PER"), ("МИД", "ORG"), ("Италии", "LOC"),
    }


def test_a_nested_prediction_reads_as_the_flat_corpus_annotates():
    text = "Верховный суд Испании вынес приговор"
    spans = [Span(0, 21, "ORG"), Span(0, 13, "ORG"), Span(14, 21, "LOC")]
    assert {(text[s.start : s.end], s.type) for s in cut_at_nested(spans, text)} == {("Верховный суд", "ORG"), ("Испании", "LOC")}


def test_strict_and_token_scores():
    [doc] = read_corpus(FIXTURES / "factru", "factru")
    start = doc.text.index("Эммануэль")
    half = [Span(start, start + len("Эммануэль"), "PER")]
    scores = score_ner([doc], [half], "factru")
    per = scores.strict["PER"]
    assert (per.correct, per.predicted, per.gold) == (0, 1, 3)
    token = scores.token["PER"]
    assert (token.correct, token.predicted, token.gold) == (1, 1, 5)
    assert token.precision == 1.0 and round(token.recall, 2) == 0.2


def test_expected_normal_names_come_from_the_coref_attributes():
    [doc] = read_corpus(FIXTURES / "factru", "factru")
    expected = {doc.text[s:e]: name for (s, e), name in expected_normals(doc).items()}
    assert expected["Джорджией Мелони"] == "Джорджия Мелони"
    assert expected["Макрона"] == "Макрон"
    assert expected["Италии"] == "Италия"


def test_evaluate_ner_command_scores_both_systems_side_by_side():
    args = ["evaluate", "ner", str(FIXTURES / "factru"), "--format", "factru", "--system", "natasha", "--system", "newsgraph", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["systems"]) == {"natasha", "newsgraph"} and data["documents"] == 1
    assert data["systems"]["newsgraph"]["strict"]["PER"]["gold"] == 3


def test_evaluate_ner_table_and_unknown_system():
    result = runner.invoke(app, ["evaluate", "ner", str(FIXTURES / "brat"), "--system", "natasha"])
    assert result.exit_code == 0 and "natasha F1" in result.output and "token" in result.output
    assert runner.invoke(app, ["evaluate", "ner", str(FIXTURES / "brat"), "--system", "spacy"]).exit_code != 0


def test_evaluate_normalization_command():
    result = runner.invoke(app, ["evaluate", "normalization", str(FIXTURES / "factru"), "--json"])
    assert result.exit_code == 0, result.output
    systems = json.loads(result.output)["systems"]
    assert systems["newsgraph"]["total"] >= 4
    assert systems["newsgraph"]["accuracy"] >= systems["natasha"]["accuracy"]


def test_resolution_is_scored_by_b_cubed_on_mentions_every_system_found():
    [doc] = read_corpus(FIXTURES / "factru", "factru")
    full, surname = doc.span("12"), doc.span("15")
    keys = [(full.start, full.end), (surname.start, surname.end)]
    together = {keys[0]: "e1", keys[1]: "e1"}
    apart = {keys[0]: "e1", keys[1]: "e2"}
    scores = score_resolution([doc], {"together": [together], "apart": [apart]})
    assert scores["together"].mentions == 2 and scores["together"].f1 == 1.0
    assert scores["apart"].precision == 1.0 and scores["apart"].recall == 0.5


def test_evaluate_resolution_command():
    result = runner.invoke(app, ["evaluate", "resolution", str(FIXTURES / "factru"), "--json"])
    assert result.exit_code == 0, result.output
    systems = json.loads(result.output)["systems"]
    assert systems["newsgraph"]["f1"] >= systems["natasha (same normal name)"]["f1"]
