"""A real HTTP server on 127.0.0.1 for the ingest tests: pages, feeds, redirects, 500s, stalls."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    delay: float = 0.0
    fail_first: int = 0  # answer 500 to this many requests before serving the body


@dataclass
class Request:
    path: str
    user_agent: str
    at: float


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


def serve(site: Site) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append(Request(self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            route = site.routes.get(self.path)
            if route is None:
                return self._answer(404, b"not found", "text/plain")
            if route.delay:
                time.sleep(route.delay)
            if route.fail_first > 0:
                route.fail_first -= 1
                return self._answer(500, b"server error", "text/plain")
            self._answer(route.status, route.body, route.content_type, route.location)

        def _answer(self, status: int, body: bytes, content_type: str, location: str | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                if location:
                    self.send_header("Location", location)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def site() -> Iterator[Site]:
    """A live site on a free loopback port; tests add routes to it."""
    site = Site()
    server = serve(site)
    yield site
    server.shutdown()
    server.server_close()


def page(title: str, paragraphs: list[str], *, date: str | None = None, author: str | None = None,
         site_name: str | None = None, charset: str = "utf-8") -> str:
    """An article page with the metadata news sites publish, and menus/footers around the text."""
    meta = [f'<meta charset="{charset}">', f"<title>{title}</title>"]
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    if author:
        meta.append(f'<meta name="author" content="{author}">')
    if site_name:
        meta.append(f'<meta property="og:site_name" content="{site_name}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang=\"ru\"><head>{''.join(meta)}</head><body>"
        "<nav><a href=\"/\">Главная</a> <a href=\"/news\">Новости</a> <a href=\"/about\">О нас</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© Редакция. Все права защищены.</footer></body></html>"
    )
