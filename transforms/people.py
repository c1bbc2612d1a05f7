"""People named in an article: find person-name spans, resolve them in-article, attach roles."""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.model import PersonMention
from transforms.people_lexicon import (
    PARTICLES, ROLE_STOP,
    DAY_WORDS, FIRST_NAMES, HEADLINE_WORDS, HONORIFICS, NON_PERSON, ORG_WORDS, REGNAL, ROLE_NOUNS, STARTERS,
    STATE_ABBREVIATIONS, SUFFIXES, SURNAME_ORG_WORDS, TITLES,
)
from transforms.people_roles import apposition_role, premodifier_role
from transforms.people_lone import GLUED_RE, SKIP, lone_word, name_like, speech_cue, usable
from transforms.people_tokens import CHAIN_RE, WORD_CHARS, is_initial, split_run, tokenize, written_lower

_MAX_NAME_WORDS = 5
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TITLE_SMALL = frozenset("a an the and or but of in on at to for with by from as vs via into over is".split())
_EVIDENCE = HONORIFICS | ROLE_NOUNS
# Words stripped from the front of a run, and words dropped from its end (one lookup each).
_STRIPPED = HONORIFICS | TITLES | STARTERS
_TRAILING = STARTERS | DAY_WORDS | HEADLINE_WORDS
# GLUED_RE over a name's words joined by newlines: one search instead of one per word.
_GLUED_ANY_RE = re.compile(GLUED_RE.pattern, re.MULTILINE)
_CUE_AFTER_RE = re.compile(
    r"(?:'s?)?,? (?:said|says|told|tells|added|adds|wrote|writes|asked|argued|explained|insisted|noted|"
    r"who|whose|has said|had said|was quoted)\b|, \d{1,3},")
_CUE_BEFORE_RE = re.compile(r"\b(?:said|says|told|added|according to|by|wrote|asked|spokesman|spokeswoman) $")
_INITIAL_RE = re.compile(r"[A-Z]\.$")
_SPACED_HYPHEN_RE = re.compile(r" - ([a-z]{2,8})\b(?!-)")
# Endings of common nouns and adjectives that surnames almost never have.
_COMMON_SUFFIX_RE = re.compile(r"(?:tion|sion|ment|ship|ity|ance|ence|ism|ure|ive|ous|ics|ery|ies|ated|ural|ical)$")
# "Ohio-based", "U.S.-born", "Family-controlled": adjectives, not names
_ADJECTIVE_RE = re.compile(r"-(?:[a-z]+ed|based|born|run|made|style|era|backed|owned|led)$")
_RUN_CACHE: dict[tuple, list[tuple]] = {}  # run and context -> [(questions and answers, candidates)]
_RUN_CACHE_SIZE = 200_000
_ROLE_LOOKS = 4  # mentions searched for a role: articles give it early, and this bounds the cost


@dataclass(slots=True)
class _Cand:
    """One name-like span before resolution."""

    words: list[str]
    start: int  # offsets of the name (titles and possessive excluded) in its text
    end: int
    name: str  # the name as written, titles and possessive excluded
    form: str  # as written, with a directly preceding honorific
    evidence: bool  # an honorific or title stood before it
    in_title: bool
    weak: bool = False  # unknown words with no cue: kept only if the surname recurs


@dataclass
class _Person:
    words: list[str]
    keys: tuple[str, ...]  # folded words, suffixes dropped
    forms: list[str]
    spans: list[tuple[int, int]]
    cands: list[_Cand]
    count: int = 0
    title_pos: int | None = None


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isupper()


def _candidates(text: str, in_title: bool, lone: list[tuple[int, str]], caps_ok: bool = False) -> list[_Cand]:
    """Name-like spans in runs of 2+ capitalized words, titles stripped, with their evidence.

    One regex pass. Lone capitalized words go to `lone` as (offset, token) unjudged: they only
    count where they repeat a name or stand next to a speech verb (_resolve).
    """
    out: list[_Cand] = []
    add_lone, cached = lone.append, _RUN_CACHE.get  # (bound once: this loop runs per capitalized word)
    for m in CHAIN_RE.finditer(text):
        g = m.group()
        if " " not in g:
            if g not in SKIP:
                add_lone((m.start(), g))
            continue
        pos = m.start()
        # most runs ("White House", "Donald Trump") are judged without looking at the article:
        # their verdict is cached by the words and the two facts about what precedes them
        key = (g, bool(pos and WORD_CHARS.match(text, pos - 1)), is_initial(text, pos), caps_ok)
        variants = cached(key)
        if variants is not None:
            protos = None
            for asked, v in variants:
                if not asked or _same_answers(text, pos, asked):
                    protos = v
                    break
            if protos is not None:
                for words, s, e, f, evidence, weak in protos:
                    out.append(_Cand(words, pos + s, pos + e, text[pos + s:pos + e], text[pos + f:pos + e],
                                     evidence, in_title, weak))
                continue
        probe = _Probe(pos)
        first = len(out)
        for run in split_run(text, pos, g, caps_ok):
            _classify(run, text, in_title, out, probe)
        if len(_RUN_CACHE) >= _RUN_CACHE_SIZE:
            _RUN_CACHE.clear()
        variants = _RUN_CACHE.setdefault(key, [])
        if len(variants) < 4:
            variants.append((tuple(probe.asked), [
                (c.words, c.start - pos, c.end - pos, c.end - pos - len(c.form), c.evidence, c.weak)
                for c in out[first:]]))
    if " - " in text:  # rare: most texts have no spaced hyphen to look behind
        for i, c in enumerate(out):
            if len(c.words) > 1 and text.startswith(" - ", c.end):
                out[i] = _spaced_hyphen(text, c)
    return out


def _spaced_hyphen(text: str, c: _Cand) -> _Cand:
    """Join a lower-case name part written after a spaced hyphen ("Lee Cheuk - yan" as in tokenized text)."""
    m = _SPACED_HYPHEN_RE.match(text, c.end)
    if m is None or m.group(1) in ROLE_STOP:
        return c  # "Smith - who ..." is a dash
    tail = m.group(1)
    words = c.words[:-1] + [c.words[-1] + "-" + tail]
    return _Cand(words, c.start, m.end(), c.name + "-" + tail, c.form + "-" + tail, c.evidence, c.in_title, c.weak)


class _Probe:
    """The questions a run's verdict asked about its article, with their answers.

    _classify is deterministic, so another article with the same run and the same answers
    gets the same verdict: _candidates caches it and only asks the questions again.
    """

    __slots__ = ("pos", "asked")

    def __init__(self, pos: int) -> None:
        self.pos = pos
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


def _classify(run: list, text: str, in_title: bool, out: list[_Cand], probe: _Probe) -> None:
    """Strip titles and openers from one run and append it to out when it can name a person."""
    lows = [t.text.lower() for t in run]  # every test below folds case: fold each word once
    j = len(run) - 1
    k, evidence, hon = 0, False, None
    while k <= j:  # strip what stands before the name: titles, places, sentence openers
        low = lows[k]
        if low in _STRIPPED:
            if low in HONORIFICS or low in TITLES:
                evidence, hon = low in _EVIDENCE, (k if low in HONORIFICS else None)
        elif k < j and (low in NON_PERSON or _acronym(run[k].text)) and low not in FIRST_NAMES:
            pass
        elif "-" in low and _ADJECTIVE_RE.search(low):
            pass
        elif run[k].initial_pos and low not in FIRST_NAMES and probe.lower(text, low):
            pass
        else:
            break
        k += 1
    # a title inside the run ("Homeland Security Secretary Chad Wolf"): the name follows it
    for m in range(j - 1, k - 1, -1):
        if lows[m] in _EVIDENCE:
            k, evidence, hon = m + 1, True, m
            break
    # a given name after unknown words ("Special Counsel Robert Mueller"): the name starts there
    for m in range(k + 1, j):
        if lows[m] in FIRST_NAMES and lows[m] not in PARTICLES:
            # (not after an initial, "L. Ron Hubbard", nor a particle, "Farouk Ben Mustapha")
            if all(lows[i] not in FIRST_NAMES and run[i].cap and not _INITIAL_RE.match(run[i].text)
                   for i in range(k, m)):
                k = m
            break
    # trailing common words ("Trump Read", "Regina Ip In") are not part of the name
    while j > k and (lows[j] in _TRAILING or (
            j - k > 1 and lows[j] not in FIRST_NAMES and probe.lower(text, lows[j]))):
        j -= 1
    if k > j:
        return
    if j - k >= _MAX_NAME_WORDS:
        return
    last = lows[j]
    if last in ORG_WORDS and not (
            j - k == 1 and last in SURNAME_ORG_WORDS and lows[k] in FIRST_NAMES
            and probe.cue(text, run[k].start, run[j].end)):
        return  # "Hyde Park", but "Todd Park said"
    name_lows = lows[k:j + 1]
    if not STARTERS.isdisjoint(name_lows[1:]):
        return  # "Together Against Trump": a function word inside makes it a slogan or a title
    name_toks = run[k:j + 1]
    words = [t.text for t in name_toks]
    if _GLUED_ANY_RE.search("\n".join(words)):
        return  # "FoxNews.com", "WolfChad": words glued together by a scraper, or a brand
    if j - k == 1 and name_lows[1] in STATE_ABBREVIATIONS and _INITIAL_RE.match(words[0]):
        return  # "(R. Wis.)": a party and a state
    if j == k and k and lows[k - 1] in REGNAL:
        name_toks = run[k - 1:k + 1]  # "King Salman", "Pope Francis": the title is part of the name
        name_lows = lows[k - 1:k + 1]
        words = [t.text for t in name_toks]
        hon = None
    start, end = name_toks[0].start, name_toks[-1].end
    weak = False
    if len(words) > 1:
        if not (name_lows[0] in FIRST_NAMES or evidence or _INITIAL_RE.match(words[0])):
            if not NON_PERSON.isdisjoint(name_lows):
                return
            # unknown words that are also common words ("Supply Management"): a person only
            # with a cue or a later surname mention
            weak = any(_COMMON_SUFFIX_RE.search(w) or probe.lower(text, w) for w in name_lows) and \
                not probe.cue(text, start, end)
    form_start = run[hon].start if hon is not None and hon == k - 1 else start
    out.append(_Cand(words, start, end, text[start:end], text[form_start:end], evidence, in_title, weak))


def _person_cue(text: str, start: int, end: int) -> bool:
    """True when the words around a name say it is a person ("X said", ", 45,", "said X")."""
    return bool(_CUE_AFTER_RE.match(text, end) or _CUE_BEFORE_RE.search(text, max(0, start - 30), start))


def _key(word: str) -> str:
    return word.lower().rstrip(".")


def _keys(words: list[str]) -> tuple[str, ...]:
    """Folded words of a name, suffixes ("Jr.") dropped unless nothing else is left."""
    keys = tuple(_key(w) for w in words)
    return tuple(k for k in keys if k not in SUFFIXES) or keys


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Folded word lists name one person: same surname and same given name, or one inside the other."""
    return a[-1] == b[-1] and (a[0] == b[0] or set(a) <= set(b) or set(b) <= set(a))


def _single_match(by_last: dict[str, list[_Person]], by_first: dict[str, list[_Person]], word: str,
                  at: int) -> _Person | None:
    """The full-name person a bare word refers to: by surname, else by given name."""
    key = _key(word)
    hits = by_last.get(key) or by_first.get(key)
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0]
    # two people share the name: the one named most recently before this mention
    return max(hits, key=lambda p: max((s for s, _ in p.spans if s < at), default=-1))


def _is_title_case(title: str) -> bool:
    words = [w for w in _TITLE_WORD_RE.findall(title) if w.lower() not in _TITLE_SMALL]
    if len(words) < 3:
        return False
    return sum(w[:1].isupper() for w in words) / len(words) >= 0.75


def _add(p: _Person, c: _Cand) -> None:
    p.cands.append(c)
    p.count += 1
    if c.in_title:
        p.title_pos = c.start if p.title_pos is None else p.title_pos
    else:
        p.spans.append((c.start, c.end))


@dataclass(slots=True)
class _Source:
    """One text of the article (title or body), its name candidates and its lone capitalized words."""

    text: str
    in_title: bool
    cands: list[_Cand]
    lone: list[tuple[int, str]]


def _lone_cands(src: _Source, words: set[str], cue: set[str], out: list[_Cand]) -> None:
    """Lone mentions of the words of known names, and of words a speech verb stands next to."""
    text, in_title = src.text, src.in_title
    rest: dict[str, list[int]] = {}
    for start, g in src.lone:
        if start and WORD_CHARS.match(text, start - 1):
            continue  # "iPhone": a capital inside a word
        w = g if g in words else lone_word(g)
        if w in words:
            out.append(_Cand([w], start, start + len(w), w, w, False, in_title))
        elif w:
            starts = rest.get(w)
            if starts is None:
                rest[w] = [start]
            else:
                starts.append(start)
    for w, starts in rest.items():
        n = len(w)
        if w not in cue:
            # a lone word next to a speech verb once names a person everywhere in the article
            if _key(w) in NON_PERSON:
                continue
            for i in starts:
                if speech_cue(text, i, i + n):
                    break
            else:
                continue
            if not name_like(text, w, starts[0]):
                continue
            cue.add(w)
        out.extend(_Cand([w], i, i + n, w, w, False, in_title) for i in starts)


def _resolve(sources: list[_Source]) -> list[_Person]:
    persons: list[_Person] = []
    by_last: dict[str, list[_Person]] = {}
    multi: list[_Cand] = []
    weak: list[_Cand] = []
    run_singles: list[_Cand] = []
    for src in sources:
        for c in src.cands:
            if len(c.words) == 1:
                run_singles.append(c)
            else:
                (weak if c.weak else multi).append(c)
    single_keys = None
    for c in multi + weak:  # full names first, so a surname can attach later
        keys = _keys(c.words)
        p = None
        for q in by_last.get(keys[-1], ()):
            if _same_person(q.keys, keys):
                p = q
                break
        if p is None and c.weak:
            # unknown common-looking words: a person only if a part of the name also stands alone
            if single_keys is None:
                single_keys = {c.words[0] for c in run_singles} | {g for src in sources for _, g in src.lone}
            if not any(w in single_keys or w + "'s" in single_keys or w + "\u2019s" in single_keys
                       or w + "." in single_keys for w in (c.words[0], c.words[-1])):
                continue
        if p is None:
            p = _Person(c.words, keys, [], [], [])
            persons.append(p)
            by_last.setdefault(keys[-1], []).append(p)
        if len(c.words) > len(p.words):
            p.words, p.keys = c.words, keys
        _add(p, c)
    # by_last already indexes the full names by surname (a person's surname never changes)
    by_first: dict[str, list[_Person]] = {}
    words: set[str] = set()
    for p in persons:
        by_first.setdefault(p.keys[0], []).append(p)
        for w in p.words:
            if _key(w) in (p.keys[0], p.keys[-1]) and usable(w):
                words.add(w)
    cue: set[str] = set()
    singles_cands = list(run_singles)
    for src in reversed(sources):  # body first: its cue words also count in the title
        _lone_cands(src, words, cue, singles_cands)
    cue_keys = {_key(w) for w in cue}
    texts = {src.in_title: src.text for src in sources}
    for c in run_singles:
        if c.evidence or _single_match(by_last, by_first, c.words[0], c.start) is None and speech_cue(
                texts[c.in_title], c.start, c.end) and name_like(texts[c.in_title], c.words[0], c.start):
            cue_keys.add(_key(c.words[0]))
    at = {(not c.in_title, c.start): c for c in singles_cands}  # one mention per offset
    singles: dict[str, _Person] = {}
    for c in [at[k] for k in sorted(at)]:
        p = _single_match(by_last, by_first, c.words[0], c.start)
        if p is None:
            key = _key(c.words[0])
            p = singles.get(key)
            if p is None:
                if key in NON_PERSON or key not in cue_keys:
                    continue
                p = singles[key] = _Person(c.words, (key,), [], [], [])
                persons.append(p)
        _add(p, c)
    return persons


def _title_mentions(title: str, persons: list[_Person]) -> None:
    """Count mentions in a Title Case or ALL-CAPS title of people the body names."""
    toks = tokenize(title, caps_ok=True)
    # persons by (given name, surname), the first one named wins; and by surname
    by_full: dict[tuple[str, str], _Person] = {}
    by_last: dict[str, list[_Person]] = {}
    for p in persons:
        if len(p.keys) > 1:
            by_full.setdefault((p.keys[0], p.keys[-1]), p)
        by_last.setdefault(p.keys[-1], []).append(p)
    i = 0
    while i < len(toks):
        low = _key(toks[i].text)
        nxt = _key(toks[i + 1].text) if i + 1 < len(toks) else ""
        full = by_full.get((low, nxt))
        last = by_last.get(low, ()) if low not in STARTERS else ()
        p = full or (last[0] if len(last) == 1 else None)
        if p is not None:
            p.count += 1
            p.title_pos = toks[i].start if p.title_pos is None else p.title_pos
        i += 2 if full else 1


def _role(p: _Person, body: str, title: str) -> str | None:
    # the body's first role wins (cands are in text order, title first)
    ordered = [c for c in p.cands if not c.in_title][:_ROLE_LOOKS]
    if len(ordered) < _ROLE_LOOKS:
        ordered += [c for c in p.cands if c.in_title][:_ROLE_LOOKS - len(ordered)]
    for c in ordered:
        text = title if c.in_title else body
        role = premodifier_role(text, c.start)
        if role is None and text[c.end:c.end + 2] not in ("'s", "\u2019s"):
            role = apposition_role(text, c.end)
        if role:
            return role
    return None


def extract_people(title: str, body: str) -> list[PersonMention]:
    """Return the people named in an article, resolved in-article, ordered by first appearance."""
    title = title or ""
    body = body or ""
    title_case = _is_title_case(title) or (title.isupper() and len(title) > 3)
    sources = []
    if not title_case:
        lone: list[tuple[int, str]] = []
        sources.append(_Source(title, True, _candidates(title, True, lone), lone))
    lone = []
    sources.append(_Source(body, False, _candidates(body, False, lone), lone))
    persons = _resolve(sources)
    if title_case:
        _title_mentions(title, persons)
    persons = [p for p in persons if p.count]
    for p in persons:  # mentions were gathered full names first: put them back in text order
        p.spans.sort()
        p.cands.sort(key=lambda c: (not c.in_title, c.start))
        p.forms = list(dict.fromkeys(c.form for c in p.cands))
    persons.sort(key=lambda p: (p.title_pos is None, p.title_pos or 0, p.spans[0][0] if p.spans else 0))
    out = []
    for p in persons:
        out.append(PersonMention(
            name=max(p.cands, key=lambda c: len(c.words)).name,
            forms=p.forms,
            mention_count=p.count,
            role=_role(p, body, title),
            first_offset=p.spans[0][0] if p.spans else None,
            spans=p.spans,
        ))
    return out
