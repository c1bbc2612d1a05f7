"""Roles: the title or description an article attaches to a person, kept as written."""
from __future__ import annotations

import re

from transforms.people_lexicon import ROLE_NOUNS, ROLE_STOP, TITLES
from transforms.people_tokens import KEEP_PERIOD

_ROLE_HEADS = ROLE_NOUNS | TITLES
_MAX_ROLE_WORDS = 7
# One space-separated piece: opening marks, a word or dotted acronym, a possessive, a period.
_PIECE_RE = re.compile(r"(?P<open>[\"'\u201c\u2018(\[\u2014\u2013]*)(?P<word>(?:[A-Z]\.){2,}|[^\W\d_]\w*"
                       r"(?:[-'\u2019][^\W\d_]\w*)*?)(?P<poss>['\u2019]s)?(?P<dot>\.)?")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")
_OPENING_MARKS = "\"'\u201c\u2018(\u2014\u2013"
_WINDOW = 100  # characters looked at before a name
# ", the secretary of state," / ", a spokeswoman for the ministry," right after a name.
_APPOSITION_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:\"\u201c\u201d()]{3,80}?)\s*[,.;]")


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isupper()


def premodifier_role(text: str, name_start: int) -> str | None:
    """Return the title chain written just before the name at name_start ("Russia's Foreign Minister")."""
    if name_start < 2 or text[name_start - 1] != " ":
        return None
    # cheap check first: a role chain ends in a title or role noun
    i = text.rfind(" ", max(0, name_start - 40), name_start - 1)
    head = text[i + 1:name_start - 1].lstrip(_OPENING_MARKS).lower()
    if head not in _ROLE_HEADS:
        return None
    toks = _words_before(text, name_start - 1)  # nearest first
    taken = 0
    for i, (word, _, _, _) in enumerate(toks):
        if taken >= _MAX_ROLE_WORDS:
            break
        low = word.lower()
        if low == "of":
            # "Secretary of State": "of" only inside a capitalized title
            if not (i + 1 < len(toks) and toks[i + 1][0][:1].isupper() and toks[i + 1][0].lower() in TITLES):
                break
        elif _acronym(word):
            pass  # "US", "NASA": an acronym before a title is part of it
        elif word[:1].isupper():
            if low in ROLE_STOP and low not in TITLES:
                break
        elif low in ROLE_STOP or not word.isalpha() and "-" not in word:
            break
        taken += 1
    if not taken:
        return None
    chain = toks[:taken]
    while chain and chain[-1][0].lower() == "of":
        chain.pop()
    if not chain:
        return None
    head = chain[0]
    stop = head[2] + (2 if head[3] else 0)
    return text[chain[-1][1]:stop].strip() or None


def _words_before(text: str, end: int) -> list[tuple[str, int, int, bool]]:
    """Words (text, start, end, possessive) going back from end while only spaces or "'s" separate them."""
    out: list[tuple[str, int, int, bool]] = []
    lo = max(0, end - _WINDOW)
    window = text[lo:end]
    breaks = "\n" in window or "\t" in window  # usually none: then only spaces separate words
    while end > lo and len(out) <= _MAX_ROLE_WORDS:
        i = text.rfind(" ", lo, end)
        if breaks:
            i = max(i, text.rfind("\n", lo, end), text.rfind("\t", lo, end))
        m = _PIECE_RE.fullmatch(text, i + 1, end)
        if m is None:
            break
        opening, word, poss, dot = m.group("open", "word", "poss", "dot")
        start = i + 1 + len(opening)
        if dot:
            if not (word.lower() + "." in KEEP_PERIOD or _DOTTED_RE.fullmatch(word + ".")):
                break  # a sentence ends there
            word += "."
        out.append((word, start, start + len(word), bool(poss)))
        if opening or i < 0 or text[i] != " ":
            break  # a quotation mark, bracket or line break opens the chain
        end = i
    return out


def apposition_role(text: str, end: int) -> str | None:
    """Return a role given in apposition right after a name (", the secretary of state,")."""
    if text[end:end + 1] != ",":
        return None
    m = _APPOSITION_RE.match(text, end)
    if not m:
        return None
    phrase = m.group(1)
    words = [w.lower().strip("'\u2019") for w in phrase.split()]
    if not any(w in ROLE_NOUNS for w in words) or len(words) > 10:
        return None
    return phrase
