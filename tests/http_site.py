"""A small news site on 127.0.0.1 for the scrape tests: pages, robots.txt, feeds, sitemaps, bad endpoints."""
from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = "User-agent: *\nDisallow: /private/\n"


def article(title: str, author: str, date: str, paragraphs: list[str], canonical: str | None = None) -> str:
    """An article page the HTML extractor understands (metadata plus an <article> body)."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{link}'
            f'<meta name="author" content="{author}"><meta property="article:published_time" content="{date}">'
            f'</head><body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article>'
            f'<footer>Copyright</footer></body></html>')


PAGES = {
    "/news/a.html": article("Ministers agree on a new grain deal", "Anna Petrova", "2024-03-01T10:00:00Z", [
        "Ministers from five countries agreed on Friday to extend the grain corridor for another year.",
        "The deal, reached after two days of talks in Istanbul, keeps ports open for exports."]),
    "/news/b.html": article("Central bank holds rates steady", "John Smith", "2024-03-02T08:30:00Z", [
        "The central bank kept its key rate unchanged at 16 percent on Friday, as expected.",
        "Inflation slowed for a third month, the bank said in a statement after the meeting."]),
    "/news/c.html": article("Rail strike ends after pay offer", "Maria Lopez", "2024-03-03", [
        "Rail workers voted to accept a new pay offer, ending a strike that lasted three weeks.",
        "Trains will run on a normal timetable from Monday, the operator said."]),
    "/private/secret.html": article("Internal memo", "Staff", "2024-03-04", ["Not for robots to read at all."]),
}


def rss(base: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>{items}</channel></rss>'


def atom(base: str, paths: list[str]) -> str:
    entries = "".join(f'<entry><title>{p}</title><id>tag:{p}</id><link rel="alternate" href="{base}{p}"/></entry>'
                      for p in paths)
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title>{entries}</feed>'


def sitemap_index(base: str, children: list[str]) -> str:
    items = "".join(f"<sitemap><loc>{base}{c}</loc></sitemap>" for c in children)
    return ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'{items}</sitemapindex>')


def urlset(base: str, paths: list[str], news: bool = False) -> str:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    extra = ("<news:news><news:publication><news:name>Site</news:name><news:language>en</news:language>"
             "</news:publication><news:title>t</news:title></news:news>") if news else ""
    items = "".join(f"<url><loc>{base}{p}</loc>{extra}</url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{items}</urlset>'


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that stop reading (size caps, timeouts) reset connections on purpose


class Site:
    """The running server: `base` URL, `hits` per path, and `flaky_failures` 503s before /flaky answers."""

    def __init__(self, slow_seconds: float = 2.0, big_bytes: int = 200_000, robots_status: int = 200):
        self.hits: Counter = Counter()
        self.headers_seen: dict[str, dict] = {}
        self.flaky_failures = 1
        self.slow_seconds, self.big_bytes, self.robots_status = slow_seconds, big_bytes, robots_status
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def _route(self, path: str, headers) -> tuple[int, dict, bytes]:
        base = self.base
        html = {"Content-Type": "text/html; charset=utf-8"}
        xml = {"Content-Type": "application/xml"}
        if path == "/robots.txt":
            return self.robots_status, {"Content-Type": "text/plain"}, ROBOTS.encode()
        if path in PAGES:
            return 200, html, PAGES[path].encode()
        if path == "/feed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, rss(base, ["/news/a.html", "/news/b.html"]).encode()
        if path == "/atom.xml":
            return 200, {"Content-Type": "application/atom+xml"}, atom(base, ["/news/c.html"]).encode()
        if path == "/sitemap.xml":
            return 200, xml, sitemap_index(base, ["/sitemap-news.xml", "/sitemap-pages.xml", "/sitemap.xml"]).encode()
        if path == "/sitemap-news.xml":
            return 200, xml, urlset(base, ["/news/a.html", "/news/b.html"], news=True).encode()
        if path == "/sitemap-pages.xml":
            return 200, xml, urlset(base, ["/news/c.html", "/private/secret.html"]).encode()
        if path == "/slow.html":
            time.sleep(self.slow_seconds)
            return 200, html, PAGES["/news/a.html"].encode()
        if path == "/flaky.html":
            if self.hits[path] <= self.flaky_failures:
                return 503, html, b"<html><body>busy</body></html>"
            return 200, html, PAGES["/news/b.html"].encode()
        if path == "/broken.html":
            return 500, html, b"<html><body>error</body></html>"
        if path == "/loop-a":
            return 302, {"Location": "/loop-b"}, b""
        if path == "/loop-b":
            return 302, {"Location": "/loop-a"}, b""
        if path == "/to-loopback.html":
            return 302, {"Location": f"{base}/news/c.html"}, b""
        if path == "/moved.html":
            return 301, {"Location": "/news/c.html"}, b""
        if path == "/big.html":
            return 200, html, b"<html><body><p>" + b"x" * self.big_bytes + b"</p></body></html>"
        if path == "/big-chunked.html":
            return 200, {**html, "_chunked": "1"}, b"<html><body><p>" + b"y" * self.big_bytes + b"</p></body></html>"
        if path == "/data.json":
            return 200, {"Content-Type": "application/json"}, b'{"not": "html"}'
        if path == "/etag.html":
            if headers.get("If-None-Match") == '"v1"':
                return 304, {"ETag": '"v1"'}, b""
            return 200, {**html, "ETag": '"v1"', "Last-Modified": "Fri, 01 Mar 2024 10:00:00 GMT"}, \
                PAGES["/news/a.html"].encode()
        if path == "/latin1.html":
            page = "<html><head><title>Caf\u00e9</title></head><body><p>Caf\u00e9 cr\u00e8me</p></body></html>"
            return 200, {"Content-Type": "text/html; charset=iso-8859-1"}, page.encode("latin-1")
        return 404, html, b"<html><body>not found</body></html>"

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server's hook
                path = self.path.split("?", 1)[0]
                site.hits[path] += 1
                site.headers_seen[path] = dict(self.headers)
                status, headers, body = site._route(path, self.headers)
                chunked = headers.pop("_chunked", None)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    try:
                        for i in range(0, len(body), 4096):
                            part = body[i:i + 4096]
                            self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # the client stopped reading at its size cap
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):  # keep test output clean
                pass

        return Handler
