"""Roles: the title or description an article attaches to a person, kept as written."""
from __future__ import annotations

import re

from transforms.people_lexicon import ROLE_NOUNS, ROLE_STOP, TITLES
from transforms.people_tokens import tokenize

_ROLE_HEADS = ROLE_NOUNS | TITLES
_MAX_ROLE_WORDS = 7
_PREV_WORD_RE = re.compile(r"([\w.-]+) $")
_WINDOW = 100  # characters looked at before a name
# ", the secretary of state," / ", a spokeswoman for the ministry," right after a name.
_APPOSITION_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;:\"\u201c\u201d()]{3,80}?)\s*[,.;]")


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isupper()


def premodifier_role(text: str, name_start: int) -> str | None:
    """Return the title chain written just before the name at name_start ("Russia's Foreign Minister")."""
    head = _PREV_WORD_RE.search(text, max(0, name_start - 40), name_start)
    if head is None or head.group(1).lower() not in _ROLE_HEADS:
        return None  # cheap check first: a role chain ends in a title or role noun
    base = max(0, name_start - _WINDOW)
    window = text[base:name_start + 1]
    tokens = tokenize(window)  # the name's first letter ends the list
    first = len(tokens) - 1
    if first < 1:
        return None
    i = first - 1
    start = None
    taken = 0
    while i >= 0 and taken < _MAX_ROLE_WORDS:
        tok, nxt = tokens[i], tokens[i + 1]
        if window[tok.end:nxt.start].strip() not in ("", "'s", "\u2019s"):
            break  # punctuation between words ends the chain
        low = tok.text.lower()
        if low == "of":
            # "Secretary of State": "of" only inside a capitalized title
            if not (i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].text.lower() in TITLES):
                break
        elif _acronym(tok.text):
            pass  # "US", "NASA": an acronym before a title is part of it
        elif tok.text[:1].isupper():
            if low in ROLE_STOP and low not in TITLES:
                break
        elif low in ROLE_STOP or not tok.text.isalpha() and "-" not in tok.text:
            break
        start = i
        taken += 1
        i -= 1
    if start is None:
        return None
    # the head (last word before the name) must be a title or role noun
    end = first - 1
    if tokens[end].text.lower() not in _ROLE_HEADS:
        return None
    while start <= end and tokens[start].text.lower() == "of":
        start += 1
    stop = tokens[end].end + (2 if tokens[end].possessive else 0)
    return text[base + tokens[start].start:base + stop].strip() or None


def apposition_role(text: str, end: int) -> str | None:
    """Return a role given in apposition right after a name (", the secretary of state,")."""
    m = _APPOSITION_RE.match(text, end)
    if not m:
        return None
    phrase = m.group(1)
    words = [w.lower().strip("'\u2019") for w in phrase.split()]
    if not any(w in ROLE_NOUNS for w in words) or len(words) > 10:
        return None
    return phrase
