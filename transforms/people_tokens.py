"""Tokens and capitalized chains: the raw material the people extractor classifies."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.people_lexicon import FIRST_NAMES, HONORIFICS, PARTICLES, SUFFIXES

# Words (with inner hyphens/apostrophes), dotted acronyms ("U.S."), and a trailing period
# that is kept only for abbreviations and initials (decided in tokenize()).
_WORD = r"\w*(?:[-'\u2019][^\W\d_]\w*)*\.?"
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]" + _WORD)
# The fast path: whole runs of capitalized words one space apart, name particles inside.
_CAP = r"[A-Z\u00c0-\u00de\u0100-\u024f\u0391-\u03a9\u0410-\u042f][\w'\u2019.\-]*"
_PARTICLE_SEP = r" (?:(?:" + "|".join(sorted(PARTICLES)) + r") )*"
CHAIN_RE = re.compile(_CAP + "(?:" + _PARTICLE_SEP + _CAP + ")*")
_PLAIN_RUN_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")
WORD_CHARS = re.compile(r"[\w'\u2019-]")
_POSSESSIVE_RE = re.compile(r"['\u2019]s$")
# Characters after which the next word's capital letter says nothing about it.
SENTENCE_OPENERS = frozenset(".!?:;\n\"\u201c\u2018'([-\u2014\u2013")
KEEP_PERIOD = HONORIFICS | SUFFIXES
# Particles as a plain capitalized word ("De", "Van") is written: what _PLAIN_RUN_RE can match.
_CAPITAL_PARTICLES = frozenset(p.capitalize() for p in PARTICLES)
_TRAILING_MARKS = frozenset("-'\u2019")  # stripped from a chain word's end


@dataclass(slots=True)
class Token:
    """One word of the text, with its offsets and the facts the classifier needs."""

    text: str  # without a possessive "'s"
    start: int
    end: int  # end of `text` (the possessive, if any, follows)
    possessive: bool
    cap: bool  # starts with a capital and is not an all-caps word
    initial_pos: bool  # first word of a sentence, heading or quotation


# One run of a capitalized chain: its words, their start offsets, and whether it opens a sentence.
Run = tuple[list[str], list[int], bool]


@lru_cache(maxsize=1024)  # an article asks about the same words many times; str hashes are cached
def written_lower(text: str, word: str) -> bool:
    """True when the lower-case word occurs in text as a whole word (so it is a common word)."""
    i = text.find(word)
    n = len(word)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalnum()) and (i + n == len(text) or not text[i + n].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


def is_initial(text: str, start: int) -> bool:
    """True when the word at start opens a sentence, heading or quotation."""
    before = text[start - 4 if start > 4 else 0:start].rstrip(" ")  # (not max(): this runs per run)
    return not before or before[-1] in SENTENCE_OPENERS


def split_run(text: str, pos: int, group: str, caps_ok: bool = False, glued: bool | None = None,
              initial: bool | None = None) -> list[Run]:
    """Split one match of CHAIN_RE into runs; a possessive, an acronym or a sentence end ends one.

    A run is (words, starts, initial): parallel lists, no Token objects, because a run is built
    once per unseen capitalized chain and most are thrown away. A word's end is its start plus
    its length; only a run's first word can open a sentence (`initial`); a word is lower-case
    ("van", "de") only where it is a particle after the first word. `glued` (a word character
    right before pos) and `initial` (is_initial at pos) may be passed in when already known.
    """
    if glued is None:
        glued = bool(pos and WORD_CHARS.match(text, pos - 1))
    words = group.split(" ")
    if not glued and _PLAIN_RUN_RE.fullmatch(group) and _CAPITAL_PARTICLES.isdisjoint(words[1:]):
        # the common case, plain capitalized words ("White House"): nothing to strip or split
        starts = []
        for word in words:
            starts.append(pos)
            pos += len(word) + 1
        return [(words, starts, is_initial(text, starts[0]) if initial is None else initial)]
    runs: list[Run] = []
    chain_start = pos
    if glued:
        pos += len(words[0]) + 1  # "iPhone": a capital inside a word starts no name
        words = words[1:]
    cur: list[str] = []
    starts = []
    run_initial = False
    for word in words:
        start = pos
        pos += len(word) + 1
        stop = False
        # (count: the period is the word's only one, as "." not in word[:-1] would say with a copy)
        if word[-1] == "." and len(word) > 2 and word.count(".") == 1 and word.lower() not in KEEP_PERIOD:
            word, stop = word[:-1], True  # sentence end, not an abbreviation
        if word[-1] in _TRAILING_MARKS:
            word = word.rstrip("-'\u2019")
        possessive = word.endswith(("'s", "\u2019s"))
        if possessive:
            word = word[:-2]
        if not word:
            stop = True
        elif cur and word.lower() in PARTICLES:
            cur.append(word)
            starts.append(start)
        elif _is_cap(word, caps_ok) or _middle_initial(word, cur):
            if not cur:
                run_initial = initial if start == chain_start and initial is not None \
                    else is_initial(text, start)
            cur.append(word)
            starts.append(start)
        else:
            stop = True  # an acronym breaks the run
        if stop or possessive:
            _flush(runs, cur, starts, run_initial)
            cur, starts = [], []
    _flush(runs, cur, starts, run_initial)
    return runs


def _middle_initial(word: str, cur: list[str]) -> bool:
    """A lone capital right after a given name is a middle initial ("George W Bush"), not a table cell."""
    return len(word) == 1 and word.isupper() and bool(cur) and cur[-1].lower() in FIRST_NAMES


def _flush(runs: list[Run], cur: list[str], starts: list[int], initial: bool) -> None:
    while len(cur) > 1 and cur[-1].lower() in PARTICLES:
        cur.pop()  # a run never ends in a particle
        starts.pop()
    if cur:
        runs.append((cur, starts, initial))


def _is_cap(word: str, caps_ok: bool) -> bool:
    if not word[:1].isupper() or len(word) == 1:
        return False  # a lone letter ("W D L" in a table) is no name; initials keep their period
    letters = word.replace(".", "")
    if len(letters) > 1 and letters.isupper() and not caps_ok:
        return False  # acronyms (AFP, TASS) and shouted headings are not names
    return True


def tokenize(text: str, caps_ok: bool = False) -> list[Token]:
    """Return every word token of a short text (a title, a window before a name), possessives split off."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        word, start = m.group(), m.start()
        if word.endswith(".") and word.lower() not in KEEP_PERIOD and len(word) > 2 and "." not in word[:-1]:
            word = word[:-1]  # sentence-final period, not an abbreviation
        possessive = bool(_POSSESSIVE_RE.search(word))
        if possessive:
            word = word[:-2]
            if not word:
                continue
        before = text[max(0, start - 4):start].rstrip(" ")
        initial = not before or before[-1] in SENTENCE_OPENERS
        if before.endswith(".") and out and out[-1].text.lower() + "." in KEEP_PERIOD:
            initial = False  # "Mr. Blinken": the period belongs to the honorific
        out.append(Token(word, start, start + len(word), possessive, _is_cap(word, caps_ok), initial))
    return out
