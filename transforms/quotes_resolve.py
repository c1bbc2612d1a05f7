"""Speaker resolution: a speaker phrase as written -> one of the article's people, or None."""
from __future__ import annotations

import re

from transforms.model import PersonMention
from transforms.quotes_lexicon import (FEMALE_NAMES, HONORIFIC_GENDER, MALE_NAMES, ORG_NOUNS,
                                       PERSON_NOUNS, PRONOUNS)

_WORDS = re.compile(r"[\w'\u2019.-]+")
_POSS = re.compile(r"['\u2019]s$")
_PRON_AFTER = re.compile(r"\b(he|his|him|she|her)\b", re.I)
_TITLE_WORDS = frozenset("mr mrs ms miss dr sir sen rep gov gen president senator".split())


def _norm(w: str) -> str:
    return w.strip(".,").lower().replace("\u2019", "'")


class PeopleIndex:
    """The article's people by surface word, with a guessed gender each."""

    def __init__(self, people: list[PersonMention], body: str = ""):
        self.people = people
        self.by_form: list[tuple[tuple[str, ...], PersonMention]] = []
        self.by_word: dict[str, PersonMention] = {}
        self.gender: dict[str, str | None] = {}
        for p in people:
            forms = {p.name, *p.forms}
            for f in forms:
                toks = tuple(_norm(w) for w in f.split() if _norm(w) not in _TITLE_WORDS)
                if toks:
                    self.by_form.append((toks, p))
            name_toks = [_norm(w) for w in p.name.split()]
            if name_toks:
                # the surname and a lone given name resolve when no fuller form matched
                self.by_word.setdefault(name_toks[-1], p)
            self.gender[p.name] = _gender(p) or _gender_in_text(p, body)
        self.by_form.sort(key=lambda t: -len(t[0]))

    def by_name(self, phrase: str) -> PersonMention | None:
        """The person whose name or form the phrase contains, not as a possessive ("Trump's aide")."""
        raw = phrase.split()
        toks = [_norm(w) for w in raw]
        poss = [bool(_POSS.search(w)) for w in raw]
        toks = [_POSS.sub("", t) for t in toks]
        for form, p in self.by_form:
            n = len(form)
            for i in range(len(toks) - n + 1):
                if tuple(toks[i:i + n]) == form and not poss[i + n - 1]:
                    return p
        for i, t in enumerate(toks):
            if raw[i][:1].isupper() and not poss[i] and t in self.by_word:
                return self.by_word[t]
        return None

    def by_role(self, phrase: str) -> PersonMention | None:
        """The single person whose role shares the description's head noun ("the senator")."""
        words = [_norm(w) for w in phrase.split()]
        head = words[-1] if words else ""
        hits = [p for p in self.people if p.role and head in {_norm(w) for w in p.role.split()}]
        return hits[0] if len(hits) == 1 else None

    def compatible(self, p: PersonMention, gender: str | None) -> bool:
        """True when a pronoun of this gender can stand for the person."""
        g = self.gender.get(p.name)
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
