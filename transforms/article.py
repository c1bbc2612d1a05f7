"""Raw fields -> one `articles` row: cleaned, validated, with stable ids."""
from __future__ import annotations

import re
from datetime import datetime

from transforms.authors import parse_authors
from transforms.dates import parse_date, plausible
from transforms.ids import article_id, content_hash
from transforms.language import detect_language
from transforms.seedfmt import rejoin
from transforms.text import clean, clean_line, folded_word_count, one_line_paragraphs, word_count
from transforms.urls import canonical_url, outlet_of

# Larger bodies are not news articles (dumps, logs, whole books): rejected, not truncated.
MAX_BODY_CHARS = 2_000_000
_BLANK = re.compile(r"\n[ \t]*\n+")


class Rejected(Exception):
    """A record that cannot become an article; `reason` is short, `detail` one line."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


def paragraphs_of(text: str, mend_breaks: bool = True) -> list[str]:
    """Paragraphs of a plain-text body: blank-line separated, else one per line."""
    text = clean(text)
    parts = _BLANK.split(text) if _BLANK.search(text) else text.split("\n")
    paras = one_line_paragraphs(text, parts)
    return rejoin(paras) if mend_breaks else paras


def build_article(fields: dict, *, source_uri: str, now: datetime, run_id: str,
                  pipeline_version: str) -> tuple[dict, list[str]]:
    """An `articles` row from raw fields, and the names of fields nulled as unusable.

    Raises Rejected when the record has no usable body.
    """
    nulled: list[str] = []
    # Paragraphs given by the loader are used as they are; a body string goes through
    # paragraphs_of, whose output word counting can rely on (folded_word_count).
    folded = fields.get("paragraphs") is None
    if not folded:
        paras = fields["paragraphs"]
    else:
        raw_body = fields.get("body")
        if raw_body is not None and not isinstance(raw_body, str):
            raise Rejected("bad_body", f"body is a {type(raw_body).__name__}, not text")
        if raw_body and len(raw_body) > MAX_BODY_CHARS:
            raise Rejected("body_too_large", f"body has {len(raw_body):,} characters (cap {MAX_BODY_CHARS:,})")
        paras = paragraphs_of(raw_body or "", fields.get("mend_breaks", True))
    body = "\n\n".join(paras)
    if len(body) > MAX_BODY_CHARS:
        raise Rejected("body_too_large", f"body has {len(body):,} characters (cap {MAX_BODY_CHARS:,})")
    if not body.strip():
        raise Rejected("empty_body", "no body text")
    title = clean_line(fields.get("title")) if isinstance(fields.get("title"), str) else None
    if title and len(title) > 1000:
        title = None
        nulled.append("title")

    authors, dropped = parse_authors(fields.get("authors"))
    if dropped and not authors:
        nulled.append("authors")

    published = fields.get("date")
    if isinstance(published, datetime):
        when = published
    else:
        when = parse_date(published) if isinstance(published, str) else None
        if published not in (None, "") and when is None:
            nulled.append("published_at")
    if when is not None and not plausible(when, now):
        when = None
        nulled.append("published_at")

    raw_url = fields.get("url")
    url = canonical_url(raw_url) if isinstance(raw_url, str) else None
    if raw_url and url is None:
        nulled.append("url")
    language = fields.get("language") or detect_language(title, body)
    return {
        "article_id": article_id(url, title, body),
        "url": url,
        "source_uri": source_uri,
        "outlet": outlet_of(url),
        "outlet_name": clean_line(fields.get("outlet_name")) if isinstance(fields.get("outlet_name"), str) else None,
        "title": title,
        "authors": authors,
        "published_at": when,
        "published_month": f"{when.year:04d}-{when.month:02d}" if when else "unknown",
        "language": language,
        "body": body,
        "word_count": folded_word_count(body, len(paras)) if folded else word_count(body),
        "content_hash": content_hash(title, body, authors, when.isoformat() if when else None),
        "image_caption": fields.get("image_caption"),
        "image_credit": fields.get("image_credit"),
        "tags": [t for t in (clean_line(x) for x in fields.get("tags") or [] if isinstance(x, str)) if t],
        "ingested_at": now,
        "run_id": run_id,
        "pipeline_version": pipeline_version,
    }, nulled
