"""Runs of capitalized words judged as names: split, stripped of titles, and cached across articles.

A run's verdict mostly depends on its words alone, so it is cached by the run and what precedes
it; the few questions a verdict asks about its article (is a word also written in lower case? is
there a speech verb next to it?) are kept with it and asked again on a hit (see _Probe).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from transforms.people_lexicon import (
    PARTICLES, ROLE_STOP,
    CREED_WORDS, DAY_WORDS, FIRST_NAMES, HEADLINE_WORDS, HONORIFICS, NON_PERSON, ORG_WORDS, REGNAL, ROLE_NOUNS,
    STARTERS, STATE_ABBREVIATIONS, SUFFIXES, SURNAME_ORG_WORDS, TITLES, VEHICLE_WORDS,
)
from transforms.people_lone import CONTRACTIONS, GLUED_RE, SKIP
from transforms.people_tokens import CHAIN_RE, SENTENCE_OPENERS, WORD_CHARS, Run, split_run, written_lower

_MAX_NAME_WORDS = 5
_EVIDENCE = HONORIFICS | ROLE_NOUNS
# Words stripped from the front of a run, and words dropped from its end (one lookup each).
_STRIPPED = HONORIFICS | TITLES | STARTERS
_TRAILING = STARTERS | DAY_WORDS | HEADLINE_WORDS
# Last words that make a run anything but a person: organizations, places, faiths.
_NOT_LAST = ORG_WORDS | CREED_WORDS
# Words that open a place name ("San Diego", "St. Louis"), stripped as titles or places.
_PLACE_PREFIXES = frozenset("san santa sao los las fort port mount cape puerto palo st st. saint".split())
# Compass initials ("S. Korea", "N. Ireland"): before a place they abbreviate South, North...
_COMPASS = frozenset("N. S. E. W.".split())
# GLUED_RE over a name's words joined by newlines: one search instead of one per word.
_GLUED_ANY_RE = re.compile(GLUED_RE.pattern, re.MULTILINE)
_CUE_AFTER_RE = re.compile(
    r"(?:'s?)?,? (?:said|says|told|tells|added|adds|wrote|writes|asked|argued|explained|insisted|noted|"
    r"who|whose|has said|had said|was quoted)\b|, \d{1,3},")
_CUE_BEFORE_RE = re.compile(r"\b(?:said|says|told|added|according to|by|wrote|asked|spokesman|spokeswoman) $")
_INITIAL_RE = re.compile(r"[A-Z]\.$")
# Adverbs and participles that open a sentence before a name ("Regrettably Jimmy", "Joining Chang").
# (adverb endings only: given names end in "-lly", "-oly" or "-ily" too: Sally, Anatoly, Emily)
_OPENER_RE = re.compile(r"(?:bly|dly|gly|sly|tly|vly|cally|ually|nally|fully|...ing)$")
_SPACED_HYPHEN_RE = re.compile(r" - ([a-z]{2,8})\b(?!-)")
# Endings of common nouns and adjectives that surnames almost never have.
_COMMON_SUFFIX_RE = re.compile(r"(?:tion|sion|ment|ship|ity|ance|ence|ism|ure|ive|ous|ics|ery|ies|ated|ural|ical)$")
# "Ohio-based", "U.S.-born", "Family-controlled": adjectives, not names
_ADJECTIVE_RE = re.compile(r"-(?:[a-z]+ed|based|born|run|made|style|era|backed|owned|led)$")
_RUN_CACHE: dict[tuple, tuple] = {}  # run and context -> ((questions and answers, offset, candidates), ...)
_RUN_CACHE_SIZE = 200_000


class Cand(NamedTuple):
    """One name-like span before resolution.

    A tuple, not a dataclass: an article makes dozens, and new_cand builds one without running
    Python code (a dataclass's __init__ is a Python function, ~6% of the extractor's time).
    """

    words: tuple[str, ...]
    keys: tuple[str, ...]  # folded words, suffixes dropped (_keys): folded once, cached with the verdict
    start: int  # offsets of the name (titles and possessive excluded) in its text
    end: int
    name: str  # the name as written, titles and possessive excluded
    form: str  # as written, with a directly preceding honorific
    evidence: bool  # an honorific or title stood before it
    in_title: bool
    weak: bool = False  # unknown words with no cue: kept only if the surname recurs


# new_cand(Cand, (words, keys, start, end, name, form, evidence, in_title, weak)): all nine fields
new_cand = tuple.__new__


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isupper()


def candidates(text: str, in_title: bool, lone: dict[str, list[int]], caps_ok: bool = False) -> list[Cand]:
    """Name-like spans in runs of 2+ capitalized words, titles stripped, with their evidence.

    One regex pass. Lone capitalized words go to `lone` as token -> offsets, unjudged: they only
    count where they repeat a name or stand next to a speech verb (people._resolve).
    """
    out: list[Cand] = []
    # (bound once: this loop runs per capitalized word)
    add, lone_at, cached, glued_at = out.append, lone.get, _RUN_CACHE.get, WORD_CHARS.match
    for m in CHAIN_RE.finditer(text):
        g = m.group()
        if " " not in g:
            if g not in SKIP:
                at = lone_at(g)  # (grouped by token: people._lone_cands judges each token once)
                if at is None:
                    lone[g] = [m.start()]
                else:
                    at.append(m.start())
            continue
        pos = m.start()
        # most runs ("White House", "Donald Trump") are judged without looking at the article:
        # their verdict is cached by the words and the two facts about what precedes them
        glued = pos > 0 and glued_at(text, pos - 1) is not None
        before = text[pos - 4 if pos > 4 else 0:pos].rstrip(" ")  # (is_initial, inline: this runs per run)
        initial = not before or before[-1] in SENTENCE_OPENERS
        # "the" right before: "of the Social Welfare constituency" (a name rarely takes an article)
        det = before[-3:] == "the" and (pos < 5 or not text[pos - 5].isalnum())
        key = (g, glued, initial, caps_ok, det)
        variants = cached(key)
        if variants is not None:
            for asked, at, protos in variants:
                if not asked or _same_answers(text, pos, asked):
                    break
            else:
                protos = None
            if protos is not None:
                shift = pos - at  # (the cached cands are those of the run's first sight, at offset `at`)
                for words, keys, s, e, name, form, evidence, _, weak in protos:
                    add(new_cand(Cand, (words, keys, s + shift, e + shift, name, form, evidence, in_title, weak)))
                continue
        probe = _Probe(pos, det)
        first = len(out)
        for run in split_run(text, pos, g, caps_ok, glued, initial):
            _classify(run, text, in_title, out, probe)
        if len(_RUN_CACHE) >= _RUN_CACHE_SIZE:
            _RUN_CACHE.clear()
        # tuples all the way down: the garbage collector stops tracking an entry made only of tuples
        # and strings, where a cache of lists was rescanned by every full collection (~7% of the time).
        # A name lies inside its run, so its text and form are the same strings every time: cached too.
        variants = _RUN_CACHE.get(key, ())
        if len(variants) < 4:
            # (plain tuples, not Cands: the collector only stops tracking a tuple of the exact type)
            _RUN_CACHE[key] = variants + ((tuple(probe.asked), pos, tuple(map(tuple, out[first:]))),)
    if " - " in text:  # rare: most texts have no spaced hyphen to look behind
        for i, c in enumerate(out):
            if len(c.words) > 1 and text.startswith(" - ", c.end):
                out[i] = _spaced_hyphen(text, c)
    return out


def _spaced_hyphen(text: str, c: Cand) -> Cand:
    """Join a lower-case name part written after a spaced hyphen ("Lee Cheuk - yan" as in tokenized text)."""
    m = _SPACED_HYPHEN_RE.match(text, c.end)
    if m is None or m.group(1) in ROLE_STOP:
        return c  # "Smith - who ..." is a dash
    tail = m.group(1)
    words = c.words[:-1] + (c.words[-1] + "-" + tail,)
    return Cand(words, _keys(words), c.start, m.end(), c.name + "-" + tail, c.form + "-" + tail,
                c.evidence, c.in_title, c.weak)


class _Probe:
    """The questions a run's verdict asked about its article, with their answers.

    _classify is deterministic, so another article with the same run and the same answers
    gets the same verdict: candidates() caches it and only asks the questions again.
    """

    __slots__ = ("pos", "asked", "det")

    def __init__(self, pos: int, det: bool = False) -> None:
        self.pos = pos
        self.det = det  # "the" stands right before the chain (part of the cache key)
        self.asked: list[tuple] = []

    def lower(self, text: str, word: str) -> bool:
        answer = written_lower(text, word)
        self.asked.append((word, 0, answer))
        return answer

    def cue(self, text: str, start: int, end: int) -> bool:
        answer = _person_cue(text, start, end)
        self.asked.append((start - self.pos, end - self.pos, answer))
        return answer


def _same_answers(text: str, pos: int, asked: tuple) -> bool:
    for a, b, answer in asked:
        got = written_lower(text, a) if isinstance(a, str) else _person_cue(text, pos + a, pos + b)
        if got != answer:
            return False
    return True


def _classify(run: Run, text: str, in_title: bool, out: list[Cand], probe: _Probe) -> None:
    """Strip titles and openers from one run and append it to out when it can name a person."""
    toks, starts, initial = run
    lows = list(map(str.lower, toks))  # every test below folds case: fold each word once
    j = len(toks) - 1
    k, evidence, hon = 0, False, None
    while k <= j:  # strip what stands before the name: titles, places, sentence openers
        low = lows[k]
        if low in _PLACE_PREFIXES and k + 1 < j:
            # "San Antonio Mayor Julian Castro": a place, then a title; "San Diego Padres": no title, a team
            if _STRIPPED.isdisjoint(lows[k + 2:]) and _EVIDENCE.isdisjoint(lows[k + 2:]):
                return
            k += 2
            continue
        if low in _STRIPPED:
            if low in HONORIFICS or low in TITLES:
                evidence, hon = low in _EVIDENCE, (k if low in HONORIFICS else None)
        elif k < j and (low in NON_PERSON or toks[k].isupper() and _acronym(toks[k])) and low not in FIRST_NAMES:
            # (isupper first: the cheap test that rules out most words before _acronym's copy)
            pass
        elif "-" in low and _ADJECTIVE_RE.search(low):
            pass
        elif _hyphen_title(low):
            evidence, hon = True, None
        elif low.endswith(CONTRACTIONS):
            pass  # "Isn't Devin Nunes"
        elif not k and initial and low not in FIRST_NAMES and (
                _OPENER_RE.search(low) or probe.lower(text, low)):
            pass  # (only a run's first word can open a sentence; "Regrettably", "Joining")
        else:
            break
        k += 1
    # a title inside the run ("Homeland Security Secretary Chad Wolf"): the name follows it
    for m in range(j - 1, k - 1, -1):
        if lows[m] in _EVIDENCE or _hyphen_title(lows[m]):
            k, evidence, hon = m + 1, True, m
            break
    # an organization before a full name ("the Refugee Council Enver Solomon"): the name follows it
    after_org = False
    for m in range(j - 2, k - 1, -1):
        if lows[m] in ORG_WORDS and lows[m] not in SURNAME_ORG_WORDS and lows[m] not in FIRST_NAMES:
            k, after_org = m + 1, True  # ("Bill" is a given name before it is a law)
            while k < j and lows[k] in _STRIPPED:  # "Supreme Court Justice Antonin Scalia"
                evidence = evidence or lows[k] in _EVIDENCE
                k += 1
            break
    # a given name after unknown words ("Special Counsel Robert Mueller"): the name starts there
    for m in range(k + 1, j):
        if lows[m] in FIRST_NAMES and lows[m] not in PARTICLES:
            # (not after an initial, "L. Ron Hubbard", nor a particle, "Farouk Ben Mustapha";
            # a word is lower-case only as a particle after a run's first word)
            if all(lows[i] not in FIRST_NAMES and not (i and lows[i] in PARTICLES)
                   and not _INITIAL_RE.match(toks[i]) for i in range(k, m)):
                k = m
            break
    # trailing common words ("Trump Read", "Regina Ip In") are not part of the name
    phrase = False  # a trailing word the article also writes in lower case ("Nature Climate Change")
    while j > k:
        if lows[j] in _TRAILING or lows[j].endswith(CONTRACTIONS):
            j -= 1
        elif j - k > 1 and lows[j] not in FIRST_NAMES and probe.lower(text, lows[j]):
            j, phrase = j - 1, True
        else:
            break
    if k > j:
        return
    if not VEHICLE_WORDS.isdisjoint(lows[max(k - 1, 0):j]):
        return  # "Space Shuttle Atlantis", "the Shuttle Discovery": a vehicle word before a name
    if j - k >= _MAX_NAME_WORDS:
        return
    last = lows[j]
    if last in _NOT_LAST and not (
            j - k == 1 and last in SURNAME_ORG_WORDS and lows[k] in FIRST_NAMES
            and probe.cue(text, starts[k], starts[j] + len(toks[j]))):
        return  # "Hyde Park", but "Todd Park said"
    first = k
    name_lows = lows[k:j + 1]
    if not STARTERS.isdisjoint(name_lows[1:]):
        return  # "Together Against Trump": a function word inside makes it a slogan or a title
    words = tuple(toks[k:j + 1])
    if _GLUED_ANY_RE.search("\n".join(words)):
        return  # "FoxNews.com", "WolfChad": words glued together by a scraper, or a brand
    if j - k == 1 and _INITIAL_RE.match(words[0]) and (
            name_lows[1] in STATE_ABBREVIATIONS or words[0] in _COMPASS and name_lows[1] in NON_PERSON):
        return  # "(R. Wis.)": a party and a state; "S. Korea": a place
    if j == k and k and lows[k - 1] in REGNAL:
        first = k - 1  # "King Salman", "Pope Francis": the title is part of the name
        name_lows = lows[k - 1:k + 1]
        words = tuple(toks[k - 1:k + 1])
        hon = None
    start, end = starts[first], starts[j] + len(toks[j])
    weak = False
    if len(words) > 1:
        if not (name_lows[0] in FIRST_NAMES or evidence or _INITIAL_RE.match(words[0])):
            if not NON_PERSON.isdisjoint(name_lows):
                return
            if phrase or (lows[k - 1] == "the" if k else starts[0] == probe.pos and probe.det):
                # "Iodine Deficiency Disorders", "the Social Welfare constituency": capitalized
                # common words or an article before them make it a title or a body's name
                return
            # unknown words that are also common words ("Supply Management"): a person only
            # with a cue or a later surname mention
            weak = any(_COMMON_SUFFIX_RE.search(w) or probe.lower(text, w) for w in name_lows) and \
                not probe.cue(text, start, end)
            if weak and after_org:
                return  # "Kennedy Space Center Visitor Complex": the rest of an organization's name
    form_start = starts[hon] if hon is not None and hon == k - 1 else start
    out.append(new_cand(Cand, (words, _lows_keys(name_lows), start, end, text[start:end], text[form_start:end],
                               evidence, in_title, weak)))


def _hyphen_title(low: str) -> bool:
    """True for a title made of hyphenated title words ("director-general", "attorney-general")."""
    return "-" in low and all(part in TITLES for part in low.split("-"))


def _person_cue(text: str, start: int, end: int) -> bool:
    """True when the words around a name say it is a person ("X said", ", 45,", "said X")."""
    return bool(_CUE_AFTER_RE.match(text, end) or _CUE_BEFORE_RE.search(text, max(0, start - 30), start))


def fold_word(word: str) -> str:
    """A word as names are compared: lower case, no trailing period ("Jr." -> "jr")."""
    return word.lower().rstrip(".")


def _keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """Folded words of a name, suffixes ("Jr.") dropped unless nothing else is left."""
    return _lows_keys([w.lower() for w in words])


def _lows_keys(lows: list[str]) -> tuple[str, ...]:
    """_keys of a name whose words are already lower-cased (as _classify has them)."""
    if len(lows) == 1:
        return (lows[0].rstrip("."),)  # (a lone suffix is kept: nothing else is left)
    keys = [w.rstrip(".") for w in lows]
    return tuple([k for k in keys if k not in SUFFIXES] or keys)
