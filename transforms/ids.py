"""Stable, content-derived identifiers."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SLUG = re.compile(r"[^a-z0-9]+")


def digest(*parts: str | None, size: int = 16) -> str:
    """Hex blake2b digest of the parts joined by a unit separator."""
    h = hashlib.blake2b(digest_size=size)
    h.update("\x1f".join(p or "" for p in parts).encode("utf-8"))
    return h.hexdigest()


def article_id(url: str | None, title: str | None, body: str) -> str:
    """Hash of the canonical URL, or of title + body when there is no URL."""
    if url:
        return digest("url", url)
    return digest("text", title, body)


def content_hash(title: str | None, body: str, authors: list[str], published: str | None) -> str:
    """Hash of what the article says, to tell an edited article from an unchanged one."""
    return digest(title, body, "\x1e".join(authors), published)


def slug(text: str) -> str:
    """ASCII lower-case slug: 'Antony Blinken' -> 'antony-blinken'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", ascii_.lower()).strip("-")
