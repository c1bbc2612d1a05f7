"""The seed's text-dump format (`# Title`, byline, date, caption, body, `Original url:`)."""
from __future__ import annotations

import re

from transforms.dates import looks_like_date
from transforms.text import clean, clean_paragraph, one_line_paragraphs

_PARA_SPLIT = re.compile(r"\n[ \t]*\n+")
_BYLINE = re.compile(r"^by\s+(?=\S)", re.I)
_CREDIT = re.compile(r"\s*\*\*([^*\n]+)\*\*\s*$")
_URL_LABEL = re.compile(r"^original\s+url\s*:\s*(?P<rest>.*)$", re.I | re.S)
_URL = re.compile(r"<?\s*(https?://[^\s>]+)\s*>?", re.I)
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*\)")
# A line broken mid-sentence ends in a word or comma and the next piece starts in lower case.
# Matched against the last two characters only ($ also matches before a final newline).
_OPEN_END = re.compile(r"[\w,;\u2013\u2014-]$")


def _paragraphs(text: str) -> list[str]:
    return one_line_paragraphs(text, _PARA_SPLIT.split(text))


def rejoin(paragraphs: list[str]) -> list[str]:
    """Paragraphs with mid-sentence breaks mended; real paragraph breaks kept."""
    out: list[str] = []
    for p in paragraphs:
        # "a" <= p[:1] <= "z": starts with an ASCII lower-case letter (a regex call costs more)
        if out and "a" <= p[:1] <= "z" and _OPEN_END.search(out[-1][-2:]):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def parse_seed(raw: str) -> dict:
    """Raw fields of a seed-format document: title, byline, date, caption, body, url.

    Returns keys: title, authors (the byline text or None), date (text or None),
    image_caption, image_credit, paragraphs (list[str]), url (or None).
    """
    text = clean(raw).strip("\n\ufeff ")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    out = {"title": None, "authors": None, "date": None, "image_caption": None,
           "image_credit": None, "paragraphs": [], "url": None}
    if first is None:
        return out
    head = lines[first].strip()
    if head.startswith("# "):
        out["title"] = head[2:].strip() or None
        rest = "\n".join(lines[first + 1:])
    elif head.startswith("#") and not head.startswith("##"):
        out["title"] = head.lstrip("#").strip() or None
        rest = "\n".join(lines[first + 1:])
    else:  # plain text: first line title, the rest body
        out["title"] = head
        rest = "\n".join(lines[first + 1:])

    paras = [p for p in (x.strip() for x in _PARA_SPLIT.split(rest)) if p]
    body: list[str] = []
    i = 0
    # Header block: byline and date come first, in either order, each at most once.
    while i < len(paras) and i < 3:
        p = " ".join(paras[i].split())
        if out["authors"] is None and _BYLINE.match(p) and len(p) < 300:
            out["authors"] = _MD_LINK.sub(r"\1", _BYLINE.sub("", p))
        elif out["date"] is None and looks_like_date(p):
            out["date"] = p
        else:
            break
        i += 1
    for p in paras[i:]:
        m = _URL_LABEL.match(p)
        if m:
            found = _URL.search(m.group("rest"))
            if found:
                out["url"] = found.group(1)
            else:
                out["url"] = ""  # the label on its own: the URL is the next paragraph
            continue
        if out["url"] == "":
            found = _URL.fullmatch(p.strip())
            if found:
                out["url"] = found.group(1)
                continue
        credit = _CREDIT.search(p)
        if credit and out["image_caption"] is None and not body:
            out["image_credit"] = credit.group(1).strip()
            out["image_caption"] = clean_paragraph(p[:credit.start()].replace("\n", " ")) or None
            continue
        body.append(p)
    if out["url"] == "":
        out["url"] = None
    out["paragraphs"] = rejoin(_paragraphs(_MD_LINK.sub(r"\1", "\n\n".join(body))))
    return out
