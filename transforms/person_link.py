"""Cross-article person resolution: one canonical name (and person_id) per person in the corpus.

Pure and order-independent: the backbone recomputes it over the whole warehouse after each
load. Manual corrections come from an overrides text (format in docs/people.md).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_SPACE_RE = re.compile(r"\s+")
_VERBS = {"merge": 2, "split": 3, "rename": 2}  # directive -> number of fields after it


@dataclass(frozen=True)
class Overrides:
    """Manual corrections applied on every run (see docs/people.md for the text format)."""

    merges: dict[str, str] = field(default_factory=dict)  # folded name -> canonical name
    splits: dict[tuple[str, str], str] = field(default_factory=dict)  # (article_id, folded name) -> canonical
    renames: dict[str, str] = field(default_factory=dict)  # folded canonical -> new spelling


@lru_cache(maxsize=1 << 18)
def _fold(name: str) -> str:
    """Comparison key: accents, case, punctuation and spacing folded ("José  Martí." -> "jose marti")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_ALNUM_RE.sub(" ", text).split())


def person_id(name: str) -> str:
    """Return a stable slug for a canonical name ("Antony Blinken" -> "antony-blinken")."""
    slug = _fold(name).replace(" ", "-")
    return slug or "person-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def parse_overrides(text: str) -> Overrides:
    """Parse the overrides text; raise ValueError naming the line number of a bad line."""
    merges: dict[str, str] = {}
    splits: dict[tuple[str, str], str] = {}
    renames: dict[str, str] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [_SPACE_RE.sub(" ", p.strip()) for p in line.split("|")]
        verb = parts[0].lower()
        if verb not in _VERBS:
            raise ValueError(f"overrides line {lineno}: unknown directive {parts[0]!r}; "
                             f"use one of merge, split, rename")
        if len(parts) != _VERBS[verb] + 1 or not all(parts[1:]):
            raise ValueError(f"overrides line {lineno}: {verb} takes {_VERBS[verb]} non-empty "
                             f"fields separated by '|', got {line!r}")
        if verb == "merge":
            merges[_fold(parts[1])] = parts[2]
        elif verb == "split":
            splits[(parts[1], _fold(parts[2]))] = parts[3]
        else:
            renames[_fold(parts[1])] = parts[2]
    return Overrides(merges, splits, renames)


def _merged(name: str, merges: dict[str, str]) -> str:
    seen = set()
    while _fold(name) in merges and _fold(name) not in seen:  # follow chains, stop on cycles
        seen.add(_fold(name))
        name = merges[_fold(name)]
    return name


def _spelling(counts: Counter[str]) -> str:
    """Most frequent spelling; ties go to the alphabetically first, so load order never matters."""
    return min(counts, key=lambda s: (-counts[s], s))


def link_people(
    rows: Iterable[tuple[str, str]], overrides: Overrides | None = None
) -> dict[tuple[str, str], str]:
    """Map each (article_id, name_in_article) pair to its corpus canonical name."""
    ov = overrides or Overrides()
    result: dict[tuple[str, str], str] = {}
    articles_per_name: Counter[str] = Counter()
    pairs = sorted(set(rows))
    for aid, name in pairs:
        split = split_canonical(aid, name, ov)
        if split is not None:
            result[(aid, name)] = split
        else:
            articles_per_name[name] += 1
    canonical = link_names(articles_per_name, ov)
    for pair in pairs:
        if pair not in result:
            result[pair] = canonical[pair[1]]
    return result


def split_canonical(article_id: str, name: str, overrides: Overrides) -> str | None:
    """The canonical name a `split` override gives this article's name, else None."""
    split = overrides.splits.get((article_id, _fold(name)))
    return None if split is None else overrides.renames.get(_fold(split), split)


def link_names(articles_per_name: dict[str, int], overrides: Overrides | None = None) -> dict[str, str]:
    """Map each name_in_article to its corpus canonical name.

    articles_per_name: how many articles name the person so (split pairs left out). Linking
    needs only these counts, not the (article, name) pairs: the warehouse passes one row per
    distinct name, so memory grows with the number of names, not of mentions.
    """
    ov = overrides or Overrides()
    merged = {name: _merged(name, ov.merges) for name in articles_per_name}
    # full names: one entry per folded spelling
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for name, m in merged.items():
        spellings[_fold(m)][m] += articles_per_name[name]
    alias = _initialled_aliases(spellings)
    for key, plain in alias.items():
        spellings[plain].update(spellings.pop(key))
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in spellings:
        words = key.split()
        if len(words) > 1:
            by_surname[words[-1]].add(key)
    result: dict[str, str] = {}
    for name, m in merged.items():
        key = _fold(m)
        key = alias.get(key, key)
        if len(key.split()) == 1 and len(by_surname.get(key, ())) == 1:
            key = next(iter(by_surname[key]))  # a bare surname with one full-name match
        canonical = _merged(_spelling(spellings[key]), ov.merges) if key in spellings else m
        result[name] = ov.renames.get(_fold(canonical), canonical)
    return result


def _initialled_aliases(spellings: dict[str, Counter[str]]) -> dict[str, str]:
    """Folded names with middle initials ("donald j trump") -> the same name without them, when both occur.

    Only when one initialled form shares the plain name: "george h w bush" and "george w bush"
    are two people, and "george bush" could be either.
    """
    forms: dict[str, list[str]] = defaultdict(list)
    for key in spellings:
        words = key.split()
        if len(words) > 2 and len(words[0]) > 1 and len(words[-1]) > 1 and all(len(w) == 1 for w in words[1:-1]):
            forms[words[0] + " " + words[-1]].append(key)
    return {keys[0]: plain for plain, keys in forms.items() if len(keys) == 1 and plain in spellings}
