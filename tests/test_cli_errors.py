"""Every bad input a new user tried (issue 20) gives one line, no traceback, and the right exit code:
2 when the command line is wrong, 1 when the work fails."""

from __future__ import annotations

import gzip
import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.app import create_app
from newsgraph.cli import app
from newsgraph.store import Store

runner = CliRunner()
SAMPLE = '{"id": "a1", "text": "Путин провёл переговоры с Макроном.", "published": "2025-07-02"}\n'


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    (folder / "ru.txt").write_text("Путин провёл переговоры с Макроном в Кремле.\n", encoding="utf-8")
    (folder / "en.txt").write_text("The president met his French counterpart in Moscow on Tuesday.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "corpus.jsonl").write_text(SAMPLE, encoding="utf-8")
    (folder / "corpus.jsonl.gz").write_bytes(gzip.compress(SAMPLE.encode()))
    (folder / "cp1251.jsonl").write_bytes(SAMPLE.encode("cp1251"))
    Store.open(f"sqlite:///{folder}/store.db").close()
    return folder


BAD = [  # (arguments, exit code, a word the line must contain); {d} is the folder of files
    (["search", "Макрон", "--db", "newsgraph.db"], 2, "sqlite:///newsgraph.db"),
    (["search", "Макрон", "--db", "sqlite:///nonexistent/dir/x.db"], 2, "does not exist"),
    (["search", "Макрон", "--db", "mysql://user:pw@localhost/news"], 2, "not supported"),
    (["search", "Макрон", "--db", "postgresql://user:wrong@127.0.0.1:1/news"], 1, "cannot use the store"),
    (["search", "Макрон", "--db", "sqlite:///{d}/missing.db"], 1, "no store at"),
    (["quotes", "--db", "sqlite:///{d}/missing.db"], 1, "no store at"),
    (["events", "--db", "sqlite:///{d}/missing.db"], 1, "no store at"),
    (["entity", "Путин", "--db", "sqlite:///{d}/missing.db"], 1, "no store at"),
    (["timeline", "--db", "sqlite:///{d}/missing.db"], 1, "no store at"),
    (["export", "jsonl", "{d}/out.jsonl", "--db", "sqlite:///{d}/missing.db"], 1, "no store at"),
    (["serve", "--db", "sqlite:///{d}/missing.db"], 1, "no store at"),
    (["analyze", "{d}/ru.txt", "--published", "02.07.2025"], 2, "--published"),
    (["analyze", "{d}"], 2, "is a directory"),
    (["analyze", "{d}/empty.txt"], 2, "is empty"),
    (["analyze", "{d}/en.txt"], 1, "Russian"),
    (["analyze", "{d}/nothing.txt"], 2, "no such file"),
    (["analyze", "--input", "{d}/corpus.jsonl.gz", "--output", "{d}/o.jsonl"], 1, "not UTF-8"),
    (["analyze", "--input", "{d}/cp1251.jsonl", "--output", "{d}/o.jsonl"], 1, "not UTF-8"),
    (["analyze", "--input", "{d}/corpus.jsonl", "--output", "/missing/dir/o.jsonl"], 2, "does not exist"),
    (["export", "jsonl", "/missing/dir/x.jsonl", "--db", "sqlite:///{d}/store.db"], 2, "does not exist"),
    (["evaluate", "ner", "/missing"], 2, "/missing"),
    (["events", "--type", "BOGUS", "--db", "sqlite:///{d}/store.db"], 2, "CONSULT"),
    (["events", "--modality", "foo", "--db", "sqlite:///{d}/store.db"], 2, "asserted"),
    (["instances", "--type", "BOGUS", "--db", "sqlite:///{d}/store.db"], 2, "CONSULT"),
    (["timeline", "--type", "BOGUS", "--db", "sqlite:///{d}/store.db"], 2, "CONSULT"),
    (["timeline", "--since", "2025-13-45", "--db", "sqlite:///{d}/store.db"], 2, "--since"),
    (["timeline", "--granularity", "week", "--db", "sqlite:///{d}/store.db"], 2, "month"),
    (["search", "--no-such-option", "x"], 2, "--no-such-option"),
    (["ingest", "{d}/ru.txt", "--published", "02.07.2025", "--db", "sqlite:///{d}/new.db"], 2, "--published"),
    (["quotes", "{d}/ru.txt", "--published", "02.07.2025"], 2, "--published"),
    (["events", "{d}/ru.txt", "--published", "2025-13-01"], 2, "--published"),
    (["quotes", "{d}/nothing.txt"], 2, "no such file"),
    (["kb", "show", "Q0"], 2, "no entity"),
]


@pytest.mark.parametrize(("args", "code", "word"), BAD, ids=[" ".join(a) for a, _, _ in BAD])
def test_a_bad_input_gives_one_line_and_an_exit_code(files, args, code, word):
    result = runner.invoke(app, [a.format(d=files) for a in args])
    lines = result.output.strip().splitlines()
    assert result.exit_code == code, result.output
    assert len(lines) == 1 and lines[0].startswith("Error: ") and word in lines[0], result.output
    assert "Traceback" not in result.output


def test_binary_stdin_is_refused_in_one_line():
    result = runner.invoke(app, ["analyze", "-"], input=b"\x00\x01\xff\xfe binary")
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


def test_debug_shows_the_traceback(files):
    result = runner.invoke(app, ["--debug", "analyze", str(files / "en.txt")])
    assert result.exit_code == 1 and result.exception is not None
    assert "Russian" in str(result.exception)


def test_filter_values_are_accepted_in_any_case(files):
    result = runner.invoke(app, ["events", "--type", "consult", "--modality", "ASSERTED", "--reports",
                                 "--db", f"sqlite:///{files}/store.db"])
    assert result.exit_code == 0, result.output


def test_the_api_rejects_an_unknown_filter_value_with_the_valid_ones(files):
    with TestClient(create_app(Store.open(f"sqlite:///{files}/store.db"))) as client:
        response = client.get("/api/events", params={"modality": "foo"})
        assert response.status_code == 422 and "asserted" in response.json()["error"]["message"]
        response = client.get("/api/reports", params={"type": "bogus"})
        assert response.status_code == 422 and "CONSULT" in response.json()["error"]["message"]
        assert client.get("/api/reports", params={"type": "consult", "modality": "Asserted"}).status_code == 200


@pytest.mark.parametrize(("name", "why", "code"), [("empty.txt", "empty input", 1), ("en.txt", "not Russian", 0)])
def test_ingest_says_why_a_file_gave_no_analysis(files, tmp_path, name, why, code):
    result = runner.invoke(app, ["ingest", str(files / name), "--db", f"sqlite:///{tmp_path}/news.db"])
    assert result.exit_code == code and why in result.output and "Traceback" not in result.output, result.output


@pytest.mark.postgres
def test_a_wrong_postgresql_password_gives_one_line():
    url = os.environ.get("NEWSGRAPH_TEST_PG")
    if not url:
        pytest.skip("set NEWSGRAPH_TEST_PG to a PostgreSQL URL to try a wrong password against it")
    parts = urlsplit(url)
    wrong = urlunsplit(parts._replace(netloc=f"{parts.username}:wrong-password@{parts.hostname}:{parts.port}"))
    result = runner.invoke(app, ["search", "Макрон", "--db", wrong])
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and "cannot use the store" in lines[0], result.output
    assert "wrong-password" not in result.output  # the password is not echoed back
