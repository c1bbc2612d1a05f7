"""Bylines as given: people or agencies, without 'By', dates or job titles."""
from __future__ import annotations

import re

from transforms.text import clean_line

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bwith\b)\s*", re.I)
_LEAD = re.compile(r"^(?:(?:written|reported|posted|updated|analysis|opinion|commentary|column|"
                   r"story|words|text|photos?)\s*(?:by)?\s*:?|by\b:?)\s*", re.I)
_TITLE_WORDS = re.compile(r"^(?:sen|senator|rep|representative|gov|governor|dr|prof|mr|mrs|ms|"
                          r"rev|gen|president|judge)\.?\s+", re.I)
_JUNK = re.compile(r"\b(?:updated|published|posted|min(?:ute)?s? read|read more|follow|email|"
                   r"twitter|facebook|staff writer|correspondent|reporter|editor|contributor|"
                   r"am|pm|gmt|utc|edt|est|\d{1,2}:\d{2}|\d+\s*[ap]\.?m\.?)\b", re.I)
_HAS_LETTER = re.compile(r"[^\W\d_]{2}")
# Bylines that name nobody: a desk, not a person or an agency.
_NOBODY = {"staff", "admin", "administrator", "editor", "editors", "the editors", "news desk",
           "web desk", "staff reporter", "staff writer", "anonymous", "unknown", "none", "null", "n/a"}


def _strip(name: str) -> str:
    name = name.strip(" :-–—\t")
    # A final period belongs to an abbreviation ("Jr.", "C.J.", "Ph.D."), not to a sentence.
    last = name.rsplit(" ", 1)[-1]
    if name.endswith(".") and len(last.replace(".", "")) > 3:
        name = name[:-1]
    return name.strip(" :-–—\t")


def _one(name: str) -> str | None:
    name = _LEAD.sub("", _strip(name).lstrip("."))
    name = _strip(_TITLE_WORDS.sub("", name))
    if not name or not _HAS_LETTER.search(name) or name.lower() in _NOBODY:
        return None
    if _JUNK.search(name) or len(name) > 60 or len(name.split()) > 6 or "@" in name or "://" in name:
        return None
    return name


def parse_authors(value: str | list | None) -> tuple[list[str], int]:
    """Author names from a byline string or list, and how many pieces were dropped as garbage."""
    if value is None:
        return [], 0
    pieces: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, str):
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                item = item["name"]
            else:
                continue
        # "[" in item: a C scan that spares most bylines the link regex pass
        text = clean_line(_MD_LINK.sub(r"\1", item) if "[" in item else item) or ""
        pieces.extend(p for p in _SPLIT.split(text) if p.strip())
    out, dropped, seen = [], 0, set()
    for p in pieces:
        name = _one(p)
        if name is None:
            dropped += 1
        elif name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out, dropped
