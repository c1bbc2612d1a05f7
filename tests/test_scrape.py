"""`wirehouse scrape` end to end against a local site: sitemaps, feeds, URL lists, rejects, re-runs."""
from __future__ import annotations

import json

import duckdb
import pytest

from flows.scrape import unique_urls
from tests.http_site import Site


@pytest.fixture(scope="module")
def site():
    with Site(slow_seconds=5.0) as s:
        yield s


@pytest.fixture(autouse=True)
def fast_fetch(monkeypatch):
    # Keep the bad endpoints cheap: short timeout (with margin for a busy CI box), quick backoff.
    monkeypatch.setenv("WIREHOUSE_FETCH_TIMEOUT", "2.0")
    monkeypatch.setenv("WIREHOUSE_FETCH_BACKOFF", "0.01")
    monkeypatch.setenv("WIREHOUSE_FETCH_ATTEMPTS", "2")
    monkeypatch.setenv("WIREHOUSE_FETCH_MAX_BYTES", "50000")


def _query(data_dir, sql):
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_sitemap_index_loads_every_allowed_page(cli, site, data_dir):
    r = cli("scrape", "--sitemap", site.url("/sitemap.xml"), "--allow-private-hosts", "--delay", "0",
            "--data-dir", data_dir)
    assert r.status == 0, r.err
    rows = _query(data_dir, "select source_uri, title, authors, outlet from articles order by source_uri")
    assert [(u.removeprefix(site.base), t) for u, t, _, _ in rows] == [
        ("/news/a.html", "Ministers agree on a new grain deal"),
        ("/news/b.html", "Central bank holds rates steady"),
        ("/news/c.html", "Rail strike ends after pay offer"),
    ]
    assert rows[0][2] == ["Anna Petrova"] and rows[0][3] == "127.0.0.1"
    rejects = _query(data_dir, "select source_uri, reason from rejects")
    assert rejects == [(site.url("/private/secret.html"), "robots_disallowed")]
    assert "3 fetched" in r.out


def test_rescrape_uses_conditional_get_and_changes_nothing(cli, site, data_dir):
    args = ("scrape", site.url("/etag.html"), "--allow-private-hosts", "--delay", "0", "--data-dir", data_dir)
    assert cli(*args).status == 0
    before = _query(data_dir, "select article_id, ingested_at from articles")
    r = cli(*args)
    assert r.status == 0 and "1 not modified" in r.out
    assert _query(data_dir, "select article_id, ingested_at from articles") == before
    index = json.loads((data_dir / "raw" / "index.json").read_text())
    assert index[site.url("/etag.html")]["etag"] == '"v1"'


def test_urls_file_feed_and_arguments_together_with_every_failure_in_rejects(cli, site, data_dir, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("# bad endpoints\n" + "\n".join(site.url(p) for p in (
        "/news/a.html", "/nope.html", "/slow.html", "/loop-a", "/big.html", "/data.json", "/broken.html",
        "/private/secret.html")) + "\n")
    site.hits["/flaky.html"] = 0
    r = cli("scrape", "--urls-file", urls, site.url("/flaky.html"), "--feed", site.url("/feed.xml"),
            "--allow-private-hosts", "--delay", "0", "--data-dir", data_dir)
    assert r.status == 0, r.err
    got = dict((u.removeprefix(site.base), reason) for u, reason in _query(
        data_dir, "select source_uri, reason from rejects"))
    assert got == {"/nope.html": "http_404", "/slow.html": "timeout", "/loop-a": "too_many_redirects",
                   "/big.html": "too_large", "/data.json": "not_html", "/broken.html": "http_500",
                   "/private/secret.html": "robots_disallowed"}
    pages = {u.removeprefix(site.base) for (u,) in _query(data_dir, "select source_uri from articles")}
    assert pages == {"/news/a.html", "/news/b.html", "/flaky.html"}  # a.html listed twice, fetched once
    assert site.hits["/flaky.html"] == 2  # one 503, then the page


@pytest.mark.parametrize("args", [
    (),
    ("ftp://example.com/feed",),
    ("--feed", "file:///etc/passwd"),
    ("--urls-file", "/no/such/file.txt"),
    ("http://example.com/", "--delay", "-1"),
    ("http://example.com/", "--concurrency", "0"),
    ("http://user:secret@example.com/",),
])
def test_scrape_usage_errors_exit_2_with_one_line(cli, args, data_dir):
    r = cli("scrape", *args, "--data-dir", data_dir)
    assert r.status == 2
    assert len(r.err.strip().splitlines()) == 1


def test_duplicate_urls_are_fetched_once():
    assert unique_urls(["http://X.test/a?utm_source=x", "http://x.test/a#top", "http://x.test/b"]) == [
        "http://x.test/a", "http://x.test/b"]
