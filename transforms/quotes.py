"""Quote extraction: quotation spans in a body, their kind, speaker as written and person."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from transforms.model import PersonMention, Quote
from transforms.quotes_attribution import after_cue, before_cue, colon_cue, reporting_clauses, tail_cue
from transforms.quotes_lexicon import (CUE_VERBS, HONORIFIC_GENDER, LEADING_FILLERS, PARTICIPLE_CUES, PRONOUNS,
                                      UNNAMED_HEADS)
from transforms.quotes_resolve import PeopleIndex, classify_phrase
from transforms.quotes_subject import NAME_GLUE, clause_subject
from transforms.quotes_spans import Span, find_single_spans, find_spans, sentence_start, span_text

_PARA = re.compile(r"[^\n]+")
# Words right before a mark that make the quoted words a name, title or term, not speech.
_NAMING_LEAD = re.compile(r"(?:so[- ]called|dubbed|known as|nicknamed|titled|entitled|"
                          # "a report called", "this thing called": an indefinite thing named, not a speaker
                          r"\b(?:a|an|this|some)\s+[a-z-]+\s+called|the (?:word|term|phrase|"
                          r"slogan|hashtag|headline|film|movie|book|song|show|series|album|novel|program|"
                          r"programme|operation))\s*$", re.I)
# A word every naming lead holds: a plain substring test spares the case-blind search most leads
_NAMING_WORDS = ("called", "dubbed", "known", "named", "tled", "the ")
# Words right before a mark that mention or name a short term rather than report speech:
# 'stories mentioning "vaping"', 'songs he branded "edutainment"'. Unlike the naming leads
# most are also cue verbs, so only a short span without sentence punctuation counts as a
# term: 'mentioned "we will not back down."' stays a quote. Left out on purpose: "labeled"
# (a label's text is quoted writing in the gold sets), "what he called" and "said the words"
# (both attribute the words to a speaker).
_MENTION_LEAD = re.compile(r"(?:\bmention(?:s|ed|ing)?|\b(?:re)?named|\bbranded|\bdubbed|\btitled|"
                           r"\bso[- ]called|\bthe (?:word|terms?|phrases?|hashtags?|slogans?))\s*$", re.I)
_MENTION_WORDS = 4  # a term is at most this many words
_LIST_GLUE = re.compile(r"\s*,?\s*(?:(?:and|or|nor)\s*)?")  # between two listed terms
_CAPWORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_SMALL = frozenset("a an the of and or in on at to for with by from is vs".split())
_AFTER_PUNCT = ",?!\u2014\u2013-"
_DASHES = "-\u2015\u2014\u2013"
_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"


def _title_like(text: str, sentence_ok: bool = True) -> bool:
    """True when every content word is capitalized: a title or a name, not a sentence."""
    if len(text) > 80 or (sentence_ok and text.rstrip().endswith((".", "?", "!", ","))):
        return False
    words = _CAPWORD.findall(text)
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[:1].isupper() for w in content)


class _Article:
    """Per-article state for one pass over the quotations in order."""

    def __init__(self, body: str, people: list[PersonMention]):
        self.body = body
        self.people = people
        self.paras = [m.span() for m in _PARA.finditer(body)] or [(0, len(body))]
        self.para_starts = [s for s, _ in self.paras]
        self._index: PeopleIndex | None = None
        self._mentions: list[tuple[int, PersonMention]] | None = None

    @property
    def index(self) -> PeopleIndex:
        """The people index, built on first use: most articles resolve few speakers."""
        if self._index is None:
            self._index = PeopleIndex(self.people, self.body)
        return self._index

    @property
    def mentions(self) -> list[tuple[int, PersonMention]]:
        """(offset, person) of every body mention, in order, built on first use."""
        if self._mentions is None:
            self._mentions = sorted(((s, p) for p in self.people for s, _ in p.spans), key=lambda t: t[0])
            self.mention_starts = [s for s, _ in self._mentions]
        return self._mentions

    def para_of(self, pos: int) -> int:
        """Index of the paragraph holding pos."""
        i = bisect.bisect_right(self.para_starts, pos)
        return i - 1 if i else 0

    def reporter(self, lo: int, pos: int, gender: str | None = None,
                 ) -> tuple[str, str, PersonMention, int] | None:
        """The last reporting clause in body[lo:pos] whose subject names a person: (phrase, verb, person, offset)."""
        for spk, verb, at in reporting_clauses(self.body[lo:pos], backward=True):
            if classify_phrase(spk) == "name":
                p = self.index.by_name(spk)
                if p and self.index.compatible(p, gender):
                    return spk, verb, p, lo + at
        return None

    def salient(self, lo: int, pos: int, last: PersonMention | None, gender: str | None,
                near: tuple[int, int, bool] | None = None) -> PersonMention | None:
        """The person a pronoun or description at pos stands for: last subject, last speaker, nearest."""
        lo = max(lo, pos - 800)
        hit = self.reporter(lo, pos, gender)
        best_at, best = (hit[3], hit[2]) if hit else (-1, None)
        mentions = self.mentions
        k = bisect.bisect_left(self.mention_starts, pos)
        j = bisect.bisect_left(self.mention_starts, max(lo, best_at + 1))
        for s, p in reversed(mentions[j:k]):
            # a person opening a sentence after the last reporting clause is the new subject, also past
            # fronted words: "In a statement, presidential nominee Hillary Clinton was ... she called"
            if self._opens_sentence(s) and self.index.compatible(p, gender):
                return p
        if best:
            return best
        if near and near[2]:
            # the last speaker is paragraphs away: a person just named in the sentence before takes over
            a = bisect.bisect_left(self.mention_starts, near[0])
            b = bisect.bisect_left(self.mention_starts, near[1])
            for _, p in reversed(mentions[a:b]):
                if self.index.compatible(p, gender):
                    return p
        if last and self.index.compatible(last, gender):
            return last
        for _, p in reversed(mentions[max(0, k - 12):k]):
            if self.index.compatible(p, gender):
                return p
        return None

    def _opens_sentence(self, s: int) -> bool:
        """True when the mention at s is its sentence's subject: first words, or first past fronted phrases."""
        p_lo = self.paras[self.para_of(s)][0]
        lo = sentence_start(self.body, p_lo, s)
        before = self.body[lo:s]
        n = len(before.split(None, 12))  # 13 pieces: more than 12 words
        if n <= 2:
            return True
        if n > 12 or any(m in before for m in _MARKS):
            return False  # deep in a long sentence, or after a quotation: an object or an aside
        window = self.body[lo:s + 60]
        subject = clause_subject(window)
        at = window.find(subject) if subject else -1
        return at >= 0 and at <= s - lo < at + len(subject)

    def antecedent(self, pos: int) -> PersonMention | None:
        """The person named right before a relative pronoun's comma at pos: "Franklin Graham, who"."""
        mentions = self.mentions
        k = bisect.bisect_left(self.mention_starts, pos)
        if not k:
            return None
        s, p = mentions[k - 1]
        end = next((e for b, e in p.spans if b == s), s)
        between = self.body[end:pos]
        if "(" in between:  # "Sen. Bob Corker (R-Tenn.), who": a party tag between the name and "who"
            between = re.sub(r"\([^()]{0,30}\)", "", between)
        return p if not between.strip(" ,") else None

    def resolve(self, phrase: str | None, lo: int, pos: int, last: PersonMention | None,
                near: tuple[int, int, bool] | None = None, who_at: int | None = None) -> PersonMention | None:
        """The person a speaker phrase names or refers to; None for organizations and unnamed sources.

        who_at: where a relative "who" stands, when it is before the mark: it hangs on the name before it.
        """
        if not phrase:
            return None
        kind = classify_phrase(phrase)
        if kind == "name":
            return self.index.by_name(phrase)
        if phrase.lower() == "who":  # the person the relative clause hangs on: the last one named
            hung = self.antecedent(who_at) if who_at is not None else None
            return hung or self.salient(lo, pos, last, None, near)
        if kind == "pronoun":
            gender = PRONOUNS.get(phrase.lower())
            return self.salient(lo, pos, last, gender, near) if gender in ("m", "f") else None
        if kind == "definite":
            head = phrase.split()[-1].lower()
            if head in UNNAMED_HEADS:
                # "the spokesman": rarely the person last named, unless a role says so word for word
                return self.index.by_role(phrase, exact=True)
            return (self.index.by_role(phrase) or self.index.by_name(phrase)
                    or self.salient(lo, pos, last, HONORIFIC_GENDER.get(head), near))
        return None


def _kind(text: str, lead: str, cued: bool) -> str | None:
    """'direct', 'partial' or None (not speech) from the words and what leads into the mark."""
    lead = lead.rstrip()
    first = text.lstrip("\u2026. '\u2018([")[:1]
    at_start = not lead or lead.endswith((":", ".", "?", "!")) or (lead.endswith(",") and cued)
    if at_start and (first.isupper() or first.isdigit() or lead):
        if _title_like(text) and not cued:
            return None
        if not cued and len(text.split(None, 3)) < 4 and not text.rstrip().endswith((".", "?", "!", ",")):
            return None
        return "direct"
    lead_word = lead.rsplit(None, 1)[-1].lower() if lead else ""
    if not cued or (_title_like(text, False) and lead_word not in CUE_VERBS):
        return None  # a title, show or nickname: "Fox News Sunday," / "Quillette"
    tail = lead[-30:]
    low = tail.lower()  # lower() maps every letter the case-blind search equates with these words' letters
    if any(w in low for w in _NAMING_WORDS) and _NAMING_LEAD.search(tail):
        return None
    if lead_word in CUE_VERBS and first.isupper() and len(text.split(None, 3)) >= 4 \
            and text.rstrip().endswith((".", "?", "!", ",")):
        return "direct"  # a whole sentence after a cue without a comma: He said "We will win."
    return "partial"


def _short_term(text: str) -> bool:
    """True for a few words without sentence punctuation, ending on a content word: "lung illness"."""
    # at most one piece past the limit: a long quotation is not split word by word only to be counted
    words = text.split(None, _MENTION_WORDS)
    if not words or len(words) > _MENTION_WORDS:
        return False
    # American style puts a trailing comma inside the mark: "fragile," is still a bare term
    core = text.strip().rstrip(",")
    # a term ends on a content word; "in homage to" is a clipped piece of a sentence
    return not any(c in core for c in ".?!;:") and words[-1].lower().strip(",") not in _SMALL


def _mentioned_term(text: str, lead: str, listed_after: str | None) -> bool:
    """True for a short term right after a mention or naming word, or listed after such a term."""
    if not _short_term(text):
        return False
    if listed_after is not None and _LIST_GLUE.fullmatch(listed_after):
        return True  # 'mentioning "vaping" and "lung illness"': the whole list is terms
    return bool(_MENTION_LEAD.search(lead[-40:]))


@dataclass
class _Ctx:
    """Where one quotation sits: paragraph, sentence, and the text leading into its opening mark."""

    pi: int  # paragraph index
    p_lo: int
    p_hi: int
    sent_lo: int  # start of the sentence holding the opening mark
    prev_close: int  # closing offset of the previous quotation, -1 for none
    same_para: bool
    same_sent: bool
    before: str  # sentence text (after any earlier quotation in it) up to the opening mark
    closed: bool  # closed within its paragraph


def _context(art: _Article, sp: Span, prev: tuple[Span, Quote, PersonMention | None] | None) -> _Ctx:
    """The paragraph and sentence around a quotation, relative to the previous one."""
    body = art.body
    pi = art.para_of(sp.open_at)
    p_lo, p_hi = art.paras[pi]
    sent_lo = sentence_start(body, p_lo, sp.open_at)
    prev_close = -1
    if prev is not None:
        prev_close = prev[0].close_at if prev[0].close_at is not None else prev[0].end
    same_para = prev is not None and prev_close >= p_lo
    same_sent = same_para and prev_close >= sent_lo - 1  # a quotation closing the sentence before is not in this one
    lo = max(sent_lo, prev_close + 1) if same_para else sent_lo
    closed = sp.close_at is not None and sp.close_at < p_hi
    return _Ctx(pi, p_lo, p_hi, sent_lo, prev_close, same_para, same_sent, body[lo:sp.open_at], closed)


def _after_close(art: _Article, sp: Span, text: str, next_open: int) -> tuple[str | None, str | None] | None:
    """(speaker, verb) from a cue right after the quotation's closing mark: `“...,” Smith said`."""
    body, cue = art.body, None
    rest = body[sp.close_at + 1:min(next_open, art.paras[art.para_of(sp.close_at)][1])]
    if not rest or rest.isspace():
        return None  # the quotation ends its paragraph (a third of them): no words for a cue
    ends = text.rstrip(" '\u2019\"\u201d")[-1:]
    nested = text.rstrip()[-1:] in "'\u2019"  # `...is.’” Ms. Haley told`
    first = rest.split(None, 1)[:1]
    if ends in ".?!" and first and first[0][:1].isupper() and first[0].strip(",").lower() in LEADING_FILLERS:
        pass  # `“...right?” Later, Rubio claimed that ...`: the next sentence, not a cue
    elif ends in _AFTER_PUNCT or nested or rest.startswith(",") or rest.lstrip()[:1] in "\u2015\u2014\u2013":
        cue = after_cue(rest)
    elif rest.lstrip()[:1].islower():
        cue = after_cue(rest, strict=True)
    elif ends.isalnum() and rest.lstrip()[:1].isupper():
        # `“...battle of niches” Grubbs said.`: no comma, so only a short name right before its verb counts
        cue = after_cue(rest, strict=True)
        if cue is not None and (len(cue[0].split()) > 3 or cue[1] in PARTICIPLE_CUES):
            cue = None  # `“kind of problems” Sanders had answering`: a clause going on, not a cue
        elif cue is not None and cue[0].lower() not in PRONOUNS and not all(
                w[:1].isupper() or w in NAME_GLUE for w in cue[0].split()):
            cue = None  # `accused of “slandering” Barr after she said`: the object's clause goes on
    elif ends in ".\u2026" and rest.lstrip()[:1].isupper():  # an ellipsis ends a sentence too
        # `“...emails that are missing.” Trump said.`: a cue that closes its short sentence
        cue = after_cue(rest)
        full = body[sp.close_at + 1:art.paras[art.para_of(sp.close_at)][1]]  # past the next opening mark
        tail = full.split(cue[1], 1)[-1].split(".")[0] if cue is not None and cue[1] is not None else ""
        if len(tail.split()) > 4 or any(m in tail for m in _MARKS):
            cue = None  # `Sanders called Trump a “liar.”`: the next sentence's own quotation
    if cue is not None and cue[1] is not None and ends in ".?!\u2026" and rest.lstrip()[:1].isupper() \
            and len(rest.split(cue[1], 1)[0].split(",", 1)[0].split()) > 8:
        # `“...herself.” Smith bristled at the idea that ..., and added`: a sentence of its own (an aside
        # after the name is not counted: `“...” Will Ames, the chairman of X, said`)
        cue = None
    return cue


def _cue(art: _Article, sp: Span, text: str, ctx: _Ctx, next_open: int, prev_speaker: str | None,
         ) -> tuple[str | None, str | None] | None:
    """(speaker as written, verb) at the quotation's cue: after it, before it, a colon, or closing its sentence."""
    body, cue = art.body, None
    if ctx.closed:
        cue = _after_close(art, sp, text, next_open)
    lead = ctx.before.rstrip()
    after_pronoun = cue is not None and bool(cue[0]) and cue[0].lower() in PRONOUNS and cue[1] is not None
    if (cue is None or lead.endswith((":", ","))) and not after_pronoun:
        # `Trump asserted: “France is no longer France,” he claimed.`: the nearer cue wins
        b = before_cue(ctx.before, body[ctx.sent_lo:sp.open_at], prev_speaker,
                       first=bool(lead) and not lead.endswith((":", ",")) and not ctx.same_sent)
        if b is not None and b[0]:
            cue = b
    if cue is None and not lead and ctx.pi > 0 and ctx.sent_lo == ctx.p_lo:
        # "Blinken said:" closing the previous paragraph introduces this one, when the quotation opens it
        q_lo, q_hi = art.paras[ctx.pi - 1]
        tail = body[q_lo:q_hi].rstrip()
        if tail.endswith(":"):
            s0 = sentence_start(body, q_lo, q_lo + len(tail) - 1) - q_lo
            b = before_cue(tail[s0:-1] + " ", tail[s0:], None, first=False)
            cue = b if b is not None and b[0] else colon_cue(tail[s0:])
    if cue is None and not lead and ctx.sent_lo > ctx.p_lo:
        # `She says people should choose. “It is their life.”`: the reporting clause of the sentence before
        lo = max(ctx.p_lo, ctx.prev_close + 1) if ctx.same_para else ctx.p_lo
        before = body[sentence_start(body, lo, ctx.sent_lo - 1):ctx.sent_lo] if ctx.sent_lo - 1 > lo else ""
        b = before_cue(before, before, None, first=True) if before.strip() else None
        if before.strip() and (b is None or classify_phrase(b[0] or "") not in ("name", "pronoun")):
            # "..., said Paul Beck, a professor." closing it: the inverted cue names the speaker
            b = tail_cue(before.rstrip()) or b
        if b is not None and b[0] and b[0] != "who":  # "said Pardo, who said ...": Pardo goes on
            cue = b
    if cue is None and lead.endswith(":"):
        cue = colon_cue(body[ctx.sent_lo:sp.open_at])
    if cue is None and sp.close_at is not None and not ctx.closed:
        # a quotation over paragraphs, attributed after its last one: `“...` / `“...,” the statement said.`
        cue = _after_close(art, sp, text, next_open)
    if cue is None and ctx.closed:
        stop = body.find(". ", sp.close_at + 1, ctx.p_hi)  # the sentence going on, not the paragraph's rest
        cue = tail_cue(body[sp.close_at + 1:stop if stop >= 0 else ctx.p_hi])
    if cue is None and sp.close_at is not None and not lead:
        cue = _byline_cue(art, ctx, sp.close_at)
    return cue


def _byline_cue(art: _Article, ctx: _Ctx, close_at: int) -> tuple[str, None] | None:
    """(name, None) from a short dash byline paragraph right after a quote paragraph: `"..."` / `- Bernie Sanders.`"""
    ci = art.para_of(close_at)
    if ci + 1 >= len(art.paras) or art.body[close_at + 1:art.paras[ci][1]].strip() or ctx.sent_lo > ctx.p_lo:
        return None  # words around the quotation in its paragraph: not a quote standing alone
    n_lo, n_hi = art.paras[ci + 1]
    line = art.body[n_lo:n_hi].strip()
    if not line or line[0] not in _DASHES or len(line.split()) > 12:
        return None
    name = line.lstrip(_DASHES + " ").split(",")[0].rstrip(". ")
    if not _title_like(name, False) or " and " in name:
        return None  # "—Josh Mitchell and Jo Li contributed to this article": a credit line, not a byline
    cue = after_cue("\u2014 " + line.lstrip(_DASHES + " "))  # "-Name": the dash glued to the name
    return (cue[0], None) if cue is not None and cue[1] is None and classify_phrase(cue[0]) == "name" else None


def _who_at(body: str, lo: int, pos: int) -> int | None:
    """Where a relative "who" speaker stands before the mark in its sentence, None when it is not there."""
    at = body.rfind(", who ", lo, pos)
    return at if at >= 0 else None


def extract_quotes(body: str, people: list[PersonMention]) -> list[Quote]:
    """Quotations in the body, ordered by start, with kind, cue, speaker as written and person."""
    if not body:
        return []
    spans = find_spans(body)  # in order already: one quotation is open at a time
    singles = find_single_spans(body, spans)
    if singles:
        spans = sorted(spans + singles, key=lambda s: s.start)
    if not spans:
        return []  # no quotation marks: no paragraph or people index to build
    art = _Article(body, people)
    out: list[Quote] = []
    prev: tuple[Span, Quote, PersonMention | None] | None = None  # span, row, person
    term_end = -1  # just past the closing mark of the last quoted term skipped
    for i, sp in enumerate(spans):
        text = span_text(body, sp)
        if not text.strip():
            continue
        ctx = _context(art, sp, prev)
        lead = ctx.before.rstrip()
        if _mentioned_term(text, lead, body[term_end:sp.open_at] if term_end >= 0 else None):
            term_end = sp.close_at + 1 if sp.close_at is not None else sp.end
            continue  # 'stories mentioning "vaping"': a term talked about, not speech
        next_open = spans[i + 1].open_at if i + 1 < len(spans) else len(body)
        cue = _cue(art, sp, text, ctx, next_open, prev[1].speaker_text if prev and ctx.same_sent else None)
        inherit = cue is None and ctx.same_sent and bool(prev[1].speaker_text)
        kind = _kind(text, lead, cue is not None or inherit)
        carry = prev is not None and (ctx.same_para or (not lead and art.para_of(ctx.prev_close) >= ctx.pi - 2))
        if kind is None and carry and not lead and prev[1].kind == "direct":
            kind = "direct"  # a quote paragraph going on with the previous speaker
        if kind is None or (sp.single and (kind != "direct" or cue is None or cue[1] is None)):
            continue  # single marks quote only whole sentences at an explicit cue
        last = prev[2] if prev is not None else None
        ref_lo = ctx.prev_close + 1 if prev is not None else 0
        if cue is not None:
            spk_text, verb = cue
            near_lo = art.paras[max(0, ctx.pi - 1)][0] if ctx.sent_lo == ctx.p_lo else ctx.p_lo
            near = (max(near_lo, ctx.sent_lo - 300), ctx.sent_lo,
                    prev is None or art.para_of(ctx.prev_close) < ctx.pi - 1)
            who_at = _who_at(body, ctx.sent_lo, sp.open_at) if spk_text == "who" else None
            person = art.resolve(spk_text, ref_lo, sp.open_at, last, near, who_at=who_at)
        elif inherit:
            spk_text, verb, person = prev[1].speaker_text, None, prev[2]
        else:
            # no cue: a reporting clause since the last quotation introduces it, else the last speaker goes on
            hit = art.reporter(max(ref_lo, art.paras[max(0, ctx.pi - 2)][0]), sp.open_at) if not lead else None
            if hit:
                spk_text, verb, person = hit[:3]
            elif carry:
                spk_text, verb, person = prev[1].speaker_text, None, prev[2]
            else:
                spk_text, verb, person = None, None, None
        q = Quote(text=text, kind=kind, start=sp.start, end=sp.end, speaker_text=spk_text,
                  speaker_name=person.name if person else None, verb=verb)
        out.append(q)
        prev = (sp, q, person)
    return out
