"""Polite HTTP fetching: a clear user agent, timeouts, retries with backoff, a size cap, per-host pacing.

Servers of small newsrooms are the ones that suffer from eager crawlers, so every request
to a host waits until `per_host_delay` seconds have passed since the previous one, and
5xx/timeouts are retried with exponentially growing pauses instead of hammered.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpcore
import httpx

from .options import IngestOptions

USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK = 65536


class FetchError(Exception):
    """A URL that could not be fetched; the message names the URL and the reason."""


class RefusedAddress(FetchError):
    """A host on a loopback, private or reserved address, refused before any byte is sent."""


class Unresolvable(FetchError):
    """A host name without an address."""


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (an address literal resolves to itself)."""
    try:
        found = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise Unresolvable(f"cannot resolve {host} ({error})") from None
    return list(dict.fromkeys(info[4][0] for info in found))


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not ip.is_multicast


@dataclass(frozen=True, slots=True)
class AddressGuard:
    """Resolves a host once and names the addresses to connect to, refusing the host unless every one is allowed.

    The connection goes to the address that was checked: a second DNS answer (DNS rebinding:
    public for the check, private for the connection) is never asked for.
    """

    resolve: Callable[[str, int], list[str]] = resolve_host
    allowed: Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool] = is_public

    def addresses(self, host: str, port: int) -> list[str]:
        found = self.resolve(host, port)
        for address in found:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not self.allowed(ip):
                raise RefusedAddress(f"refused: {host} is a private, loopback or reserved address ({ip})")
        if not found:
            raise Unresolvable(f"cannot resolve {host} (no address)")
        return found


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's sockets, opened only to the addresses the guard checked (every request, redirects included)."""

    def __init__(self, guard: AddressGuard):
        self.guard = guard

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        *others, last = self.guard.addresses(host, port)
        for address in others:  # as socket.create_connection does: the next address when one does not answer
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue
        return super().connect_tcp(last, port, timeout, local_address, socket_options)


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    content: bytes
    content_type: str
    charset: str | None


@dataclass
class Fetcher:
    timeout: float = 20.0
    retries: int = 3
    max_bytes: int = 10_000_000
    per_host_delay: float = 1.0
    backoff: float = 1.0
    allow_private_addresses: bool = True
    guard: AddressGuard = AddressGuard()  # used unless private addresses are allowed
    _last_request: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    @classmethod
    def from_options(cls, opts: IngestOptions) -> Fetcher:
        return cls(opts.timeout, opts.retries, opts.max_bytes, opts.per_host_delay, opts.retry_backoff,
                   opts.allow_private_addresses)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            transport = httpx.HTTPTransport()
            if not self.allow_private_addresses:
                transport._pool._network_backend = GuardedBackend(self.guard)  # httpx has no public hook for it
            self._client = httpx.Client(
                follow_redirects=True,
                timeout=self.timeout,
                headers={"User-Agent": USER_AGENT},
                transport=transport,
                # A proxy from the environment would connect on our behalf, past the guard.
                trust_env=self.allow_private_addresses,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str) -> Page:
        """The page at `url` after redirects; `FetchError` once retries are exhausted."""
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url)
            except _Retryable as error:
                if attempt == self.retries:
                    raise FetchError(f"{url}: {error} (after {attempt + 1} attempts)") from None
                time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _get_once(self, url: str) -> Page:
        host = urlsplit(url).netloc.lower()
        self._wait_for_host(host)
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code in RETRY_STATUSES:
                    raise _Retryable(f"HTTP {response.status_code}")
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code}")
                content = self._read_capped(url, response)
                return Page(
                    url=str(response.url),
                    content=content,
                    content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                    charset=response.charset_encoding,
                )
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.timeout:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: too many redirects") from None
        except httpx.UnsupportedProtocol:
            raise FetchError(f"{url}: not an http(s) URL") from None
        except httpx.TransportError as error:
            raise _Retryable(f"connection failed ({type(error).__name__}: {error})") from None
        except httpx.InvalidURL as error:
            raise FetchError(f"{url}: invalid URL ({error})") from None
        except (RefusedAddress, Unresolvable) as error:  # the guard's, raised from inside httpx
            raise type(error)(f"{url}: {error}") from None
        finally:
            self._last_request[host] = time.monotonic()

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: {declared} bytes exceeds the {self.max_bytes} byte limit")
        chunks, size = [], 0
        for chunk in response.iter_bytes(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: more than the {self.max_bytes} byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, host: str) -> None:
        """Sleep until `per_host_delay` has passed since the host last finished answering us."""
        last = self._last_request.get(host)
        if last is not None:
            pause = last + self.per_host_delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)


class _Retryable(Exception):
    """A failure worth retrying: 5xx, 429, timeouts, dropped connections."""
