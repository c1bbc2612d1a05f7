"""The fetcher against a real HTTP server on 127.0.0.1; URL rules and feed parsing as pure functions."""
from __future__ import annotations

import gzip
from dataclasses import replace

import pytest

from flows.fetch import Fetcher, as_utf8, looks_like_html
from flows.fetch_cache import RawCache
from flows.settings import FetchSettings
from tests.http_site import Site, atom, rss, sitemap_index, urlset
from transforms.feeds import FeedError, feed_links, maybe_gunzip, parse_sitemap
from transforms.html_document import decode_html
from transforms.url_policy import Refused, address_refusal, check_addresses, check_url

# A 0.5 s timeout failed a fast local answer once on a busy CI box: 2 s, with /slow.html at 5 s.
FAST = replace(FetchSettings(), delay_s=0, allow_private=True, timeout_s=2.0, attempts=3, backoff_s=0.01,
               max_bytes=50_000, concurrency=4)


@pytest.fixture(scope="module")
def site():
    with Site(slow_seconds=5.0) as s:
        yield s


@pytest.fixture
def fetcher(tmp_path):
    with Fetcher(FAST, RawCache(tmp_path / "raw")) as f:
        yield f


# -- URL policy (pure) ------------------------------------------------------------------

@pytest.mark.parametrize("url, reason", [
    ("ftp://example.com/a", "unsupported_scheme"),
    ("file:///etc/passwd", "unsupported_scheme"),
    ("javascript:alert(1)", "unsupported_scheme"),
    ("http:///nohost", "bad_url"),
    ("http://user:pw@example.com/", "bad_url"),
    ("http://example.com:99999/", "bad_url"),
])
def test_unfetchable_url_is_refused_with_reason(url, reason):
    with pytest.raises(Refused) as e:
        check_url(url)
    assert e.value.reason == reason


@pytest.mark.parametrize("ip, allow, refused", [
    ("93.184.216.34", False, False),
    ("127.0.0.1", False, True),
    ("10.1.2.3", False, True),
    ("192.168.0.1", False, True),
    ("172.16.5.4", False, True),
    ("169.254.169.254", False, True),  # cloud metadata endpoint
    ("::1", False, True),
    ("fe80::1", False, True),
    ("fd00::1", False, True),
    ("::ffff:127.0.0.1", False, True),  # IPv4-mapped loopback
    ("100.64.0.1", False, True),  # carrier-grade NAT
    ("127.0.0.1", True, False),
    ("10.1.2.3", True, False),
    ("0.0.0.0", True, True),  # never a real target
    ("224.0.0.1", True, True),
])
def test_private_addresses_are_refused_unless_allowed(ip, allow, refused):
    assert (address_refusal(ip, allow) is not None) == refused


def test_host_with_any_private_address_is_refused():
    with pytest.raises(Refused) as e:
        check_addresses("mixed.example", ["93.184.216.34", "10.0.0.1"], allow_private=False)
    assert e.value.reason == "private_address"


# -- feeds and sitemaps (pure) ------------------------------------------------------------

def test_rss_and_atom_feeds_give_absolute_entry_links():
    assert feed_links(rss("http://x.test", ["/a", "/b", "/a"]).encode(), "http://x.test/feed") == [
        "http://x.test/a", "http://x.test/b"]
    assert feed_links(atom("http://x.test", ["/c"]).encode(), "http://x.test/atom") == ["http://x.test/c"]


def test_html_page_is_not_a_feed():
    with pytest.raises(FeedError):
        feed_links(b"<html><body><p>hello</p></body></html>", "http://x.test/")


def test_feed_text_is_never_taken_for_a_file_name():
    with pytest.raises(FeedError):
        feed_links("/etc/hostname", "http://x.test/")


def test_sitemap_index_lists_children_and_news_sitemap_lists_pages():
    index = parse_sitemap(sitemap_index("http://x.test", ["/s1.xml"]).encode(), "http://x.test/sitemap.xml")
    assert index.children == ["http://x.test/s1.xml"] and index.pages == []
    news = parse_sitemap(urlset("http://x.test", ["/a", "/b"], news=True).encode(), "http://x.test/s1.xml")
    assert news.pages == ["http://x.test/a", "http://x.test/b"]


def test_gzipped_sitemap_is_read_and_bounded():
    data = gzip.compress(urlset("http://x.test", ["/a"]).encode())
    assert parse_sitemap(maybe_gunzip(data, 10_000), "http://x.test/").pages == ["http://x.test/a"]
    with pytest.raises(FeedError):
        maybe_gunzip(gzip.compress(b"x" * 100_000), 1_000)


def test_sitemap_with_external_entity_does_not_expand_it():
    data = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x.test/&e;</loc></url>'
            b'</urlset>')
    pages = parse_sitemap(data, "http://x.test/").pages
    assert not any("root:" in p for p in pages)


def test_header_charset_survives_the_cache_as_a_bom():
    # The page itself declares nothing; only the HTTP header says KOI8-R.
    body = "<html><body><p>\u041c\u043e\u0441\u043a\u0432\u0430</p></body></html>".encode("koi8-r")
    stored = as_utf8(body, "text/html; charset=KOI8-R")
    assert "\u041c\u043e\u0441\u043a\u0432\u0430" in decode_html(stored)
    assert as_utf8(b"<p>plain</p>", "text/html; charset=utf-8") == b"<p>plain</p>"


def test_unlabelled_body_is_sniffed_for_html():
    assert looks_like_html(b"  <!DOCTYPE html><html>")
    assert not looks_like_html(b'{"a": 1}')


# -- the fetcher against the local site -------------------------------------------------------

def test_page_is_fetched_and_cached_gzipped(site, fetcher):
    r = fetcher.fetch_page(site.url("/news/a.html"))
    assert r.ok and r.status == 200 and r.path.name.endswith(".html.gz")
    assert b"grain corridor" in gzip.decompress(r.path.read_bytes())
    assert site.headers_seen["/news/a.html"]["User-Agent"].startswith("wirehouse/")


@pytest.mark.parametrize("path, reason", [
    ("/private/secret.html", "robots_disallowed"),
    ("/slow.html", "timeout"),
    ("/broken.html", "http_500"),
    ("/nope.html", "http_404"),
    ("/loop-a", "too_many_redirects"),
    ("/big.html", "too_large"),
    ("/big-chunked.html", "too_large"),
    ("/data.json", "not_html"),
])
def test_failed_fetch_has_a_reason(site, fetcher, path, reason):
    r = fetcher.fetch_page(site.url(path))
    assert not r.ok and r.reason == reason and r.detail


def test_503_then_200_is_retried_until_it_answers(site, fetcher):
    site.hits["/flaky.html"] = 0
    r = fetcher.fetch_page(site.url("/flaky.html"))
    assert r.ok and site.hits["/flaky.html"] == 2


def test_client_errors_are_not_retried(site, fetcher):
    before = site.hits["/nope.html"]
    fetcher.fetch_page(site.url("/nope.html"))
    assert site.hits["/nope.html"] == before + 1


def test_timeouts_and_5xx_are_retried_up_to_the_attempt_limit(site, tmp_path):
    settings = replace(FAST, attempts=2)
    with Fetcher(settings, RawCache(tmp_path)) as f:
        before = site.hits["/broken.html"]
        assert f.fetch_page(site.url("/broken.html")).reason == "http_500"
    assert site.hits["/broken.html"] == before + 2


def test_redirect_is_followed_and_final_url_kept(site, fetcher):
    r = fetcher.fetch_page(site.url("/moved.html"))
    assert r.ok and r.url == site.url("/moved.html") and r.final_url == site.url("/news/c.html")


def test_refetch_sends_validators_and_reuses_cache_on_304(site, tmp_path):
    url = site.url("/etag.html")
    with Fetcher(FAST, RawCache(tmp_path)) as f:
        first = f.fetch_page(url)
        f.cache.save()
    with Fetcher(FAST, RawCache(tmp_path)) as f:  # a later run: index read back from disk
        second = f.fetch_page(url)
    assert first.ok and not first.not_modified
    assert second.ok and second.not_modified and second.path == first.path
    assert site.headers_seen["/etag.html"]["If-None-Match"] == '"v1"'


def test_robots_txt_is_read_once_per_host(site, fetcher):
    before = site.hits["/robots.txt"]
    fetcher.fetch_pages([site.url("/news/a.html"), site.url("/news/b.html"), site.url("/news/c.html")])
    assert site.hits["/robots.txt"] == before + 1


def test_private_host_is_refused_without_the_flag(site, tmp_path):
    with Fetcher(replace(FAST, allow_private=False), RawCache(tmp_path)) as f:
        r = f.fetch_page(site.url("/news/a.html"))
    assert r.reason == "private_address" and "--allow-private-hosts" in r.detail


def test_redirect_to_private_address_is_refused(site, tmp_path, monkeypatch):
    # Pretend "localhost" is a public site: its redirect to 127.0.0.1 must still be refused,
    # because every hop passes the address checks, not just the first URL.
    import flows.fetch as fetch

    real = fetch.check_addresses
    monkeypatch.setattr(fetch, "check_addresses",
                        lambda host, ips, allow: None if host == "localhost" else real(host, ips, allow))
    with Fetcher(replace(FAST, allow_private=False), RawCache(tmp_path)) as f:
        r = f.fetch_page(site.url("/to-loopback.html").replace("127.0.0.1", "localhost"))
    assert r.reason == "private_address" and "127.0.0.1" in r.detail


def test_concurrent_fetches_keep_input_order(site, fetcher):
    urls = [site.url(p) for p in ("/news/c.html", "/news/a.html", "/nope.html", "/news/b.html")]
    assert [r.url for r in fetcher.fetch_pages(urls)] == urls


def test_requests_to_one_host_are_spaced_by_the_delay(site, tmp_path):
    # Record the pauses instead of sleeping: the clock stands still, so each request to the
    # host must wait one more delay than the one before (robots.txt counts as a request).
    pauses = []
    with Fetcher(replace(FAST, delay_s=10.0, concurrency=1), RawCache(tmp_path)) as f:
        f._sleep = pauses.append
        f.fetch_pages([site.url("/news/a.html"), site.url("/news/b.html"), site.url("/news/c.html")])
    assert sorted(pauses) == pytest.approx([10.0, 20.0, 30.0], abs=1.0)


def test_retries_back_off_exponentially_with_jitter(site, tmp_path):
    pauses = []
    with Fetcher(replace(FAST, attempts=3, backoff_s=1.0), RawCache(tmp_path)) as f:
        f._sleep = pauses.append
        f.fetch_page(site.url("/broken.html"))
    assert len(pauses) == 2 and 1.0 <= pauses[0] <= 2.0 and 2.0 <= pauses[1] <= 4.0


def test_address_checked_again_after_connecting(site, tmp_path, monkeypatch):
    # DNS rebinding: the name looked public when checked, but the connection reached loopback.
    import flows.fetch as fetch

    monkeypatch.setattr(fetch, "resolve", lambda host, port: ["93.184.216.34"])
    with Fetcher(replace(FAST, allow_private=False), RawCache(tmp_path)) as f:
        r = f.fetch_page(site.url("/news/a.html").replace("127.0.0.1", "localhost"))
    assert r.reason == "private_address" and "127.0.0.1" in r.detail


@pytest.mark.parametrize("robots_status, reason", [
    (404, None),  # no robots.txt: everything allowed
    (403, None),  # RFC 9309: any 4xx means no restrictions
    (503, "robots_unreachable"),  # a robots.txt that errors blocks the site for the run
])
def test_robots_txt_status_decides_whether_the_site_may_be_crawled(tmp_path, robots_status, reason):
    with Site(robots_status=robots_status) as other, Fetcher(FAST, RawCache(tmp_path)) as f:
        r = f.fetch_page(other.url("/private/secret.html"))
    assert r.reason == reason
