"""Cue finding: the speaker phrase and verb that attribute a quotation, as written."""
from __future__ import annotations

import re

from transforms.quotes_lexicon import CUE_VERBS, LEADING_FILLERS, PARTICIPLE_CUES

_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Maj|Adm|Cmdr|Det|Atty|Amb|Pres|Sens|Reps)\."
_TOK = rf"(?:{_ABBR}|[A-Z]\.(?:[A-Z]\.)*|[\w'\u2019&-]+)"
_SP = r"[ \t\u00a0]+"
_VS_VERBS = frozenset("""said says added adds asked asks wrote writes told continued explained recalled replied
insisted argued noted warned tweeted declared declares agreed agrees remembered remarked observed responded
countered conceded concluded cautioned quipped joked shouted yelled exclaimed boasted mused sighed retorted
lamented acknowledged admitted predicted pleaded stressed emphasized remembered beamed gushed thundered roared
cried hollered bellowed griped grumbled groused marveled intoned scoffed snapped sniped barked boomed whispered
wondered stated read reads riffed exhorted reacted""".split())
_TOKP = re.compile(rf"{_TOK}|[,.;:!?()\u2014\u2013\u2015\"\u201c\u201d]")
_STOP_TOKS = frozenset(",.;:!?()\u2014\u2013\u2015\"\u201c\u201d")
_PAREN = re.compile(r"\s*\([^()\n]{1,30}\)")  # "Rep. Gwen Moore (D-Wis.) said": not part of the name
# "McConnell, R-Ky., said": a party and state aside, whose period would end the cue early
_PARTY_TAG = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{0,12}(?=\s*,)")
_DASH_START = re.compile(r"[\s,]*[\u2015\u2014\u2013-]")
_DASHES = ("\u2015", "\u2014", "\u2013", "-")
_ACCORDING = re.compile(rf"\baccording to{_SP}(?P<spk>[^,.;:]{{2,80}}?)\s*,?\s*$", re.I)
_WORD = re.compile(_TOK)
_CLAUSE_BREAK = re.compile(r"\b(?:that|who|which|what|when|while|because|if|as|after|before|where|whom)\b|[;(\u2014]")
_NOT_SPEAKER = frozenset("""in on at to for from with by that this it there what who as of about after before
during into than then when while if since because so not also""".split())
_NP_STOP = frozenset("""is was are were be been has have had will would can could did does do spoke went made
took gave met sat stood ran came got held says said told with in on at from to for during after before since
into over under about against by of than who which that while when where and but""".split())
_DETERMINERS = frozenset("the a an his her their its our this that these those one another".split())
# A word right before a cue that makes it a noun or an infinitive: "in a tweet", "to say".
_NOUN_BEFORE = frozenset("the a an his her their its our my your this that these those of in late-night to about"
                          .split())
_NOUNISH = frozenset("report reports claims calls remarks comments notes answers promises warns".split())
_NOUNABLE = _NOUNISH | frozenset("""comment report claim call remark note answer promise vow vows pledge pledges
reply quip quips joke jokes warning retort boast lament praise""".split())
# "..., he points out." / "..., she went on.": speech only with their particle, after a quotation
_PHRASAL = frozenset("points pointed went goes".split())
_PREPS = frozenset("at in on during with from for after before by".split())
_DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                  "July August September October November December".split())
_ADVERBIAL_OPENERS = frozenset("""in on at after before shortly later earlier meanwhile however during following
when while as despite asked speaking since for with without by from under over last separately instead still
like unlike according hours minutes days weeks months years moments
yet also then now today yesterday this
if although though because unless until once amid amidst upon throughout soon early here"""
                               .split())
# Last words of a fronted time phrase: "Hours later,", "But that morning," (short: "Trump spoke Monday night,"
# is a clause)
_AGO = frozenset("later ago earlier afterward afterwards".split())
_TIME_ENDS = _AGO | frozenset("morning afternoon evening night week weekend".split())
# One-word adverbs that open a clause without a comma: "Then he ...", "Now Trump says ..."
_LONE_ADVERBS = frozenset("then now also still later meanwhile instead separately soon".split())
_CLAUSE_WORDS = frozenset("when that which while because if where whether against what how".split())
_CHUNK_SPLIT = re.compile(r",(?!\d{3})|\s[\u2014\u2013]\s|\s--\s")  # "2,000" is one number
_TAG = re.compile(r"[RDI]-|\d")  # "R-N.C.", an age: asides after a name, not the speaker
_PRONOUNS = frozenset("he she they we i it".split())
_COORDINATORS = frozenset("and but or while whereas".split())
# Openers of a fronted clause; not "as": "As analysts told Fox News, ..." names the source.
_SUBORDINATORS = frozenset("while although though whereas if when after before because since once".split())
_STRICT_FIRST = _DETERMINERS | _PRONOUNS
_BE = frozenset("was were is are been be being".split())
_NAME_GLUE = frozenset("de da del van von der bin al la le".split())
_AUX_WORDS = frozenset("""has have had would will also later then once again previously recently did does not
went on to go goes
didn't doesn't don't won't wouldn't can't couldn't never didn\u2019t doesn\u2019t don\u2019t won\u2019t""".split())


def _alternation(words) -> str:
    """A regex alternation of words shaped as a prefix tree: say(?:s|ing|)..., not say|says|saying.

    A flat alternation of 250 words tries every word at every offset; the tree tries one branch
    per letter, which makes a cue-word scan faster than splitting the text into words.
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # tried last: the longer words first, backtracking finds the rest
        return alts[0] if len(alts) == 1 else "(?:%s)" % "|".join(alts)

    return emit(tree)


# A whole lowercase word: not part of a longer word, a hyphenated word or a contraction.
_WHOLE = r"(?<![\w'\u2019-])(?:%s)(?![\w-])"
_CUE_WORD = re.compile(_WHOLE % _alternation(CUE_VERBS | {"according"}))
_CUE_OR_PHRASAL = re.compile(_WHOLE % _alternation(CUE_VERBS | _PHRASAL))


def find_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of each cue word in a short text, "according to" included."""
    out: list[tuple[int, int, str]] = []
    for m in _CUE_WORD.finditer(text):
        w = m.group()
        if w != "according":
            out.append((m.start(), m.end(), w))
        elif text.startswith(" to", m.end()):
            out.append((m.start(), m.end() + 3, "according to"))
    return out


def _clean_np(np: str) -> str:
    """A speaker phrase without trailing auxiliaries or leading fillers."""
    words = np.split()
    while words and words[0].lower() in LEADING_FILLERS:
        words = words[1:]
    while words and (words[-1].lower() in _AUX_WORDS or words[-1].lower().endswith("ly") and words[-1].islower()):
        words = words[:-1]
    return " ".join(words).strip(" ,\"\u201c\u201d\u2018\u2019")


def _ok_speaker(np: str) -> bool:
    """True when the phrase could be a speaker rather than a clause fragment."""
    words = np.split()
    if not words or len(words) > 9 or (words[0].lower() in _NOT_SPEAKER and np.lower() != "it"):
        return False
    # a capitalized word is part of a name: "State spokesman Mark Toner", "the Cook Political Report"
    return not any((w in CUE_VERBS or w.lower() in _CLAUSE_WORDS) for w in words)


def after_cue(text: str, strict: bool = False) -> tuple[str, str | None] | None:
    """(speaker, verb) when the text right after a closing mark attributes the quotation.

    strict: the quotation ended without punctuation, so only a plain "he said" / "Smith said" counts.
    """
    text = text[:160]
    if "according" not in text and not _DASH_START.match(text) and not _CUE_OR_PHRASAL.search(text):
        return None
    if "(" in text:
        text = _PAREN.sub("", text)
    if "-" in text:
        text = _PARTY_TAG.sub("", text)
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
        spk = _clean_np(_CLAUSE_BREAK.split(text[toks[j].start():toks[k - 1].end()])[0])  # "one owner who ..."
        if spk.split()[:1] and spk.split()[0].lower() in _PRONOUNS and " " in spk:
            return None  # "said he would not vote": a clause, not an inverted cue
        if k + 1 < len(toks) and toks[k].group() == "," and toks[k + 1].group()[:1].isupper() \
                and spk.split()[:1] and spk.split()[0].lower() in _DETERMINERS:
            # "said his colleague, Dilip, who ...": the name after the description
            m = k + 1
            while m < len(toks) and toks[m].group()[:1].isupper() and m - k < 5:
                m += 1
            return text[toks[k + 1].start():toks[m - 1].end()], w
        if _ok_speaker(spk) or spk[:4].lower() in ("the ", "a ", "an "):
            return spk, "according to" if w == "according" else w
        return None
    # `," Blinken told reporters.` / `," the senator, who chairs X, said` / `" before talks, he said.`
    reach = 30 if toks[i].group()[:1].isupper() else 14
    for k in range(i, min(len(toks), i + reach)):
        t = toks[k].group()
        if t in _STOP_TOKS and t != ",":
            return None
        phrasal = t in _PHRASAL and k + 1 < len(toks) and toks[k + 1].group() in ("out", "on")
        if k > i and toks[k - 1].group() == "to":
            continue  # "a statement to read": an infinitive, not the cue
        if k > i and (phrasal or t in CUE_VERBS and (t not in _NOUNISH or toks[k - 1].group()[:1].isupper()
                                                     or toks[k - 1].group().lower() in _PRONOUNS)):
            seg = text[toks[i].start():toks[k].start()]
            if strict and toks[i].group().lower() in _COORDINATORS and "," not in seg:
                return None  # `accuses Obama of “leading from behind” and Trump says`: the next clause's cue
            if "," in seg:
                parts = seg.split(",")
                # "X, an aide to Y, said": the name before the aside; "... talks, he said": the last clause
                seg = parts[-1] if parts[-1].strip() else parts[0]
            if seg.split()[:1] and seg.split()[0].lower() in _COORDINATORS:
                return None  # `“glow in the dark,” for instance, and Trump vowed`: the next clause's own cue
            spk = _clean_np(seg)
            if strict and not (spk[:1].isupper() or spk.split()[:1] and spk.split()[0].lower() in _STRICT_FIRST):
                return None  # `" until Haley said`: a clause going on, not an attribution
            # `“terrible,” denounced her record and said`: a verb phrase going on, its subject before the quote
            return (spk, t) if _ok_speaker(spk) and not _verb_led(spk) else None
    return None


def tail_cue(rest: str) -> tuple[str, str] | None:
    """(speaker, verb) from a cue closing the sentence after a quoted fragment: `..., she said.`"""
    cues = [c for c in find_cues(rest) if c[2] in _VS_VERBS]
    if not cues:
        return None
    s, e, verb = cues[-1]
    if rest[:s].rstrip().endswith(",") and rest[e:].strip()[:1].isupper() and verb not in ("told", "tells") \
            and rest[e:].split()[0] not in _DAYS:  # `, said Friday on Fox.`: a time, not the speaker
        # ("told" has its listener after it, never its speaker: `Butz, 49, told The Huffington Post.`)
        # `" if she loses, said David Wasserman, an analyst.`: the inverted cue closing the sentence
        spk = _clean_np(re.split(r"[,.;:(]", rest[e:], 1)[0])
        return (spk, verb) if _ok_speaker(spk) and len(spk.split()) <= 6 else None
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
    seg = (_PAREN.sub("", seg) if "(" in seg else seg).rstrip()  # "Pat Toomey (R-Pa.) told"
    for dash in (" -", "\u2013", "\u2014"):
        if seg.endswith(dash) and seg[:-len(dash)].count(dash.strip()) >= 1:
            # "Steve Mnuchin - the first of the delegation - said": the subject is before the aside
            seg = seg[:-len(dash)].rsplit(dash.strip(), 1)[0].rstrip()
            break
    if seg.endswith(","):
        # "Daryl Kimball, executive director of X, said" / "The head of X, Alberto Fernandez, wrote"
        chunks = seg[:-1].split(",")
        for r in range(len(chunks) - 2, max(0, len(chunks) - 4), -1):
            if chunks[r].split()[:1] and chunks[r].split()[0].lower() in ("who", "whose") \
                    and all(c.strip()[:1].isupper() for c in chunks[r + 1:]):
                # "Swanson, who is a pastor in Elizabeth, Colorado, slammed": the name before the clause
                chunks = chunks[:r + 1]
                break
        relative = chunks[-1].split()[:1] and chunks[-1].split()[0].lower() in ("who", "which", "whose", "whom")
        inner = _clean_np(_CLAUSE_BREAK.split(chunks[-1])[-1])
        if len(chunks) == 1 or (not relative and inner[:1].isupper() and not _TAG.match(inner)
                                and inner.split()[0].lower() not in _DETERMINERS):
            return _tail_np(inner.split()[-8:])
        return _tail_np(_clean_np(_CLAUSE_BREAK.split(chunks[-2])[-1]).split()[-8:])
    chunks = _CHUNK_SPLIT.split(seg)  # "She greeted 2,000 supporters and told": one clause
    seg = chunks[-1]
    seg = _CLAUSE_BREAK.split(seg)[-1]
    words = _clean_np(seg).split()
    tail = _tail_np(words[-8:]).split()
    k = len(words) - len(tail)
    if tail and tail[0].lower() in _DETERMINERS and k >= 2 and tail[-1].lower() not in ("and", "but", "or") \
            and words[k - 1].lower() in _PREPS \
            and (words[k - 2][:1].isupper() or words[k - 2].lower() in _PRONOUNS):
        words = words[:k - 1]  # "Trump at the time said": the subject before the phrase
    if words and words[-1].lower() in ("and", "but", "or"):
        # "Trump gestured ..., then leaned in and boomed": the last clause with a subject of its own
        np = leading_np(seg)
        if np and (np[:1].isupper() or np.lower() in _PRONOUNS):
            return np  # "when he brought it up and later said"
        for chunk in reversed(chunks):
            w0 = chunk.split()[:1]
            np = leading_np(chunk) if w0 and w0[0].lower() not in _ADVERBIAL_OPENERS else ""
            if np and (np[:1].isupper() or np.lower() in _PRONOUNS):
                return np
    if words and (words[-1].lower() in ("and", "but", "or") or words[-1] in _DAYS):
        return leading_np(seg)  # "X outlined his plan and vowed": the clause's own subject
    return _tail_np(words[-8:])


def leading_np(sentence: str) -> str:
    """The subject that opens a clause: words up to its first verb or preposition."""
    out: list[str] = []
    for m in _WORD.finditer(sentence):
        w = m.group()
        low = w.lower()
        adjective = len(out) == 1 and out[0].lower() in _DETERMINERS  # "The retired neurosurgeon"
        if out and (low in _NP_STOP or (w.islower() and low.endswith("ed") and not adjective)
                    or low in CUE_VERBS or w == "-"):
            break
        if not out and low in LEADING_FILLERS:
            continue
        if out and w.islower() and out[0][:1].isupper() and out[0].lower() not in _DETERMINERS \
                and low not in _NAME_GLUE:
            break  # a name is over at its first lowercase word: "Trump cut into"
        out.append(w)
        if len(out) >= 8 or (len(out) == 1 and low in ("he", "she", "they", "we", "i", "it")):
            break
    return " ".join(out)


def reporting_clauses(seg: str, backward: bool = False):
    """(speaker phrase, verb, offset) of each reporting clause in a stretch of text, in order.

    backward: last clause first, each worked out only when asked for (callers want the nearest one).
    """
    cues = find_cues(seg)
    for s, e, verb in (reversed(cues) if backward else cues):
        if not _is_cue_use(seg, s, verb):
            continue
        spk = subject_before(seg[max(0, s - 120):s])
        if spk and _ok_speaker(spk):
            yield spk, verb, s
        elif verb in _VS_VERBS:
            post = after_cue(seg[s:s + 120])
            if post:
                yield post[0], post[1], s


def _is_cue_use(text: str, start: int, verb: str) -> bool:
    """False when the cue word is used as a noun or infinitive: "in a tweet", "initial reports", "to say"."""
    before = text[max(0, start - 30):start].split()[-2:]
    if not before:
        return True
    w = before[-1]
    if w.lower() in _NOUN_BEFORE or any(b.lower() in _BE for b in before):
        return False  # "was first reported", "is said to be": passive, no speaker
    if verb in _NOUNABLE and (w.endswith(("'s", "\u2019s", "'", "\u2019"))
                              or len(before) > 1 and before[0].lower() in _DETERMINERS):
        return False  # "Sanders' comments", "a Twitter comment": a noun
    if verb in _NOUNISH:  # "reports", "claims": a verb only after its subject
        return w[:1].isupper() or w.lower() in ("he", "she", "they", "it", "who", "also")
    return True


def clause_subject(sentence: str) -> str:
    """The subject of a sentence's main clause, past fronted adverbials ("Shortly afterwards, Spicer")."""
    fronted = False
    chunks = _CHUNK_SPLIT.split(sentence)
    for ci, chunk in enumerate(chunks):
        words = chunk.split()
        while words and words[0].lower() in ("but", "and", "so", "yet"):
            words = words[1:]
        if len(words) > 2 and words[0].lower() in _LONE_ADVERBS and (words[1].lower() in _PRONOUNS or (
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
        if np[:1].islower() and np.lower() not in _PRONOUNS and np.split()[0].lower() not in _DETERMINERS \
                and nxt and (nxt[0][:1].isupper() or nxt[0].lower() in _PRONOUNS):
            fronted = True
            continue  # "But back on American soil, he returned": no subject in a fronted phrase
        if fronted and len(np.split()) >= len(words):
            continue  # "Speaking in Salem, New Hampshire,": the place goes with the fronted phrase
        return np
    return ""


def colon_cue(sentence: str) -> tuple[str, None] | None:
    """(speaker, None) for a quotation a colon introduces without a cue verb: `Carl Bialik: "..."`."""
    head = sentence.rstrip().rstrip(":").strip()
    head = re.split(r"\s[\u2015\u2014\u2013-]\s", head)[-1]  # "HEADLINE - Mark Blumenthal:"
    words = head.split()
    if not words:
        return None
    last = head.rsplit(",", 1)[-1].split()
    if last and last[0] in _VS_VERBS and 1 < len(last) <= 6 and last[1][:1].isupper():
        return " ".join(last[1:]), None  # "In other words, explained CBS moderator Nancy Cordes:"
    if words[0].lower() in CUE_VERBS and len(words) <= 5:
        return " ".join(words[1:]) or None, None  # "Stated Stone:"
    if len(words) <= 5 and all(w[:1].isupper() or w.lower() in _NAME_GLUE or w == "and" for w in words):
        return head, None
    spk = clause_subject(head)
    return (spk, None) if spk and _ok_speaker(spk) else None


def before_cue(before: str, sentence: str, prev_speaker: str | None, first: bool,
               ) -> tuple[str, str] | None:
    """(speaker, verb) from the reporting clause before an opening mark, in the same sentence."""
    m = _ACCORDING.search(before)
    if m:
        return m.group("spk").strip(), "according to"
    cues = [c for c in find_cues(before) if _is_cue_use(before, c[0], c[2])]
    if not cues:
        return None
    if first and len(cues) > 1 and cues[-1][2] not in PARTICIPLE_CUES:
        near = subject_before(before[:cues[-1][0]])
        if near.lower() in ("he", "she", "i", "we"):  # "it", "they": often an organization, left to the main clause
            return near, cues[-1][2]  # "DeSantis said ..., which he called “a cartel”": the nearer clause
        between = before[cues[-2][1]:cues[-1][0]]
        if not before[cues[-1][1]:].strip(" ,:") and near[:1].isupper() and _ok_speaker(near) \
                and not _verb_led(near) and near.lower() not in _PRONOUNS \
                and "," in between and " that " not in between.rsplit(",", 1)[-1]:
            # "when Rubio said it was great, a man yelled “Stay!”": a clause of its own, its verb at the mark
            return near, cues[-1][2]
    if first and len(cues) > 1:
        # "While not everything Trump says is true, Jamieson said": the main clause after a fronted one
        opener = before.lstrip(" \"\u201c\u201d(").split(None, 1)[:1]
        if opener and opener[0].lower() in _SUBORDINATORS and "," in before[cues[0][1]:cues[1][0]] \
                and cues[1][2] not in PARTICIPLE_CUES:  # "..., asking": the participle's subject comes before
            main = _cue_speaker(before, sentence, cues[1:], prev_speaker, first)
            if main is not None:
                return main
    return _cue_speaker(before, sentence, cues, prev_speaker, first)


def _cue_speaker(before: str, sentence: str, cues: list[tuple[int, int, str]], prev_speaker: str | None,
                 first: bool) -> tuple[str, str] | None:
    """(speaker, verb) of the first cue (the last unless first) whose subject can be a speaker."""
    for c in (cues if first else cues[::-1]):
        verb, pre = c[2], before[:c[0]]
        if verb in PARTICIPLE_CUES:
            own = _participle_subject(pre)
            if own:
                return own, verb
            inner = [k for k in cues if k[0] < c[0]]
            if inner and inner[-1][2] in PARTICIPLE_CUES:
                # "calling him a “stiff” and accusing him": the earlier participle's subject goes on
                return (_cue_speaker(before, sentence, inner, prev_speaker, False) or (None, None))[0], verb
            if inner:
                spk = subject_before(before[:inner[-1][0]])
                if spk:
                    return spk, verb
            if prev_speaker:
                return prev_speaker, verb
            return (clause_subject(sentence) or None), verb
        rel = _clean_np(pre.rsplit(",", 1)[-1]).split()
        if rel and rel[0].lower() in ("who", "which") and len(rel) <= 6 and not any(w[:1].isupper() for w in rel[1:]) \
                and (len(rel) == 1 or rel[1].lower() in _AUX_WORDS or rel[1].endswith("ly")):  # not "which he called"
            # "said Beck, who added that ..." / "Beck, who has in the past described": the relative pronoun,
            # resolved to the person it hangs on
            return rel[0].lower(), verb
        spk = subject_before(pre)
        if spk and _ok_speaker(spk) and not _verb_led(spk):
            return spk, verb
    return None


def _participle_subject(pre: str) -> str:
    """The subject a participle cue carries itself: "with Trump reportedly yelling", "- Ryan saying"."""
    if pre.rstrip().endswith(","):
        return ""  # "..., saying": the main clause's subject, found by the caller
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
            if not verbal and (np[0][:1].isupper() or np[0].lower() in _DETERMINERS):
                return " ".join(np)
            break
    if words[-1][:1].isupper() and words[-1] not in _DAYS and _tail_np(words[-6:]) != " ".join(words[-6:]):
        tail = _tail_np(words[-6:])
        glue = words[-len(tail.split()) - 1]
        if glue.lower() in ("of", "by", "from", "and") or glue in _DASHES or glue == "--":
            return tail  # "footage of Hillary Clinton asking" / "- Ryan saying he was"
    return ""


def _verb_led(np: str) -> bool:
    """True when a phrase opens with a verb form, not a noun: "has been made available", "is likely to be"."""
    w = np.split()[0]
    return w.islower() and (w in _NP_STOP or w in _AUX_WORDS or w.endswith(("ed", "ing")))
