"""Clause subjects: which words before a cue verb (or opening a sentence) are its speaker phrase.

Attribution finds a cue verb first ("said", "saying"); this module decides who its subject is, from
the words alone: the phrase ending the clause right before the verb ("..., Kall said"), the subject
opening a clause past fronted adverbials ("Shortly afterwards, Spicer ..."), or the subject a
participle carries itself ("with Trump reportedly yelling"). It is kept apart from cue finding
because these rules are about English clause shape, not about quotation marks, and they are the
part most often tuned; the word classes shared with cue finding are defined here, once.
"""
from __future__ import annotations

import re
from functools import lru_cache

from transforms.quotes_lexicon import CUE_VERBS, LEADING_FILLERS

_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Maj|Adm|Cmdr|Det|Atty|Amb|Pres|Sens|Reps)\."
TOKEN = rf"(?:{_ABBR}|[A-Z]\.(?:[A-Z]\.)*|[\w'\u2019&-]+)"
# Abbreviations whose period does not end a sentence, beyond the titles: "Apple Inc. Chief Executive",
# "an Aug. 12 call".
_ABBR_WORD = re.compile(rf"{_ABBR}|(?:Inc|Co|Corp|Ltd|Bros|Ave|Blvd|Mt|Ft|Govs|Ret|No|Jan|Feb|Mar|"
                        r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.")
PAREN = re.compile(r"\s*\([^()\n]{1,30}\)")  # "Rep. Gwen Moore (D-Wis.) said": not part of the name
DASHES = ("\u2015", "\u2014", "\u2013", "-")
_WORD = re.compile(TOKEN)
# Finite verbs that never sit inside a speaker phrase (lowercase: "Will", "Is" in a name are not verbs).
FINITE_VERBS = frozenset("is was are were has have had".split())
# A dateline: a place in capitals or with a wire agency, then a dash ("NEW YORK -", "Washington (AFP) –").
_DATELINE = re.compile(r"(?P<place>[A-Z][\w.]*(?:,? [A-Z][\w.]*){0,3})\s*(?P<agency>\([A-Za-z ]{2,20}\))?"
                       r"\s+[-\u2013\u2014]{1,2}\s+")
_DATELINE_DASH = re.compile(r"\s[-\u2013\u2014]")
_QUOTED_AS = re.compile(r"\s+(?:was|were|is|are|has been|had been|have been)\s+(?:\w+ly\s+)?quoted\s+as\s*$")
CLAUSE_BREAK = re.compile(r"\b(?:that|who|which|what|when|while|because|if|as|after|before|where|whom)\b|[;(\u2014]")
_NP_STOP = frozenset("""is was are were be been has have had will would can could did does do spoke went made
took gave met sat stood ran came got held says said told with in on at from to for during after before since
into over under about against by of than who which that while when where and but""".split())
DETERMINERS = frozenset("the a an his her their its our this that these those one another".split())
_PREPS = frozenset("at in on during with from for after before by".split())
_PLACE_PREPS = frozenset("in of from at near".split())
_ASIDE_OPENERS = _PLACE_PREPS | {"during"}  # "in Columbus", "during a rally": asides after the subject
_CONTACT_VERBS = frozenset("speaking talking writing".split())
# Prepositions after a participle that describes the subject: "Protesters marching through the streets".
_MOTION_PREPS = frozenset("through outside inside near along across into past toward towards".split())
_TITLE_MODIFIERS = frozenset("former then-president democrat senior top veteran longtime acting".split())
_COMPASS = frozenset("New North South East West Rhode".split())
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                 "July August September October November December".split())
_ADVERBIAL_OPENERS = frozenset("""in on at after before shortly later earlier meanwhile however during following
when while as despite asked speaking since for with without by from under over last separately instead still
like unlike according hours minutes days weeks months years moments
yet also then now today yesterday this
if although though because unless until once amid amidst upon throughout soon early here
likewise similarly moreover nevertheless nonetheless indeed thus therefore otherwise besides again finally
additionally"""
                               .split())
# Last words of a fronted time phrase: "Hours later,", "But that morning," (short: "Trump spoke Monday night,"
# is a clause)
_AGO = frozenset("later ago earlier afterward afterwards".split())
_TIME_ENDS = _AGO | frozenset("morning afternoon evening night week weekend".split())
# One-word adverbs that open a clause without a comma: "Then he ...", "Now Trump says ..."
_LONE_ADVERBS = frozenset("then now also still later meanwhile instead separately soon".split())
_CHUNK_SPLIT = re.compile(r",(?!\d{3})|\s[\u2014\u2013]\s|\s--\s")  # "2,000" is one number
# Last word of a party aside after a name: "Rep. Tom Cole, Oklahoma Republican, said".
_PARTIES = frozenset("Republican Democrat Independent".split())
_TAG = re.compile(r"[RDI]-|\d")  # "R-N.C.", an age: asides after a name, not the speaker
SUBJECT_PRONOUNS = frozenset("he she they we i it".split())
# Adverbs between an appositive's comma and the cue: "Jeffrey Wall, the administration's attorney, further said".
# Not "then": "He paused for a moment, then concluded" goes on with the clause's own subject.
_ADVERBS = frozenset("also later once again previously recently further never still earlier".split())
NAME_GLUE = frozenset("de da del van von der bin al la le".split())
AUX_WORDS = frozenset("""has have had would will also later then once again previously recently did does not
went on to go goes further
didn't doesn't don't won't wouldn't can't couldn't never didn\u2019t doesn\u2019t don\u2019t won\u2019t""".split())


@lru_cache(maxsize=8192)  # the same phrases recur: "he", "Trump", "the president"
def clean_np(np: str) -> str:
    """A speaker phrase without trailing auxiliaries or leading fillers."""
    if "quoted" in np:
        np = _QUOTED_AS.sub("", np)  # "Khanzadi was quoted as (saying)": the subject of the passive speaks
    words = np.split()
    if len(words) > 1 and not FINITE_VERBS.isdisjoint(words[-4:]):
        for j in range(max(1, len(words) - 4), len(words)):
            if words[j] in FINITE_VERBS and all(w.islower() for w in words[j + 1:]):
                # "Mr. Ryan has long (argued)", "Modi was quick (to mock)": the subject before its verb
                words = words[:j]
                break
    while words and words[0].lower() in LEADING_FILLERS:
        words = words[1:]
    if len(words) > 2 and words[-2].lower() in ("this", "last", "next") and words[-1].lower() in _TIME_ENDS:
        words = words[:-2]  # "The letter to Congress this week (warned)": a time, not part of the speaker
        if len(words) > 1 and words[-1] in ("late", "early"):
            words = words[:-1]  # "McCullough late last week"
    while words and (words[-1].lower() in AUX_WORDS or words[-1].lower().endswith("ly") and words[-1].islower()):
        if words[-1][:1].isupper() and len(words) > 1 and words[-2][:1].isupper():
            break  # "George Will": a capitalized word after a name goes with the name, not an auxiliary
        words = words[:-1]
    return " ".join(words).strip(" ,\"\u201c\u201d\u2018\u2019")


def _ends_sentence(word: str) -> bool:
    """True when a word closes a sentence: "Putin." (not "Sen.", "U.S.", "Inc.", an initial "F.")."""
    if word.endswith(("!", "?")):
        return True
    core = word[:-1]
    return word.endswith(".") and len(core) > 1 and core.isalpha() and not _ABBR_WORD.fullmatch(word)


def _tail_np(words: list[str]) -> str:
    """The phrase ending a clause: a run of capitalized words, or back to the last determiner.

    Never past a sentence end: in "meeting with Vladimir Putin. He didn't suggest" the subject is "He".
    """
    if not words:
        return ""
    for k in range(len(words) - 2, -1, -1):
        if _ends_sentence(words[k]):
            words = words[k + 1:]
            break
    if words[-1][:1].isupper():
        k = len(words) - 1
        while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() in NAME_GLUE):
            k -= 1
        return " ".join(words[k:])
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in DETERMINERS:
            return " ".join(words[k:])
    return " ".join(words[-4:])


@lru_cache(maxsize=8192)  # clause ends recur across a batch (" he", "Smith") and within an article
def subject_before(seg: str) -> str:
    """The speaker phrase that ends a clause just before a cue verb ("..., Kall" / "Blinken")."""
    seg = (PAREN.sub("", seg) if "(" in seg else seg).rstrip()  # "Pat Toomey (R-Pa.) told"
    for dash in (" -", "\u2013", "\u2014"):
        if seg.endswith(dash) and seg[:-len(dash)].count(dash.strip()) >= 1:
            # "Steve Mnuchin - the first of the delegation - said": the subject is before the aside
            seg = seg[:-len(dash)].rsplit(dash.strip(), 1)[0].rstrip()
            break
    head, _, adverbs = seg.rpartition(",")
    if head and adverbs.split() and all(w in _ADVERBS for w in adverbs.split()):
        seg = head + ","  # "Jeffrey Wall, the administration's attorney, further insisted": the name before
    if seg.endswith(","):
        # "Daryl Kimball, executive director of X, said" / "The head of X, Alberto Fernandez, wrote"
        chunks = _drop_place_asides(seg[:-1].split(","))
        for r in range(len(chunks) - 2, max(0, len(chunks) - 4), -1):
            if chunks[r].split()[:1] and chunks[r].split()[0].lower() in ("who", "whose") \
                    and all(c.strip()[:1].isupper() for c in chunks[r + 1:]):
                # "Swanson, who is a pastor in Elizabeth, Colorado, slammed": the name before the clause
                chunks = chunks[:r + 1]
                break
        relative = chunks[-1].split()[:1] and chunks[-1].split()[0].lower() in ("who", "which", "whose", "whom")
        while relative and len(chunks) > 2 and _party_aside(chunks[-2]):
            # "Rep. Adam Schiff, D-Calif., who chairs X, said": the name before its party aside
            chunks = chunks[:-2] + chunks[-1:]
        inner = clean_np(CLAUSE_BREAK.split(chunks[-1])[-1])
        # "Rep. Tom Cole, Oklahoma Republican, said": a party aside sends us to the chunk before, like an age
        if len(chunks) == 1 or (not relative and inner[:1].isupper() and not _party_aside(inner)
                                and inner.split()[0].lower() not in DETERMINERS):
            return _tail_np(inner.split()[-8:])
        return _tail_np(clean_np(CLAUSE_BREAK.split(chunks[-2])[-1]).split()[-8:])
    chunks = _CHUNK_SPLIT.split(seg)  # "She greeted 2,000 supporters and told": one clause
    seg = chunks[-1]
    seg = CLAUSE_BREAK.split(seg)[-1]
    words = clean_np(seg).split()
    tail = _tail_np(words[-8:]).split()
    k = len(words) - len(tail)
    if tail and tail[0].lower() in DETERMINERS and k >= 2 and tail[-1].lower() not in ("and", "but", "or") \
            and words[k - 1].lower() in _PREPS \
            and (words[k - 2][:1].isupper() or words[k - 2].lower() in SUBJECT_PRONOUNS):
        words = words[:k - 1]  # "Trump at the time said": the subject before the phrase
    else:
        for j in range(len(words) - 2, 0, -1):
            if words[j] in _CONTACT_VERBS and words[j + 1] in ("to", "with"):
                words = words[:j]  # "Another source speaking to Fox News said": the source, not its listener
                break
            if j <= 4 and words[j].endswith("ing") and words[j].islower() and words[j + 1] in _MOTION_PREPS \
                    and words[j - 1].lower() not in DETERMINERS | _PREPS | {"and", "or", "but"} \
                    and not words[j - 1].endswith("ing"):
                # "Protesters marching through the streets chanted": the marchers, not the streets
                words = words[:j]
                break
    if words and words[-1].lower() in ("and", "but", "or"):
        # "Trump gestured ..., then leaned in and boomed": the last clause with a subject of its own
        np = leading_np(seg)
        if np and (np[:1].isupper() or np.lower() in SUBJECT_PRONOUNS):
            return np  # "when he brought it up and later said"
        for chunk in reversed(chunks):
            w0 = chunk.split()[:1]
            np = leading_np(chunk) if w0 and w0[0].lower() not in _ADVERBIAL_OPENERS else ""
            if np and (np[:1].isupper() or np.lower() in SUBJECT_PRONOUNS):
                return np
    if words and (words[-1].lower() in ("and", "but", "or") or words[-1] in DAYS):
        return leading_np(seg)  # "X outlined his plan and vowed": the clause's own subject
    return _tail_np(words[-8:])


def _party_aside(chunk: str) -> bool:
    """True for an aside naming a party after a name: "D-Calif.", "Oklahoma Republican"."""
    words = chunk.split()
    return bool(words) and len(words) <= 3 and (bool(_TAG.match(words[0])) or words[-1] in _PARTIES)


def _drop_place_asides(chunks: list[str]) -> list[str]:
    """Comma chunks without a trailing "in Columbus, Ohio" or "22, of Flint, Mich." aside after the subject.

    A state or country after a "<preposition> <Place>" chunk is not the speaker, and neither is the
    prepositional phrase or age before it: "Cory James, 22, of Flint, Mich., said" -> "Cory James".
    """
    if len(chunks) < 2:
        return chunks
    last, prev = chunks[-1].split(), chunks[-2].split()
    # a state or country is one word, or two after a compass word ("New Hampshire"); two other
    # capitalized words are a name in apposition: "The head of Fox, Alberto Fernandez,"
    state = len(last) == 1 or len(last) == 2 and last[0] in _COMPASS
    if not (state and all(w[:1].isupper() for w in last)
            and len(prev) >= 2 and prev[-2].lower() in _PLACE_PREPS and prev[-1][:1].isupper()):
        return chunks
    rest = chunks[:-1]
    while len(rest) > 1 and rest[-1].split()[:1] and (rest[-1].split()[0].lower() in _ASIDE_OPENERS
                                                       or rest[-1].strip().isdigit()):
        rest = rest[:-1]
    if len(chunks) == 2 and len(prev) > 2:  # "A resident of Flint, Mich.": the words before the place
        words = prev[:-2]
        for j in range(2, len(words) - 1):
            if words[j] in _PLACE_PREPS and words[j + 1] == "the" and words[j - 1][:1].isupper():
                words = words[:j]  # "Rabbi Steven Moss of the B'nai Israel Temple in Oakdale, N.Y.": the name
                break
        rest = [" ".join(words)]
    return rest


def _strip_dateline(sentence: str) -> str:
    """The sentence without a dateline opening it: "NEW YORK - ", "Washington (AFP) – "."""
    m = _DATELINE.match(sentence)
    if m and (m.group("agency") or m.group("place").replace(",", "").replace(".", "").replace(" ", "").isupper()):
        return sentence[m.end():]
    return sentence


def leading_np(sentence: str) -> str:
    """The subject that opens a clause: words up to its first verb or preposition."""
    if _DATELINE_DASH.search(sentence, 0, 48):  # cheap test first: most sentences have no dateline
        sentence = _strip_dateline(sentence)
    out: list[str] = []
    toks = [m.group() for m in _WORD.finditer(sentence)]
    for i, w in enumerate(toks):
        low = w.lower()
        adjective = len(out) == 1 and out[0].lower() in DETERMINERS  # "The retired neurosurgeon"
        if out and (low in _NP_STOP or (w.islower() and low.endswith("ed") and not adjective)
                    or low in CUE_VERBS or w == "-"):
            break
        if not out and low in LEADING_FILLERS:
            continue
        if out and w.islower() and out[0][:1].isupper() and out[0].lower() not in DETERMINERS \
                and low not in NAME_GLUE \
                and not (all(_modifier(o) for o in out if o[:1].isupper()) and _title_before_name(toks, i)):
            break  # a name is over at its first lowercase word: "Trump cut into"
        out.append(w)
        if len(out) >= 8 or (len(out) == 1 and low in ("he", "she", "they", "we", "i", "it")):
            break
    return " ".join(out)


def _modifier(word: str) -> bool:
    """True for a capitalized word that modifies a title rather than names someone: "Republican", "Former"."""
    low = word.lower()
    return low in _TITLE_MODIFIERS or low.endswith(("an", "ic", "ish", "ese"))


def _title_before_name(toks: list[str], i: int) -> bool:
    """True when the lowercase words from toks[i] are a title before a name: "Republican presidential
    candidate Donald Trump", "Former first lady Laura Bush" (not "Trump cut into", "Obama thanks Biden")."""
    j = i
    while j < len(toks) and j - i < 3 and toks[j].islower():
        w = toks[j]
        if w in _NP_STOP or w in CUE_VERBS or w in AUX_WORDS or w.endswith(("ed", "ly")) \
                or w.endswith("s") and not w.endswith("ss"):  # "thanks", "lawmakers": a verb or a plural
            return False
        j += 1
    return j > i and j + 1 < len(toks) and toks[j][:1].isupper() and toks[j + 1][:1].isupper()


def clause_subject(sentence: str) -> str:
    """The subject of a sentence's main clause, past fronted adverbials ("Shortly afterwards, Spicer")."""
    sentence = _strip_dateline(sentence.lstrip())
    fronted = False
    chunks = _CHUNK_SPLIT.split(sentence)
    for ci, chunk in enumerate(chunks):
        words = chunk.split()
        while words and words[0].lower() in ("but", "and", "so", "yet"):
            words = words[1:]
        if len(words) > 2 and words[0].lower() in _LONE_ADVERBS and (words[1].lower() in SUBJECT_PRONOUNS or (
                words[1][:1].isupper() and words[2].islower())):
            return leading_np(" ".join(words[1:]))  # "Then he cut into Bush, calling": an adverb, not a phrase
        if not words or words[0].lower().strip("\"\u201c") in _ADVERBIAL_OPENERS \
                or (words[0].lower() == "even" and len(words) > 1 and words[1].lower() in _ADVERBIAL_OPENERS) \
                or (len(words) == 1 and len(words[0]) > 2 and words[0].isupper()) \
                or (words[0].endswith("ing") and words[0][:1].isupper() and len(words) > 1) \
                or words[-1].lower() in _TIME_ENDS and (len(words) <= 3 or words[-1].lower() in _AGO):
            fronted = True
            continue  # "Hours later," / a dateline "WASHINGTON," / "Speaking at a rally,"
        np = leading_np(chunk)
        nxt = chunks[ci + 1].split()[:1] if ci + 1 < len(chunks) else []
        if np[:1].islower() and np.lower() not in SUBJECT_PRONOUNS and np.split()[0].lower() not in DETERMINERS \
                and nxt and (nxt[0][:1].isupper() or nxt[0].lower() in SUBJECT_PRONOUNS):
            fronted = True
            continue  # "But back on American soil, he returned": no subject in a fronted phrase
        if fronted and len(np.split()) >= len(words):
            continue  # "Speaking in Salem, New Hampshire,": the place goes with the fronted phrase
        return np
    return ""


def participle_subject(pre: str) -> str:
    """The subject a participle cue carries itself: "with Trump reportedly yelling", "- Ryan saying"."""
    if pre.rstrip().rstrip("\"\u201d\u2019").endswith(","):
        return ""  # "..., saying" / `book titled "The Tragedy," explaining`: the main clause's subject
    words = pre.split()
    while words and words[-1].islower() and words[-1].endswith("ly"):
        words = words[:-1]  # "reportedly", "repeatedly": between the subject and its participle
    if len(words) < 2 or words[-1].endswith(","):
        return ""
    for k in range(len(words) - 2, max(-1, len(words) - 8), -1):
        if words[k].lower() == "with":
            # an absolute phrase: "with one of her ads asking" / "with Sen. John McCain telling"
            np = words[k + 1:]
            verbal = any(w.endswith((",", ";", ":")) or w.lower() in CUE_VERBS
                         or (w.lower() in _NP_STOP and w.lower() != "of") for w in np)
            if not verbal and (np[0][:1].isupper() or np[0].lower() in DETERMINERS):
                return " ".join(np)
            break
    if words[-1][:1].isupper() and words[-1] not in DAYS and _tail_np(words[-6:]) != " ".join(words[-6:]):
        tail = _tail_np(words[-6:])
        glue = words[-len(tail.split()) - 1]
        if glue.lower() in ("of", "by", "from", "and") or glue in DASHES or glue == "--":
            return tail  # "footage of Hillary Clinton asking" / "- Ryan saying he was"
    return ""


def verb_led(np: str) -> bool:
    """True when a phrase opens with a verb form, not a noun: "has been made available", "is likely to be"."""
    w = np.split()[0]
    return w.islower() and (w in _NP_STOP or w in AUX_WORDS or w.endswith(("ed", "ing")))
