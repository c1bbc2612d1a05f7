"""Cue finding: the speaker phrase and verb that attribute a quotation, as written.

Where the cue verb is and which kind of cue it is are decided here; who its subject is, in quotes_subject.
"""
from __future__ import annotations

import re
from functools import lru_cache

from transforms.quotes_lexicon import CUE_VERBS, PARTICIPLE_CUES
from transforms.quotes_subject import (AUX_WORDS, CLAUSE_BREAK, DASHES, DAYS, DETERMINERS, FINITE_VERBS,
                                      NAME_GLUE, PAREN, SUBJECT_PRONOUNS, TOKEN, clause_subject, clean_np,
                                      participle_subject, subject_before, verb_led)

_SP = r"[ \t\u00a0]+"
_VS_VERBS = frozenset("""said says added adds asked asks wrote writes told continued explained recalled replied
insisted argued noted warned tweeted declared declares agreed agrees remembered remarked observed responded
countered conceded concluded cautioned quipped joked shouted yelled exclaimed boasted mused sighed retorted
lamented acknowledged admitted predicted pleaded stressed emphasized remembered beamed gushed thundered roared
cried hollered bellowed griped grumbled groused marveled intoned scoffed snapped sniped barked boomed whispered
wondered stated read reads riffed exhorted reacted pressed interrupted opined questioned proclaimed confessed retaliated""".split())
_TOKP = re.compile(rf"{TOKEN}|[,.;:!?()\u2014\u2013\u2015\"\u201c\u201d]")
_STOP_TOKS = frozenset(",.;:!?()\u2014\u2013\u2015\"\u201c\u201d")
# "McConnell, R-Ky., said": a party and state aside, whose period would end the cue early
_PARTY_TAG = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{0,12}(?=\s*,)")
_FROM_SOURCE = re.compile(r"(?:^|\bmore\s)from\s+([^,;:]+)$", re.I)
_DASH_START = re.compile(r"[\s,]*[\u2015\u2014\u2013-]")
_ACCORDING = re.compile(rf"\baccording to{_SP}(?P<spk>[^,.;:]{{2,80}}?)\s*,?\s*$", re.I)
_NOT_SPEAKER = frozenset("""in on at to for from with by that this it there what who as of about after before
during into than then when while if since because so not also""".split())
# A word right before a cue that makes it a noun or an infinitive: "in a tweet", "to say".
_NOUN_BEFORE = frozenset("the a an his her their its our my your this that these those of in late-night to about"
                          .split())
_NOUNISH = frozenset("report reports claims calls remarks comments notes answers promises warns".split())
_NOUNABLE = _NOUNISH | frozenset("""comment report claim call remark note answer promise vow vows pledge pledges
reply quip quips joke jokes warning retort boast lament praise brand""".split())
# Adjectives that make a following "claims" / "reports" a noun: "32% of Republican claims".
_PARTY_ADJECTIVES = frozenset("""republican democratic democrat gop conservative liberal progressive american federal
state partisan""".split())
# Cue nouns naming a document that can be a speaker: "the report said", "the notes say".
_SOURCE_NOUNS = frozenset("report reports note notes remarks comment comments warning".split())
# Ways of speaking after "by": "replied by email", "boasted by tweet".
_MEANS = frozenset("email e-mail emails phone telephone text tweet twitter letter video mail video-link".split())
# Prepositions that open a phrase after a head noun: "the report by the committee", "a comment from X".
_HEAD_PREPS = frozenset("of in on from by at to for with".split())
# Nouns after "this" / "that" that are not a source: "this week (warned)", "this it (adds)".
_NOT_A_SOURCE = frozenset("""week weekend month year morning afternoon evening night time day it he she they
we""".split())
# "..., he points out." / "..., she went on." / "..., Trump shot back.": speech only with their particle,
# after a quotation (verb -> its particles)
_PHRASAL = {"points": ("out",), "pointed": ("out",), "went": ("on",), "goes": ("on",),
            "shot": ("back",), "fired": ("back",), "hit": ("back",), "cut": ("in",)}
_CLAUSE_WORDS = frozenset("when that which while because if where whether against what how".split())
_COORDINATORS = frozenset("and but or while whereas".split())
# Openers of a fronted clause; not "as": "As analysts told Fox News, ..." names the source.
_SUBORDINATORS = frozenset("while although though whereas if when after before because since once".split())
# Prepositions opening a fronted phrase: "In a statement posted Friday, ..."
_FRONTED_PREPS = frozenset("in on at during via through".split())
_STRICT_FIRST = DETERMINERS | SUBJECT_PRONOUNS
_BE = frozenset("was were is are been be being".split())
# Participles that after a possessive are adjectives ("Trump's repeated calls"); other cue words after
# "'s" may follow a contraction: "the president's tweeted" (has tweeted).
_ADJECTIVAL = frozenset("repeated stated promised".split())
# Words whose "'s" is "is" or "has", not a possessive: "he's said", "that's called".
_CONTRACTED = frozenset("he she it that who what there here where".split())
# Words that open a noun phrase: "no telephone call", "every promise".
_QUANTIFIERS = DETERMINERS | frozenset("no any every each some".split())


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
# Phrasal cues also found before a quotation: "Rubio fired back: ...", "As Byler pointed out, ..."
_PHRASAL_BEFORE = frozenset("shot fired hit pointed points".split())
# _WHOLE for find_cues, which checks an apostrophe or hyphen before a match itself: \b is a cheaper
# test at every offset than the look-behind (a cue word begins with a letter, so \b rules out the rest)
_CUE_WORD = re.compile(r"\b(?:%s)(?![\w-])" % _alternation(CUE_VERBS | {"according"} | _PHRASAL_BEFORE))
_CUE_OR_PHRASAL = re.compile(_WHOLE % _alternation(CUE_VERBS | _PHRASAL.keys()))


def find_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of each cue word in a short text, "according to" included."""
    out: list[tuple[int, int, str]] = []
    for m in _CUE_WORD.finditer(text):
        s = m.start()
        if s and text[s - 1] in "'\u2019-":
            continue  # "re-said", "'say": inside a longer word (as _WHOLE rules out)
        w = m.group()
        if w in _PHRASAL_BEFORE:
            tail = text[m.end():m.end() + 8]
            for particle in _PHRASAL[w]:
                if re.match(rf"\s+{particle}\b", tail):
                    out.append((m.start(), m.end() + 1 + len(particle), f"{w} {particle}"))
                    break
        elif w != "according":
            out.append((m.start(), m.end(), w))
        elif text.startswith(" to", m.end()):
            out.append((m.start(), m.end() + 3, "according to"))
    return out


@lru_cache(maxsize=8192)  # two calls in three repeat a phrase: "he", "Trump", "the spokesman"
def _ok_speaker(np: str) -> bool:
    """True when the phrase could be a speaker rather than a clause fragment."""
    words = np.split()
    if not words or len(words) > 9:
        return False
    first = words[0].lower()
    if first in _NOT_SPEAKER and np.lower() != "it" and not (
            first in ("this", "that") and len(words) == 2 and words[1].isalpha() and words[1].islower()
            and words[1] not in _NOT_A_SOURCE):
        return False  # but "this source", "that official": a determiner and its noun (not "this week")
    if any(w in FINITE_VERBS for w in words[1:]):
        return False  # "O'Malley's move was first (reported)", "Sanders is best suited": a clause, not a phrase
    # a capitalized word is part of a name: "State spokesman Mark Toner", "the Cook Political Report"
    if any(w.lower() in _CLAUSE_WORDS for w in words):
        return False
    if CUE_VERBS.isdisjoint(words):
        return True
    return all(_cue_noun_fits(words, k) for k, w in enumerate(words) if w in CUE_VERBS)


def _cue_noun_fits(words: list[str], k: int) -> bool:
    """True when the cue word words[k] is a noun that fits in a speaker phrase.

    After a preposition any cue noun does ("one participant in the Tuesday call"); as the phrase's own head
    only a document does, last or before its prepositional phrase ("the IMF report", "a comment from X"):
    not "The report found", "a report into", "Romney calls Shaheen", "the call" (a call does not speak).
    """
    w = words[k]
    if not (w in _NOUNABLE and k and (words[k - 1].lower() in DETERMINERS or words[k - 1][:1].isupper())):
        return False
    if any(p in _HEAD_PREPS for p in words[:k]):
        return True
    return w in _SOURCE_NOUNS and (k == len(words) - 1 or words[k + 1] in _HEAD_PREPS
                                   and words[-1].lower() not in _NOT_SPEAKER)


def _trim_long(np: str) -> str:
    """A long speaker phrase cut before its first prepositional phrase: "Jeffrey Lewis of the X Center"."""
    words = np.split()
    if len(words) <= 6:
        return np
    for k in range(2, len(words) - 1):
        if words[k] in ("of", "at", "from", "with", "for") and words[k + 1].lower() in ("the", "a", "an") \
                and words[k - 1][:1].isupper() and words[k - 2][:1].isupper():
            return " ".join(words[:k])  # not "Member of Parliament Tom Tugendhat": a title before the name
    return np


def _token_starts(text: str, toks: list[str], n: int) -> list[int]:
    """Offsets in text of the first n of its tokens (as _TOKP.findall gives them).

    Each token is the first occurrence of its word after the token before: the tokenizer skips only
    characters where no token can begin, so the word cannot occur earlier.
    """
    out: list[int] = []
    at = 0
    for w in toks[:n]:
        at = text.find(w, at)
        out.append(at)
        at += len(w)
    return out


def after_cue(text: str, strict: bool = False) -> tuple[str, str | None] | None:
    """(speaker, verb) when the text right after a closing mark attributes the quotation.

    strict: the quotation ended without punctuation, so only a plain "he said" / "Smith said" counts.
    """
    return _after_cue(text[:160], strict)


# Cue tails recur across a batch (" he said. ", "" at a paragraph end): about a sixth of the calls
@lru_cache(maxsize=8192)
def _after_cue(text: str, strict: bool) -> tuple[str, str | None] | None:
    """after_cue on its first 160 characters, remembered."""
    if "according" not in text and not _DASH_START.match(text) and not _CUE_OR_PHRASAL.search(text):
        return None
    if "(" in text:
        text = PAREN.sub("", text)
    if "-" in text:
        text = _PARTY_TAG.sub("", text)
    # words only: match objects for every token cost more than finding the few offsets a cue keeps
    toks = _TOKP.findall(text)
    i = 0
    while i < len(toks) and toks[i] in (",", *DASHES):
        i += 1
    if i >= len(toks):
        return None
    if i and toks[i - 1] in DASHES and toks[i][:1].isupper():
        # a dash byline: `” ― Sonya Herridge`
        j = i
        while j < len(toks) and toks[j][:1].isupper() and j - i < 5:
            j += 1
        at = _token_starts(text, toks, j)
        return text[at[i]:at[j - 1] + len(toks[j - 1])], None
    w = toks[i]
    if w in _VS_VERBS or (w == "according" and text.startswith(" to", _token_starts(text, toks, i + 1)[i] + len(w))):
        # inverted: `," said Daryl Kimball, executive director`
        j = i + 2 if w == "according" else i + 1
        k = j
        while k < len(toks) and k - j < 8 and toks[k] not in _STOP_TOKS:
            k += 1
        if k == j:
            return None
        at = _token_starts(text, toks, k + 2)
        spk = clean_np(CLAUSE_BREAK.split(text[at[j]:at[k - 1] + len(toks[k - 1])])[0])  # "one owner who ..."
        if spk.split()[:1] and spk.split()[0].lower() in SUBJECT_PRONOUNS and " " in spk:
            return None  # "said he would not vote": a clause, not an inverted cue
        if k + 1 < len(toks) and toks[k] == "," and toks[k + 1][:1].isupper() \
                and spk.split()[:1] and spk.split()[0].lower() in DETERMINERS:
            # "said his colleague, Dilip, who ...": the name after the description
            m = k + 1
            while m < len(toks) and toks[m][:1].isupper() and m - k < 5:
                m += 1
            at = _token_starts(text, toks, m)
            return text[at[k + 1]:at[m - 1] + len(toks[m - 1])], w
        if _ok_speaker(spk) or spk[:4].lower() in ("the ", "a ", "an "):
            return spk, "according to" if w == "according" else w
        return None
    # `," Blinken told reporters.` / `," the senator, who chairs X, said` / `" before talks, he said.`
    reach = 30 if toks[i][:1].isupper() else 14
    for k in range(i, min(len(toks), i + reach)):
        t = toks[k]
        if t in _STOP_TOKS and t != ",":
            return None
        phrasal = t in _PHRASAL and k + 1 < len(toks) and toks[k + 1] in _PHRASAL[t]
        if k > i and toks[k - 1] == "to":
            continue  # "a statement to read": an infinitive, not the cue
        if t in CUE_VERBS and k > i and not t.endswith("ing") \
                and any(toks[j] in _BE for j in range(max(i, k - 2), k)):
            return None  # `” The move was first reported by X.`: a passive, no speaker
        if t in _NOUNABLE and k - i >= 2 and toks[k - 2].lower() in DETERMINERS \
                and toks[k - 1].islower():
            continue  # "Sharpton avoided a declarative answer": a noun, not the cue
        if k > i and (phrasal or t in CUE_VERBS and (t not in _NOUNISH or toks[k - 1][:1].isupper()
                                                     or toks[k - 1].lower() in SUBJECT_PRONOUNS)):
            at = _token_starts(text, toks, k + 1)
            seg = text[at[i]:at[k]]
            if strict and toks[i].lower() in _COORDINATORS and "," not in seg:
                return None  # `accuses Obama of “leading from behind” and Trump says`: the next clause's cue
            if "," in seg:
                parts = seg.split(",")
                # "X, an aide to Y, said": the name before the aside; "... talks, he said": the last clause
                seg = parts[-1] if parts[-1].strip() else parts[0]
            if seg.split()[:1] and seg.split()[0].lower() in _COORDINATORS:
                return None  # `“glow in the dark,” for instance, and Trump vowed`: the next clause's own cue
            if seg.split()[-1:] and seg.split()[-1].lower() in _COORDINATORS:
                return None  # `“harmed” black communities and said`: a verb phrase going on, its subject before
            spk = _trim_long(clean_np(seg))
            if strict and not (spk[:1].isupper() or spk.split()[:1] and spk.split()[0].lower() in _STRICT_FIRST):
                return None  # `" until Haley said`: a clause going on, not an attribution
            # `“terrible,” denounced her record and said`: a verb phrase going on, its subject before the quote
            verb = f"{t} {toks[k + 1]}" if phrasal else t
            return (spk, verb) if _ok_speaker(spk) and not verb_led(spk) else None
    return None


def tail_cue(rest: str) -> tuple[str, str] | None:
    """(speaker, verb) from a cue closing the sentence after a quoted fragment: `..., she said.`"""
    cues = [c for c in find_cues(rest) if c[2] in _VS_VERBS]
    if not cues:
        return None
    s, e, verb = cues[-1]
    if rest[:s].rstrip().endswith(",") and rest[e:].strip()[:1].isupper() and verb not in ("told", "tells") \
            and rest[e:].split()[0] not in DAYS:  # `, said Friday on Fox.`: a time, not the speaker
        # ("told" has its listener after it, never its speaker: `Butz, 49, told The Huffington Post.`)
        # `" if she loses, said David Wasserman, an analyst.`: the inverted cue closing the sentence
        spk = clean_np(re.split(r"[,.;:(]", rest[e:], 1)[0])
        return (spk, verb) if _ok_speaker(spk) and len(spk.split()) <= 6 else None
    if len(rest[e:].split()) > 3 or "," not in rest[:s]:
        return None
    spk = clean_np(rest[:s].rsplit(",", 1)[1])
    return (spk, verb) if _ok_speaker(spk) else None


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
    if verb.endswith("ed") and text.startswith(" by ", start + len(verb)):
        by = [w.strip(",.;:\"\u201c").lower() for w in text[start + len(verb) + 4:start + len(verb) + 24].split()[:1]]
        if by and not by[0].endswith("ing") and by[0] not in _MEANS:
            # "The call, reported by Xinhua, came after": a passive participle, its subject silent (not
            # "responded by saying", "replied by email": the subject's own act)
            return False
    if verb.endswith("ed") and w.lower().replace("\u2019", "'") in ("it's", "that's", "what's"):
        return False  # "which is why it's called a “refundable” credit": a passive, no speaker
    if verb in _ADJECTIVAL and w.endswith(("'s", "\u2019s")) and w.lower()[:-2] not in _CONTRACTED:
        return False  # "Trump's repeated calls", "Obama's stated goal": an adjective after a possessive
    if verb in _NOUNABLE and (w.endswith(("'s", "\u2019s", "'", "\u2019"))
                              or len(before) > 1 and (before[0].lower() in _QUANTIFIERS
                                                      or before[0].endswith(("'s", "\u2019s")) and w.islower())):
        return False  # "Sanders' comments", "a Twitter comment", "Murphy's conference call": a noun
    if verb in _NOUNISH:  # "reports", "claims": a verb only after its subject
        if len(before) > 1 and before[0].islower() and w.lower() in _PARTY_ADJECTIVES:
            return False  # "32% of Republican claims": a party adjective before a noun, no subject
        return w[:1].isupper() or w.lower() in ("he", "she", "they", "it", "who", "also")
    return True


def colon_cue(sentence: str) -> tuple[str, None] | None:
    """(speaker, None) for a quotation a colon introduces without a cue verb: `Carl Bialik: "..."`."""
    head = sentence.rstrip().rstrip(":").strip()
    head = re.split(r"\s[\u2015\u2014\u2013-]\s", head)[-1]  # "HEADLINE - Mark Blumenthal:"
    src = _FROM_SOURCE.search(head)
    if src and len(src.group(1).split()) <= 6:
        return src.group(1), None  # "More from Blumenthal and Cohen:" / "From the report:": the source quoted
    words = head.split()
    if not words:
        return None
    last = head.rsplit(",", 1)[-1].split()
    if last and last[0] in _VS_VERBS and 1 < len(last) <= 6 and last[1][:1].isupper():
        return " ".join(last[1:]), None  # "In other words, explained CBS moderator Nancy Cordes:"
    if words[0].lower() in CUE_VERBS and len(words) <= 5:
        return " ".join(words[1:]) or None, None  # "Stated Stone:"
    if len(words) <= 5 and all(w[:1].isupper() or w.lower() in NAME_GLUE or w == "and" for w in words):
        return head, None
    spk = clause_subject(head)
    return (spk, None) if spk and _ok_speaker(spk) else None


def before_cue(before: str, sentence: str, prev_speaker: str | None, first: bool,
               ) -> tuple[str, str] | None:
    """(speaker, verb) from the reporting clause before an opening mark, in the same sentence."""
    # the case-blind search tries every offset: a plain substring test rules most texts out first
    m = _ACCORDING.search(before) if "ccord" in before.lower() else None
    if m:
        return m.group("spk").strip(), "according to"
    cues = [c for c in find_cues(before) if _is_cue_use(before, c[0], c[2])]
    if not cues:
        return None
    if first and len(cues) > 1 and cues[-1][2] in PARTICIPLE_CUES:
        own = participle_subject(before[:cues[-1][0]])
        if own:  # "..., with Sen. John McCain telling reporters he saw Obama as “responsible”": its own clause
            return own, cues[-1][2]
    if first and len(cues) > 1 and cues[-1][2] not in PARTICIPLE_CUES:
        near = subject_before(before[:cues[-1][0]])
        if near.lower() in ("he", "she", "i", "we"):  # "it", "they": often an organization, left to the main clause
            return near, cues[-1][2]  # "DeSantis said ..., which he called “a cartel”": the nearer clause
        if _relative_who(before[:cues[-1][0]]):
            # "Swanson praised Graham, who has vowed to shun the group's “support of ...”": the person the
            # relative clause hangs on speaks, not the main clause's subject
            return "who", cues[-1][2]
        between = before[cues[-2][1]:cues[-1][0]]
        if near[:1].isupper() and _ok_speaker(near) and not verb_led(near) \
                and re.search(r",\s+(?:while|whereas|but)\s+" + re.escape(near) + r"\s*$", between):
            # "Corker also said ..., while Lisa Murkowski told CNN a delay was “...”": a second clause, its own cue
            return near, cues[-1][2]
        if not before[cues[-1][1]:].strip(" ,:") and near[:1].isupper() and _ok_speaker(near) \
                and not verb_led(near) and near.lower() not in SUBJECT_PRONOUNS \
                and "," in between and " that " not in between.rsplit(",", 1)[-1]:
            # "when Rubio said it was great, a man yelled “Stay!”": a clause of its own, its verb at the mark
            return near, cues[-1][2]
    if first and len(cues) > 1:
        # "While not everything Trump says is true, Jamieson said": the main clause after a fronted one;
        # the fronted clause may follow words of its own: "Later in the show, after the interview ended,"
        # / "There were boos when Rubio said it was great, and a man yelled"
        clause = before[:cues[0][0]].rsplit(",", 1)[-1].lower().split()
        # "In a Facebook message posted Friday, Cruz said": a fronted phrase's participle is not the cue
        fronted_phrase = bool(clause) and clause[0] in _FRONTED_PREPS and cues[0][2].endswith("ed") \
            and before[:cues[0][0]].rstrip()[-1:].islower()
        if (fronted_phrase or any(w.strip("\"\u201c\u201d(") in _SUBORDINATORS for w in clause)) \
                and "," in before[cues[0][1]:cues[1][0]] \
                and cues[1][2] not in PARTICIPLE_CUES:  # "..., asking": the participle's subject comes before
            main = _cue_speaker(before, sentence, cues[1:], prev_speaker, first)
            if main is not None:
                return main
    return _cue_speaker(before, sentence, cues, prev_speaker, first)


def _relative_who(pre: str, pronouns: tuple[str, ...] = ("who",)) -> str:
    """The relative pronoun that is the subject of a cue right after pre ("..., who has often"), else ""."""
    rel = clean_np(pre.rsplit(",", 1)[-1]).split()
    if rel and rel[0].lower() in pronouns and len(rel) <= 6 and not any(w[:1].isupper() for w in rel[1:]) \
            and (len(rel) == 1 or rel[1].lower() in AUX_WORDS or rel[1].endswith("ly")):  # not "which he called"
        return rel[0].lower()
    return ""


def _cue_speaker(before: str, sentence: str, cues: list[tuple[int, int, str]], prev_speaker: str | None,
                 first: bool) -> tuple[str, str] | None:
    """(speaker, verb) of the first cue (the last unless first) whose subject can be a speaker."""
    for c in (cues if first else cues[::-1]):
        verb, pre = c[2], before[:c[0]]
        if verb in PARTICIPLE_CUES:
            own = participle_subject(pre)
            if own:
                return own, verb
            inner = [k for k in cues if k[0] < c[0]]
            if inner and inner[-1][2] in PARTICIPLE_CUES:
                # "calling him a “stiff” and accusing him": the earlier participle's subject goes on
                return (_cue_speaker(before, sentence, inner, prev_speaker, False) or (None, None))[0], verb
            if inner:
                spk = subject_before(before[:inner[-1][0]])
                if spk and (_ok_speaker(spk) or len(inner) == 1):  # "but said there was no call, adding"
                    return spk, verb
                if spk:
                    spk = subject_before(before[:inner[-2][0]])
                    if spk and _ok_speaker(spk):
                        return spk, verb
            if prev_speaker:
                return prev_speaker, verb
            return (clause_subject(sentence) or None), verb
        rel = _relative_who(pre, ("who", "which"))
        if rel:
            # "said Beck, who added that ..." / "Beck, who has in the past described": the relative pronoun,
            # resolved to the person it hangs on
            return rel, verb
        spk = subject_before(pre)
        if spk and _ok_speaker(spk) and not verb_led(spk):
            return spk, verb
    return None
