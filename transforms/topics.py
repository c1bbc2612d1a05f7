"""Category topics: score one article against the 17 IPTC Media Topics top-level categories.

Scoring is a weighted bag of words and word pairs (``topics_lexicon.LEXICON``): every lexicon
term found in the text adds ``weight * sqrt(count)`` to its categories, a term in the title
adds ``TITLE_BOOST * weight`` more, a term in the lede (the first paragraph) ``LEDE_BOOST *
weight`` more.  A word read inside a lexicon pair counts only for the categories the pair
shares ("white house" is no evidence for society through "white").  A category's score is
its share of the article's total, so scores sum to 1 over the 17 categories and compare
across articles.  Needs no corpus: one article in, ranked categories out, deterministic.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter

from transforms.model import TopicScore
from transforms.topics_lexicon import LEXICON

CATEGORIES: tuple[str, ...] = (
    "arts, culture, entertainment and media",
    "conflict, war and peace",
    "crime, law and justice",
    "disaster, accident and emergency incident",
    "economy, business and finance",
    "education",
    "environment",
    "health",
    "human interest",
    "labour",
    "lifestyle and leisure",
    "politics",
    "religion",
    "science and technology",
    "society",
    "sport",
    "weather",
)
CATEGORY_KIND = "category"
KEYPHRASE_KIND = "keyphrase"

TITLE_BOOST = 0.5  # a headline term adds this many times its weight on top of the body (the lead repeats it)
MIN_SHARE = 0.15  # a category below this share of the article's total is not linked ...
MIN_RELATIVE = 0.4  # ... nor one scoring below this fraction of the top category
MAX_BODY_CHARS = 2500  # the lead carries the topic; reading further costs speed, not accuracy
# The lede (the body's first paragraph, at most LEDE_CHARS characters) says what the story is
# about (inverted pyramid), more plainly than a headline: each lexicon term in it adds
# LEDE_BOOST times its weight once more.  It lifted BBC NMI by 0.007 and put more AllSides
# articles in the category their AllSides topic implies; 1.5 and 2.0 scored lower on BBC.
LEDE_BOOST = 1.0
LEDE_CHARS = 600
# How readily a category takes the top slot.  Cross-cutting categories (a trial of a company
# boss, a pension strike, a school row in parliament) need clearly more evidence than the desk
# the story belongs to; they are still linked as secondary topics.
CATEGORY_PRIOR = {
    "crime, law and justice": 0.6,
    "labour": 0.7,
    "society": 0.7,
    "human interest": 0.6,
    "lifestyle and leisure": 0.7,
    "education": 0.8,
}
# A cross-cutting category takes the top slot from the best desk category only when it scores
# at least DOMINANCE times as much (priors applied); the cross-cutting reading is still linked
# second.  Off (1.0): 1.5 lifts BBC NMI from 0.846 to 0.856 but moves AllSides crime, race and
# education stories to politics, so the priors alone decide.
DOMINANCE = 1.0
FALLBACK = "human interest"  # the top category when no lexicon term occurs at all

# Punctuation becomes a space before splitting: a chain of C-level str.replace calls measured
# two to three times faster here than one compiled findall or str.translate.  The possessive 's
# goes too, so "russia's invasion" still reads as the pair "russia invasion".
_PUNCT = (",", ".", "-", "/", '"', "\u201c", "\u201d", "(", ")", ":", ";", "?", "!", "[", "]",
          "\u2014", "\u2013", "'s ", "\u2019s ", "' ", "\u2019 ")
# The same marks in the order words() removes them.  Blanking the wide one-character marks and
# holding the curly apostrophe as a control character leaves most leads ASCII, which one
# translate lower-cases and blanks at once: lower() of a UCS-2 string costs ~5x more.  Exact:
# no mark changes under lower(), lower() makes no mark, and the two-character marks (the only
# ones that depend on case, through "s") still come last, on the lower-cased text.
_WIDE_MARKS = tuple(m for m in _PUNCT if len(m) == 1 and not m.isascii())
_ASCII_MARKS = tuple(m for m in _PUNCT if len(m) == 1 and m.isascii())
_ASCII_WORDS = str.maketrans({chr(i): " " if chr(i) in _ASCII_MARKS else chr(i).lower() for i in range(128)})
_TAIL_MARKS = tuple(m for m in _PUNCT if len(m) > 1)
_APOSTROPHE, _HELD = "\u2019", "\x01"  # a body has no control characters (text.clean)
_HELD_TAIL_MARKS = tuple(m.replace(_APOSTROPHE, _HELD) for m in _TAIL_MARKS)
_TF = [n ** 0.5 for n in range(64)]
_TITLE_TF = [0.0] + [TITLE_BOOST] * 63  # a headline term counts once, however often it is repeated
_LEDE_TF = [0.0] + [LEDE_BOOST] * 63  # so does a lede term
_PRIOR = [CATEGORY_PRIOR.get(label, 1.0) for label in CATEGORIES]
# A story about video games (a gaming tournament, a football game for consoles) is full of
# contest words: game, players, tournament, team, fans.  When the lead names video games at
# least GAMING_CUES_NEEDED times, those generic words lose their sport sense; the names of real
# sports ("football", "nfl") keep it.  "gaming" alone is no cue: it also means gambling.
GAMING_CUES_NEEDED = 2
_GAMING_CUES = ("gamer", "gamers", ("video", "game"), ("video", "games"), "console", "consoles",
                ("games", "console"), "xbox", "playstation", "nintendo", "esports", "gameplay",
                "multiplayer", ("computer", "game"), ("computer", "games"), ("video", "gaming"))
_CONTEST_WORDS = frozenset("""game games play played playing player players tournament tournaments
    tour tours team teams fans contest contests league leagues champion champions title titles final
    finals score scored event events match matches win won beat beaten victory defeat medal
    rival rivals star stars record records side draw""".split())
_SPORT = CATEGORIES.index("sport")
_DESKS = [i for i, label in enumerate(CATEGORIES) if label not in CATEGORY_PRIOR]


# Words whose plural means something else: "securities" are bonds and shares, not guards;
# "damages" are a court award, not storm damage.  Their plural is not matched as the word.
_OWN_PLURAL = frozenset({"security", "damage"})


def _plural(word: str) -> str:
    """The regular English plural of a lexicon word (used only to widen matching)."""
    if word in _OWN_PLURAL:
        return word
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _compile(lexicon: dict[str, dict[int, str]]) -> dict:
    """Index the lexicon as {word or (word, word): ((category index, weight), ...)}."""
    best: dict[tuple[str, ...], dict[int, float]] = {}
    for ci, label in enumerate(CATEGORIES):
        for weight, terms in lexicon[label].items():
            for raw in terms.split(","):
                words = tuple(raw.split())
                if len(words) > 2:  # "world health organization" -> "world health"
                    words = words[:2]
                if not words or any(w in _JOINERS for w in words):
                    continue
                # A word ending in s is taken as a plural already, except the singular -ss and -us
                # ("business", "witness", "virus", "campus"), whose plural is matched too.
                last = words[-1]
                plural = not last.endswith("s") or last.endswith(("ss", "us"))
                forms = [words, words[:-1] + (_plural(last),)] if plural else [words]
                for form in forms:
                    slot = best.setdefault(form, {})
                    slot[ci] = max(slot.get(ci, 0.0), float(weight))
    # One dict for both sizes: a word is a str key, a pair a tuple key, so one lookup each.
    return {key[0] if len(key) == 1 else key: tuple(sorted(slot.items())) for key, slot in best.items()}


def _shadows(terms: dict) -> dict:
    """For each lexicon pair, its words' categories the pair does not share: {pair: ((word, (ci, ...)), ...)}.

    A word read inside a pair takes the pair's sense: "white house" is no evidence for society
    ("white"), "trade war" none for conflict ("war"), "premier league" none for politics.
    """
    out = {}
    for key, entry in terms.items():
        if not isinstance(key, tuple):
            continue
        own = {ci for ci, _ in entry}
        lost = []
        for w in key:
            other = tuple(ci for ci, _ in terms.get(w, ()) if ci not in own)
            if other:
                lost.append((w, other))
        if lost:
            out[key] = tuple(lost)
    return out


# Joining words never start or end a lexicon pair ("of state" would match far too much).
_JOINERS = frozenset("the a an of and to in on for at by with from is was are were be as or v".split())
_TERMS = _compile(LEXICON)
_SHADOWS = _shadows(_TERMS)
_PAIR_OPENERS = frozenset(key[0] for key in _TERMS if isinstance(key, tuple))
# Words that on their own nearly settle a category ("annexation", "ceasefire"): named topics
# worth a key phrase even when the article uses them once.
TOPICAL_WORDS = frozenset(w for w, entry in _TERMS.items()
                          if isinstance(w, str) and max(weight for _, weight in entry) >= 3)


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: punctuation and possessive 's removed, split on whitespace."""
    for mark in _WIDE_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    held = _APOSTROPHE in text and _HELD not in text
    if held:
        text = text.replace(_APOSTROPHE, _HELD)
    if text.isascii():  # O(1)
        text = text.translate(_ASCII_WORDS) + " "
    else:
        text = text.lower() + " "
        for mark in _ASCII_MARKS:
            text = text.replace(mark, " ")
    for mark in _HELD_TAIL_MARKS if held else _TAIL_MARKS:
        text = text.replace(mark, " ")
    return (text.replace(_HELD, _APOSTROPHE) if held else text).split()


@functools.lru_cache(maxsize=8)
def analyze(title: str, body: str) -> tuple[list[str], list[str], Counter]:
    """Title words, the words of the body's lead, and how often each lead word occurs (first seen first).

    Cached so that ``categorize`` and ``key_phrases`` on the same article tokenize and count it once.
    """
    b_words = words(body[:MAX_BODY_CHARS])
    return words(title), b_words, Counter(b_words)


def marked_pairs(b_words: list[str], marks: bytes) -> list[tuple[str, str]]:
    """The adjacent word pairs (word i, word i + 1) at every i where ``marks[i]`` is non-zero, in order.

    A lead has ~400 pairs and callers keep a few dozen: finding the marked bytes in C and
    building only those tuples costs a fraction of zipping and filtering every pair.
    """
    out = []
    last = len(b_words) - 1  # the last word starts no pair
    i = marks.find(1, 0, last)
    while i >= 0:
        out.append((b_words[i], b_words[i + 1]))
        i = marks.find(1, i + 1, last)
    return out


def term_counts(b_words: list[str], counts: dict[str, int] | None = None) -> dict:
    """Counts of the lexicon words, then of the lexicon word pairs, in a word list (first seen first).

    ``counts`` is ``Counter(b_words)`` when the caller has it already (``analyze`` does).
    """
    terms = _TERMS
    if counts is None:
        counts = Counter(b_words)
    # The distinct words, not every mention, are looked up: about half as many lookups; the
    # dict is built in C (zip of the found words and their counts), not by a comprehension.
    hits = [*filter(terms.__contains__, counts)]
    found = dict(zip(hits, map(counts.__getitem__, hits)))
    # Only a pair opening with a word that opens some lexicon pair can be one (~1 pair in 12).
    for pair in filter(terms.__contains__, marked_pairs(b_words, bytes(map(_PAIR_OPENERS.__contains__, b_words)))):
        found[pair] = found.get(pair, 0) + 1
    return found


def _shadowed(counts: dict) -> dict:
    """{(word, category index): mentions of the word read inside a pair of another sense}."""
    shadowed: dict[tuple[str, int], int] = {}
    for pair in filter(_SHADOWS.__contains__, counts):  # C-level filter: most terms have no entry
        n = counts[pair]
        for word, cats in _SHADOWS[pair]:
            for ci in cats:
                shadowed[word, ci] = shadowed.get((word, ci), 0) + n
    return shadowed


def _add_evidence(scores: list[float], counts: dict, tf: list[float], gaming: bool = False) -> None:
    """Add each counted term's weight times ``tf[count]`` to its categories in ``scores``.

    ``gaming``: the article is about video games, so the generic contest words take no sport sense.
    """
    terms = _TERMS
    shadowed = _shadowed(counts)
    if gaming:
        for word in _CONTEST_WORDS.intersection(counts):
            shadowed[word, _SPORT] = shadowed.get((word, _SPORT), 0) + counts[word]
    for term, n in counts.items():
        if shadowed:
            for ci, weight in terms[term]:
                m = n - shadowed.get((term, ci), 0)
                if m > 0:
                    scores[ci] += weight * tf[m if m < 64 else 63]
        else:
            f = tf[n if n < 64 else 63]
            for ci, weight in terms[term]:
                scores[ci] += weight * f


# A photo caption or credit opening the body ("Image copyright Getty Images", "... (AP Photo/...)",
# "FILE - In this 2019 file photo, ...") describes a picture, not the story: the lede is the
# paragraph after it.
_CAPTION = re.compile(r"^(?:image (?:copyright|caption)|photo\b|file - )|getty images|\b(?:ap|reuters|file) photo|\(photo:",
                      re.IGNORECASE)


def _lede(body: str, t_words: list[str]) -> list[str]:
    """Words of the body's first paragraph (at most LEDE_CHARS characters).

    Some sources open the body with the headline again (5% of AllSides); the lede is then
    the paragraph after it, so that the headline is not counted as the lede too.
    """
    start = 0
    for _ in range(3):
        end = body.find("\n", start, start + LEDE_CHARS)
        para = body[start:end if end >= 0 else start + LEDE_CHARS]
        lede = words(para)
        if end < 0 or (lede != t_words and not _CAPTION.search(para)):
            return lede
        start = end + 1
        while body.startswith("\n", start):
            start += 1
    return []


def _is_gaming(counts: dict) -> bool:
    """Whether the lead names video games at least twice (gamers, consoles, Xbox, esports ...)."""
    return sum(counts.get(cue, 0) for cue in _GAMING_CUES) >= GAMING_CUES_NEEDED


def category_scores(title: str, body: str) -> list[float]:
    """Evidence per category (same order as CATEGORIES) for one article, priors applied."""
    t_words, b_words, counts = analyze(title, body)
    scores = [0.0] * len(CATEGORIES)
    found = term_counts(b_words, counts)
    t_found = term_counts(t_words) if t_words else {}
    gaming = _is_gaming(found) or _is_gaming(t_found)
    _add_evidence(scores, found, _TF, gaming)
    if t_words:
        _add_evidence(scores, t_found, _TITLE_TF, gaming)
    lede = _lede(body, t_words)
    if lede:
        _add_evidence(scores, term_counts(lede), _LEDE_TF, gaming)
    return [s * p for s, p in zip(scores, _PRIOR)]


def categorize(title: str, body: str) -> list[TopicScore]:
    """Ranked category topics for one article: the top one always, others above the threshold."""
    raw = category_scores(title or "", body or "")
    total = sum(raw)
    if total <= 0:
        return [TopicScore(FALLBACK, CATEGORY_KIND, 0.0)]
    ranked = sorted(range(len(CATEGORIES)), key=lambda i: (-raw[i], i))
    if ranked[0] not in _DESKS:
        desk = max(_DESKS, key=lambda i: (raw[i], -i))
        if raw[desk] > 0 and raw[ranked[0]] < DOMINANCE * raw[desk]:
            ranked.remove(desk)
            ranked.insert(0, desk)
    top = raw[ranked[0]]
    out = [TopicScore(CATEGORIES[ranked[0]], CATEGORY_KIND, round(top / total, 4))]
    for i in ranked[1:]:
        if raw[i] / total < MIN_SHARE or raw[i] < MIN_RELATIVE * top:
            break
        out.append(TopicScore(CATEGORIES[i], CATEGORY_KIND, round(raw[i] / total, 4)))
    return out


def _slug(label: str) -> str:
    """ASCII slug of a label: accents folded, runs of other characters become one hyphen."""
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def topic_id(kind: str, label: str) -> str:
    """Stable id of a topic: "category:politics", "keyphrase:prisoner-swap".

    The label is used as given: pass key phrases as ``key_phrases`` returns them (already
    normalized).  When the slug would lose letters (non-Latin script) or is very long, a short
    hash of the exact label is appended so that distinct labels keep distinct ids.
    """
    slug = _slug(label)
    lossy = sum(ch.isalnum() for ch in label) > sum(ch.isalnum() for ch in slug)
    if lossy or not slug or len(slug) > 60:
        digest = hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
        slug = f"{slug[:60].rstrip('-')}-{digest}" if slug else digest
    return f"{kind}:{slug}"
