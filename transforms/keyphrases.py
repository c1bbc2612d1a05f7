"""Key-phrase topics: the phrases a reader would type to find one article.

Two kinds of candidates, both found with precompiled patterns in one pass over the article:
names (runs of capitalized words, job titles stripped, a bare surname credited to the full
name it abbreviates) and common-noun phrases (runs of content words between stop words:
"prisoner swap", "grain exports", "annexation").  A candidate scores by how often it occurs,
whether the headline has it, how early it first appears and how specific it is; scores are
scaled so the best phrase of the article has 1.0.  Depends on the article alone.
"""
from __future__ import annotations

import math
import re
import unicodedata

from transforms.keyphrases_words import (
    GENERIC,
    IRREGULAR_SINGULAR,
    NOT_NAMES,
    NOT_PLURAL,
    STOPWORDS,
    TITLES,
)
from transforms.model import TopicScore

KEYPHRASE_KIND = "keyphrase"
MAX_TEXT_CHARS = 6000  # key phrases of a long article show up in its first few paragraphs
MIN_PHRASES = 3
TITLE_WEIGHT = 2.0  # a headline mention counts as this many body mentions
NAME_BONUS = 1.3  # names are what readers search for most
LONG_BONUS = 1.4  # a two- or three-word phrase is more specific than one word

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00a0": " ",
                         "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_NAME_RUN = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:[ ]+(?:(?:of|de|da|al|bin|von|van|der|la|le|du)[ ]+)?"
                       r"[A-Z][\w'\u2019.-]*)*")
_LOWER_RUN = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*[a-z](?:[ ]+[a-z][a-z'\u2019-]*[a-z])*")
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def _singular(word: str) -> str:
    """Singular of a lower-case plural noun when the rule is safe, else the word unchanged."""
    if word in IRREGULAR_SINGULAR:
        return IRREGULAR_SINGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word in NOT_PLURAL:
        return word
    if word.endswith(("ss", "us", "is", "ous", "ics", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def normalize_phrase(s: str) -> str:
    """Canonical form of a phrase: one id for "Prisoner swaps", "prisoner swap", "the prisoner’s swap".

    Unicode NFKC, curly quotes and dashes straightened, possessive 's dropped, surrounding
    punctuation and whitespace trimmed, case folded; the last word is made singular when it
    was written in lower case (names such as "United States" or "Williams" keep their -s).
    """
    text = _POSSESSIVE.sub("", unicodedata.normalize("NFKC", s).translate(_QUOTES))
    words = [_EDGE_PUNCT.sub("", w) for w in _SPACES.split(text)]
    words = [w for w in words if w]
    if not words:
        return ""
    last = words[-1]
    head = _singular(last.casefold()) if last == last.lower() else last.casefold()
    return " ".join([w.casefold() for w in words[:-1]] + [head])


def _strip_name(words: list[str]) -> list[str]:
    """A capitalized run without its leading sentence words and job titles.

    "US Secretary of State Antony Blinken" -> "Antony Blinken"; "White House" stays whole.
    """
    lowered = [w.lower().rstrip(".") for w in words]
    for i in range(len(words) - 2, -1, -1):
        if lowered[i] in TITLES and lowered[i + 1] not in TITLES:
            words, lowered = words[i + 1:], lowered[i + 1:]
            break
    while words and (lowered[0] in TITLES or lowered[0] in NOT_NAMES):
        words, lowered = words[1:], lowered[1:]
    return words


def _name_candidates(text: str, lower_words: set[str]) -> dict[str, list]:
    """{normalized name: [count, first offset, display form]} from capitalized runs."""
    found: dict[str, list] = {}
    for m in _NAME_RUN.finditer(text):
        words = _strip_name(_POSSESSIVE.sub("", m.group().replace("\u2019", "'")).split())
        if not words:
            continue
        if len(words) == 1:
            w = words[0].lower().rstrip(".")
            # A lone capitalized word also written in lower case is a sentence opener, not a name.
            if w in lower_words or w in STOPWORDS or w in GENERIC or len(w) < 3:
                continue
        key = normalize_phrase(" ".join(words))
        slot = found.get(key)
        if slot is None:
            found[key] = [1, m.start(), " ".join(words)]
        else:
            slot[0] += 1
    # Credit "Blinken" to "Antony Blinken" when the article names him in full somewhere.
    by_last: dict[str, str] = {}
    for key in sorted(found, key=lambda k: (-found[k][0], k)):
        parts = key.split()
        if len(parts) > 1:
            by_last.setdefault(parts[-1], key)
    for key in [k for k in found if " " not in k and k in by_last]:
        full = found[by_last[key]]
        short = found.pop(key)
        full[0] += short[0]
        full[1] = min(full[1], short[1])
    return found


def _phrase_candidates(text: str) -> dict[str, list]:
    """{normalized phrase: [count, first offset]} for runs of one to three content words."""
    found: dict[str, list] = {}
    for m in _LOWER_RUN.finditer(text):
        start = m.start()
        chunk: list[str] = []
        for w in m.group().replace("\u2019", "'").split() + [""]:
            if w and w not in STOPWORDS and not w.endswith("ly"):
                chunk.append(w)
                continue
            if chunk:
                for phrase in _sub_phrases(chunk):
                    slot = found.get(phrase)
                    if slot is None:
                        found[phrase] = [1, start]
                    else:
                        slot[0] += 1
                chunk = []
    return found


def _sub_phrases(chunk: list[str]) -> list[str]:
    """The phrases a run of content words offers: its last one to three words, and single words."""
    out = []
    if len(chunk) >= 2:
        out.append(normalize_phrase(" ".join(chunk[-2:])))
        if len(chunk) >= 3 and chunk[-3] not in GENERIC:
            out.append(normalize_phrase(" ".join(chunk[-3:])))
    for w in chunk:
        if w not in GENERIC and len(w) > 3 and not w.endswith(("ed", "ing")):
            out.append(normalize_phrase(w))
    return out


def key_phrases(title: str, body: str, max_phrases: int = 10) -> list[TopicScore]:
    """Up to ``max_phrases`` key phrases of one article (3 or more when the text allows), best first."""
    title = (title or "").translate(_QUOTES)
    body = (body or "")[:MAX_TEXT_CHARS].translate(_QUOTES)
    size = max(1, len(body))
    lower_words = set(_WORD.findall(body))
    title_key = " " + " ".join(normalize_phrase(w) for w in _WORD.findall(title.lower())) + " "
    title_is_headline_case = sum(w[:1].isupper() for w in title.split()) > 0.6 * max(1, len(title.split()))
    scored: dict[str, tuple[float, str]] = {}
    names = _name_candidates(body if title_is_headline_case else title + ".\n" + body, lower_words)
    for key, (count, first, _) in names.items():
        in_title = f" {key} " in title_key or f" {key.split()[-1]} " in title_key
        tf = count + (TITLE_WEIGHT if in_title else 0.0)
        scored[key] = (_score(tf, first, size, len(key.split())) * NAME_BONUS, "name")
    for key, (count, first) in _phrase_candidates(body).items():
        in_title = f" {key} " in title_key
        n_words = len(key.split())
        if key in scored or (count < 2 and not in_title):
            continue
        if n_words == 1 and count < (2 if in_title else 3):
            continue
        tf = count + (TITLE_WEIGHT if in_title else 0.0)
        scored[key] = (_score(tf, first, size, n_words), "phrase")
    return _select(scored, max_phrases)


def _score(tf: float, first: int, size: int, n_words: int) -> float:
    """Salience of a candidate: damped frequency, earlier is better, longer is more specific."""
    early = 1.0 + 0.5 * (1.0 - min(first, size) / size)
    return (1.0 + math.log(tf)) * early * (LONG_BONUS if n_words > 1 else 1.0)


def _select(scored: dict[str, tuple[float, str]], max_phrases: int) -> list[TopicScore]:
    """Best phrases first, skipping one whose words a better phrase already covers."""
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0]))
    chosen: list[tuple[str, float]] = []
    covered: set[str] = set()
    for key, (score, _) in ranked:
        words = set(key.split())
        if words <= covered or any(key in c or c in key for c, _ in chosen):
            continue
        chosen.append((key, score))
        covered |= words
        if len(chosen) >= max_phrases:
            break
    if not chosen:
        return []
    best = chosen[0][1]
    return [TopicScore(key, KEYPHRASE_KIND, round(score / best, 4)) for key, score in chosen]
