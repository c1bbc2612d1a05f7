"""Lone capitalized words: which repeat a known name, and which a speech verb makes a name.

The body is scanned once (people._candidates); a lone word costs a set lookup, and only the
words that match nothing get the speech-verb test, done with plain string tests first.
"""
from __future__ import annotations

import re
from functools import lru_cache

from transforms.people_lexicon import HONORIFICS, NON_PERSON, STARTERS, TITLES
from transforms.people_tokens import KEEP_PERIOD, is_initial, written_lower

_AFTER_VERBS = "said says told tells added adds wrote writes asked argued explained insisted".split()
# "Mueller said", "Mueller's said" (sic, as typed): the forms _AFTER_RE matches, the verb ending there.
_AFTER = tuple(p + " " + v for p in ("", "'", "'s") for v in _AFTER_VERBS)
_AFTER_RE = re.compile(r"(?:'s?)? (?:" + "|".join(_AFTER_VERBS) + r")\b")
# "said Mueller", "according to Mueller"
_BEFORE = ("said ", "says ", "told ", "added ", "according to ", "by ", "wrote ", "asked ",
           "spokesman ", "spokeswoman ")
_BEFORE_RE = re.compile(r"\b(?:said|says|told|added|according to|by|wrote|asked|spokesman|spokeswoman) $")
# The second character of every _AFTER form, and the last two of every _BEFORE one.
_AFTER_SECOND = frozenset(a[1] for a in _AFTER)
_BEFORE_LAST = frozenset(b[-2:] for b in _BEFORE)
# Capitalized tokens that never stand alone for a person: openers, titles, places, months
# (dropping them at scan time keeps the lone-word list short).
SKIP = frozenset(w.capitalize() for w in STARTERS | HONORIFICS | TITLES | NON_PERSON) | frozenset(
    w.capitalize() + "." for w in STARTERS) | frozenset(w.upper() for w in NON_PERSON if len(w) <= 4)
# A capital after two lower-case letters inside a word, unless a "Mac" prefix explains it; a web address.
# A photo credit's agency ("Kirt Dozier-USA"). A contraction.
# "I'm", "We've", "Won't": a pronoun or a verb, never part of a name ("O'Neill" has a capital).
CONTRACTIONS = tuple(q + end for q in "'\u2019" for end in ("m", "re", "ve", "ll", "d", "t"))
GLUED_RE = re.compile(r"^(?!Mac)[^\W\d_]*[a-z]{2}[A-Z]|\.(?:com|org|net)\b|-[A-Z]{2,}$|(?:"
                      + "|".join(CONTRACTIONS) + ")$")
# Last characters lone_word may strip: a token ending in anything else is its own word.
TRAIL = frozenset(".-'\u2019s")


def lone_word(g: str) -> str:
    """The word a lone capitalized token stands for: sentence period and possessive dropped."""
    if g[-1] not in TRAIL:
        return g
    if g[-1] == "." and len(g) > 2 and "." not in g[:-1] and g.lower() not in KEEP_PERIOD:
        g = g[:-1]
    g = g.rstrip("-'\u2019")
    if g.endswith(("'s", "\u2019s")):
        g = g[:-2]
    return g


@lru_cache(maxsize=4096)  # asked of every word of every name in every article: mostly the same words
def usable(word: str, caps_ok: bool = False) -> bool:
    """A word that can stand alone for a person: no opener, honorific, title, acronym or letter."""
    low = word.lower()
    if len(word) < 2 or low in STARTERS or low in HONORIFICS or low in TITLES:
        return False
    return caps_ok or not word.replace(".", "").isupper()


def speech_cue(text: str, start: int, end: int) -> bool:
    """A speech verb right after the word ending at end, or right before the word at start."""
    # (a two-character slice first: it rules out most words, where startswith() with a tuple of
    # 36 prefixes cost three times the regex match that settles the question anyway)
    return bool(text[end + 1:end + 2] in _AFTER_SECOND and _AFTER_RE.match(text, end)
                or text[start - 2:start] in _BEFORE_LAST
                and text.endswith(_BEFORE, start - 14 if start > 14 else 0, start)
                and _BEFORE_RE.search(text, max(0, start - 30), start))


def name_like(text: str, word: str, start: int) -> bool:
    """A lone unknown word reads as a name: not a place, a common word or a sentence-opening plural."""
    key = word.lower().rstrip(".")
    if key in NON_PERSON or not usable(word) or GLUED_RE.search(word) or written_lower(text, key):
        return False
    # "Analysts said": a plural noun opening a sentence
    return not (is_initial(text, start) and key.endswith("s") and not key.endswith(("ss", "us", "is")))

