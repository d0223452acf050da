"""The API and pages under hostile requests (issue 19, item 5), through TestClient over a real store."""

from __future__ import annotations

import socket

import httpx
import pytest
from fastapi.testclient import TestClient
from test_api import TOKEN, assert_error
from test_api_corpus import fill_store

from newsgraph.app import create_app
from newsgraph.doc import Article
from newsgraph.store.write import save_article
from newsgraph.web import quote_id

AUTH = {"Authorization": f"Bearer {TOKEN}"}
CALL = "Президент России Владимир Путин позвонил президенту Франции Эммануэлю Макрону."
ODD_IDS = ("with space", "a/b/c", "what?", "hash#tag", "x" * 100, "Путин:1")


@pytest.fixture
def store(tmp_path):
    store = fill_store(f"sqlite:///{tmp_path / 'hostile.db'}", [])
    with store.write() as conn:
        for ident in ODD_IDS:
            save_article(conn, Article.create(f"Заметка {ident}.", id=ident, language="ru"), analysed=False)
        save_article(conn, Article.create("Заметка со ссылкой.", id="js", url="javascript:alert(1)"), analysed=False)
    yield store
    store.close()


@pytest.fixture
def client(store):
    with TestClient(create_app(store, token=TOKEN), follow_redirects=False) as client:
        yield client


def test_a_path_with_two_leading_slashes_is_not_an_open_redirect(client):
    for path in ("//evil.example/?q=", "//evil.example/", "/\\evil.example/?q="):
        location = client.get(httpx.URL(f"http://testserver{path}")).headers.get("location", "")
        assert not location.startswith(("//", "/\\")) and "://" not in location, (path, location)


def test_posting_a_new_version_of_a_stored_article_answers_with_it(client):
    first = client.post("/api/articles", json={"text": CALL}, headers=AUTH)
    assert first.status_code == 201, first.text
    again = client.post("/api/articles", json={"text": CALL, "url": "https://example.ru/call"}, headers=AUTH)
    assert again.status_code == 201, again.text
    assert again.json()["id"] == first.json()["id"] and again.json()["url"] == "https://example.ru/call"


@pytest.mark.parametrize("ident", ODD_IDS)
def test_every_id_ingest_accepts_can_be_read_by_the_api_and_the_pages(client, ident):
    found = client.get(f"/api/articles/{quote_id(ident)}")
    assert found.status_code == 200, found.text
    assert found.json()["id"] == ident
    assert client.get(f"/articles/{quote_id(ident)}").status_code == 200
    assert client.get(f"/articles/{quote_id(ident)}/correct").status_code == 200


@pytest.mark.parametrize("body, word", [
    ({"text": " \n\t "}, "whitespace"),
    ({"text": CALL, "published": 20250501}, "published"),
    ({"text": CALL, "published": 1714521600}, "published"),  # midnight, 2024-05-01, in seconds: lax pydantic took it
    ({"text": CALL, "url": "javascript:alert(1)"}, "url"),
])
def test_blank_texts_numeric_dates_and_script_urls_are_refused(client, body, word):
    assert_error(client.post("/api/articles", json=body, headers=AUTH), 422, word)


def test_the_token_is_checked_before_the_body(client):
    assert_error(client.post("/api/articles", content=b"{not json", headers={"Content-Type": "application/json"}), 401)
    assert_error(client.post("/api/corrections", content=b"[1,", headers={"Content-Type": "application/json"}), 401)


def test_a_posted_url_on_a_loopback_or_private_address_is_not_fetched(client):
    with socket.socket() as listener:  # a port that answers if anything connects to it
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        for url in (f"http://127.0.0.1:{port}/", f"http://localhost:{port}/", "http://10.0.0.1/", "http://[::1]/",
                    "http://169.254.169.254/latest/meta-data/"):
            assert_error(client.post("/api/articles", json={"url": url}, headers=AUTH), 403, "private")
        listener.settimeout(0.1)
        with pytest.raises(TimeoutError):
            listener.accept()


def test_a_stored_script_url_is_shown_as_text_never_as_a_link(client):
    page = client.get("/articles/js").text
    assert "javascript:alert(1)" in page and 'href="javascript:' not in page


@pytest.mark.parametrize("method, path, allowed", [
    ("OPTIONS", "/api/articles", "GET, POST"), ("PUT", "/api/corrections", "GET, POST"),
    ("DELETE", "/api/articles/a/b/c", "GET"), ("POST", "/api/entities", "GET"),
])
def test_a_method_the_path_lacks_is_405_with_every_method_it_has_in_allow(client, method, path, allowed):
    response = client.request(method, path, headers=AUTH)
    assert_error(response, 405)
    assert response.headers["allow"] == allowed
