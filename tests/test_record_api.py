"""The record over HTTP: instances with their sources, group members, corrections with the token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from record_articles import ALLIANCE_AFTER, ALLIANCE_BEFORE, CORRECTED, CORRECTED_URL, SAME_CALL, analysed_articles

from newsgraph.app import create_app
from newsgraph.doc import Article
from newsgraph.ingest.batch import ingest
from newsgraph.store import Store

TOKEN = "record-token"
SWEDEN, NATO, MACRON = "Q34", "Q7184", "Q3052772"


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('record_api')}/news.db")
    docs = analysed_articles(pipeline, (*SAME_CALL, ALLIANCE_BEFORE, ALLIANCE_AFTER))
    corrected = pipeline(Article.create(CORRECTED[1], published=CORRECTED[0], url=CORRECTED_URL))
    ingest(store, [*docs.values(), corrected], analysed=True)
    with TestClient(create_app(store, token=TOKEN)) as client:
        client.article = corrected
        yield client
    store.close()


def test_instances_carry_their_sources(client):
    page = client.get("/api/instances", params={"country": MACRON, "type": "CONSULT", "since": "2025-11-18",
                                                "until": "2025-11-18"}).json()
    (call,) = page["items"]
    assert call["reports"] == len(call["sources"]) >= 4  # three articles of the call, and the corrected one
    assert {s["article"]["published"] for s in call["sources"]} == {"2025-11-18", "2025-11-19", "2025-11-20"}


def test_the_timeline_and_network_count_instances(client):
    timeline = client.get("/api/instances/timeline", params={"country": MACRON, "granularity": "day"}).json()
    assert {b["period"]: b["events"] for b in timeline}["2025-11-18"] == 1
    edges = client.get("/api/instances/network", params={"type": "CONSULT"}).json()["edges"]
    assert [e["instances"] for e in edges] == [1]


def test_a_member_finds_its_alliance_only_once_it_joined(client):
    found = client.get("/api/instances", params={"country": SWEDEN, "through_groups": "true"}).json()["items"]
    assert [i["day"] for i in found] == ["2024-06-04"]
    assert found[0]["actors"][0]["group"] is True
    before = client.get(f"/api/groups/{NATO}/members", params={"on": "2023-01-01"}).json()
    after = client.get(f"/api/groups/{NATO}/members", params={"on": "2024-06-01"}).json()
    assert SWEDEN not in {m["id"] for m in before} and SWEDEN in {m["id"] for m in after}


def test_corrections_need_the_token_and_then_apply(client):
    doc = client.article
    start = doc.text.index("Париж не хочет мира")
    body = {"article_id": doc.id, "kind": "quote", "action": "wrong", "start": start, "end": start + 19}
    assert client.post("/api/corrections", json=body).status_code == 401
    made = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert made.status_code == 201, made.text
    quotes = client.get(f"/api/articles/{doc.id}").json()["record"]["quotes"]
    assert "Париж не хочет мира" not in [q["text"] for q in quotes]
    assert [c["id"] for c in client.get("/api/corrections", params={"article_id": doc.id}).json()] == [made.json()["id"]]


@pytest.mark.parametrize("change, status", [
    ({"kind": "tweet"}, 422), ({"article_id": "nope"}, 404),
    ({"split": 0}, 422), ({"start": "0"}, 422), ({"end": True}, 422),  # lax pydantic took these as false, 0 and 1
    ({"kind": "event", "action": "add"}, 422),  # the schema says an added event needs its type
    ({"end": 10_000}, 409), ({"start": 5, "end": 3}, 409),  # valid by the schema, but no stretch of the article's text
])
def test_bad_corrections_are_refused(client, change, status):
    body = {"article_id": client.article.id, "kind": "quote", "action": "wrong", "start": 0, "end": 5, **change}
    response = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == status, response.text
    assert response.json()["error"]["status"] == status


def test_pages_show_instances_with_sources_and_groups_with_members(client):
    page = client.get("/instances", params={"country": SWEDEN, "through_groups": "true"})
    assert page.status_code == 200
    assert "НАТО" in page.text and "2024-06-04" in page.text and "2022-06-01" not in page.text
    assert "учения в Балтийском море" in page.text  # the source sentence
    members = client.get(f"/groups/{NATO}", params={"on": "2023-01-01"})
    assert members.status_code == 200 and "<h1>НАТО</h1>" in members.text
    assert "Франция" in members.text and "Швеция" not in members.text
    assert "Швеция" in client.get(f"/groups/{NATO}", params={"on": "2024-06-01"}).text


def test_the_correction_form_needs_the_token_and_applies(client):
    doc = client.article
    assert f"/articles/{doc.id}/correct" in client.get(f"/articles/{doc.id}").text
    assert 'name="token"' in client.get(f"/articles/{doc.id}/correct").text
    start = doc.text.index("обвинил")
    form = {"kind": "event", "action": "fix", "start": start, "end": start + 7, "actor": "Q159", "token": "wrong"}
    assert client.post(f"/articles/{doc.id}/correct", data=form).status_code == 401
    done = client.post(f"/articles/{doc.id}/correct", data={**form, "token": TOKEN}, follow_redirects=False)
    assert done.status_code == 303
    (accusation,) = client.get("/api/reports", params={"type": "ACCUSE"}).json()["items"]
    assert [a["kb_id"] for a in accusation["actors"]] == ["Q159"] and accusation["source"] == "person"
    assert "обвинил" in client.get(done.headers["location"]).text
