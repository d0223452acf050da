"""Event instances across articles: one event told by several articles is one instance with
every report as a source; a different event between the same people stays apart; a plan
links to the report that it took place. On SQLite and, with NEWSGRAPH_TEST_PG, PostgreSQL."""

from __future__ import annotations

import json

import pytest
from record_articles import NEXT_WEEK_CALL, OUTCOME, PLAN, SAME_CALL, analysed_articles
from store_articles import store, store_url  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest.batch import ingest
from newsgraph.record.instances import refresh_instances
from newsgraph.record.network import instance_network
from newsgraph.record.queries import instance_timeline, instances
from newsgraph.store.queries import counts

MACRON = "Q3052772"


@pytest.fixture(scope="module")
def articles(pipeline):
    return analysed_articles(pipeline)


@pytest.fixture
def filled(store, articles):
    ingest(store, articles.values(), analysed=True)
    return store


def calls(store) -> list[dict]:
    return instances(store, involving=MACRON, type="CONSULT")


def test_one_call_told_three_ways_is_one_instance_with_every_source(filled):
    found = [i for i in calls(filled) if i["date"] == "2025-11-18"]
    assert len(found) == 1
    call = found[0]
    reporting = {s["article"]["published"] for s in call["sources"]}
    assert reporting == {published for published, _ in SAME_CALL}
    assert call["reports"] == len(call["sources"]) >= 3
    assert {s["date_text"] for s in call["sources"]} >= {"во вторник", "18 ноября", "сегодня"}
    source = call["sources"][0]
    assert source["sentence"]["text"] and source["trigger"]["text"] in source["sentence"]["text"]
    assert call["mode"] == "phone"
    assert {a["kb_id"] for a in call["actors"] + call["recipients"]} >= {MACRON}


def test_another_call_a_week_later_stays_a_separate_instance(filled):
    days = sorted(i["date"] for i in calls(filled) if i["mode"] == "phone")
    assert days == ["2025-11-18", "2025-11-25"]
    later = next(i for i in calls(filled) if i["date"] == "2025-11-25")
    assert [s["article"]["published"] for s in later["sources"]] == [NEXT_WEEK_CALL[0]]


def test_a_planned_meeting_links_to_the_meeting_that_took_place(filled):
    plan = next(i for i in instances(filled, involving=MACRON, type="AGREE"))
    assert [s["article"]["published"] for s in plan["sources"]] == [PLAN[0]]
    meeting = next(i for i in instances(filled, involving=MACRON, type="CONSULT") if i["id"] == plan["outcome"])
    assert meeting["date"] == plan["date"] == "2025-11-27"
    assert meeting["plan_of"] == plan["id"]
    assert [s["article"]["published"] for s in meeting["sources"]] == [OUTCOME[0]]


def test_reclustering_is_idempotent_and_follows_reingest(filled, articles):
    before = instances(filled, limit=100)
    assert refresh_instances(filled) == len(before)
    assert instances(filled, limit=100) == before
    ingest(filled, articles.values(), analysed=True, reanalyse=True)
    assert instances(filled, limit=100) == before
    assert counts(filled)["instance_events"] == counts(filled)["events"]


def test_the_timeline_counts_instances_not_reports(filled):
    november = {b["period"]: b for b in instance_timeline(filled, granularity="month", involving=MACRON)}["2025-11"]
    reports = sum(len(i["sources"]) for i in instances(filled, involving=MACRON, limit=100))
    assert november["events"] == len(instances(filled, involving=MACRON, limit=100)) < reports


def test_the_network_counts_each_call_once_however_many_reported_it(filled):
    network = instance_network(filled, type="CONSULT", involving=MACRON)
    (edge,) = [e for e in network["edges"] if {e["source"], e["target"]} == {MACRON, "Q566257"}]
    assert edge["instances"] == 3  # the call of the 18th, the call of the 25th, the meeting in Berlin
    assert not edge["directed"]
    assert {n["id"] for n in network["nodes"]} == {MACRON, "Q566257"}


def test_the_events_command_lists_instances_with_their_sources(filled, store_url):
    listed = CliRunner().invoke(app, ["events", "--instances", "--type", "CONSULT", "--since", "2025-11-18",
                                      "--until", "2025-11-18", "--json", "--db", store_url])
    assert listed.exit_code == 0, listed.output
    (call,) = json.loads(listed.output)
    assert len({s["article"]["id"] for s in call["sources"]}) == 3
    text = CliRunner().invoke(app, ["instances", "--involving", MACRON, "--type", "AGREE", "--db", store_url])
    assert "plan →" in text.output and "договорились встретиться" in text.output
