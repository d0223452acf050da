"""Groups as actors: an alliance's event counts for a state on a day it was a member, not
before it joined; groups the KB lacks get members from bundled data or from a person."""

from __future__ import annotations

import json

import pytest
from record_articles import ALLIANCE_AFTER, ALLIANCE_BEFORE, COALITION, CONTACT_GROUP, TRIANGLE, analysed_articles
from store_articles import store, store_url  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest.batch import ingest
from newsgraph.record.groups import add_member, members
from newsgraph.record.queries import instances

NATO, SWEDEN, FRANCE, UK, POLAND, CANADA, RUSSIA = "Q7184", "Q34", "Q142", "Q145", "Q36", "Q16", "Q159"


@pytest.fixture(scope="module")
def articles(pipeline):
    return analysed_articles(pipeline, (ALLIANCE_BEFORE, ALLIANCE_AFTER, COALITION, TRIANGLE, CONTACT_GROUP))


@pytest.fixture
def filled(store, articles):
    ingest(store, articles.values(), analysed=True)
    return store


def days(found: list[dict]) -> list[str]:
    return sorted(i["day"] for i in found)


def test_an_alliance_is_one_actor_with_its_members_on_the_day(filled):
    exercise = instances(filled, involving=NATO, type="MOBILIZE")
    assert days(exercise) == ["2022-06-01", "2024-06-04"]
    for instance in exercise:
        (nato,) = instance["actors"]
        assert nato["kb_id"] == NATO and nato["group"]
        on_the_day = {m["id"] for m in nato["members"]}
        assert FRANCE in on_the_day
        assert (SWEDEN in on_the_day) == (instance["day"] >= "2024-03-07")


def test_a_member_finds_the_groups_events_only_from_the_day_it_joined(filled):
    assert days(instances(filled, involving=SWEDEN, through_groups=True, type="MOBILIZE")) == ["2024-06-04"]
    assert days(instances(filled, involving=FRANCE, through_groups=True, type="MOBILIZE")) == [
        "2022-06-01", "2024-06-04"]
    assert instances(filled, involving=SWEDEN, type="MOBILIZE") == []


def test_a_group_the_kb_lacks_has_bundled_members(filled):
    (meeting,) = instances(filled, involving=RUSSIA, through_groups=True, type="CONSULT")
    assert meeting["day"] == "2015-02-11"
    assert meeting["actors"][0]["name"] == "Контактная группа по Украине"


def test_a_group_named_in_quotation_marks_has_its_kb_members(filled):
    (meeting,) = instances(filled, involving=UK, through_groups=True, type="CONSULT")
    assert meeting["day"] == "2025-03-02"
    assert meeting["actors"][0]["name"] == "Коалиция желающих"


def test_a_person_gives_members_to_a_group_found_in_an_article(filled):
    assert instances(filled, involving=POLAND, through_groups=True, type="CONSULT") == []
    add_member(filled, "Веймарский треугольник", POLAND, since="1991-08-28")
    add_member(filled, "Коалиция желающих", CANADA, since="2025-03-10")
    (meeting,) = instances(filled, involving=POLAND, through_groups=True, type="CONSULT")
    assert meeting["day"] == "2024-02-12" and meeting["sources"][0]["article"]["published"] == TRIANGLE[0]
    assert instances(filled, involving=CANADA, through_groups=True, type="CONSULT") == []  # joined after the meeting
    assert [m["id"] for m in members(filled, "Веймарский треугольник")] == [POLAND]


def test_group_commands(filled, store_url):
    runner = CliRunner()
    added = runner.invoke(app, ["group", "add-member", "Веймарский треугольник", POLAND, "--since", "1991-08-28",
                                "--db", store_url])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["group", "members", "Веймарский треугольник", "--json", "--db", store_url])
    assert [m["since"] for m in json.loads(listed.output)] == ["1991-08-28"]
    found = runner.invoke(app, ["instances", "--involving", POLAND, "--through-groups", "--type", "CONSULT",
                                  "--json", "--db", store_url])
    assert [i["day"] for i in json.loads(found.output)] == ["2024-02-12"]
