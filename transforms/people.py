"""People named in an article: find person-name spans, resolve them in-article, attach roles."""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.model import PersonMention
from transforms.people_lexicon import NON_PERSON, STARTERS
from transforms.people_lone import TRAIL, lone_word, name_like, speech_cue, usable
from transforms.people_roles import apposition_role, premodifier_role
from transforms.people_runs import Cand, candidates, fold_word, new_cand
from transforms.people_tokens import WORD_CHARS, tokenize

_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TITLE_SMALL = frozenset("a an the and or but of in on at to for with by from as vs via into over is".split())
_ROLE_LOOKS = 4  # mentions searched for a role: articles give it early, and this bounds the cost


@dataclass
class _Person:
    words: tuple[str, ...]
    keys: tuple[str, ...]  # folded words, suffixes dropped
    forms: list[str]
    spans: list[tuple[int, int]]
    cands: list[Cand]
    count: int = 0
    title_pos: int | None = None


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Folded word lists name one person: same surname and same given name, or one inside the other."""
    return a[-1] == b[-1] and (a[0] == b[0] or set(a) <= set(b) or set(b) <= set(a))


def _single_match(by_last: dict[str, list[_Person]], by_first: dict[str, list[_Person]], key: str,
                  at: int) -> _Person | None:
    """The full-name person a bare word (folded: key) refers to: by surname, else by given name."""
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


def _add(p: _Person, c: Cand) -> None:
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
    cands: list[Cand]
    lone: dict[str, list[int]]  # token -> its offsets


def _lone_cands(src: _Source, words: set[str], cue: set[str], out: list[Cand]) -> None:
    """Lone mentions of the words of known names, and of words a speech verb stands next to."""
    text, in_title = src.text, src.in_title
    glued_at = WORD_CHARS.match
    rest: dict[str, list[int]] = {}
    for g, starts in src.lone.items():
        if len(starts) == 1:  # (most tokens occur once: test it without building a list)
            if starts[0] and glued_at(text, starts[0] - 1):
                continue  # "iPhone": a capital inside a word
        else:
            starts = [i for i in starts if not (i and glued_at(text, i - 1))]
            if not starts:
                continue
        # (lone_word only changes a token ending in a period, hyphen, apostrophe or "s": call it for those)
        w = g if g in words or g[-1] not in TRAIL else lone_word(g)
        if w in words:
            one, keys, n = (w,), (fold_word(w),), len(w)
            out.extend([new_cand(Cand, (one, keys, i, i + n, w, w, False, in_title, False)) for i in starts])
        elif w:
            have = rest.get(w)
            if have is None:
                rest[w] = starts
            else:  # "Smith" and "Smith's": one word, its offsets in text order
                rest[w] = sorted(have + starts)  # (a new list: `starts` may be the source's own)
    for w, starts in rest.items():
        n = len(w)
        if w not in cue:
            # a lone word next to a speech verb once names a person everywhere in the article
            if w.lower().rstrip(".") in NON_PERSON:  # (fold_word, inline: this runs per unknown word)
                continue
            for i in starts:
                if speech_cue(text, i, i + n):
                    break
            else:
                continue
            if not name_like(text, w, starts[0]):
                continue
            cue.add(w)
        one, keys = (w,), (fold_word(w),)
        out.extend([new_cand(Cand, (one, keys, i, i + n, w, w, False, in_title, False)) for i in starts])


def _resolve(sources: list[_Source]) -> list[_Person]:
    persons: list[_Person] = []
    by_last: dict[str, list[_Person]] = {}
    multi: list[Cand] = []
    weak: list[Cand] = []
    run_singles: list[Cand] = []
    for src in sources:
        for c in src.cands:
            if len(c.words) == 1:
                run_singles.append(c)
            else:
                (weak if c.weak else multi).append(c)
    single_keys = None
    for c in multi + weak:  # full names first, so a surname can attach later
        keys = c.keys
        p = None
        for q in by_last.get(keys[-1], ()):
            if _same_person(q.keys, keys):
                p = q
                break
        if p is None and c.weak:
            # unknown common-looking words: a person only if a part of the name also stands alone
            if single_keys is None:
                single_keys = {c.words[0] for c in run_singles} | {g for src in sources for g in src.lone}
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
            f = w.lower().rstrip(".")  # (fold_word, inline: this runs per word of each name)
            if (f == p.keys[0] or f == p.keys[-1]) and usable(w):
                words.add(w)
    cue: set[str] = set()
    singles_cands = list(run_singles)
    for src in reversed(sources):  # body first: its cue words also count in the title
        _lone_cands(src, words, cue, singles_cands)
    cue_keys = {fold_word(w) for w in cue}
    texts = {src.in_title: src.text for src in sources}
    for c in run_singles:
        if c.evidence or _single_match(by_last, by_first, c.keys[0], c.start) is None and speech_cue(
                texts[c.in_title], c.start, c.end) and name_like(texts[c.in_title], c.words[0], c.start):
            cue_keys.add(c.keys[0])
    at = {(not c.in_title, c.start): c for c in singles_cands}  # one mention per offset
    singles: dict[str, _Person] = {}
    for c in [at[k] for k in sorted(at)]:
        key = c.keys[0]  # (a single word's keys are its one folded word)
        p = _single_match(by_last, by_first, key, c.start)
        if p is None:
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
        low = fold_word(toks[i].text)
        nxt = fold_word(toks[i + 1].text) if i + 1 < len(toks) else ""
        full = by_full.get((low, nxt))
        last = by_last.get(low, ()) if low not in STARTERS else ()
        p = full or (last[0] if len(last) == 1 else None)
        if p is not None:
            p.count += 1
            p.title_pos = toks[i].start if p.title_pos is None else p.title_pos
        i += 2 if full else 1


def _text_order(c: Cand) -> tuple[bool, int]:
    return not c.in_title, c.start


def _word_count(c: Cand) -> int:
    return len(c.words)


def _role(p: _Person, body: str, title: str) -> str | None:
    # the body's first role wins (cands are in text order, title first: the body's follow the title's)
    cands = p.cands
    n_title = 0
    while n_title < len(cands) and cands[n_title].in_title:
        n_title += 1
    ordered = cands[n_title:n_title + _ROLE_LOOKS]
    if len(ordered) < _ROLE_LOOKS:
        ordered += cands[:min(n_title, _ROLE_LOOKS - len(ordered))]
    for c in ordered:
        text = title if c.in_title else body
        role = premodifier_role(text, c.start)
        # (an apposition starts with a comma: only then can it follow the name, never after an "'s")
        if role is None and text[c.end:c.end + 1] == ",":
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
        lone: dict[str, list[int]] = {}
        sources.append(_Source(title, True, candidates(title, True, lone), lone))
    lone = {}
    sources.append(_Source(body, False, candidates(body, False, lone), lone))
    persons = _resolve(sources)
    if title_case:
        _title_mentions(title, persons)
    persons = [p for p in persons if p.count]
    for p in persons:  # mentions were gathered full names first: put them back in text order
        p.spans.sort()
        p.cands.sort(key=_text_order)
        p.forms = list(dict.fromkeys([c.form for c in p.cands]))
    persons.sort(key=lambda p: (p.title_pos is None, p.title_pos or 0, p.spans[0][0] if p.spans else 0))
    out = []
    for p in persons:
        out.append(PersonMention(
            name=max(p.cands, key=_word_count).name,
            forms=p.forms,
            mention_count=p.count,
            role=_role(p, body, title),
            first_offset=p.spans[0][0] if p.spans else None,
            spans=p.spans,
        ))
    return out
