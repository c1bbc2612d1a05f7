"""Byline strings -> clean author names: no 'By', dates, job titles or outlet boilerplate."""
from __future__ import annotations

import re

_PREFIX = re.compile(r"^\s*(?:(?:written|story|words|reporting|text|posted|compiled|edited|photos?)\s+)?by[:\s]+", re.I)
# Everything from a date/time marker or separator on is not a name.
_CUT = re.compile(r"\s*(?:\||•|·|\u2022|—|–\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                  r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,|\d{1,2}:\d{2}|\b\d{4}\b|\bfollow\b|\bemail\b|\bcontact\b|\bread more\b).*$", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b|\n)\s*", re.I)
_DASH = re.compile(r"\s+[-–—]\s+.*$")
_TITLE_WORDS = re.compile(
    r"\b(?:reporter|editor|correspondent|writer|contributor|columnist|producer|journalist|"
    r"senior|chief|intern|analyst|author|updated|published|minutes?|"
    r"read|min|photographer|contributing|freelance|director|manager|host|anchor|president|special to|head|"
    r"image|images|photo|photos|provided|getty|courtesy|illustration|video|professor|fellow|opinion)\b", re.I)
_NOT_NAME = re.compile(r"https?:|www\.|@|\.com\b|\d|[<>{}=\[\]/]")
# Words that name a desk rather than a person: a byline of only these ("Staff") is no byline,
# with a name attached ("Slate Staff", "Sun Sentinel Editorial Board") it is kept as given.
_DESK_WORDS = {"staff", "team", "desk", "editorial", "board", "newsroom", "bureau", "the", "and", "news", "web", "digital"}
_AGENCY = re.compile(r"^(?:the\s+)?(?:associated press|ap|reuters|afp|agence france-presse|bloomberg|upi|"
                     r"field level media|cnn wire|dpa|efe|ansa|pa media|pti|xinhua|tass|ians)$", re.I)


def _clean_one(part: str) -> str | None:
    """One name with junk around it removed, or None when what is left is not a name."""
    part = part.strip(" \t\r\n:,-–—|*\u00a0\"'()")
    # "Jane Doe The Associated Press", "Jane Doe USA TODAY NETWORK": a trailing outlet glued to the name.
    part = re.sub(r"(?<=[a-z])\s+(?:The\s+[A-Z].*|(?:[A-Z]{2,}\b\s*){2,})$", "", part)
    part = _PREFIX.sub("", part).strip(" :,")
    if not part or _NOT_NAME.search(part):
        return None
    if _AGENCY.match(part):
        return part
    words = part.split()
    if all(w.lower() in _DESK_WORDS for w in words):
        return None
    if len(words) > 5 or len(part) > 60 or _TITLE_WORDS.search(part):
        return None
    # A person's name has a capitalised word; 'staff' and lowercase phrases are not bylines.
    if not any(w[:1].isupper() for w in words):
        return None
    return part


def clean_authors(raw: list[str]) -> list[str]:
    """Names from byline strings as pages give them, deduplicated in order."""
    out: list[str] = []
    seen: set[str] = set()
    for text in raw:
        if not isinstance(text, str):
            continue
        text = " ".join(text.split())
        text = _PREFIX.sub("", text)
        # "Android Intelligence By JR Raphael": a column name before the byline proper.
        inner = re.search(r"\b[Bb]y\s+(?=[A-Z])", text)
        if inner:
            text = text[inner.end():]
        text = _CUT.sub("", text)
        parts = [_DASH.sub("", p) for p in _SPLIT.split(text)] if len(text) > 2 else []
        names = [n for n in (_clean_one(p) for p in parts) if n]
        # "Jane Doe, CNN": a trailing all-caps acronym is the outlet, not a co-author.
        if len(names) > 1 and re.fullmatch(r"[A-Z]{2,6}", names[-1]) and not _AGENCY.match(names[-1]):
            names = names[:-1]
        # An agency credited beside named reporters is the distributor, not a byline.
        if any(not _AGENCY.match(n) for n in names):
            names = [n for n in names if not _AGENCY.match(n)]
        for name in names:
            key = name.lower()
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out
