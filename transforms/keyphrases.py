"""Key-phrase topics: the phrases a reader would type to find one article.

Two kinds of candidates, both found with precompiled patterns in one pass over the article:
names (runs of capitalized words, job titles stripped, a bare surname credited to the full
name it abbreviates) and common-noun phrases (runs of content words between stop words:
"prisoner swap", "grain exports", "annexation").  A candidate scores by how often it occurs,
whether the headline has it, how early it first appears and how specific it is; scores are
scaled so the best phrase of the article has 1.0.  Depends on the article alone.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from operator import itemgetter

from transforms.keyphrases_words import (
    GENERIC,
    IRREGULAR_SINGULAR,
    NOT_NAMES,
    NOT_PLURAL,
    STOPWORDS,
    TITLES,
)
from transforms.model import TopicScore
from transforms.topics import MAX_BODY_CHARS, TOPICAL_WORDS, analyze, marked_pairs

KEYPHRASE_KIND = "keyphrase"
TITLE_WEIGHT = 2.0  # a headline mention counts as this many body mentions
NAME_BONUS = 1.3  # names are what readers search for most
LONG_BONUS = 1.4  # a two- or three-word phrase is more specific than one word
MAX_NAME_WORDS = 5  # a longer capitalized run is a headline or a title of a work

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00a0": " ",
                         "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
# A name is a run of capitalized words joined by single spaces (and "of", "bin", "van" ...);
# punctuation, possessives and sentence ends cut the run, so one findall finds every candidate.
_NAME_RUN = re.compile(r"[A-Z][\w-]*(?: (?:(?:of|de|da|al|bin|von|van|der|la|le|du) )?[A-Z][\w-]*)*")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_NOT_SINGLE = STOPWORDS | GENERIC | NOT_NAMES | TITLES
_OPENERS = STOPWORDS | NOT_NAMES | TITLES
_NOT_PHRASE = STOPWORDS | GENERIC
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_STRIPPABLE = TITLES | _OPENERS | _WEEKDAYS  # a run without these words is a name as it stands


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


def _strip_name(words: list[str], lowered: list[str], lead: str) -> tuple[list[str], list[str]]:
    """A capitalized run without its leading sentence words and job titles, and its words in lower case.

    "US Secretary of State Antony Blinken" -> "Antony Blinken"; "White House" stays whole;
    "Like John Galt" -> "John Galt", "Asking MoveOn" -> "MoveOn" (a function word, or a verb or
    adverb the text also writes in lower case, opens a sentence; "New York" keeps "New").
    ``lowered`` is ``words`` in lower case (a run has no periods to strip: the pattern excludes them).
    """
    if _STRIPPABLE.isdisjoint(lowered) and not lowered[0].endswith(("ing", "ly", "ed")):
        return words, lowered  # most runs: nothing to strip, skip the three loops below
    for i in range(len(words) - 2, -1, -1):
        if lowered[i] in TITLES and lowered[i + 1] not in TITLES:
            words, lowered = words[i + 1:], lowered[i + 1:]
            break
    while words and (lowered[0] in _OPENERS or (
            len(words) > 1 and lowered[0].endswith(("ing", "ly", "ed")) and f" {lowered[0]} " in lead)):
        words, lowered = words[1:], lowered[1:]
    while words and lowered[-1] in _WEEKDAYS:
        words, lowered = words[:-1], lowered[:-1]
    return words, lowered


def _name_candidates(text: str, lead: str) -> dict[str, list]:
    """{normalized name: [count, first offset]} from runs of capitalized words."""
    found: dict[str, list] = {}
    for run, count in Counter(_NAME_RUN.findall(text)).items():
        if " " not in run:  # most runs are one word that opens a sentence: reject them cheaply
            key = run.lower()
            # A lone capitalized word also written in lower case opens a sentence: not a name.
            if len(key) < 3 or key in _NOT_SINGLE or (" " + key) in lead:
                continue
            opener = run
        else:
            words, lowered = _strip_name(run.split(), run.lower().split(), lead)
            if not words or len(words) > MAX_NAME_WORDS or _NOT_SINGLE.issuperset(lowered):
                continue  # a headline quoted in Title Case, or "Story Continued Below"
            if len(words) == 1:
                key = lowered[0]
                if len(key) < 3 or key in _NOT_SINGLE or (" " + key) in lead:
                    continue
            key = " ".join(words).casefold()
            opener = words[0]
        slot = found.get(key)
        if slot is None:
            found[key] = [count, text.find(opener)]
        else:
            slot[0] += count
    # Credit "Blinken" to "Antony Blinken" when the article names him in full somewhere: the
    # most frequent full name with that surname, else with that first name ("Hillary").
    shorts = [k for k in found if " " not in k]
    if shorts and len(shorts) < len(found):
        fulls = sorted((k for k in found if " " in k), key=lambda k: (-found[k][0], k))
        by_part: dict[str, str] = {}
        for key in fulls:
            by_part.setdefault(key.rsplit(" ", 1)[1], key)  # surnames first ...
        for key in fulls:
            by_part.setdefault(key.split(" ", 1)[0], key)  # ... then first names
        for key in shorts:
            if key in by_part:
                full = found[by_part[key]]
                short = found.pop(key)
                full[0] += short[0]
                full[1] = min(full[1], short[1])
    # A lone capitalized word seen once and never mid-sentence opens a sentence ("Residents fled").
    singles = [k for k, v in found.items() if " " not in k and v[0] < 2]
    if singles:
        for key in singles:
            at = found[key][1]  # mid-sentence: after a lower-case word or a comma
            if at < 2 or text[at - 1] != " " or not (text[at - 2].islower() or text[at - 2] in ",;"):
                del found[key]
    return found


def _phrase_candidates(b_words: list[str], uni: Counter, lead: str, t_uni: set[str]) -> dict[str, list]:
    """{normalized phrase: [count, first offset]} for repeated common-noun words and word pairs.

    A single word needs three mentions (two when the headline has it) unless it is topical.
    """
    repeated = {w for w, n in uni.items() if n > 1}
    found: dict[str, list] = {}
    for (w1, w2), count in _adjacent_pairs(b_words, repeated - STOPWORDS).items():
        if (count < 2 or (w1 in GENERIC and w2 in GENERIC) or not (w1.isalpha() and w2.isalpha())
                or w1.endswith("ly") or len(w1) < 2 or len(w2) < 2):
            continue
        first = lead.find(w1 + " " + w2)  # written in lower case somewhere: not a name
        if first >= 0:
            found[w1 + " " + _singular(w2)] = [count, first]
    # Group the forms of each word ("talks", "talk") before searching the text: most groups
    # have too few mentions even if every form were found, and then need no search at all.
    forms: dict[str, list[str]] = {}
    for w in (repeated | TOPICAL_WORDS.intersection(uni)) - _NOT_PHRASE:
        key = _form_key(w)
        if key:
            forms.setdefault(key, []).append(w)
    for key, group in forms.items():
        topical = key in TOPICAL_WORDS
        need = 2 if key in t_uni or key + "s" in t_uni else 3
        if not topical and sum(map(uni.__getitem__, group)) < need:
            continue
        count, first = 0, -1
        for w in group:
            at = lead.find(" " + w)
            if at >= 0:
                count += uni[w]
                first = at if first < 0 else min(first, at)
        if first >= 0 and (count >= need or topical):
            found[key] = [count, first]
    return found


def _adjacent_pairs(b_words: list[str], content: set[str]) -> Counter:
    """Counts of the adjacent word pairs whose two words are both in ``content`` (first seen first).

    A repeated pair is made of repeated words, so only about one pair in fifteen needs counting.
    The pairs are picked in C: one byte per word says "in content"; read as one integer, the
    word's byte ANDed with its right neighbour's (a shift by 8 bits) marks the pairs to keep.
    This measured 10-15% faster than ANDing two boolean lists pair by pair with ``map(and_, ...)``.
    """
    mask = int.from_bytes(bytes(map(content.__contains__, b_words)), "little")
    keep = (mask & (mask >> 8)).to_bytes(len(b_words), "little")  # byte i: words i and i+1
    return Counter(marked_pairs(b_words, keep))


@functools.lru_cache(maxsize=1 << 14)
def _form_key(word: str) -> str:
    """The singular a lower-case word is grouped under as a one-word phrase, or "" when it cannot be one.

    Cached: the same few thousand news words recur in every article, and this runs on each
    repeated word of each article.
    """
    if len(word) < 4 or not word.isalpha() or word.endswith(("ly", "ed", "ing")):
        return ""
    return _singular(word)


def key_phrases(title: str, body: str, max_phrases: int = 10) -> list[TopicScore]:
    """Up to ``max_phrases`` key phrases of one article (3 or more when the text allows), best first."""
    title, body = title or "", body or ""
    t_words, b_words, uni = analyze(title, body)
    t_uni, t_bi = set(t_words), set(zip(t_words, t_words[1:]))
    lead = body[:MAX_BODY_CHARS]
    size = max(1, len(lead))
    title_words = title.split()
    headline_case = sum(w[:1].isupper() for w in title_words) > 0.6 * max(1, len(title_words))
    scored: dict[str, float] = {}
    name_text = lead if headline_case else title + ".\n" + lead
    for key, (count, first) in _name_candidates(name_text, lead).items():
        parts = key.split()
        in_title = parts[-1] in t_uni or (len(parts) > 1 and tuple(parts[-2:]) in t_bi)
        tf = count + (TITLE_WEIGHT if in_title else 0.0)
        scored[key] = _score(tf, first, size, len(parts)) * NAME_BONUS
    for key, (count, first) in _phrase_candidates(b_words, uni, lead, t_uni).items():
        if key not in scored:
            pair = key.split(" ") if " " in key else None
            in_title = tuple(pair) in t_bi if pair else (key in t_uni or key + "s" in t_uni)
            tf = count + (TITLE_WEIGHT if in_title else 0.0)
            scored[key] = _score(tf, first, size, 2 if pair else 1)
    return _select(scored, max_phrases)


def _score(tf: float, first: int, size: int, n_words: int) -> float:
    """Salience of a candidate: damped frequency, earlier is better, longer is more specific."""
    early = 1.0 + 0.5 * (1.0 - min(max(first, 0), size) / size)
    return (1.0 + math.log(tf)) * early * (LONG_BONUS if n_words > 1 else 1.0)


def _select(scored: dict[str, float], max_phrases: int) -> list[TopicScore]:
    """Best phrases first, skipping one that better phrases already cover or name in part."""
    chosen: list[tuple[str, float]] = []
    # " phrase " of each chosen phrase, newline-joined: one substring test asks whether any of
    # them contains a candidate as whole words (a phrase never contains a newline).
    chosen_text = ""
    chosen_multi: list[str] = []  # the chosen phrases of two or more words, space-padded
    covered: set[str] = set()
    # Best score first, ties alphabetical: two stable sorts, no per-item key function.
    for key, score in sorted(sorted(scored.items()), key=itemgetter(1), reverse=True):
        words = key.split()
        if covered.issuperset(words):
            continue
        pad = f" {key} "
        if pad in chosen_text:
            continue
        for multi in chosen_multi:
            if multi in pad:
                break
        else:
            chosen.append((key, score))
            if len(chosen) >= max_phrases:
                break
            chosen_text += pad + "\n"
            if len(words) > 1:
                chosen_multi.append(pad)
            covered.update(words)
    if not chosen:
        return []
    best = chosen[0][1]
    return [TopicScore(key, KEYPHRASE_KIND, round(score / best, 4)) for key, score in chosen]
