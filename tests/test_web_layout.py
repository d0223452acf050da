"""Each main page at a desktop (1280 px) and a phone (390 px) width in headless Chromium: nothing
runs past the right edge of the viewport, and a screenshot of each is taken (`make screenshots`
keeps them in docs/screenshots as NAME-1280.png and NAME-390.png)."""

from __future__ import annotations

import pytest
from test_api_corpus import sample_docs, sample_store  # noqa: F401  (fixtures)
from test_web import CHROMIUM, browser, server, shot  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]

WIDTHS = {1280: 860, 390: 844}
PAGES = {"home": "/", "article": None, "quotes": "/quotes", "network": "/network", "timeline": "/timeline"}

# Elements whose right edge passes the viewport and that no scrolling box of their own contains.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (/(auto|scroll|hidden)/.test(style.overflowX) && p !== document.body && p !== document.documentElement) return true;
    } return false; };
  return [...document.querySelectorAll("body *")]
    .filter(el => { const box = el.getBoundingClientRect(); return box.width && box.right > width + 1 && !clipped(el); })
    .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""));
}"""


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def sized(request, browser, server):
    width = request.param
    context = browser.new_context(base_url=server, viewport={"width": width, "height": WIDTHS[width]}, locale="ru-RU")
    page = context.new_page()
    yield width, page
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_nothing_runs_off_the_screen(sized, name, sample_docs):
    width, page = sized
    page.goto(PAGES[name] or f"/articles/{sample_docs[0].id}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways at {width}px"
    assert page.evaluate(OVERFLOWING) == [], f"{name} at {width}px"
    shot(page, f"{name}-{width}")
