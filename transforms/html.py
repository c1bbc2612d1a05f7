"""HTML news page -> article fields, composed from declared metadata and page structure."""
from __future__ import annotations

from transforms.html_body import choose_body, extract_body
from transforms.html_document import decode_html, parse_html
from transforms.html_metadata import (extract_authors, extract_date, extract_language, extract_outlet_name,
                                      extract_tags, extract_title, extract_url, read_page)


def _empty(url: str | None) -> dict:
    """The record for a page with nothing extractable."""
    return {"title": None, "authors": [], "published_at": None, "body": "", "url": url,
            "outlet_name": None, "tags": [], "language": None}


def extract_html(html: bytes | str, url: str | None = None) -> dict:
    """Article fields of one news page.

    Args:
        html: the page, bytes (charset from BOM / <meta>, else UTF-8, else cp1252) or text.
        url: where the page came from; used when the page declares no canonical URL.

    Returns:
        dict with title, authors, published_at (UTC), body, url, outlet_name, tags, language.
        Never raises on malformed input: unreadable pages give empty fields.
    """
    url = url if isinstance(url, str) and url.strip() else None
    root = parse_html(decode_html(html))
    if root is None:
        return _empty(url)
    page = read_page(root, url)
    record = {
        "title": extract_title(page),
        "authors": extract_authors(page),
        "published_at": extract_date(page),
        "url": extract_url(page),
        "outlet_name": extract_outlet_name(page),
        "tags": extract_tags(page),
        "language": extract_language(page),
    }
    # Body last: it strips boilerplate from the tree in place.
    record["body"] = choose_body(extract_body(root), page.ld.get("body"))
    return record
