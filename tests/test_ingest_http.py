"""Fetching pages and feeds from a real local HTTP server: redirects, retries, timeouts, limits, politeness."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading

import pytest

from ingest_server import Route, Site, page, serve, site  # noqa: F401  (fixture)
from newsgraph.doc import Article, Failure
from newsgraph.ingest import read_inputs
from newsgraph.ingest.fetch import USER_AGENT, AddressGuard, FetchError, Fetcher

TALKS = [
    "Министр иностранных дел России провёл в четверг переговоры со своим турецким коллегой в Анкаре.",
    "Стороны обсудили ситуацию на Ближнем Востоке и торговлю между странами.",
]
RATE = [
    "Банк России в пятницу сохранил ключевую ставку на уровне шестнадцати процентов годовых.",
    "Регулятор объяснил решение тем, что инфляция замедляется медленнее, чем ожидалось весной.",
]
MUSEUM = [
    "Эрмитаж откроет в декабре выставку древнерусских икон из собрания северных монастырей.",
    "На выставке покажут более ста икон, многие из которых реставрировались несколько лет.",
]
FAST = {"timeout": 0.5, "retries": 2, "retry_backoff": 0.05, "per_host_delay": 0.0}


def read(urls, **options) -> list[Article | Failure]:
    return list(read_inputs(urls, **{**FAST, **options}))


def html(paragraphs, title="Новость", **meta) -> bytes:
    return page(title, paragraphs, **meta).encode("utf-8")


def test_article_page_through_a_redirect_keeps_the_final_url(site):
    site.routes["/old/talks"] = Route(status=301, location="/news/talks")
    site.routes["/news/talks"] = Route(html(TALKS, "Лавров встретился с Фиданом", date="2024-03-07", site_name="Международная панорама"))
    [article] = read([site.url("/old/talks")])
    assert article.url == site.url("/news/talks")
    assert (article.title, article.source, article.published) == ("Лавров встретился с Фиданом", "Международная панорама", dt.date(2024, 3, 7))
    assert article.text == "\n".join(TALKS)
    assert {r.user_agent for r in site.requests} == {USER_AGENT}


def test_server_errors_are_retried_with_backoff(site):
    site.routes["/rate"] = Route(html(RATE), fail_first=2)
    [article] = read([site.url("/rate")], retry_backoff=0.1)
    assert article.text.startswith("Банк России")
    first, second, third = (r.at for r in site.hits("/rate"))
    assert second - first >= 0.1 and third - second >= 0.2  # the pause doubles


def test_persistent_500_and_404_are_failures_and_the_batch_goes_on(site):
    site.routes["/broken"] = Route(b"oops", status=500, content_type="text/plain")
    site.routes["/museum"] = Route(html(MUSEUM))
    broken, missing, museum = read([site.url("/broken"), site.url("/gone"), site.url("/museum")])
    assert broken.stage == "fetch" and "HTTP 500 (after 3 attempts)" in broken.error and site.url("/broken") in broken.error
    assert len(site.hits("/broken")) == 3
    assert "HTTP 404" in missing.error and len(site.hits("/gone")) == 1  # a 404 is final
    assert museum.text.startswith("Эрмитаж")


def test_a_stalled_server_times_out(site):
    site.routes["/slow"] = Route(html(TALKS), delay=1.0)
    [failure] = read([site.url("/slow")], timeout=0.3, retries=1)
    assert isinstance(failure, Failure) and "timed out after 0.3 s (after 2 attempts)" in failure.error


def test_pages_over_the_size_limit_are_refused(site):
    site.routes["/huge"] = Route(html(TALKS * 200))
    [failure] = read([site.url("/huge")], max_bytes=10_000)
    assert "exceeds the 10000 byte limit" in failure.error


def test_requests_to_one_host_are_paced():
    site = Site({"/a": Route(html(TALKS)), "/b": Route(html(RATE))})
    server = serve(site)
    try:
        fetcher = Fetcher(timeout=1.0, retries=0, per_host_delay=0.3)
        fetcher.get(site.url("/a"))
        fetcher.get(site.url("/b"))
        fetcher.close()
    finally:
        server.shutdown()
        server.server_close()
    assert site.requests[1].at - site.requests[0].at >= 0.29


def test_a_non_http_link_is_not_retried():
    with pytest.raises(FetchError, match="not an http"):
        Fetcher(retries=3, backoff=10).get("ftp://example.ru/news")


def rss(site: Site, items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Лента новостей</title>'
        f"<link>{site.base}</link>{items}</channel></rss>"
    ).encode("utf-8")


def test_feed_url_entries_are_fetched_or_taken_whole(site):
    full = " ".join(MUSEUM * 6)
    site.routes["/talks"] = Route(html(TALKS, "Переговоры в Анкаре", author="Олег Смирнов"))
    site.routes["/feed.xml"] = Route(
        rss(site,
            f"<item><title>Переговоры</title><link>{site.url('/talks')}</link><description>Коротко о встрече.</description>"
            "<pubDate>Thu, 07 Mar 2024 12:00:00 +0300</pubDate></item>"
            f"<item><title>Выставка икон</title><link>{site.url('/museum-full')}</link><description><![CDATA[<p>{full}</p>]]></description></item>"
            f"<item><title>Пропавшая</title><link>{site.url('/missing')}</link><description>Анонс.</description></item>"),
        content_type="application/rss+xml",
    )
    talks, museum, missing = read([site.url("/feed.xml")])
    assert (talks.title, talks.author, talks.url, talks.published) == ("Переговоры в Анкаре", "Олег Смирнов", site.url("/talks"), dt.date(2024, 3, 7))
    assert talks.text == "\n".join(TALKS)
    assert (museum.text, museum.url, museum.source) == (full, site.url("/museum-full"), "Лента новостей")
    assert site.hits("/museum-full") == []  # the entry carried the whole text
    assert isinstance(missing, Failure) and "entry 3" in missing.error and "HTTP 404" in missing.error


def test_atom_feed_served_as_xml_and_a_feed_url_that_is_not_a_feed(site):
    site.routes["/atom"] = Route(
        ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Атом</title>'
         f'<entry><id>tag:rate</id><title>Ставка</title><link href="{site.url("/rate")}"/><updated>2024-06-07T13:30:00Z</updated></entry>'
         "</feed>").encode(),
        content_type="application/xml",
    )
    site.routes["/rate"] = Route(html(RATE))
    site.routes["/bad-feed"] = Route(b"<rss><channel><item>oops", content_type="application/rss+xml")
    rate, bad = read([site.url("/atom"), site.url("/bad-feed")])
    assert rate.text == "\n".join(RATE) and rate.published == dt.date(2024, 6, 7)
    assert isinstance(bad, Failure) and site.url("/bad-feed") in bad.error


def test_the_fetcher_connects_to_the_address_it_checked_never_to_a_second_dns_answer():
    """DNS rebinding: a name public for the check and private for the connection must not reach the private host.

    The resolver answers 127.0.0.2 (the "public" address here) once, then 127.0.0.1 (the private one);
    a server on each, on one port, tells which one the fetcher reached.
    """
    public = http.server.ThreadingHTTPServer(("127.0.0.2", 0), PublicPage)
    port = public.server_address[1]
    threading.Thread(target=public.serve_forever, daemon=True).start()
    answers: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        answers.append("127.0.0.2" if not answers else "127.0.0.1")
        return [answers[-1]]

    guard = AddressGuard(resolve=rebinding, allowed=lambda ip: str(ip) == "127.0.0.2")
    with socket.socket() as private:
        private.bind(("127.0.0.1", port))
        private.listen()
        private.settimeout(0.2)
        try:
            fetched = Fetcher(retries=0, allow_private_addresses=False, guard=guard).get(f"http://news.example:{port}/")
        finally:
            public.shutdown()
        with pytest.raises(TimeoutError):
            private.accept()
    assert fetched.content == PublicPage.body and answers == ["127.0.0.2"]
    with pytest.raises(FetchError, match="refused: news.example is a private"):  # the second answer is checked too
        Fetcher(retries=0, allow_private_addresses=False, guard=guard).get(f"http://news.example:{port}/")


class PublicPage(http.server.BaseHTTPRequestHandler):
    body = "<html><body><p>Публичная страница.</p></body></html>".encode()

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def test_a_guarded_fetch_tries_the_next_checked_address_when_one_does_not_answer():
    public = http.server.ThreadingHTTPServer(("127.0.0.2", 0), PublicPage)
    threading.Thread(target=public.serve_forever, daemon=True).start()
    guard = AddressGuard(resolve=lambda host, port: ["127.0.0.3", "127.0.0.2"],  # nothing listens on 127.0.0.3
                         allowed=lambda ip: str(ip) in {"127.0.0.2", "127.0.0.3"})
    try:
        fetched = Fetcher(retries=0, allow_private_addresses=False, guard=guard).get(
            f"http://news.example:{public.server_address[1]}/")
    finally:
        public.shutdown()
    assert fetched.content == PublicPage.body
