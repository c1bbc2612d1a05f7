"""Cue finding: the speaker phrase and verb that attribute a quotation, as written."""
from __future__ import annotations

import re

from transforms.quotes_lexicon import CUE_VERBS, LEADING_FILLERS, PARTICIPLE_CUES

# Cue words are found by scanning lowercase words against a set: a 250-word regex
# alternation is ten times slower on long bodies.
_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Maj|Adm|Cmdr|Det|Atty|Amb|Pres|Sens|Reps)\."
_TOK = rf"(?:{_ABBR}|[A-Z]\.(?:[A-Z]\.)*|[\w'\u2019&-]+)"
_SP = r"[ \t\u00a0]+"
_VS_VERBS = frozenset("""said says added adds asked asks wrote writes told continued explained recalled replied
insisted argued noted warned tweeted""".split())
_TOKP = re.compile(rf"{_TOK}|[,.;:!?()\u2014\u2013\u2015\"\u201c\u201d]")
_STOP_TOKS = frozenset(",.;:!?()\u2014\u2013\u2015\"\u201c\u201d")
_LWORD = re.compile(r"[a-z]+")
_PAREN = re.compile(r"\s*\([^()\n]{1,30}\)")  # "Rep. Gwen Moore (D-Wis.) said": not part of the name
_DASHES = ("\u2015", "\u2014", "\u2013", "-")
_ACCORDING = re.compile(rf"\baccording to{_SP}(?P<spk>[^,.;:]{{2,80}}?)\s*,?\s*$", re.I)
_WORD = re.compile(_TOK)
_SENT_END = re.compile(r"[.!?][\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018A-Z])")
_ABBREVS = frozenset("mr mrs ms dr st jr sr lt sen rep gov gen col sgt capt prof rev maj adm no vs u.s a.m p.m".split())
_CLAUSE_BREAK = re.compile(r"\b(?:that|who|which|when|while|because|if|as|after|before|where|whom)\b|[;(\u2014]")
_NOT_SPEAKER = frozenset("""in on at to for from with by that this it there what who as of about after before
during into than then when while if since because so not also""".split())
_NP_STOP = frozenset("""is was are were be been has have had will would can could did does do spoke went made
took gave met sat stood ran came got held says said told with in on at from to for during after before since
into over under about against by of than who which that while when where and but""".split())
_DETERMINERS = frozenset("the a an his her their its our this that these those one another".split())
# A word right before a cue that makes it a noun or an infinitive: "in a tweet", "to say".
_NOUN_BEFORE = frozenset("the a an his her their its our my your this that these those of in late-night to".split())
_NAME_GLUE = frozenset("de da del van von der bin al la le".split())
_AUX_WORDS = frozenset("has have had would will also later then once again previously recently did does not".split())


def sentence_start(body: str, lo: int, pos: int) -> int:
    """Offset where the sentence holding pos begins, not before lo."""
    lo = max(lo, pos - 400)
    start = lo
    for m in _SENT_END.finditer(body, lo, pos):
        k = m.start()
        word = body[max(lo, k - 4):k].rsplit(None, 1)[-1:] if k > lo else []
        w = word[0].lower().lstrip("(\"\u201c") if word else ""
        if body[k] == "." and (w in _ABBREVS or (len(w) == 1 and w.isalpha())):
            continue  # "Mr. Obama", "John F. Kennedy": not a sentence end
        start = m.end()
    return start


def find_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of each cue word in a short text, "according to" included."""
    out = []
    for m in _LWORD.finditer(text):
        w, s, e = m.group(), m.start(), m.end()
        if s and (text[s - 1].isalnum() or text[s - 1] in "-'\u2019"):
            continue
        if e < len(text) and (text[e].isalnum() or text[e] == "-"):
            continue
        if w in CUE_VERBS:
            out.append((s, e, w))
        elif w == "according" and text.startswith(" to", e):
            out.append((s, e + 3, "according to"))
    return out


def _clean_np(np: str) -> str:
    """A speaker phrase without trailing auxiliaries or leading fillers."""
    words = np.split()
    while words and words[0].lower() in LEADING_FILLERS:
        words = words[1:]
    while words and (words[-1].lower() in _AUX_WORDS or words[-1].lower().endswith("ly") and words[-1].islower()):
        words = words[:-1]
    return " ".join(words).strip(" ,")


def _ok_speaker(np: str) -> bool:
    """True when the phrase could be a speaker rather than a clause fragment."""
    words = np.split()
    if not words or len(words) > 9 or words[0].lower() in _NOT_SPEAKER:
        return False
    return not any(w.lower() in CUE_VERBS for w in words)


def after_cue(text: str) -> tuple[str, str | None] | None:
    """(speaker, verb) when the text right after a closing mark attributes the quotation."""
    text = _PAREN.sub("", text[:160])
    toks = list(_TOKP.finditer(text))
    i = 0
    while i < len(toks) and toks[i].group() in (",", *_DASHES):
        i += 1
    if i >= len(toks):
        return None
    if i and toks[i - 1].group() in _DASHES and toks[i].group()[:1].isupper():
        # a dash byline: `” ― Sonya Herridge`
        j = i
        while j < len(toks) and toks[j].group()[:1].isupper() and j - i < 5:
            j += 1
        return text[toks[i].start():toks[j - 1].end()], None
    w = toks[i].group()
    if w in _VS_VERBS or (w == "according" and text.startswith(" to", toks[i].end())):
        # inverted: `," said Daryl Kimball, executive director`
        j = i + 2 if w == "according" else i + 1
        k = j
        while k < len(toks) and k - j < 8 and toks[k].group() not in _STOP_TOKS:
            k += 1
        if k == j:
            return None
        spk = _clean_np(text[toks[j].start():toks[k - 1].end()])
        if _ok_speaker(spk) or spk[:4].lower() in ("the ", "a ", "an "):
            return spk, "according to" if w == "according" else w
        return None
    # `," Blinken told reporters.` / `," the senator, who chairs X, said`
    for k in range(i, min(len(toks), i + 14)):
        t = toks[k].group()
        if t in _STOP_TOKS and t != ",":
            return None
        if k > i and t in CUE_VERBS:
            seg = text[toks[i].start():toks[k].start()]
            if "," in seg:  # an appositive between speaker and verb: keep the part before it
                head, tail = seg.split(",", 1)
                seg = head if tail.strip() and not tail.strip()[:1].isupper() else seg.rsplit(",", 1)[0]
            spk = _clean_np(seg)
            return (spk, t) if _ok_speaker(spk) else None
    return None


def tail_cue(rest: str) -> tuple[str, str] | None:
    """(speaker, verb) from a cue closing the sentence after a quoted fragment: `..., she said.`"""
    cues = [c for c in find_cues(rest) if c[2] in _VS_VERBS]
    if not cues:
        return None
    s, e, verb = cues[-1]
    if len(rest[e:].split()) > 3 or "," not in rest[:s]:
        return None
    spk = _clean_np(rest[:s].rsplit(",", 1)[1])
    return (spk, verb) if _ok_speaker(spk) else None


def _tail_np(words: list[str]) -> str:
    """The phrase ending a clause: a run of capitalized words, or back to the last determiner."""
    if not words:
        return ""
    if words[-1][:1].isupper():
        k = len(words) - 1
        while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() in _NAME_GLUE):
            k -= 1
        return " ".join(words[k:])
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in _DETERMINERS:
            return " ".join(words[k:])
    return " ".join(words[-4:])


def subject_before(seg: str) -> str:
    """The speaker phrase that ends a clause just before a cue verb ("..., Kall" / "Blinken")."""
    seg = seg.rstrip()
    if seg.endswith(","):
        # "Daryl Kimball, executive director of X, said" / "The head of X, Alberto Fernandez, wrote"
        chunks = seg[:-1].split(",")
        inner = _clean_np(_CLAUSE_BREAK.split(chunks[-1])[-1])
        if len(chunks) == 1 or (inner[:1].isupper() and inner.split()[0].lower() not in _DETERMINERS):
            return _tail_np(inner.split()[-8:])
        return _tail_np(_clean_np(_CLAUSE_BREAK.split(chunks[-2])[-1]).split()[-8:])
    seg = seg.rsplit(",", 1)[-1]
    seg = _CLAUSE_BREAK.split(seg)[-1]
    return _tail_np(_clean_np(seg).split()[-8:])


def leading_np(sentence: str) -> str:
    """The subject that opens a clause: words up to its first verb or preposition."""
    out: list[str] = []
    for m in _WORD.finditer(sentence):
        w = m.group()
        low = w.lower()
        if out and (low in _NP_STOP or (w.islower() and low.endswith("ed")) or low in CUE_VERBS or w == "-"):
            break
        if not out and low in LEADING_FILLERS:
            continue
        out.append(w)
        if len(out) >= 8:
            break
    return " ".join(out)


def reporting_clauses(seg: str):
    """(speaker phrase, verb) of each reporting clause in a stretch of text, in order."""
    for s, e, verb in find_cues(seg):
        pre = seg[max(0, s - 120):s]
        words = pre.split()
        if words and words[-1].lower() in _NOUN_BEFORE:
            continue
        spk = subject_before(pre)
        if spk and _ok_speaker(spk):
            yield spk, verb
        elif verb in _VS_VERBS:
            post = after_cue(seg[s:s + 120])
            if post:
                yield post


def before_cue(before: str, sentence: str, prev_speaker: str | None, first: bool,
               ) -> tuple[str, str] | None:
    """(speaker, verb) from the reporting clause before an opening mark, in the same sentence."""
    m = _ACCORDING.search(before)
    if m:
        return m.group("spk").strip(), "according to"
    cues = [c for c in find_cues(before)
            if not (before[:c[0]].split()[-1:] and before[:c[0]].split()[-1].lower() in _NOUN_BEFORE)]
    if not cues:
        return None
    for c in (cues if first else cues[::-1]):
        verb, pre = c[2], before[:c[0]]
        if verb in PARTICIPLE_CUES:
            if not pre.rstrip().endswith(",") and pre.split()[-1:] and pre.split()[-1][:1].isupper():
                return _tail_np(pre.split()[-6:]), verb  # "footage of Hillary Clinton asking"
            inner = [k for k in cues if k[0] < c[0]]
            if inner:
                spk = subject_before(before[:inner[-1][0]])
                if spk:
                    return spk, verb
            if prev_speaker:
                return prev_speaker, verb
            clause = pre.rstrip().rstrip(",").rsplit(",", 1)[-1]
            return (leading_np(clause) or leading_np(sentence) or None), verb
        spk = subject_before(pre)
        if spk and _ok_speaker(spk):
            return spk, verb
    return None
