"""Quote extraction: quotation spans in a body, their kind, speaker as written and person."""
from __future__ import annotations

import bisect
import re

from transforms.model import PersonMention, Quote
from transforms.quotes_attribution import (after_cue, before_cue, reporting_clauses, sentence_start,
                                           tail_cue)
from transforms.quotes_lexicon import HONORIFIC_GENDER, PRONOUNS
from transforms.quotes_resolve import PeopleIndex, classify_phrase
from transforms.quotes_spans import Span, find_single_spans, find_spans, span_text

_PARA = re.compile(r"[^\n]+")
# Words right before a mark that make the quoted words a name, title or term, not speech.
_SCARE_LEAD = re.compile(r"(?:so[- ]called|dubbed|known as|nicknamed|titled|entitled|named|term|word|"
                         r"phrase|slogan|hashtag|label|film|movie|book|song|show|series|album|novel|"
                         r"play|program|programme|operation|campaign|the|a|an|its|his|her|their|our|"
                         r"this|these|those|my)\s*$", re.I)
_CAPWORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_SMALL = frozenset("a an the of and or in on at to for with by from is vs".split())
_AFTER_PUNCT = ",?!\u2014\u2013-"


def _title_like(text: str) -> bool:
    """True when every content word is capitalized: a title or a name, not a sentence."""
    words = _CAPWORD.findall(text)
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[:1].isupper() for w in content) and not text.rstrip().endswith((".", "?", "!", ","))


class _Article:
    """Per-article state for one pass over the quotations in order."""

    def __init__(self, body: str, people: list[PersonMention]):
        self.body = body
        self.index = PeopleIndex(people, body)
        self.paras = [m.span() for m in _PARA.finditer(body)] or [(0, len(body))]
        self.para_starts = [s for s, _ in self.paras]
        self.mentions = sorted(((s, p) for p in people for s, _ in p.spans), key=lambda t: t[0])
        self.mention_starts = [s for s, _ in self.mentions]

    def para_of(self, pos: int) -> int:
        """Index of the paragraph holding pos."""
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def reporter(self, lo: int, pos: int, gender: str | None = None) -> tuple[str, str, PersonMention] | None:
        """The last reporting clause in body[lo:pos] whose subject names a person: (phrase, verb, person)."""
        for spk, verb in reversed(list(reporting_clauses(self.body[lo:pos]))):
            if classify_phrase(spk) == "name":
                p = self.index.by_name(spk)
                if p and self.index.compatible(p, gender):
                    return spk, verb, p
        return None

    def salient(self, lo: int, pos: int, last: PersonMention | None, gender: str | None,
                ) -> PersonMention | None:
        """The person a pronoun or description at pos stands for: last reporting subject, last speaker, nearest."""
        lo = max(lo, pos - 1500)
        hit = self.reporter(lo, pos, gender)
        if hit:
            return hit[2]
        k = bisect.bisect_left(self.mention_starts, pos)
        j = bisect.bisect_left(self.mention_starts, lo)
        for s, p in reversed(self.mentions[j:k]):
            # a person opening a sentence since the last quotation is its subject
            p_lo = self.paras[self.para_of(s)][0]
            if len(self.body[sentence_start(self.body, p_lo, s):s].split()) <= 2 \
                    and self.index.compatible(p, gender):
                return p
        if last and self.index.compatible(last, gender):
            return last
        for _, p in reversed(self.mentions[max(0, k - 12):k]):
            if self.index.compatible(p, gender):
                return p
        return None

    def resolve(self, phrase: str | None, lo: int, pos: int, last: PersonMention | None,
                ) -> PersonMention | None:
        """The person a speaker phrase names or refers to; None for organizations and unnamed sources."""
        if not phrase:
            return None
        kind = classify_phrase(phrase)
        if kind == "name":
            return self.index.by_name(phrase)
        if kind == "pronoun":
            gender = PRONOUNS.get(phrase.lower())
            return self.salient(lo, pos, last, gender) if gender in ("m", "f") else None
        if kind == "definite":
            head = phrase.split()[-1].lower()
            return (self.index.by_role(phrase) or self.index.by_name(phrase)
                    or self.salient(lo, pos, last, HONORIFIC_GENDER.get(head)))
        return None


def _kind(text: str, lead: str, cued: bool) -> str | None:
    """'direct', 'partial' or None (not speech) from the words and what leads into the mark."""
    lead = lead.rstrip()
    first = text.lstrip("\u2026. '\u2018([")[:1]
    at_start = not lead or lead.endswith((":", ".", "?", "!")) or (lead.endswith(",") and cued)
    if at_start and (first.isupper() or first.isdigit() or lead):
        if _title_like(text) and not cued:
            return None
        if not cued and len(text.split()) < 4 and not text.rstrip().endswith((".", "?", "!", ",")):
            return None
        return "direct"
    if not cued or _SCARE_LEAD.search(lead) and _title_like(text):
        return None
    if re.search(r"(?:so[- ]called|dubbed|known as|nicknamed|titled|entitled)\s*$", lead, re.I):
        return None
    if first.isupper() and len(text.split()) >= 4 and text.rstrip().endswith((".", "?", "!", ",")):
        return "direct"  # a whole sentence after a cue without a comma: He said "We will win."
    return "partial"


def extract_quotes(body: str, people: list[PersonMention]) -> list[Quote]:
    """Quotations in the body, ordered by start, with kind, cue, speaker as written and person."""
    if not body:
        return []
    spans = find_spans(body)
    spans += find_single_spans(body, spans)
    spans.sort(key=lambda s: s.start)
    art = _Article(body, people)
    out: list[Quote] = []
    prev: tuple[Span, Quote, PersonMention | None, int] | None = None  # span, row, person, sentence start
    for i, sp in enumerate(spans):
        text = span_text(body, sp)
        if not text.strip():
            continue
        pi = art.para_of(sp.open_at)
        p_lo, p_hi = art.paras[pi]
        sent_lo = sentence_start(body, p_lo, sp.open_at)
        prev_close = -1
        if prev is not None:
            prev_close = prev[0].close_at if prev[0].close_at is not None else prev[0].end
        same_para = prev is not None and prev_close >= p_lo
        same_sent = same_para and prev_close >= sent_lo - 2
        lo = max(sent_lo, prev_close + 1) if same_para else sent_lo
        before = body[lo:sp.open_at]
        cue = None
        closed = sp.close_at is not None and sp.close_at < p_hi
        rest = ""
        if closed:
            nxt = spans[i + 1].open_at if i + 1 < len(spans) else len(body)
            rest = body[sp.close_at + 1:min(nxt, art.paras[art.para_of(sp.close_at)][1])]
            ends = text.rstrip()[-1:]
            if ends in _AFTER_PUNCT or rest.startswith(",") or rest.lstrip()[:1].islower() \
                    or rest.lstrip()[:1] in "\u2015\u2014\u2013":
                cue = after_cue(rest)
        lead = before.rstrip()
        if cue is None or lead.endswith((":", ",")):
            same_spk = prev[1].speaker_text if (prev is not None and same_sent) else None
            b = before_cue(before, body[sent_lo:sp.open_at], same_spk,
                           first=bool(lead) and not lead.endswith((":", ",")))
            if b is not None and b[0]:
                cue = b
        if cue is None and not lead and pi > 0:
            # "Blinken said:" closing the previous paragraph introduces this one
            q_lo, q_hi = art.paras[pi - 1]
            tail = body[q_lo:q_hi].rstrip()
            if tail.endswith(":"):
                s0 = sentence_start(body, q_lo, q_lo + len(tail) - 1)
                b = before_cue(tail[s0 - q_lo:-1] + " ", tail[s0 - q_lo:], None, first=False)
                if b is not None and b[0]:
                    cue = b
        if cue is None and lead and closed:
            cue = tail_cue(body[sp.close_at + 1:art.paras[pi][1]].split(". ")[0])
        inherit = cue is None and same_sent and bool(prev[1].speaker_text)
        kind = _kind(text, lead, cue is not None or inherit)
        carry = prev is not None and (same_para or (not lead and art.para_of(prev_close) >= pi - 2))
        if kind is None and carry and not lead and prev[1].kind == "direct":
            kind = "direct"  # a quote paragraph going on with the previous speaker
        if kind is None:
            continue
        last = prev[2] if prev is not None else None
        ref_lo = prev_close + 1 if prev is not None else 0
        if cue is not None:
            spk_text, verb = cue
            person = art.resolve(spk_text, ref_lo, sp.open_at, last)
        elif inherit:
            spk_text, verb, person = prev[1].speaker_text, None, prev[2]
        else:
            # no cue: a reporting clause since the last quotation introduces it, else the last speaker goes on
            win_lo = max(ref_lo, art.paras[max(0, pi - 2)][0])
            hit = art.reporter(win_lo, sp.open_at) if not lead else None
            if hit:
                spk_text, verb, person = hit
            elif carry:
                spk_text, verb, person = prev[1].speaker_text, None, prev[2]
            else:
                spk_text, verb, person = None, None, None
        q = Quote(text=text, kind=kind, start=sp.start, end=sp.end, speaker_text=spk_text,
                  speaker_name=person.name if person else None, verb=verb)
        out.append(q)
        prev = (sp, q, person, sent_lo)
    return out
