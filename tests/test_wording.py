"""What a person reads: counts with the right plural, and an untitled article named by its first
words (in the CLI, the API and the pages) instead of a hash id."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.app import create_app
from newsgraph.cli import app
from newsgraph.store import Store
from newsgraph.wording import counted, headline

UNTITLED = ("Министр иностранных дел Турции Хакан Фидан в четверг провёл в Анкаре переговоры "
            "с коллегой из Египта. «Мы обсудили положение в Газе», — сказал Фидан журналистам.")


@pytest.mark.parametrize(("number", "noun", "said"), [
    (1, "article", "1 article"), (0, "article", "0 articles"), (21, "quote", "21 quotes"),
    (2, "entry", "2 entries"), (1, "entity", "1 entity"), (3, "match", "3 matches"), (None, "event", "0 events"),
])
def test_counts_take_the_plural_they_need(number, noun, said):
    assert counted(number, noun) == said


def test_an_untitled_article_is_named_by_its_first_ten_words():
    assert headline(None, UNTITLED) == "Министр иностранных дел Турции Хакан Фидан в четверг провёл в…"
    assert headline("Фидан принял коллегу", UNTITLED) == "Фидан принял коллегу"
    assert headline(None, "Коротко.") == "Коротко."


@pytest.fixture(scope="module")
def untitled_store(analyze, tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('untitled') / 'news.db'}"
    doc = analyze(UNTITLED, "2025-05-15")
    assert doc.title is None
    corpus = tmp_path_factory.mktemp("corpus") / "analysed.jsonl"
    corpus.write_text(doc.dumps() + "\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["ingest", "--analysed", str(corpus), "--db", url]).exit_code == 0
    return url


def test_cli_counts_one_article_and_names_it_by_its_words(untitled_store):
    result = CliRunner().invoke(app, ["search", "Газе", "--db", untitled_store])
    assert result.exit_code == 0, result.output
    first, article = result.stdout.splitlines()[:2]
    assert first.startswith("1 article, 1 quote for")
    assert "Министр иностранных дел Турции" in article


def test_pages_and_api_name_an_untitled_article_by_its_first_words(untitled_store):
    with Store.open(untitled_store) as store, TestClient(create_app(store)) as client:
        listed = client.get("/articles").text
        assert "Министр иностранных дел Турции Хакан Фидан в четверг провёл в…" in listed
        (summary,) = client.get("/api/articles").json()["items"]
        assert summary["title"] is None and summary["headline"].startswith("Министр иностранных дел")
        page = client.get(f"/articles/{summary['id']}").text
        assert "<title>Министр иностранных дел" in page and summary["id"] not in page.split("<h1>")[1].split("</h1>")[0]
        home = client.get("/").text
        assert '<a href="/articles">article</a>' in home and '<a href="/quotes">quote</a>' in home  # one of each
        (quote,) = client.get("/api/quotes").json()["items"]
        assert quote["article"]["headline"] == summary["headline"]


def test_kb_show_marks_an_id_only_by_what_the_corpora_say():
    runner = CliRunner()
    confirmed = runner.invoke(app, ["kb", "show", "Q142"]).stdout.splitlines()[0]
    unconfirmed = runner.invoke(app, ["kb", "show", "Q3052772"]).stdout.splitlines()[0]
    assert confirmed.endswith("France")
    assert unconfirmed.endswith("(id not confirmed by the linked corpora)")
    assert "not verified" not in confirmed + unconfirmed
