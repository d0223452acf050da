"""The JSON API through an in-process TestClient over a store of analysed sample articles."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_api_corpus import sample_docs, sample_store  # noqa: F401  (fixtures)

from newsgraph.api.app import create_app

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(sample_store):
    with TestClient(create_app(sample_store)) as client:
        yield client


@pytest.fixture(scope="module")
def writer(sample_store):
    with TestClient(create_app(sample_store, token=TOKEN)) as client:
        yield client


def assert_error(response, status: int, *words: str) -> dict:
    """Every 4xx has the one shape {"error": {"status", "message"}} and names the problem."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    for word in words:
        assert word in error["message"], error["message"]
    return error


def entity_named(client, name: str) -> dict:
    found = client.get("/api/entities", params={"q": name}).json()["items"]
    assert found, f"no entity {name}"
    return found[0]


# --- articles


def test_articles_are_listed_newest_first_and_paginate(client, sample_docs):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert first["total"] == len(sample_docs)
    assert [a["published"] for a in first["items"]] == ["2025-03-20", "2025-03-15"]
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["published"] for a in second["items"]] == ["2025-03-10", "2025-03-04"]


def test_articles_filter_by_date_range(client):
    found = client.get("/api/articles", params={"since": "2025-03-05", "until": "2025-03-16"}).json()
    assert sorted(a["published"] for a in found["items"]) == ["2025-03-10", "2025-03-15"]


def test_one_article_carries_text_entities_quotes_and_events(client, sample_docs):
    doc = sample_docs[0]
    article = client.get(f"/api/articles/{doc.id}").json()
    assert article["text"] == doc.text
    names = {e["entity"]["name"] for e in article["entities"]}
    assert "Эммануэль Макрон" in names
    quote = article["quotes"][0]
    assert doc.text[quote["start"] : quote["end"]] == quote["text"]
    assert quote["speaker_name"] == "Эммануэль Макрон" and quote["speaker_id"]
    event = article["events"][0]
    assert event["trigger"] in event["sentence"]
    assert [a["name"] for a in event["actors"]] == ["Эммануэль Макрон"]


def test_unknown_article_is_a_404_in_the_error_shape(client):
    assert_error(client.get("/api/articles/0000000000000000"), 404, "0000000000000000")


@pytest.mark.parametrize(
    "params, word",
    [
        ({"limit": 0}, "limit"),
        ({"limit": 10_000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"limit": "many"}, "limit"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2025-03-10", "until": "2025-03-01"}, "after"),
    ],
)
def test_bad_list_parameters_are_422_naming_the_parameter(client, params, word):
    error = assert_error(client.get("/api/articles", params=params), 422, word)
    assert error["message"]


def test_bad_article_id_is_422(client):
    assert_error(client.get("/api/articles/" + "x" * 65), 422, "article_id")
