"""Speaker resolution: a speaker phrase as written -> one of the article's people, or None."""
from __future__ import annotations

import re
from functools import lru_cache

from transforms.model import PersonMention
from transforms.quotes_lexicon import (FEMALE_NAMES, HONORIFIC_GENDER, MALE_NAMES, ORG_NOUNS,
                                       PERSON_NOUNS, PRONOUNS)

_PRON_AFTER = re.compile(r"\b(he|his|him|she|her)\b", re.I)
# Titles and punctuation dropped before matching a phrase against a person's forms.
_KEY_NOISE = re.compile(r"\b(?:mr|mrs|ms|miss|dr|sir|sen|rep|gov|gen|president|senator)\b\.?|[.,]")
_KEY_TITLES = frozenset("mr mrs ms miss dr sir sen rep gov gen president senator".split())


def _norm(w: str) -> str:
    """A word lowercased, without edge punctuation, with a plain apostrophe."""
    return w.strip(".,").lower().replace("\u2019", "'")


@lru_cache(maxsize=65536)  # the same name forms recur across a batch's articles
def _key(phrase: str) -> str:
    """Lowercase words of a name form, titles and punctuation left out."""
    words = phrase.lower().split()
    if all(w.isalnum() and w not in _KEY_TITLES for w in words):
        return " ".join(words)  # most forms: plain words, nothing for the substitution to drop
    return " ".join(_KEY_NOISE.sub(" ", phrase.lower().replace("\u2019", "'")).split())


class PeopleIndex:
    """The article's people by surface form and surname, with a gender guessed on demand."""

    def __init__(self, people: list[PersonMention], body: str = ""):
        self.people = people
        self.body = body
        self.by_form: dict[str, PersonMention] = {}
        self.by_word: dict[str, PersonMention] = {}
        self.gender: dict[str, str | None] = {}
        self._named: dict[str, PersonMention | None] = {}  # by_name's answers, by phrase
        by_form = self.by_form
        for p in people:
            for f in (p.name, *p.forms):
                k = _key(f)
                if k and k not in by_form:
                    by_form[k] = p
            last = p.name.rsplit(None, 1)[-1:] if p.name else []
            if last:
                # the surname resolves when no fuller form matched
                self.by_word.setdefault(_norm(last[0]), p)
        self.longest = max((k.count(" ") + 1 for k in by_form), default=1)  # words in the longest form

    def by_name(self, phrase: str) -> PersonMention | None:
        """The person whose name or form the phrase contains, not as a possessive ("Trump's aide")."""
        # an article names its few speakers again and again: look each phrase up once
        if phrase in self._named:
            return self._named[phrase]
        p = self._named[phrase] = self._find_name(phrase)
        return p

    def _find_name(self, phrase: str) -> PersonMention | None:
        """by_name without the memo."""
        raw = phrase.split()
        toks = _key(phrase).split()
        if len(toks) != len(raw):  # a title was dropped: align on the key words alone
            raw = toks
        poss = [t.endswith("'s") for t in toks]
        toks = [t[:-2] if ps else t for t, ps in zip(toks, poss)]
        for n in range(min(self.longest, len(toks)), 0, -1):
            for i in range(len(toks) - n, -1, -1):  # the rightmost name heads the phrase
                p = self.by_form.get(" ".join(toks[i:i + n]))
                if p is not None and not poss[i + n - 1]:
                    return p
        for i, t in enumerate(toks):
            if (raw is toks or raw[i][:1].isupper()) and not poss[i] and t in self.by_word:
                return self.by_word[t]
        return None

    def by_role(self, phrase: str, exact: bool = False) -> PersonMention | None:
        """The most mentioned person whose role or titled form shares the description's head noun.

        exact: every word of the description after its determiner must be in the role ("the Kremlin
        spokesman" -> role "Kremlin spokesman").
        """
        words = [_norm(w) for w in phrase.split()]
        if not words:
            return None
        want = set(words[1:]) if exact else {words[-1]}
        hits = []
        for p in self.people:
            pool = {_norm(w) for w in (p.role or "").split()}
            if not exact:
                pool |= {_norm(w) for f in p.forms for w in f.split()[:-1]}
            if want and want <= pool:
                hits.append(p)
        hits.sort(key=lambda p: -p.mention_count)
        return hits[0] if hits else None

    def compatible(self, p: PersonMention, gender: str | None) -> bool:
        """True when a pronoun of this gender can stand for the person."""
        if gender is None:
            return True
        if p.name not in self.gender:
            self.gender[p.name] = _gender(p) or _gender_in_text(p, self.body)
        g = self.gender[p.name]
        return gender is None or g is None or g == gender


def _gender(p: PersonMention) -> str | None:
    """'m', 'f' or None from honorifics, role words and common given names."""
    for text in [*p.forms, p.role or ""]:
        for w in text.split():
            g = HONORIFIC_GENDER.get(_norm(w))
            if g:
                return g
    first = _norm(p.name.split()[0]) if p.name.split() else ""
    return "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None


def _gender_in_text(p: PersonMention, body: str) -> str | None:
    """'m' or 'f' from the pronoun that most often follows the person's mentions closely."""
    votes = 0
    for s, e in p.spans[:6]:
        m = _PRON_AFTER.search(body, e, e + 40)
        if m:
            votes += 1 if m.group(1).lower() in ("he", "his", "him") else -1
    return "m" if votes > 0 else "f" if votes < 0 else None


@lru_cache(maxsize=65536)
def classify_phrase(phrase: str) -> str:
    """'pronoun', 'name', 'definite' (the senator), 'org' or 'unnamed' for a speaker phrase."""
    words = phrase.split()
    if not words:
        return "unnamed"
    low = [_norm(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    if low[0] in ("the", "this", "that"):
        caps = [w for w in words[1:] if w[:1].isupper()]
        if low[-1] in PERSON_NOUNS and not (low[-1] in ORG_NOUNS):
            return "definite"
        return "org" if caps or low[-1] in ORG_NOUNS else "unnamed"
    if low[0] in ("a", "an", "one", "two", "some", "several", "many", "another", "other", "officials",
                  "sources", "experts", "analysts", "critics", "people", "residents"):
        return "unnamed"
    if low[-1] in ORG_NOUNS:
        return "org"
    return "name" if any(w[:1].isupper() for w in words) else "unnamed"
