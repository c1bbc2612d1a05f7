"""JSON records (one per file or per line) in the key variants DESIGN.md lists."""
from __future__ import annotations

BODY_KEYS = ("text", "maintext", "content_original", "content", "body")
DATE_KEYS = ("date_publish", "published", "date")
OUTLET_KEYS = ("source", "source_domain")


def _first(rec: dict, keys: tuple[str, ...]):
    for k in keys:
        v = rec.get(k)
        if v not in (None, ""):
            return v
    return None


def fields_from_json(rec: dict) -> dict:
    """Raw article fields from one JSON record; other keys are ignored."""
    body = _first(rec, BODY_KEYS)
    if isinstance(body, list):  # some dumps store paragraphs as a list
        body = "\n\n".join(str(p) for p in body if isinstance(p, str))
    title = rec.get("title")
    url = rec.get("url")
    outlet = _first(rec, OUTLET_KEYS)
    return {
        "title": title if isinstance(title, str) else None,
        "body": body if isinstance(body, str) else None,
        "authors": rec.get("authors"),
        "date": _first(rec, DATE_KEYS),
        "url": url if isinstance(url, str) else None,
        "outlet_name": outlet if isinstance(outlet, str) else None,
    }
