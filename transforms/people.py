"""People named in an article: find person-name spans, resolve them in-article, attach roles."""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.model import PersonMention
from transforms.people_lexicon import (
    DAY_WORDS, FIRST_NAMES, HONORIFICS, NON_PERSON, ORG_WORDS, ROLE_NOUNS, STARTERS, SUFFIXES, TITLES,
)
from transforms.people_roles import apposition_role, premodifier_role
from transforms.people_tokens import (
    CHAIN_RE, KEEP_PERIOD, WORD_CHARS, is_initial, split_run, tokenize, written_lower,
)

_MAX_NAME_WORDS = 5
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TITLE_SMALL = frozenset("a an the and or but of in on at to for with by from as vs via into over is".split())
_EVIDENCE = HONORIFICS | ROLE_NOUNS
_CUE_AFTER_RE = re.compile(
    r"(?:'s?)?,? (?:said|says|told|tells|added|adds|wrote|writes|asked|argued|explained|insisted|noted|"
    r"who|whose|has said|had said|was quoted)\b|, \d{1,3},")
_SAID_AFTER_RE = re.compile(r"(?:'s?)? (?:said|says|told|tells|added|adds|wrote|writes|asked|argued|explained|insisted)\b")
_CUE_BEFORE_RE = re.compile(r"\b(?:said|says|told|added|according to|by|wrote|asked|spokesman|spokeswoman) $")
_INITIAL_RE = re.compile(r"[A-Z]\.$")
# Endings of common nouns and adjectives that surnames almost never have.
_COMMON_SUFFIX_RE = re.compile(r"(?:tion|sion|ment|ship|ity|ance|ence|ism|ure|ive|ous|ics|ery|ies|ated|ural|ical)$")
# "Ohio-based", "U.S.-born", "Family-controlled": adjectives, not names
_ADJECTIVE_RE = re.compile(r"-(?:[a-z]+ed|based|born|run|made|style|era|backed|owned|led)$")
_SKIP_SINGLES = frozenset(w.capitalize() for w in STARTERS | HONORIFICS | TITLES) | frozenset(
    w.capitalize() + "." for w in STARTERS)
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
    keys: list[str]  # folded words, suffixes dropped
    forms: list[str]
    spans: list[tuple[int, int]]
    cands: list[_Cand]
    count: int = 0
    title_pos: int | None = None


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isupper()


def _single(text: str, m: re.Match, caps_ok: bool, in_title: bool) -> _Cand | None:
    """The fast path for a lone capitalized word: it only counts if it matches a full name later."""
    word, start = m.group(), m.start()
    if start and WORD_CHARS.match(text, start - 1):
        return None
    if word[-1] == "." and len(word) > 2 and "." not in word[:-1] and word.lower() not in KEEP_PERIOD:
        word = word[:-1]
    word = word.rstrip("-'\u2019")
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    if not word or (not caps_ok and _acronym(word)):
        return None
    low = word.lower()
    if low in STARTERS or low in HONORIFICS or low in TITLES:
        return None
    return _Cand([word], start, start + len(word), word, word, False, in_title)


def _runs(text: str, caps_ok: bool, in_title: bool, out: list[_Cand]):
    """Yield the multi-word runs of text; lone words go straight to out."""
    for m in CHAIN_RE.finditer(text):
        g = m.group()
        if " " not in g:
            if g in _SKIP_SINGLES:
                continue  # "The", "But", "He": the commonest capitalized words, skipped cheaply
            c = _single(text, m, caps_ok, in_title)
            if c is not None:
                out.append(c)
            continue
        yield from split_run(text, m.start(), m.group(), caps_ok)


def _candidates(text: str, in_title: bool, caps_ok: bool = False) -> list[_Cand]:
    """Name-like spans of text, titles stripped, with the evidence that they name people."""
    out: list[_Cand] = []
    for run in _runs(text, caps_ok, in_title, out):
        j = len(run) - 1
        k, evidence, hon = 0, False, None
        while k <= j:  # strip what stands before the name: titles, places, sentence openers
            tok = run[k]
            low = tok.text.lower()
            if low in HONORIFICS or low in TITLES:
                evidence, hon = low in _EVIDENCE, (k if low in HONORIFICS else None)
            elif low in STARTERS:
                pass
            elif k < j and (low in NON_PERSON or _acronym(tok.text)) and low not in FIRST_NAMES:
                pass
            elif _ADJECTIVE_RE.search(low):
                pass
            elif tok.initial_pos and low not in FIRST_NAMES and written_lower(text, low):
                pass
            else:
                break
            k += 1
        # a title inside the run ("Homeland Security Secretary Chad Wolf"): the name follows it
        for m in range(j - 1, k - 1, -1):
            if run[m].text.lower() in _EVIDENCE:
                k, evidence, hon = m + 1, True, m
                break
        # a given name after unknown words ("Special Counsel Robert Mueller"): the name starts there
        for m in range(k + 1, j):
            if run[m].text.lower() in FIRST_NAMES:
                if all(t.text.lower() not in FIRST_NAMES and t.cap for t in run[k:m]):
                    k = m
                break
        # trailing common words ("Trump Read", "Regina Ip In") are not part of the name
        while j > k and (run[j].text.lower() in STARTERS or run[j].text.lower() in DAY_WORDS or (
                j - k > 1 and run[j].text.lower() not in FIRST_NAMES and written_lower(text, run[j].text.lower()))):
            j -= 1
        if k > j:
            continue
        name_toks = run[k:j + 1]
        if len(name_toks) > _MAX_NAME_WORDS or name_toks[-1].text.lower() in ORG_WORDS:
            continue
        words = [t.text for t in name_toks]
        start, end = name_toks[0].start, name_toks[-1].end
        weak = False
        if len(words) > 1:
            lows = [w.lower() for w in words]
            if not (lows[0] in FIRST_NAMES or evidence or _INITIAL_RE.match(words[0])):
                if any(w in NON_PERSON for w in lows):
                    continue
                # unknown words that are also common words ("Supply Management"): a person only
                # with a cue or a later surname mention
                weak = any(_COMMON_SUFFIX_RE.search(w) or written_lower(text, w) for w in lows) and \
                    not _person_cue(text, start, end)
        form_start = run[hon].start if hon is not None and hon == k - 1 else start
        out.append(_Cand(words, start, end, text[start:end], text[form_start:end], evidence, in_title, weak))
    return out


def _person_cue(text: str, start: int, end: int) -> bool:
    """True when the words around a name say it is a person ("X said", ", 45,", "said X")."""
    return bool(_CUE_AFTER_RE.match(text, end) or _CUE_BEFORE_RE.search(text, max(0, start - 30), start))


def _single_cue(text: str, start: int, end: int, key: str) -> bool:
    """A lone unknown word next to a speech verb is a person unless it reads as a common noun."""
    if not (_SAID_AFTER_RE.match(text, end) or _CUE_BEFORE_RE.search(text, max(0, start - 30), start)):
        return False
    if written_lower(text, key):
        return False
    # "Analysts said": a plural noun opening a sentence
    return not (is_initial(text, start) and key.endswith("s") and not key.endswith(("ss", "us", "is")))


def _key(word: str) -> str:
    return word.lower().rstrip(".")


def _keys(words: list[str]) -> list[str]:
    keys = [_key(w) for w in words]
    return [k for k in keys if k not in SUFFIXES] or keys


def _same_person(a: list[str], b: list[str]) -> bool:
    """Folded word lists name one person: same surname and same given name, or one inside the other."""
    return a[-1] == b[-1] and (a[0] == b[0] or set(a) <= set(b) or set(b) <= set(a))


def _single_match(index: dict[str, list[_Person]], word: str, at: int) -> _Person | None:
    """The full-name person a bare word refers to: by surname, else by given name."""
    key = _key(word)
    for pos in ("last", "first"):
        hits = index.get((pos, key))
        if not hits:
            continue
        if len(hits) == 1:
            return hits[0]
        # two people share the name: the one named most recently before this mention
        return max(hits, key=lambda p: max((s for s, _ in p.spans if s < at), default=-1))
    return None


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


def _resolve(cands: list[_Cand], text_of) -> list[_Person]:
    persons: list[_Person] = []
    by_last: dict[str, list[_Person]] = {}
    single_keys = {_key(c.words[0]) for c in cands if len(c.words) == 1}
    for c in sorted(cands, key=lambda c: c.weak):  # full names first, so a surname can attach later
        if len(c.words) < 2:
            continue
        keys = _keys(c.words)
        p = next((p for p in by_last.get(keys[-1], ()) if _same_person(p.keys, keys)), None)
        if p is None and c.weak and keys[-1] not in single_keys and keys[0] not in single_keys:
            continue
        if p is None:
            p = _Person(c.words, keys, [], [], [])
            persons.append(p)
            by_last.setdefault(keys[-1], []).append(p)
        if len(c.words) > len(p.words):
            p.words, p.keys = c.words, keys
        _add(p, c)
    index: dict[tuple[str, str], list[_Person]] = {}
    for p in persons:
        index.setdefault(("last", p.keys[-1]), []).append(p)
        index.setdefault(("first", p.keys[0]), []).append(p)
    singles: dict[str, _Person] = {}
    for c in cands:
        if len(c.words) != 1:
            continue
        p = _single_match(index, c.words[0], c.start)
        if p is None:
            key = _key(c.words[0])
            p = singles.get(key)
            if p is None:
                if key in NON_PERSON or not (c.evidence or _single_cue(text_of(c), c.start, c.end, key)):
                    continue
                p = singles[key] = _Person(c.words, [key], [], [], [])
                persons.append(p)
        _add(p, c)
    return persons


def _title_mentions(title: str, persons: list[_Person]) -> None:
    """Count mentions in a Title Case or ALL-CAPS title of people the body names."""
    toks = tokenize(title, caps_ok=True)
    i = 0
    while i < len(toks):
        low = _key(toks[i].text)
        nxt = _key(toks[i + 1].text) if i + 1 < len(toks) else ""
        full = next((p for p in persons if len(p.keys) > 1 and p.keys[0] == low and p.keys[-1] == nxt), None)
        last = [p for p in persons if p.keys[-1] == low and low not in STARTERS]
        p = full or (last[0] if len(last) == 1 else None)
        if p is not None:
            p.count += 1
            p.title_pos = toks[i].start if p.title_pos is None else p.title_pos
        i += 2 if full else 1


def _role(p: _Person, body: str, title: str) -> str | None:
    ordered = sorted(p.cands, key=lambda c: (c.in_title, c.start))  # the body's first role wins
    for c in ordered[:_ROLE_LOOKS]:
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
    cands = _candidates(body, in_title=False)
    title_case = _is_title_case(title) or (title.isupper() and len(title) > 3)
    if not title_case:
        cands = _candidates(title, in_title=True) + cands
    persons = _resolve(cands, lambda c: title if c.in_title else body)
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
