"""The record's pages in headless Chromium against a real server: instances with their sources,
a group's members on the event's day, and a correction made through the article's form."""

from __future__ import annotations

import pytest
from record_articles import ALLIANCE_AFTER, ALLIANCE_BEFORE, CORRECTED, CORRECTED_URL, analysed_articles
from test_web import CHROMIUM, browser, live_server, shot  # noqa: F401  (fixture)

from newsgraph.app import create_app
from newsgraph.doc import Article
from newsgraph.ingest.batch import ingest
from newsgraph.store import Store

TOKEN = "record-web-token"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def site(pipeline, tmp_path_factory):
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('record_web')}/news.db")
    docs = analysed_articles(pipeline, (ALLIANCE_BEFORE, ALLIANCE_AFTER))
    article = pipeline(Article.create(CORRECTED[1], published=CORRECTED[0], url=CORRECTED_URL, title="Звонок"))
    ingest(store, [*docs.values(), article], analysed=True)
    with live_server(create_app(store, token=TOKEN)) as url:
        yield url, article
    store.close()


@pytest.fixture
def page(browser, site):  # noqa: F811
    context = browser.new_context(base_url=site[0], viewport={"width": 1280, "height": 860}, locale="ru-RU")
    page = context.new_page()
    yield page
    context.close()


def test_a_member_sees_its_alliance_event_and_the_members_that_day(page):
    page.goto("/")
    page.click("nav >> text=Events")
    page.fill("input[name=country]", "Q34")
    page.check("input[name=through_groups]")
    page.click("button:has-text('Filter')")
    instance = page.locator("li.instance")
    assert instance.count() == 1 and "2024-06-04" in instance.inner_text()
    assert "учения в Балтийском море" in instance.locator("ol.sources").inner_text()
    shot(page, "record-instances")
    page.click("text=members of НАТО that day")
    assert "Швеция" in page.locator("ul.members").inner_text()
    shot(page, "record-group")


def test_a_person_corrects_a_quote_from_the_article_page(page, site):
    article = site[1]
    start = article.text.index("Париж не хочет мира")
    page.goto(f"/articles/{article.id}")
    page.click("text=Correct")
    page.select_option("select[name=kind]", "quote")
    page.select_option("select[name=action]", "wrong")
    page.fill("input[name=start]", str(start))
    page.fill("input[name=end]", str(start + len("Париж не хочет мира")))
    page.fill("input[name=token]", TOKEN)
    page.click("button:has-text('Save correction')")
    assert "saved and applied" in page.inner_text("main")
    assert "Париж не хочет мира" in page.locator("section.panel").inner_text()
    shot(page, "record-correct")
    page.goto(f"/articles/{article.id}")
    assert "Париж не хочет мира" not in page.locator("aside.record").inner_text()
