"""Every query and export, on a store holding the three sample articles (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from store_articles import BACKENDS, PUTIN_QID, analysed, empty_store_url  # noqa: F401  (fixtures)

from newsgraph.doc import Article
from newsgraph.ingest.batch import ingest
from newsgraph.store import Store, queries
from newsgraph.store.export import FORMATS, export


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request, tmp_path_factory, analysed):
    url = empty_store_url(request.param, tmp_path_factory)
    with Store.open(url) as store:
        ingest(store, analysed, analysed=True)
        yield store


def ids(items):
    return [item["id"] for item in items]


def test_search_finds_inflected_words_in_articles_and_quotes(filled, analysed):
    result = queries.search(filled, "санкций")
    assert ids(result["articles"]) == [analysed[1].id]
    assert "[санкциях]" in result["articles"][0]["snippet"]
    quoted = queries.search(filled, "посредник")["quotes"]
    assert [q["text"] for q in quoted] == ["Турция готова быть посредником"]
    assert queries.search(filled, "санкций", until="2025-03-31")["articles"] == []
    assert queries.search(filled, "«»")["articles"] == []


def test_quotes_by_speaker_name_or_kb_id_carry_their_sentence_and_article(filled, analysed):
    by_name = queries.quotes_list(filled, speaker="Эрдоган")
    assert [q["text"] for q in by_name] == ["Турция готова быть посредником"]
    assert by_name[0]["sentence"]["text"] == "«Турция готова быть посредником», — подчеркнул Эрдоган."
    assert by_name[0]["article"]["published"] == "2025-05-15"
    by_qid = queries.quotes_list(filled, speaker=PUTIN_QID)
    assert {q["text"] for q in by_qid} == {"Мы обсудили ситуацию на Украине", "переговоры прошли конструктивно"}
    assert all(q["speaker"]["kb_id"] == PUTIN_QID for q in by_qid)
    assert [q["article_id"] for q in queries.quotes_list(filled, speaker=PUTIN_QID, since="2025-04-01")] == [analysed[2].id]
    assert len(queries.quotes_list(filled, limit=2)) == 2 and len(queries.quotes_list(filled, offset=3)) == 1


def test_events_filter_by_actor_recipient_type_and_date(filled):
    consults = queries.events_list(filled, type="CONSULT")
    assert [e["day"] for e in consults] == ["2025-05-15", "2025-04-02", "2025-03-10"]
    with_putin = queries.events_list(filled, actor="Путин")
    assert [(e["type"], e["trigger"]["text"]) for e in with_putin] == [("CONSULT", "телефонный разговор")]
    received = queries.events_list(filled, recipient=PUTIN_QID)
    assert [[a["name"] for a in e["actors"]] for e in received] == [["Реджеп Тайип Эрдоган"]]
    assert received[0]["sentence"]["text"] == "Президент Турции Реджеп Тайип Эрдоган принял в Анкаре Владимира Путина."
    macron = queries.events_list(filled, recipient="Макрон", since="2025-04-01", until="2025-04-30")
    assert sorted(e["type"] for e in macron) == ["AGREE", "CONSULT"]
    assert queries.events_list(filled, modality="planned") == []
    assert queries.events_list(filled, actor="Никтоневстречался") == []


def test_entity_profile_by_kb_id(filled):
    profile = queries.entity_profile(filled, PUTIN_QID)
    assert profile["entity"]["id"] == PUTIN_QID and profile["entity"]["articles"] == 2
    assert [m["period"] for m in profile["mentions_over_time"]] == ["2025-03", "2025-05"]
    assert len(profile["quotes"]) == 2
    assert [e["type"] for e in profile["events_as_actor"]] == ["CONSULT"]
    assert [e["type"] for e in profile["events_as_recipient"]] == ["CONSULT"]
    partners = {c["name"] for c in profile["co_occurring"]}
    assert {"Реджеп Тайип Эрдоган", "Россия", "Турция"} <= partners
    assert queries.entity_profile(filled, "Никтоневстречался") is None


def test_timeline_counts_events_per_month_and_type(filled):
    assert queries.timeline(filled) == [
        {"period": "2025-03", "events": 2, "types": {"APPEAL": 1, "CONSULT": 1}},
        {"period": "2025-04", "events": 2, "types": {"AGREE": 1, "CONSULT": 1}},
        {"period": "2025-05", "events": 1, "types": {"CONSULT": 1}},
    ]
    assert [b["period"] for b in queries.timeline(filled, type="CONSULT", since="2025-04-01")] == ["2025-04", "2025-05"]
    assert queries.timeline(filled, granularity="year")[0] == {
        "period": "2025", "events": 5, "types": {"AGREE": 1, "APPEAL": 1, "CONSULT": 3},
    }


def test_graph_joins_actors_by_events_and_co_mentions(filled):
    graph = queries.graph(filled)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes[PUTIN_QID]["articles"] == 2
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    erdogan = next(i for i, n in nodes.items() if "Эрдоган" in n["name"])
    pair = edges[tuple(sorted((PUTIN_QID, erdogan)))]
    assert pair["events"] == 1 and pair["co_mentions"] == 1 and pair["weight"] == 2
    assert pair["interactions"] == [{"actor": erdogan, "recipient": PUTIN_QID, "type": "CONSULT", "count": 1,
                                     "quad": "verbal cooperation"}]
    assert pair["quad"] == "verbal cooperation"
    around = queries.graph(filled, entity="Шольц")
    assert "Турция" not in {n["name"] for n in around["nodes"]}


def test_articles_list_and_lossless_article_record(filled, analysed):
    assert ids(queries.articles_list(filled)) == [d.id for d in reversed(analysed)]
    assert ids(queries.articles_list(filled, entity="Шольц")) == [analysed[1].id]
    stored = queries.article(filled, analysed[0].id)
    assert Article.from_json(stored["record"]) == analysed[0]
    assert stored["entity_ids"][analysed[0].entities[1].id] == PUTIN_QID
    assert queries.article(filled, "no-such-id") is None
    listed = queries.entities_list(filled, type="PER", limit=2)
    assert PUTIN_QID in ids(listed) and [e["articles"] for e in listed] == [2, 2]


@pytest.mark.parametrize("format", FORMATS)
def test_every_export_reads_back(filled, analysed, format, tmp_path):
    path = tmp_path / f"out.{format}"
    written = export(filled, format, path)
    if format == "jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        assert [Article.from_json(json.loads(line)) for line in lines] == analysed
    elif format.endswith("-csv"):
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        assert len(rows) == written == (4 if format == "quotes-csv" else 5)
        assert all(r["sentence"] and r["article_id"] for r in rows)
    elif format == "plover-json":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        consult = next(r for r in records if r["event_text"] == ["принял"])
        assert consult["event"] == ["CONSULT"] and consult["date"] == "2025-05-15"
        assert [a["identifier_id"] for a in consult["recipient"]] == [PUTIN_QID]
    else:
        graph = (nx.read_graphml if format == "graphml" else nx.read_gexf)(path)
        assert graph.number_of_nodes() == written and PUTIN_QID in graph
        assert max(d["weight"] for _, _, d in graph.edges(data=True)) >= 2


def test_a_name_as_the_article_spelled_it_finds_the_kb_entity_spelled_otherwise(filled):
    # the articles write «Эммануэлем Макроном»; the KB's label is «Эмманюэль Макрон»
    as_written = queries.events_list(filled, recipient="Эммануэль Макрон")
    assert as_written and as_written == queries.events_list(filled, recipient="Эмманюэль Макрон")
    assert {e["type"] for e in as_written} == {"CONSULT", "AGREE"}
    assert queries.events_list(filled, recipient="Эммануэль Макаров") == []


def test_a_name_typed_inflected_finds_the_entity_in_its_dictionary_form(filled):
    by_nominative = queries.quotes_list(filled, speaker="Эрдоган")
    assert by_nominative and queries.quotes_list(filled, speaker="Эрдогана") == by_nominative
    assert queries.entities_list(filled, name="Эрдоганом") == queries.entities_list(filled, name="Эрдоган")
    assert queries.quotes_list(filled, speaker="Эрдоганова") == []
