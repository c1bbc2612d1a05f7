"""Article URLs out of RSS/Atom feeds and XML sitemaps (pure: bytes in, URLs out)."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

# No entity expansion, no DTD or network fetches: sitemaps come from strangers.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          recover=True)


class FeedError(ValueError):
    """The bytes are not a feed or sitemap; the message says what was found instead."""


@dataclass
class Sitemap:
    """One sitemap file: page URLs (urlset) and child sitemap URLs (sitemapindex)."""

    pages: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def _unique(urls: list[str]) -> list[str]:
    seen: set[str] = set()
    return [u for u in urls if u and not (u in seen or seen.add(u))]


def maybe_gunzip(data: bytes, cap: int) -> bytes:
    """Bytes, decompressed when gzip (sitemaps are often .xml.gz); FeedError past cap bytes."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, cap + 1)
    except zlib.error as e:
        raise FeedError(f"corrupt gzip: {e}") from None
    if len(out) > cap:
        raise FeedError(f"more than {cap:,} bytes after decompression")
    return out


def feed_links(data: bytes, base_url: str) -> list[str]:
    """Entry links of an RSS 0.9x/1.0/2.0 or Atom feed, in feed order, absolute, unique."""
    import feedparser

    if isinstance(data, str):
        data = data.encode("utf-8")  # feedparser reads a str as a URL or file name: never let it
    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("not an RSS or Atom feed")
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            # Atom entries may give only rel=alternate links, or an id that is a URL.
            alt = [x.get("href") for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate"]
            link = alt[0] if alt else (entry.get("id") if str(entry.get("id", "")).startswith("http") else None)
        if link:
            links.append(urljoin(base_url, link.strip()))
    return _unique(links)


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_sitemap(data: bytes, base_url: str) -> Sitemap:
    """Page URLs of a urlset (news sitemaps included) or child sitemaps of a sitemapindex."""
    try:
        root = etree.fromstring(data.lstrip(), _PARSER)
    except etree.XMLSyntaxError as e:
        raise FeedError(f"not XML: {e}") from None
    if root is None:
        raise FeedError("not XML")
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise FeedError(f"root element is <{kind}>, not <urlset> or <sitemapindex>")
    locs = []
    for item in root:
        if _local(item.tag) not in ("url", "sitemap"):
            continue
        for child in item:
            # Only the direct <loc>: news:/image: extensions carry their own URLs.
            if _local(child.tag) == "loc" and child.text and child.text.strip():
                locs.append(urljoin(base_url, child.text.strip()))
    locs = _unique(locs)
    return Sitemap(children=locs) if kind == "sitemapindex" else Sitemap(pages=locs)
