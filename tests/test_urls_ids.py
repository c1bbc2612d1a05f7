"""Canonical URLs and stable ids: the rules every article_id depends on."""
from __future__ import annotations

import pytest

from transforms.ids import article_id, slug
from transforms.urls import canonical_url, outlet_of


@pytest.mark.parametrize("raw, canonical", [
    ("HTTPS://WWW.Example.COM/Path/Page", "https://www.example.com/Path/Page"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("http://example.com:8080/a", "http://example.com:8080/a"),
    ("https://example.com/a/#section", "https://example.com/a/"),
    ("https://example.com/a?utm_source=x&id=7&UTM_Medium=y&fbclid=1&b=2", "https://example.com/a?id=7&b=2"),
    ("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&ocid=4&cmpid=5", "https://example.com/a"),
    ("https://example.com/a?z=1&a=2", "https://example.com/a?z=1&a=2"),
    ("<https://example.com/x>", "https://example.com/x"),
    ("ftp://example.com/file", None),
    ("not a url", None),
    ("", None),
])
def test_canonical_url_rules(raw, canonical):
    assert canonical_url(raw) == canonical


def test_outlet_is_host_without_www():
    assert outlet_of("https://www.themoscowtimes.com/2022/x") == "themoscowtimes.com"
    assert outlet_of("https://news.bbc.co.uk/x") == "news.bbc.co.uk"


def test_article_id_depends_on_url_only_when_there_is_one():
    assert article_id("https://a.com/x", "T1", "b1") == article_id("https://a.com/x", "T2", "b2")
    assert article_id(None, "T", "body") != article_id(None, "T", "other body")
    assert article_id(None, "T", "body") == article_id(None, "T", "body")


def test_slug_is_ascii_lowercase():
    assert slug("Antony Blinken") == "antony-blinken"
    assert slug("Zoë Ça Va") == "zoe-ca-va"
