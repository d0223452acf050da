"""The pages in headless Chromium against a real uvicorn server on a free local port.

Each flow is what a reader does: search, open an article, follow a quote's speaker, filter the
timeline, click an edge of the network. Screenshots of each page land in a temporary folder, or
in $NEWSGRAPH_SCREENSHOTS when it is set (`make screenshots` sets it to docs/screenshots), so a
test run never rewrites tracked files.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from test_api_corpus import SAMPLES, sample_docs, sample_store  # noqa: F401  (fixtures)

from newsgraph.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS") or Path(tempfile.gettempdir()) / "newsgraph-screenshots")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(app) -> Iterator[str]:
    """A real uvicorn server for `app` on a free loopback port, for the browser; yields its base URL."""
    port = free_port()
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(sample_store):
    with live_server(create_app(sample_store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 860}, locale="ru-RU")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_leads_to_every_page(page):
    page.goto("/")
    for label in ("Articles", "Entities", "Quotes", "Timeline", "Network", "API"):
        assert page.locator("nav a", has_text=label).count() == 1
    assert page.locator(".stat b").first.inner_text() == str(len(SAMPLES))
    shot(page, "home")


def test_search_lists_matching_articles_and_quotes(page):
    page.goto("/")
    page.fill("main input[name=q]", "санкции")
    page.press("main input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    titles = page.locator("#article-results li a").all_inner_texts()
    assert "Евросоюз ввёл новые санкции против России" in titles
    assert page.locator("#article-results .snippet b").count() >= 1
    shot(page, "search")


def test_article_highlights_resolve_on_click_and_script_stays_text(page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/articles")
    page.click("text=Евросоюз ввёл новые санкции против России")
    assert page.locator("mark.hl-quote").count() >= 1
    assert page.locator("mark.hl-event").count() >= 1
    assert "<script>alert('x')</script>" in page.locator("article.text").inner_text()
    assert not dialogs
    page.locator("mark.hl-entity", has_text="Урсула").first.click()
    selection = page.locator("#selection")
    assert selection.is_visible()
    assert "Урсула фон дер Ляйен" in selection.inner_text()
    page.locator("mark.hl-event", has_text="санкции").first.click()
    assert "SANCTION" in selection.inner_text() and "Россия" in selection.inner_text()
    shot(page, "article")


def test_a_quote_speaker_leads_to_the_speaker_page(page, sample_docs):
    doc = next(d for d in sample_docs if d.title == "Лавров обвинил Евросоюз в эскалации")
    page.goto(f"/articles/{doc.id}")
    quote = page.locator("aside li[id^=q]").first
    speaker = quote.locator("a.entity").first
    name = speaker.inner_text()
    speaker.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text().startswith(name)
    assert page.locator("#quotes blockquote").count() >= 1
    shot(page, "entity")


def test_timeline_filters_by_event_type(page):
    page.goto("/timeline")
    everything = page.locator("#events li.event").count()
    page.select_option("select[name=type]", "ACCUSE")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**type=ACCUSE**")
    tags = page.locator("#events li.event .tag.ev").all_inner_texts()
    assert tags and all(t.startswith("ACCUSE") for t in tags)
    assert len(tags) < everything
    assert "since" not in page.url  # empty form fields are dropped from the URL
    shot(page, "timeline")


def test_timeline_chart_has_axes_and_a_count_on_each_bar(page):
    page.goto("/timeline")
    counts = [int(n) for n in page.locator(".bars .count").all_inner_texts()]
    ticks = [int(n) for n in page.locator(".y-axis span").all_inner_texts()]
    total = int(page.locator("section.panel p.meta").inner_text().split()[0])
    assert counts and sum(counts) == total
    assert ticks[0] == 0 and ticks[-1] == max(counts)
    assert page.locator(".x-axis span span").count() >= 2


def test_clicking_a_network_edge_lists_its_events_and_sentences(page):
    page.goto("/network")
    page.wait_for_selector("#graph[data-ready='1']")
    assert page.evaluate("networkGraph.nodes().length") >= 2
    # A real click on the canvas, at the middle of the first edge that carries events.
    x, y = page.evaluate("(() => { const p = networkGraph.edges('[events > 0]')[0].renderedMidpoint(); return [p.x, p.y]; })()")
    page.locator("#graph").click(position={"x": x, "y": y})
    page.wait_for_selector("#edge-events li .sentence")
    sentences = page.locator("#edge-events li .sentence").all_inner_texts()
    assert sentences and all(s.strip() for s in sentences)
    shot(page, "network")


def test_network_labels_keep_apart_and_edges_take_their_plover_colour(page):
    page.goto("/network")
    page.wait_for_selector("#graph[data-ready='1']")
    boxes = page.evaluate("networkGraph.nodes().map(n => n.boundingBox({includeLabels: true, includeOverlays: false}))")
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]]
    assert not overlapping, f"{len(overlapping)} pairs of nodes with their labels overlap"
    colours = page.evaluate("networkGraph.edges('[events > 0]').map(e => [e.data('edge').quad, e.style('line-color')])")
    assert colours and all(quad for quad, _ in colours)
    assert len({colour for _, colour in colours}) == len({quad for quad, _ in colours})


def test_the_quote_book_marks_only_direct_speech_as_the_speakers_words(page):
    page.goto("/quotes")
    paraphrase = page.locator("li.quote", has_text="затягивают конфликт").first
    assert "indirect speech" in paraphrase.locator(".kind").inner_text()
    assert "«" not in paraphrase.locator("blockquote").inner_text()
    verbatim = page.locator("li.quote", has_text="Брюссель выбрал путь конфронтации").first
    assert verbatim.locator(".kind").count() == 0
    assert verbatim.locator("blockquote").inner_text().startswith("«Брюссель выбрал")
