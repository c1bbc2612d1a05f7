"""Polite, bounded HTTP fetching for `wirehouse scrape`: robots.txt, per-host delay, retries, cache."""
from __future__ import annotations

import random
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from flows.fetch_cache import RawCache
from flows.settings import FetchSettings
from transforms.url_policy import Refused, check_addresses, check_url

REDIRECTS = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 lets crawlers stop reading robots.txt at 500 KiB
MAX_CRAWL_DELAY_S = 60.0  # a robots.txt Crawl-delay above this would stall the run


@dataclass
class FetchResult:
    """Outcome of fetching one URL: a body (or cached path), or a rejects reason."""

    url: str
    reason: str | None = None
    detail: str = ""
    status: int | None = None
    final_url: str | None = None
    body: bytes | None = None
    content_type: str = ""
    path: Path | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


class _Failed(Exception):
    """A fetch attempt that ended without a usable body; `retry` marks timeouts and 5xx."""

    def __init__(self, reason: str, detail: str, status: int | None = None, retry: bool = False,
                 retry_after: float | None = None):
        super().__init__(detail)
        self.reason, self.detail, self.status, self.retry, self.retry_after = reason, detail, status, retry, retry_after


def resolve(host: str, port: int) -> list[str]:
    """Every IP address the host resolves to (empty when it does not resolve)."""
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})
    except (socket.gaierror, UnicodeError):
        return []


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of an unlabelled body are an HTML document."""
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:512]


def as_utf8(body: bytes, content_type: str) -> bytes:
    """The body, transcoded to UTF-8 with a BOM when the HTTP header names another charset.

    The cache keeps bytes only; the header's charset would be lost, and per HTML it
    outranks the page's own <meta>. A BOM is what the HTML decoder trusts first.
    """
    charset = _charset(content_type)
    if not charset or charset in ("utf-8", "utf8", "us-ascii", "ascii") or body.startswith(b"\xef\xbb\xbf"):
        return body
    try:
        return b"\xef\xbb\xbf" + body.decode(charset, "replace").encode("utf-8")
    except LookupError:
        return body


class Fetcher:
    """HTTP(S) client that obeys robots.txt, spaces requests per host and caps everything.

    Thread-safe: `fetch_pages` runs up to `settings.concurrency` requests at once.
    """

    def __init__(self, settings: FetchSettings, cache: RawCache | None = None):
        self.s = settings
        self.cache = cache
        # trust_env=False: no proxy from the environment, so the address checks below see the
        # real peer; redirects are followed by hand so every hop passes the same checks.
        self.client = httpx.Client(timeout=httpx.Timeout(settings.timeout_s), follow_redirects=False,
                                   trust_env=False, headers={"User-Agent": settings.user_agent},
                                   limits=httpx.Limits(max_connections=max(settings.concurrency, 1) * 2))
        self._robots: dict[str, RobotFileParser | _Failed] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()
        self._sleep = time.sleep  # one seam for tests

    def close(self) -> None:
        """Release the connection pool."""
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- politeness -------------------------------------------------------------------

    def _wait_turn(self, url: str, delay: float) -> None:
        """Sleep until this host may be hit again; reserves the slot first, so threads queue up."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_slot.get(host, 0.0))
            self._next_slot[host] = start + delay
        if start > now:
            self._sleep(start - now)

    def _host_delay(self, url: str) -> float:
        rp = self._robots.get(_origin(url))
        crawl_delay = rp.crawl_delay(self.s.user_agent) if isinstance(rp, RobotFileParser) else None
        return max(self.s.delay_s, min(float(crawl_delay or 0), MAX_CRAWL_DELAY_S))

    def _robots_for(self, url: str) -> RobotFileParser:
        """The origin's robots rules, fetched once per run; raises _Failed when unreachable."""
        origin = _origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, _Failed):
            raise _Failed(rules.reason, rules.detail)  # a fresh exception per URL, not one shared by threads
        return rules

    def _load_robots(self, origin: str) -> RobotFileParser | _Failed:
        rp = RobotFileParser()
        try:
            resp = self._with_retries(f"{origin}/robots.txt", {}, ROBOTS_MAX_BYTES, robots=True)
        except _Failed as e:
            if e.status and 400 <= e.status < 500:
                rp.parse([])  # RFC 9309: a 4xx robots.txt means no restrictions
                return rp
            if e.reason in ("private_address", "dns_error", "bad_url", "unsupported_scheme", "connection_error"):
                return e  # the site itself is out of reach: say so, not "robots"
            # RFC 9309: an unreachable robots.txt (5xx, timeout) means crawl nothing.
            return _Failed("robots_unreachable", f"{origin}/robots.txt: {e.detail}")
        rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        return rp

    # -- one request, redirects followed by hand -------------------------------------------

    def _guard(self, url: str) -> None:
        try:
            host = check_url(url)
            port = urlsplit(url).port or (443 if url.lower().startswith("https") else 80)
            check_addresses(host, resolve(host, port), self.s.allow_private)
        except Refused as r:
            raise _Failed(r.reason, r.detail) from None

    def _request(self, url: str, headers: dict, cap: int, robots: bool) -> FetchResult:
        start, hops = url, 0
        while True:
            self._guard(url)
            if not robots and not self._robots_for(url).can_fetch(self.s.user_agent, url):
                raise _Failed("robots_disallowed", f"robots.txt of {_origin(url)} disallows {url}")
            self._wait_turn(url, self._host_delay(url))
            result = self._send(url, headers, cap)
            if isinstance(result, FetchResult):
                return result
            hops += 1
            if hops > self.s.max_redirects:
                raise _Failed("too_many_redirects",
                              f"{start}: more than {self.s.max_redirects} redirects (last to {url})")
            url = result

    def _send(self, url: str, headers: dict, cap: int) -> FetchResult | str:
        """One GET: the response, or the absolute target URL of a redirect."""
        deadline = time.monotonic() + self.s.timeout_s * 4  # a slow trickle must end too
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                self._check_peer(resp, url)
                status = resp.status_code
                if status in REDIRECTS and resp.headers.get("location"):
                    return urljoin(url, resp.headers["location"])
                if status == 304:
                    return FetchResult(url=url, status=304, final_url=url, not_modified=True)
                if status >= 500:
                    raise _Failed(f"http_{status}", f"{url}: HTTP {status}", status, retry=True,
                                  retry_after=_retry_after(resp.headers.get("retry-after")))
                if status >= 400 or status < 200 or status in REDIRECTS:
                    raise _Failed(f"http_{status}", f"{url}: HTTP {status}", status)
                ctype = resp.headers.get("content-type", "")
                length = resp.headers.get("content-length", "")
                if length.isdigit() and int(length) > cap:
                    raise _Failed("too_large", f"{url}: Content-Length {int(length):,} > cap {cap:,} bytes", status)
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise _Failed("too_large", f"{url}: body larger than the cap of {cap:,} bytes", status)
                    if time.monotonic() > deadline:
                        raise _Failed("timeout", f"{url}: body still arriving after {self.s.timeout_s * 4:g} s",
                                      status, retry=True)
                    chunks.append(chunk)
                return FetchResult(url=url, status=status, final_url=url, body=b"".join(chunks), content_type=ctype,
                                   etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"))
        except httpx.TimeoutException as e:
            raise _Failed("timeout", f"{url}: no answer within {self.s.timeout_s:g} s ({type(e).__name__})",
                          retry=True) from None
        except httpx.TooManyRedirects as e:  # pragma: no cover - redirects are followed by hand
            raise _Failed("too_many_redirects", f"{url}: {e}") from None
        except (httpx.TransportError, httpx.DecodingError) as e:
            raise _Failed("connection_error", f"{url}: {type(e).__name__}: {e}") from None

    def _check_peer(self, resp: httpx.Response, url: str) -> None:
        # The name was checked before connecting; check the connected address too, so a DNS
        # answer that changed in between (rebinding) cannot reach a private host.
        stream = resp.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer:
            try:
                check_addresses(urlsplit(url).hostname or "", [str(peer[0])], self.s.allow_private)
            except Refused as r:
                raise _Failed(r.reason, r.detail) from None

    def _with_retries(self, url: str, headers: dict, cap: int, robots: bool = False) -> FetchResult:
        """The request, retried with exponential backoff and jitter on timeouts and 5xx only."""
        for attempt in range(max(self.s.attempts, 1)):
            try:
                return self._request(url, headers, cap, robots)
            except _Failed as e:
                if not e.retry or attempt + 1 >= self.s.attempts:
                    raise
                base = min(self.s.max_backoff_s, self.s.backoff_s * 2 ** attempt)
                pause = base + random.uniform(0, base)  # jitter: retries from many workers spread out
                if e.retry_after is not None:
                    pause = max(pause, min(e.retry_after, self.s.max_backoff_s))
                self._sleep(pause)
        raise AssertionError("unreachable")

    # -- public API ------------------------------------------------------------------

    def fetch_document(self, url: str) -> FetchResult:
        """A feed or sitemap: body bytes, or a failure reason. Not cached."""
        try:
            return self._with_retries(url, {}, self.s.max_bytes)
        except _Failed as e:
            return FetchResult(url=url, reason=e.reason, detail=e.detail, status=e.status)

    def fetch_page(self, url: str) -> FetchResult:
        """An HTML page, stored in the raw cache (conditional GET when cached before)."""
        headers = self.cache.validators(url) if self.cache else {}
        try:
            result = self._with_retries(url, headers, self.s.max_bytes)
        except _Failed as e:
            return FetchResult(url=url, reason=e.reason, detail=e.detail, status=e.status)
        result.url = url
        if result.not_modified:
            if self.cache and self.cache.entry(url):
                result.path = self.cache.touch(url, status=304)
                result.final_url = self.cache.entry(url).get("final_url") or url
                return result
            return FetchResult(url=url, reason="http_304", detail=f"{url}: 304 without a cached copy", status=304)
        media = _media_type(result.content_type)
        if media not in HTML_TYPES and not (media in ("", "application/octet-stream", "text/plain")
                                            and looks_like_html(result.body)):
            return FetchResult(url=url, reason="not_html", status=result.status,
                               detail=f"{url}: Content-Type {media or 'missing'}, not an HTML page")
        if self.cache:
            result.path = self.cache.store(url, as_utf8(result.body, result.content_type),
                                           final_url=result.final_url or url, status=result.status,
                                           etag=result.etag, last_modified=result.last_modified)
        return result

    def fetch_pages(self, urls: list[str]) -> list[FetchResult]:
        """fetch_page for every URL, at most `concurrency` at a time, results in input order."""
        with ThreadPoolExecutor(max_workers=max(self.s.concurrency, 1), thread_name_prefix="fetch") as pool:
            return list(pool.map(self.fetch_page, urls))


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
