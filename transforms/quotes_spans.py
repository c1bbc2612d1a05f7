"""Quotation spans in a body: paired marks, joined across paragraph and stray line breaks."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
_ANY_MARK = OPENERS + CLOSERS + '"'
# A primary single-quote pair (some outlets): ‘ or ' at a word start, ’ or ' at a word end.
# The mark comes first and the look-behind checks the character before it: the regex engine then
# skips to candidate marks instead of trying the look-behind at every offset (twice as fast).
_SINGLE = re.compile(r"[\u2018'](?<![^\s(\[\u2014][\u2018'])(?=[^\s'\u2019])"
                     r"([^\n]{1,300}?\S)[\u2019'](?![\w\u2019'])")
_PARA_START = re.compile(r"[ \t\u00a0]*")
_SENT_END = re.compile(r"[.!?][\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018A-Z])")
_ABBREVS = frozenset("mr mrs ms dr st jr sr lt sen rep gov gen col sgt capt prof rev maj adm no vs u.s a.m p.m".split())


@dataclass
class Span:
    """One quotation: its pieces (start, end) in the body and the offsets of its marks."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    open_at: int = 0  # offset of the opening mark
    close_at: int | None = None  # offset of the closing mark; None when unclosed
    single: bool = False  # set in single quotation marks

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """Offset just past the last quoted character."""
        return self.pieces[-1][1]


def _can_open_straight(body: str, i: int) -> bool:
    """True when a straight double quote at i starts a quotation rather than ends one."""
    before = body[i - 1] if i else "\n"
    after = body[i + 1] if i + 1 < len(body) else "\n"
    if after.isspace() or after in ",.;:!?)":
        return False
    return before.isspace() or before in "([{\u2014\u2013-/'\u2018" or not before.isalnum()


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    """Piece bounds without surrounding whitespace."""
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return s, e


def _cross_breaks(body: str, cur: Span, piece_start: int, limit: int, spans: list[Span],
                  ) -> tuple[Span | None, int]:
    """Carry an open quotation over the paragraph breaks before limit: continue, rejoin or drop it."""
    n = len(body)
    while True:
        i = body.find("\n", piece_start, limit)
        if i < 0:
            return cur, piece_start
        j = i
        while j < n and body[j].isspace():
            j += 1
        nxt = _PARA_START.match(body, j).end()
        nxt_ch = body[nxt:nxt + 1]
        s, e = _trim(body, piece_start, i)
        if e > s:
            cur.pieces.append((s, e))
        first_at = cur.start if cur.pieces else piece_start
        if nxt_ch and (nxt_ch == '"') == (body[cur.open_at] == '"') and nxt_ch in _ANY_MARK \
                and not body[first_at:first_at + 1].islower():
            piece_start = nxt + 1  # reopened in the next paragraph: a quoted sentence goes on
            continue
        end_para = body.find("\n", nxt)
        rest = body[nxt:n if end_para < 0 else end_para]
        first_close = min((k for k in (rest.find(c) for c in CLOSERS + '"') if k >= 0), default=-1)
        first_open = min((k for k in (rest.find(c) for c in OPENERS) if k >= 0), default=-1)
        if first_close > 0 and (first_open < 0 or first_open > first_close) and body[e - 1:e] not in ".!?":
            piece_start = nxt  # a stray line break mid-sentence: the quotation resumes
            continue
        # Never closed: keep a quotation that ran over earlier paragraphs, drop a stray mark.
        if len(cur.pieces) > 1:
            spans.append(cur)
        return None, piece_start


def _mark_offsets(body: str) -> list[int]:
    """Offsets of every double quotation mark, in order."""
    # str.find per mark character beats a regex character class scan fourfold on long bodies
    out: list[int] = []
    for ch in _ANY_MARK:
        i = body.find(ch)
        while i >= 0:
            out.append(i)
            i = body.find(ch, i + 1)
    out.sort()
    return out


def find_spans(body: str) -> list[Span]:
    """Every double-quoted span of the body in order; unbalanced marks are contained, never raised."""
    spans: list[Span] = []
    cur: Span | None = None
    piece_start = 0
    n = len(body)
    for i in _mark_offsets(body):
        ch = body[i]
        if cur is not None:
            if i < piece_start:
                continue  # the reopening mark of a continued quotation
            cur, piece_start = _cross_breaks(body, cur, piece_start, i, spans)
            if cur is not None and i < piece_start:
                continue
        if cur is None:
            if ch in CLOSERS and not ((i == 0 or body[i - 1].isspace()) and i + 1 < n
                                      and not body[i + 1].isspace()):
                continue  # a stray closing mark; one at a word start is a mistyped opener
            if ch == '"' and not _can_open_straight(body, i):
                continue
            cur = Span(open_at=i)
            piece_start = i + 1
            continue
        if ch in OPENERS and ch != "\u201c":
            continue
        if ch == "\u201c" and body[cur.open_at] != "\u201e":
            nxt = body[i + 1] if i + 1 < n else " "
            if not (nxt.isspace() or nxt in ",.;:!?)"):
                continue  # a nested or mistyped opener: not the end of this quotation
        s, e = _trim(body, piece_start, i)
        if e > s:
            cur.pieces.append((s, e))
        cur.close_at = i
        if cur.pieces:
            spans.append(cur)
        cur = None
    if cur is not None:
        cur, piece_start = _cross_breaks(body, cur, piece_start, n, spans)
        if cur is not None and cur.pieces:  # unclosed at the end: kept only when it ran over paragraphs
            s, e = _trim(body, piece_start, n)
            if e > s:
                cur.pieces.append((s, e))
            spans.append(cur)
    return spans


def find_single_spans(body: str, taken: list[Span]) -> list[Span]:
    """Single-quoted spans outside every double-quoted span (outlets that quote with ‘ ’)."""
    out: list[Span] = []
    if "\u2018" not in body and " '" not in body and "\n'" not in body:
        return out
    bounds = sorted((sp.open_at, (sp.close_at if sp.close_at is not None else sp.end)) for sp in taken)
    opens = [a for a, _ in bounds]
    reach = list(accumulate((b for _, b in bounds), max))  # furthest end among the spans opened so far
    for m in _SINGLE.finditer(body):
        s, e = m.start(1), m.end(1)
        k = bisect_right(opens, s)  # the spans opening at or before s: inside one when it reaches s
        if "\n" in body[s:e] or (k and reach[k - 1] >= s):
            continue
        if len(body[s:e].split()) < 3:
            continue  # a word or two in single marks is a term, not speech
        out.append(Span(pieces=[(s, e)], open_at=m.start(), close_at=e, single=True))
    return out


def span_text(body: str, span: Span) -> str:
    """The quoted words: pieces joined by one space."""
    if len(span.pieces) == 1:  # nearly every quotation: no generator and join for one slice
        s, e = span.pieces[0]
        return body[s:e]
    return " ".join(body[s:e] for s, e in span.pieces)


def sentence_start(body: str, lo: int, pos: int) -> int:
    """Offset where the sentence holding pos begins, not before lo."""
    lo = max(lo, pos - 400)
    # The last sentence end before pos wins: walk back over the end marks with rfind and try the
    # pattern at each, stopping at the first real end. Matches cannot overlap (one consumes no other
    # mark), so this finds what a forward finditer would, without matching every end mark of the
    # 400-character window: the sentence start is nearly always a few words back.
    end = pos + 1  # + 1: the lookahead may see the mark at pos
    first = max(lo, 0)  # a negative start would make rfind count from the end
    # the last of each end mark before the one tried: only the mark just tried is looked up again
    dot, bang, ask = body.rfind(".", first, end), body.rfind("!", first, end), body.rfind("?", first, end)
    while True:
        k = max(dot, bang, ask)
        if k < 0:
            return lo
        if k == dot:
            dot = body.rfind(".", first, k)
        elif k == bang:
            bang = body.rfind("!", first, k)
        else:
            ask = body.rfind("?", first, k)
        m = _SENT_END.match(body, k, end)
        if m is None:
            continue
        if body[k] == ".":
            word = body[max(lo, k - 4):k].rsplit(None, 1)[-1:] if k > lo else []
            w = word[0].lower().lstrip("(\"\u201c") if word else ""
            if w in _ABBREVS or (len(w) == 1 and w.isalpha()) or "." in w:
                continue  # "Mr. Obama", "John F. Kennedy": not a sentence end
        return m.end()
