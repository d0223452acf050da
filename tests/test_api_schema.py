"""Schemathesis against the real server: every check, every operation, the writes included, 0 failures.

`newsgraph serve` runs as its own process over a store of analysed articles, with a token, so
the write operations are fuzzed too. A posted `url` is fetched through a proxy on a local port
that nothing listens on: no request leaves the machine, and every fetch fails as a real one would.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newsgraph.app import create_app
from newsgraph.store import Store

TOKEN = "fuzz-token"
# Posted through the server before the run, so reads find articles, entities, quotes and events.
ARTICLES = (
    {"text": "Президент Франции Эммануэль Макрон во вторник провёл телефонный разговор с президентом России "
             "Владимиром Путиным. «Мы договорились продолжить диалог», — заявил Макрон журналистам.",
     "published": "2025-03-04", "title": "Макрон позвонил Путину", "source": "Тестовые новости"},
    {"text": "Евросоюз ввёл новые санкции против России. «Давление будет только расти», — сказала глава "
             "Еврокомиссии Урсула фон дер Ляйен. Министр иностранных дел России Сергей Лавров обвинил Брюссель "
             "в эскалации.", "published": "2025-03-10", "url": "https://example.ru/sanctions"},
)
# 413 (body over the size limit) rejects a body too: schemathesis's default list for invalid data lacks it.
CONFIG = """
[checks.negative_data_rejection]
expected-statuses = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """`newsgraph serve --token` on a free port over a store of two posted articles; yields its base URL."""
    db = f"sqlite:///{tmp_path / 'news.db'}"
    Store.open(db).close()
    port, closed = free_port(), free_port()
    proxy = f"http://127.0.0.1:{closed}"
    env = {**os.environ, "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy, "ALL_PROXY": proxy, "NO_PROXY": "", "no_proxy": ""}
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve", "--db", db,
               "--port", str(port), "--token", TOKEN, "--allow-private-urls"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/openapi.json", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
    for article in ARTICLES:
        posted = httpx.post(f"{base}/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        assert posted.status_code == 201, posted.text
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_schemathesis_finds_no_failure_of_any_check_on_any_operation(server, tmp_path):
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG)
    schemathesis = Path(sys.executable).with_name("schemathesis")
    run = subprocess.run(
        [str(schemathesis), "--config-file", str(config), "run", f"{server}/openapi.json", "--no-color",
         "--checks", "all", "--header", f"Authorization: Bearer {TOKEN}", "--max-examples", "2",
         "--workers", "1", "--seed", "1", "--request-timeout", "30"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    summary = run.stdout[run.stdout.find("SUMMARY"):]
    assert run.returncode == 0, run.stdout[-6000:]
    operations = sum(len(methods) for methods in create_app(None).openapi()["paths"].values())
    assert f"Tested: {operations}\n" in summary and "Errored" not in summary, summary
