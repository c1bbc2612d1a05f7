"""HTML news page -> article fields, composed from declared metadata and page structure."""
from __future__ import annotations

from transforms.html_authors import extract_authors
from transforms.html_body import choose_body, extract_body
from transforms.html_document import decode_html, parse_html
from transforms.html_hydration import continue_body, hydration_scripts
from transforms.html_metadata import (extract_date, extract_language, extract_outlet_name, extract_tags, extract_title,
                                      extract_url, read_page)
from transforms.html_standfirst import extract_standfirst, with_standfirst


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
    try:
        page = read_page(root, url)
    except (ValueError, TypeError, RecursionError):
        return _empty(url)
    record = {
        "title": _guarded(extract_title, page, None),
        "authors": _guarded(extract_authors, page, []),
        "published_at": _guarded(extract_date, page, None),
        "url": _guarded(extract_url, page, url),
        "outlet_name": _guarded(extract_outlet_name, page, None),
        "tags": _guarded(extract_tags, page, []),
        "language": _guarded(extract_language, page, None),
    }
    standfirst = _guarded(extract_standfirst, page, None)
    scripts = _guarded(lambda p: hydration_scripts(p.root), page, [])
    # Body last: it strips boilerplate (and the data scripts) from the tree in place.
    record["body"] = _guarded(lambda p: with_standfirst(_body(p, scripts), standfirst), page, "")
    return record


def _body(page, scripts: list[str]) -> str:
    """The story text: the page's densest block, or its declared body, continued from its data when cut off."""
    return continue_body(choose_body(extract_body(page.root), page.ld.get("body")), scripts)


def _guarded(extract, page, default):
    """extract(page), or default if it fails: one odd page element must not cost the other fields."""
    try:
        return extract(page)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, OverflowError):
        return default
