"""The JSON API through an in-process TestClient over a store of analysed sample articles."""

from __future__ import annotations

import re
import socket
import time

import pytest
from fastapi.testclient import TestClient
from test_api_corpus import fill_store, sample_docs, sample_store  # noqa: F401  (fixtures)

from newsgraph.app import create_app

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(sample_store):
    with TestClient(create_app(sample_store)) as client:
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


def named(items: list[dict], name: str) -> dict:
    return next(item for item in items if item["name"] == name)


def entity_id(client, name: str) -> str:
    """The store id of the entity called `name` (a KB id when linked, else TYPE:name)."""
    return named(client.get("/api/entities", params={"q": name}).json()["items"], name)["id"]


# --- articles


def test_articles_are_listed_newest_first_and_paginate(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert [a["published"] for a in first["items"]] == ["2025-04-02", "2025-03-20"]
    assert first["more"] is True
    last = client.get("/api/articles", params={"limit": 2, "offset": 4}).json()
    assert [a["published"] for a in last["items"]] == ["2025-03-04"]
    assert last["more"] is False


def test_articles_filter_by_date_range_and_entity(client):
    found = client.get("/api/articles", params={"since": "2025-03-05", "until": "2025-03-16"}).json()
    assert sorted(a["published"] for a in found["items"]) == ["2025-03-10", "2025-03-15"]
    lavrov = client.get("/api/articles", params={"entity": "Лавров"}).json()
    assert {a["title"] for a in lavrov["items"]} == {"Лавров встретился с Фиданом в Анкаре", "Лавров обвинил Евросоюз в эскалации"}


def test_one_article_carries_text_record_and_store_ids(client, sample_docs):
    doc = sample_docs[0]
    article = client.get(f"/api/articles/{doc.id}").json()
    assert article["text"] == doc.text
    assert article["record"]["quotes"][0]["text"] == doc.span_text(doc.quotes[0])
    macron = next(e for e in doc.entities if e.name.endswith("Макрон"))  # the KB spells the first name
    assert article["entity_ids"][macron.id] == entity_id(client, macron.name)


def test_unknown_article_is_404_in_the_error_shape(client):
    assert_error(client.get("/api/articles/0000000000000000"), 404, "0000000000000000")


@pytest.mark.parametrize(
    "params, word",
    [
        ({"limit": 0}, "limit"),
        ({"limit": 10_000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"limit": "many"}, "limit"),
        ({"since": "yesterday"}, "since"),
        ({"until": "2025-02-30"}, "until"),
        ({"until": "0"}, "until"),  # lax pydantic read it as 1970-01-01
        ({"since": "20250301"}, "since"),
        ({"entity": "x" * 201}, "entity"),
    ],
)
def test_bad_list_parameters_are_422_naming_the_parameter(client, params, word):
    assert_error(client.get("/api/articles", params=params), 422, word)


def test_malformed_article_id_is_422(client):
    assert_error(client.get("/api/articles/" + "x" * 2001), 422, "article_id")
    assert_error(client.get("/api/articles/bad%01id"), 422, "article_id")
    assert_error(client.get("/api/articles/bad id!"), 404, "bad id!")  # ids ingest accepts are well-formed (issue 19)


# --- search, quotes, entities


def test_search_finds_articles_with_a_marked_snippet_and_quotes(client):
    found = client.get("/api/search", params={"q": "санкции"}).json()
    assert "Евросоюз ввёл новые санкции против России" in [a["title"] for a in found["articles"]]
    assert all("[" in a["snippet"] for a in found["articles"])
    assert any("санкции" in q["text"] for q in found["quotes"])


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "!!!"}, {"q": "x" * 201}])
def test_search_needs_words(client, params):
    assert_error(client.get("/api/search", params=params), 422, "q")


def test_quotes_filter_by_speaker_and_carry_their_article(client):
    quotes = client.get("/api/quotes", params={"speaker": "Лавров"}).json()["items"]
    assert quotes and all(q["speaker"]["name"] == "Сергей Лавров" for q in quotes)
    assert all(q["article"]["title"] and q["sentence"]["text"] for q in quotes)
    assert client.get("/api/quotes", params={"speaker": "Лавров", "until": "2025-03-01"}).json()["items"] == []


def test_entities_rank_by_articles_and_filter_by_type_and_name(client):
    people = client.get("/api/entities", params={"type": "PER", "limit": 50}).json()["items"]
    assert people and all(e["type"] == "PER" for e in people)
    assert named(people, "Сергей Лавров")["articles"] == 2
    assert [e["name"] for e in client.get("/api/entities", params={"q": "мерц"}).json()["items"]] == ["Фридрих Мерц"]
    assert_error(client.get("/api/entities", params={"type": "ANIMAL"}), 422, "type")


def test_entity_profile_has_quotes_events_both_ways_and_company(client):
    profile = client.get(f"/api/entities/{entity_id(client, 'Сергей Лавров')}").json()
    assert profile["entity"]["name"] == "Сергей Лавров"
    assert len(profile["quotes"]) >= 2
    assert any(e["type"] == "ACCUSE" for e in profile["events_as_actor"])
    assert "Европейский союз" in {c["name"] for c in profile["co_occurring"]}
    trump = client.get(f"/api/entities/{entity_id(client, 'Дональд Трамп')}").json()
    assert [e["actors"][0]["name"] for e in trump["events_as_recipient"]] == ["Фридрих Мерц"]


def test_a_linked_entity_profile_carries_knowledge_base_facts(client):
    putin = named(client.get("/api/entities", params={"q": "Путин"}).json()["items"], "Владимир Путин")
    assert putin["kb_id"]
    facts = client.get(f"/api/entities/{putin['id']}").json()["facts"]
    assert facts["in English"] == ["Vladimir Putin"]
    assert any(office.startswith("президент, Россия") for office in facts["offices"])


def test_unknown_entity_is_404(client):
    assert_error(client.get("/api/entities/PER:никто никакой"), 404, "никто")


# --- events, timeline, graph


def test_events_are_instances_that_carry_every_report_as_a_source(client):
    reports = client.get("/api/reports", params={"type": "ACCUSE", "limit": 100}).json()["items"]
    instances = client.get("/api/events", params={"type": "ACCUSE", "limit": 100}).json()["items"]
    assert instances and all(i["type"] == "ACCUSE" and i["sources"] for i in instances)
    reported = sorted((r["article"]["id"], r["trigger"]["start"]) for r in reports)
    sourced = sorted((s["article"]["id"], s["trigger"]["start"]) for i in instances for s in i["sources"])
    assert sourced == reported


def test_events_filter_by_type_actor_recipient_and_country(client):
    accusations = client.get("/api/reports", params={"type": "ACCUSE"}).json()["items"]
    assert {(e["actors"][0]["name"], e["recipients"][0]["name"]) for e in accusations} >= {
        ("Сергей Лавров", "Европейский союз"), ("Фридрих Мерц", "Дональд Трамп"),
    }
    both = client.get("/api/reports", params={"actor": "Лавров", "recipient": "Европейский союз"}).json()["items"]
    assert [e["type"] for e in both] == ["ACCUSE"]
    assert all(e["trigger"]["text"] in e["sentence"]["text"] for e in both)
    russia = client.get("/api/reports", params={"country": "Россия"}).json()["items"]
    assert [e["type"] for e in russia] == ["SANCTION"]


@pytest.mark.parametrize(
    "params, word",
    [({"type": "BOGUS"}, "type"), ({"modality": "Maybe!"}, "modality"), ({"actor": "a\nb"}, "actor")],
)
def test_bad_event_filters_are_422(client, params, word):
    assert_error(client.get("/api/reports", params=params), 422, word)


def test_a_date_range_that_ends_before_it_starts_matches_nothing(client):
    """Valid by the schema, so not an error: a client generating requests from it is never refused."""
    for path in ("/api/articles", "/api/reports", "/api/events", "/api/quotes"):
        found = client.get(path, params={"since": "2025-04-01", "until": "2025-03-01"})
        assert found.status_code == 200 and found.json()["items"] == [], (path, found.text)
        assert client.get(path, params={"since": "2025-03-01", "until": "2025-04-01"}).json()["items"], path


def test_the_schema_lists_the_event_types_and_modalities_it_accepts_in_any_case(client):
    parameters = {p["name"]: p["schema"] for p in client.get("/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]}
    pattern = next(s["pattern"] for s in parameters["modality"]["anyOf"] if "pattern" in s)
    assert re.fullmatch(pattern, "Planned") and not re.fullmatch(pattern, "AA")
    assert client.get("/api/events", params={"modality": "Planned", "type": "consult"}).status_code == 200


def test_timeline_counts_events_per_period_and_type(client, sample_docs):
    months = client.get("/api/timeline").json()
    assert [m["period"] for m in months] == ["2025-03", "2025-04"]
    dated = [i for i in client.get("/api/events", params={"limit": 100}).json()["items"] if i["day"]]
    assert sum(m["events"] for m in months) == len(dated)  # each instance once, however often reported
    assert len(dated) <= sum(len(d.events) for d in sample_docs)
    days = client.get("/api/timeline", params={"granularity": "day", "type": "ACCUSE"}).json()
    assert {"2025-03-20", "2025-04-02"} <= {d["period"] for d in days}
    assert all(list(d["types"]) == ["ACCUSE"] for d in days)
    assert_error(client.get("/api/timeline", params={"granularity": "week"}), 422, "granularity")


def test_graph_links_actors_to_recipients_with_their_events(client):
    graph = client.get("/api/graph").json()
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    pairs = {(names[i["actor"]], names[i["recipient"]], i["type"]) for e in graph["edges"] for i in e["interactions"]}
    assert ("Фридрих Мерц", "Дональд Трамп", "ACCUSE") in pairs
    assert all(e["events"] > 0 for e in graph["edges"])
    met = {frozenset((names[i["actor"]], names[i["recipient"]])) for e in graph["edges"] for i in e["interactions"] if i["together"]}
    assert frozenset(("Сергей Лавров", "Хакан Фидан")) in met  # both actors of «встретился», no recipient
    sanctions = client.get("/api/graph", params={"type": "SANCTION"}).json()
    assert {n["name"] for n in sanctions["nodes"]} == {"Европейский союз", "Россия"}
    with_mentions = client.get("/api/graph", params={"events_only": "false"}).json()
    assert any(e["co_mentions"] and not e["events"] for e in with_mentions["edges"])
    around = client.get("/api/graph", params={"entity": "Мерц"}).json()
    assert {n["name"] for n in around["nodes"]} == {"Фридрих Мерц", "Дональд Трамп"}
    assert_error(client.get("/api/graph", params={"nodes": 0}), 422, "nodes")


def test_graph_edges_carry_the_plover_quad_category_of_their_events(client):
    graph = client.get("/api/graph").json()
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    quads = {frozenset((names[e["source"]], names[e["target"]])): e["quad"] for e in graph["edges"]}
    assert quads[frozenset(("Фридрих Мерц", "Дональд Трамп"))] == "verbal conflict"  # ACCUSE
    assert quads[frozenset(("Сергей Лавров", "Хакан Фидан"))] == "verbal cooperation"  # CONSULT, AGREE
    assert all(i["quad"] for e in graph["edges"] for i in e["interactions"])
    with_mentions = client.get("/api/graph", params={"events_only": "false"}).json()
    assert all(e["quad"] is None for e in with_mentions["edges"] if not e["events"])


# --- the shape of every error, the docs, security


def test_unknown_paths_and_methods_use_the_error_shape(client):
    assert_error(client.get("/api/nothing"), 404, "/api/nothing")
    assert_error(client.delete("/api/articles"), 405)


def test_openapi_lists_every_endpoint_and_docs_render_without_a_cdn(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {
        "/api/search", "/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
        "/api/quotes", "/api/events", "/api/reports", "/api/timeline", "/api/graph",
    }
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/timeline" in docs.text
    assert "cdn" not in docs.text.lower()


def test_pages_escape_article_html(client, sample_docs):
    doc = next(d for d in sample_docs if "<script>" in d.text)
    page = client.get(f"/articles/{doc.id}")
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


def test_writing_is_refused_without_a_configured_token(client):
    assert_error(client.post("/api/articles", json={"text": "Путин позвонил Макрону."}), 403, "--token")


@pytest.fixture
def writer(tmp_path):
    store = fill_store(f"sqlite:///{tmp_path / 'write.db'}", [])
    with TestClient(create_app(store, token=TOKEN, max_body=20_000, allow_private_urls=True)) as client:
        yield client
    store.close()


def test_writing_needs_the_exact_token(writer):
    article = {"text": "Путин позвонил Макрону."}
    assert_error(writer.post("/api/articles", json=article), 401, "Bearer")
    assert_error(writer.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(writer.post("/api/articles", json=article, headers={"Authorization": TOKEN}), 401)


def test_a_posted_article_is_analysed_stored_and_readable(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "Президент России Владимир Путин позвонил президенту Франции Эммануэлю Макрону."
    created = writer.post("/api/articles", json={"text": text, "title": "Звонок", "published": "2025-05-01"}, headers=auth)
    assert created.status_code == 201, created.text
    article = created.json()
    assert article["title"] == "Звонок" and article["text"] == text
    names = {e["name"] for e in article["record"]["entities"]}
    assert "Владимир Путин" in names and any(name.endswith("Макрон") for name in names)
    assert writer.get(f"/api/articles/{article['id']}").json()["text"] == text
    assert writer.get("/api/reports", params={"actor": "Путин"}).json()["items"][0]["type"] == "CONSULT"


@pytest.mark.parametrize(
    "body, word",
    [({}, "text"), ({"text": ""}, "text"), ({"url": "not a url"}, "url"), ({"text": "Текст.", "published": "вчера"}, "published")],
)
def test_bad_article_bodies_are_422(writer, body, word):
    response = writer.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(response, 422, word)


def test_oversized_bodies_are_413(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_error(writer.post("/api/articles", json={"text": "слово " * 5000}, headers=auth), 413, "20000 bytes")

    def streamed():  # no Content-Length: the limit counts the bytes as they arrive
        yield b'{"text": "'
        for _ in range(5000):
            yield "слово ".encode()
        yield b'"}'

    response = writer.post("/api/articles", content=streamed(), headers={**auth, "Content-Type": "application/json"})
    assert_error(response, 413, "20000 bytes")


@pytest.fixture
def news_site(tmp_path):
    """A local web server with one news page, for the fetch-by-URL path."""
    import functools
    import http.server
    import threading

    page = (
        "<html><head><title>Мерц позвонил Макрону</title></head><body><article><h1>Мерц позвонил Макрону</h1>"
        "<p>Канцлер Германии Фридрих Мерц в понедельник позвонил президенту Франции Эммануэлю Макрону. "
        "Политики обсудили оборонные расходы Европы и помощь Украине.</p>"
        "<p>«Европа должна действовать вместе», — заявил Мерц после разговора.</p></article></body></html>"
    )
    (tmp_path / "call.html").write_text(page, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_posted_url_is_fetched_analysed_and_stored(writer, news_site):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = writer.post("/api/articles", json={"url": f"{news_site}/call.html"}, headers=auth)
    assert created.status_code == 201, created.text
    article = created.json()
    assert "Фридрих Мерц в понедельник позвонил" in article["text"]
    assert any(q["speaker_name"] == "Фридрих Мерц" for q in article["record"]["quotes"])
    missing = writer.post("/api/articles", json={"url": f"{news_site}/nothing.html"}, headers=auth)
    assert_error(missing, 404, "could not be read", "HTTP 404")


def test_a_posted_url_that_cannot_be_fetched_is_404_at_once(writer):
    """A schema-valid body, so not 422; and no retries with pauses while the client waits."""
    with socket.socket() as closed:  # bound, not listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        started = time.monotonic()
        refused = writer.post("/api/articles", json={"url": f"http://127.0.0.1:{closed.getsockname()[1]}/news"},
                              headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(refused, 404, "could not be read", "connection failed")
    assert time.monotonic() - started < 2


def test_the_serve_command_binds_locally_and_reads_the_token_from_the_environment(sample_store):
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve",
               "--db", str(sample_store.engine.url), "--port", str(port)]
    server = subprocess.Popen(command, env={**os.environ, "NEWSGRAPH_TOKEN": TOKEN}, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/articles", params={"limit": 1}, timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.poll() else "no answer"
                time.sleep(0.3)
        assert response.status_code == 200 and len(response.json()["items"]) == 1
        refused = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "Текст."}, timeout=5)
        assert_error(refused, 401, "Bearer")  # 401, not 403: the token came from NEWSGRAPH_TOKEN
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_an_article_can_be_read_with_only_the_mentions_of_some_kinds(client, sample_docs):
    doc = sample_docs[0]
    full = client.get(f"/api/articles/{doc.id}").json()["record"]
    assert {m["kind"] for e in full["entities"] for m in e["mentions"]} - {"name"}, "the sample names roles or classes too"
    names = client.get(f"/api/articles/{doc.id}", params={"kind": "name"}).json()["record"]
    assert names["entities"] and all(m["kind"] == "name" for e in names["entities"] for m in e["mentions"])
    both = client.get(f"/api/articles/{doc.id}", params=[("kind", "name"), ("kind", "title")]).json()["record"]
    assert {m["kind"] for e in both["entities"] for m in e["mentions"]} <= {"name", "title"}
    assert_error(client.get(f"/api/articles/{doc.id}", params={"kind": "nickname"}), 422, "kind")


def test_an_entity_profile_answers_to_the_spelling_an_article_wrote_and_to_an_inflected_name(client):
    by_label = client.get("/api/entities/Эмманюэль Макрон").json()
    assert by_label["entity"]["kb_id"] == "Q3052772"
    for written in ("Эммануэль Макрон", "Макрона", "Эммануэля Макрона"):
        assert client.get(f"/api/entities/{written}").json()["entity"]["id"] == by_label["entity"]["id"], written
