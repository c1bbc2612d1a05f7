"""Text decoding and normalization shared by every loader."""
from __future__ import annotations

import re
import unicodedata

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# The control characters above as bytes: each is one byte in UTF-8, and no multi-byte
# sequence contains a byte below 0x80, so deleting them from the encoding finds them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# What _SPACES folds besides the plain space. Without these, a text without a double
# space has nothing to fold: `in` tests (C speed) then save the regex pass.
_ODD_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# The other characters str.split() splits on, once clean() and _SPACES have done their work.
_UNFOLDED_SPACES = "\x85\u1680\u2028\u2029"


def decode(data: bytes) -> str:
    """Bytes as text: a BOM's encoding, else UTF-8, else cp1252 (Latin-1 for its 5 holes)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves 0x81, 0x8d, 0x8f, 0x90, 0x9d undefined; Latin-1 maps every byte.
        return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    """True when a byte string is not text: NUL bytes or mostly control characters."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    if not head:
        return False
    bad = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bad / len(head) > 0.05


def clean(text: str) -> str:
    """NFC-normalized text without control characters; curly quotes kept as they are."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    # A regex scan costs ~8 ns a character; encoding and a byte delete find the (rare)
    # control characters 4x faster. surrogatepass: JSON may carry lone surrogates.
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _CONTROL_BYTES)) == len(data):
        return text
    return _CONTROL.sub("", text)


def clean_line(text: str | None) -> str | None:
    """One-line field (title, name): cleaned, inner whitespace folded, None when empty."""
    if text is None:
        return None
    out = clean(str(text)).replace("\n", " ")
    if "  " in out or _has_odd_space(out):  # else every _SPACES match is one plain space
        out = _SPACES.sub(" ", out)
    return out.strip() or None


def _has_odd_space(text: str) -> bool:
    if text.isascii():  # O(1): the string knows; the tab is the only ASCII odd space
        return "\t" in text
    return any(c in text for c in _ODD_SPACES)


def clean_paragraph(text: str) -> str:
    """A paragraph with runs of spaces folded and ends trimmed."""
    if "  " in text or _has_odd_space(text):
        return _SPACES.sub(" ", text).strip()
    return text.strip()


def one_line_paragraphs(text: str, parts: list[str]) -> list[str]:
    """clean_paragraph of each part with its newlines as spaces; empty parts dropped.

    parts are pieces of text (its paragraphs): one test of text stands for all of them.
    """
    if _has_odd_space(text):
        return [p for p in (_SPACES.sub(" ", x.replace("\n", " ")).strip() for x in parts) if p]
    out = []
    for x in parts:
        x = x.replace("\n", " ")
        x = _SPACES.sub(" ", x).strip() if "  " in x else x.strip()
        if x:
            out.append(x)
    return out


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def folded_word_count(text: str, paragraphs: int) -> int:
    """word_count of `paragraphs` one_line_paragraphs of clean() text joined by blank lines.

    Such text has no whitespace but single inner spaces and the "\n\n" between paragraphs,
    so each space and each paragraph end closes one word: counting spaces (a C scan) saves
    splitting the body into a list of every word.
    """
    # Whitespace to str.split() that neither clean() removes nor _SPACES folds.
    if not text.isascii() and any(c in text for c in _UNFOLDED_SPACES):  # isascii: O(1)
        return word_count(text)
    return text.count(" ") + paragraphs
