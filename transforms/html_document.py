"""Raw page bytes -> text -> lxml tree, never raising on hostile input."""
from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector
from lxml import etree

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Control characters that libxml2 rejects or that only garbage input contains.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# One parser per process: lxml parsers are reusable and not cheap to build. Plain etree elements
# (not lxml.html's) because their class lookup costs more than the whole extraction.
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True,
                           default_doctype=False, no_network=True)


def _codec(name: bytes | str | None) -> str | None:
    """Python codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Pages declaring latin-1 are in practice cp1252 (the WHATWG rule).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def decode_html(data: bytes | str) -> str:
    """Text of a page: BOM, then declared charset, then UTF-8, then cp1252."""
    if isinstance(data, str):
        return data
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return ""
    data = bytes(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    # beautifulsoup4's detector reads <meta charset>, http-equiv and <?xml encoding?> declarations.
    declared = _codec(EncodingDetector.find_declared_encoding(data[:4096], is_html=True))
    # A page labelled with a single-byte charset that is valid UTF-8 is UTF-8 (common mislabel).
    for codec in ("utf-8", declared) if declared != "utf-8" else ("utf-8",):
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    if declared and declared.startswith("utf"):
        return data.decode("utf-8", "replace")
    return data.decode("cp1252", "replace")


def parse_html(text: str):
    """Root <html> element of the page, or None when nothing parseable is left."""
    text = _CONTROL.sub("", text or "")
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None
    if root is None or not isinstance(root.tag, str):
        return None
    return root


def text_of(el) -> str:
    """Whitespace-folded text of an element and its descendants (iterative: safe on deep trees)."""
    try:
        return " ".join("".join(el.itertext()).split())
    except (ValueError, TypeError):
        return ""


def headline_element(root):
    """The page's main <h1>: the first inside <article>/<main>, else the first; None when there is none."""
    for path in (".//article//h1", ".//main//h1", ".//h1"):
        for el in root.iterfind(path):
            if 3 <= len(text_of(el)) <= 400:
                return el
    return None
