"""Plain records that the extractors exchange: one declared shape per extracted fact."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PersonMention:
    """One person as one article names them (in-article resolution already applied)."""

    name: str  # fullest form the article gives, titles stripped: "Antony Blinken"
    forms: list[str] = field(default_factory=list)  # every surface form seen: "Blinken", "Mr. Blinken"
    mention_count: int = 0  # title + body mentions, all forms
    role: str | None = None  # first title/description as written: "US Secretary of State"
    first_offset: int | None = None  # first mention's char offset into body; None if only in title
    spans: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each body mention


@dataclass
class Quote:
    """One quotation in the body, with its speaker as written and as resolved in the article."""

    text: str  # quoted words, marks excluded; pieces across paragraphs joined by one space
    kind: str  # "direct" | "partial"
    start: int  # offset into body of the first quoted character
    end: int  # offset into body just after the last quoted character (exclusive)
    speaker_text: str | None = None  # as written at the cue: "Blinken", "he", "the top US diplomat"
    speaker_name: str | None = None  # PersonMention.name this resolves to, None for orgs/unnamed
    verb: str | None = None  # cue verb: "said", "told", "according to"


@dataclass
class TopicScore:
    """One topic for one article: a fixed category or a key phrase."""

    label: str  # category label, or the normalized key phrase
    kind: str  # "category" | "keyphrase"
    score: float
