"""Main article text: the page's densest block of paragraphs, boilerplate removed, paragraphs joined by blank lines."""
from __future__ import annotations

import re

from transforms.dates import looks_like_date
from transforms.html_clean import clean_tree
from transforms.html_document import headline_element, text_of

_BODY_CLASS = re.compile(r"(?:^|\s)(?:article[-_]?body|articlebody|story[-_]?body|entry[-_]content|post[-_]content|"
                         r"article[-_]content|story[-_]content|article__body|body[-_]text|article-text|story-text|"
                         r"content[-_]body|post[-_]body|rich[-_]text|editor[-_]content)(?:$|\s)", re.I)
# How much non-prose text (menus, teasers, link lists) inside a block counts against it.
_BAD_WEIGHT = 0.6
_PROSE_ITEM = 100  # characters that make a list item a point of the story rather than a menu or teaser line
_STORY_MIN = 500  # prose characters that make an <article> a story of its own, not a teaser card
_PARA_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td"}
_BLOCK_CHILDREN = {"p", "div", "ul", "ol", "table", "section", "article", "blockquote", "h2", "h3", "h4", "li"}
_INLINE = {"a", "em", "strong", "b", "i", "span", "u", "br", "sup", "sub", "small", "abbr", "cite", "q", "mark",
           "time", "font", "code", "s", "del", "ins", "var", "kbd", "wbr", "bdi", "bdo"}
_JUNK = re.compile(
    r"^(?:advertisement|ad|sponsored|share|share this( article| story)?|read more|continue reading|"
    r"story continues below.*|scroll to continue.*|sign up.*|subscribe.*|click here.*|follow us.*|"
    r"(?:photo|image|video|credit)s?:.*|(?:getty images|ap photo|reuters).*|.*all rights reserved.*|"
    r"copyright.*|©.*|listen to (?:this|the) article.*|this article was originally published.*|"
    # labels of link lists and comment sections, reading-time stamps
    r"related(?: \w+){0,2}:?|more about:?|comments are (?:closed|disabled)\.?|editors?['’]? (?:recommendations|picks)|"
    r"popular in the community|like this:|about the authors?(?:\(s\))?|recent (?:articles|stories|posts) by .*|"
    r"thanks for reading!?|\d+ min(?:ute)?s? read|"
    r"don['’]t miss:?|read next:?|up next:?.*|keep reading\b.*|more coverage:?|in this article:?|top stories|"
    r"stay informed|you (?:may|might) also like\W*)$", re.I)
# A teaser card for another story, its label run into the headline: "Related Honda's future EV is ...",
# "READ MORE ON THE ELECTION"; the label is any case, the teaser after it starts with a capital.
_CARD_LABEL = re.compile(r"(?i:related|read more(?: (?:on|from|about))?|also read|see also|recommended)"
                         r"\s*[:|–—-]?\s+[\"“‘']?[A-Z]")
_CARD_LINE = 300
# A byline with its date left in the text ("By Jo Lee Dec 23, 2023 12:00 PM", "By on December 20, 2023"):
# header furniture. "By December, the campaign ..." has no year and stays.
_BYLINE_DATE = re.compile(r"By\b[^.]{0,60}?\b" + r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? "
                          r"\d{1,2},? \d{4}\b")
_BYLINE_LINE = 200
# Notes around the story rather than in it: reporter contact lines, research citations, corrections,
# placeholders of embedded posts, wire credits, republication and editing notes, tip lines, image credits.
# Matched only on short paragraphs, and split by where they match: most are anchored at the start (cheap).
_NOTE_START = re.compile(
    r"(?:(?:more|journal) information|story source|source|cite this (?:page|article)|correction|clarification)"
    r"\b[^.]{0,60}:|"
    r"this content can also be viewed on the site it originates from|"
    r"(?:instagram|twitter|tiktok|youtube|facebook|x) (?:content|post)$|"
    # "Reporting by A; Editing by B", "Contributing: AP", "Includes information from AP", "A reported from Kyiv."
    r"(?:with |additional )?reporting by\b|contributing(?: writers?| reporters?)?:|"
    r"includes (?:information|reporting|material) from\b|\w+(?: \w+)? reported from\b|"
    r"this (?:piece|article|story|post|essay|column) (?:was )?(?:originally |first )?(?:appeared|published|ran)\b|"
    r"cross-?posted from\b|read the original (?:article|story|post) (?:on|at)\b|"
    # the source line of a press release a story reprints: "Materials provided by the University of X."
    r"materials? (?:provided|supplied) by\b|"
    r"(?:do you have|got|have) (?:a )?(?:news )?(?:tip|info|information)\b|"
    r"\W*follow\b.{0,80}\bon (?:facebook|instagram|twitter|x|threads|snapchat|tiktok|youtube|linkedin)\b|"
    r"[(\[]?(?:photos?|images?|videos?)(?: credits?)?\s*(?::|via\b|by\b)|source images? by\b|"
    r"editor[’']?s[’']? note\b", re.I)
_CONTACT = re.compile(r"\b(?:can be reached|contact (?:reporter )?\w+(?: \w+)? at|reach (?:her|him|them) at)\b.*@", re.I)
# A short line giving an e-mail address is a tip line, letters box or form notice, not reporting;
# a longer paragraph that ends by naming a contact address is still the story's.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)
_EMAIL_LINE = 300
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘]?[A-Z])")
# A caption the page left outside <figure>: a sentence closed by its image credit ("... Credit: NASA",
# "... (AP)", "[Photo: Jo Lee]").
_CAPTION_CREDIT = re.compile(
    r"[\s(\[](?:photo|image|picture|credit|photograph|illustration)s?(?: credits?| by| courtesy(?: of)?)?\s*[:|]"
    r"\s*[^.:]{1,80}[.)\]]?\s*$|"
    r"\((?:AP|Reuters|Getty(?: Images)?|AFP|EPA|Shutterstock)(?: Photo)?(?:/[^)]{1,60})?\)\s*$", re.I)
_CREDIT_TAIL = 120  # a credit closes its caption: only the line's end is searched
_CREDIT_HINTS = ("photo", "image", "picture", "credit", "illustration", "(ap", "reuters", "getty", "afp", "epa",
                 "shutterstock")
# A reference list entry closing a research story: "A. Lee et al. 2023. Title. Journal", "... DOI: 10.1/x",
# and the "cite this page" box in the usual styles, which name the page's own address: APA "Retrieved
# May 2, 2024 from www.x.com/y", Chicago "www.x.com/y (accessed May 2, 2024).", MLA "... <www.x.com/y>."
_CITATION = re.compile(r"\bet al\b.*\b(?:19|20)\d\d\b|\bdoi\s*:\s*10\.|"
                       r"\bretrieved (?:on )?\w+ \d{1,2}, \d{4},? from \S|\(accessed \w+ \d{1,2}, \d{4}\)|"
                       r"<(?:https?://|www\.)[^<>]+>\.?$", re.I)
_CITATION_HINTS = ("et al", "doi", "retrieved", "accessed", "<www", "<http")
# "B contributed to this report.", "This interview has been edited for length and clarity."
_EDITORIAL = re.compile(r"\bcontributed (?:reporting )?to this (?:report|story|article)\b|"
                        r"\b(?:edited|condensed)(?: and (?:condensed|edited))? for (?:style|length|clarity|brevity)\b", re.I)
# The writer's bio closing a story: "Jo Lee is a senior reporter for the Courier."; names are capitalized.
_BIO = re.compile(r"(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+ is (?:a|an|the)\b[^.]{0,100}?(?i:\b(?:reporter|writer|"
                  r"editor|correspondent|journalist|columnist|contributor|analyst|producer|critic|photographer|freelancer)s?\b)")
# Affiliate and compensation disclosures: boilerplate at any length a note can have.
_DISCLOSURE = re.compile(r"\b(?:affiliate (?:links?|partnerships?|commissions?)|"
                         r"may (?:receive|earn) (?:an? )?(?:affiliate )?commissions?|may receive compensation)\b", re.I)
# Calls to action that pages wedge between paragraphs. Their words are everyday words too ("sign up for a
# free trial", "a strict privacy policy", "his newsletter, The Batch"): only a line short enough to be a
# call to action and nothing more is one; a paragraph of reporting that names a newsletter stays.
_PROMO = re.compile(r"\b(?:subscribe|newsletter|sign up|terms of (?:use|service)|privacy policy|"
                    r"(?:straight|direct(?:ly)?|delivered) to your inbox)\b", re.I)
_PROMO_LINE = 250
# Substrings every _DISCLOSURE / _PROMO / _EDITORIAL match contains: a cheap test before the regex scans the line.
_DISCLOSURE_HINTS = ("affiliate", "may ")
_PROMO_HINTS = ("subscribe", "newsletter", "sign up", "terms of", "privacy", "inbox")
_EDITORIAL_HINTS = ("contributed", "edited", "condensed")


def _is_note(text: str) -> bool:
    """A short line that is a note, credit or call to action around the story rather than story text."""
    if _NOTE_START.match(text) or _BIO.match(text):
        return True
    if "@" in text and (_CONTACT.search(text) or _is_contact_line(text)):
        return True
    if (len(text) < _CARD_LINE and _CARD_LABEL.match(text)) or (len(text) < _BYLINE_LINE and _BYLINE_DATE.match(text)):
        return True
    low = text.lower()
    # Both patterns scan the whole line: only lines holding their key words are searched.
    if any(h in low[-_CREDIT_TAIL:] for h in _CREDIT_HINTS) and _CAPTION_CREDIT.search(text[-_CREDIT_TAIL:]):
        return True
    if any(h in low for h in _CITATION_HINTS) and _CITATION.search(text):
        return True
    if any(h in low for h in _EDITORIAL_HINTS) and _EDITORIAL.search(text):
        return True
    if any(h in low for h in _DISCLOSURE_HINTS) and _DISCLOSURE.search(text):
        return True
    return len(text) < _PROMO_LINE and any(h in low for h in _PROMO_HINTS) and bool(_PROMO.search(text))


def _is_contact_line(text: str) -> bool:
    """A line of at most three sentences that gives an e-mail address."""
    return len(text) < _EMAIL_LINE and len(_SENTENCE_END.findall(text)) < 3 and bool(_EMAIL.search(text))


def _fold(text: str | None) -> str:
    """Text with runs of whitespace folded to one space."""
    return " ".join((text or "").split())


def _inline_text(el) -> str:
    """Direct text of a block: its own text, inline children's text and all tails."""
    parts = [el.text or ""]
    for child in el:
        # An inline wrapper around block paragraphs (<span><p>..</p></span>) is not inline text.
        if isinstance(child.tag, str) and child.tag in _INLINE and child.find(".//p") is None:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return _fold(" ".join(parts))


def _is_leaf_block(el) -> bool:
    """True when el holds no block-level children (a paragraph, not a container)."""
    return not any(isinstance(c.tag, str) and c.tag in _BLOCK_CHILDREN for c in el)


_CARD_TITLES = {"h2", "h3", "h4", "h5", "h6", "a"}


class _Para:
    """One paragraph-like block: its element, folded text, characters inside links, and kind."""

    __slots__ = ("el", "text", "links", "tag", "teaser")

    def __init__(self, el, text, links, tag):
        self.el, self.text, self.links, self.tag = el, text, links, tag
        self.teaser = tag in ("p", "div") and _in_teaser_card(el)


def _in_teaser_card(p) -> bool:
    """A summary line beside a linked headline in a small card: a teaser for another story."""
    parent = p.getparent()
    if parent is None:
        return False
    siblings = [c for c in parent if isinstance(c.tag, str)]
    if len(siblings) > 6 or sum(1 for c in siblings if c.tag == "p") > 2:
        return False
    for sib in siblings:
        if sib is p or sib.tag not in _CARD_TITLES:
            continue
        links = [sib] if sib.tag == "a" else sib.iter("a")
        if any(len("".join(a.itertext()).strip()) >= 20 for a in links):
            return True
    return False


def _paragraphs(body) -> tuple[list[_Para], dict]:
    """Paragraph-like blocks in document order, and loose non-paragraph text length per element."""
    paras: list[_Para] = []
    loose: dict = {}
    stack = [(body, False)]
    while stack:
        el, linked = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "h1":  # the headline is the title field, not body text
            continue
        if tag in _PARA_TAGS and (tag == "p" or _is_leaf_block(el)):
            text = text_of(el)
            if text:
                # A paragraph wrapped in a link is a teaser card's summary: all of it is link text.
                links = len(text) if linked else sum(len(text_of(a)) for a in el.iter("a"))
                paras.append(_Para(el, text, links, tag))
            continue
        if tag and tag not in _INLINE and tag != "body":
            text = _inline_text(el)
            if len(text) >= 100:
                links = len(text) if linked else sum(len(text_of(a)) for a in el if a.tag == "a")
                paras.append(_Para(el, text, links, "div"))
            elif text:
                loose[el] = len(text)
        linked = linked or tag == "a"
        stack.extend((c, linked) for c in reversed(el) if isinstance(c.tag, str))
    return paras, loose


def _is_good(p: _Para) -> bool:
    """A paragraph that looks like article prose: long enough, few links, not boilerplate."""
    return p.tag in ("p", "div", "pre", "blockquote") and len(p.text) >= 40 and p.links < 0.35 * len(p.text) \
        and not p.teaser and not _JUNK.match(p.text)


def _best_container(body, paras: list[_Para], loose: dict):
    """Element maximizing prose text minus a share of the other text it holds."""
    good: dict = {}
    bad: dict = {}
    for p in paras:
        target = good if _is_good(p) else bad
        target[p.el] = target.get(p.el, 0) + len(p.text)
    for el, n in loose.items():
        bad[el] = bad.get(el, 0) + n
    # Propagate sums up to the body, deepest first (reverse document order visits children before parents).
    nodes = [el for el in body.iter() if isinstance(el.tag, str)]
    for el in reversed(nodes):
        parent = el.getparent()
        if parent is None or el is body:
            continue
        g, b = good.get(el, 0), bad.get(el, 0)
        if g:
            good[parent] = good.get(parent, 0) + g
        if b:
            bad[parent] = bad.get(parent, 0) + b
    best, best_score = body, float("-inf")
    for el in nodes:
        score = good.get(el, 0) - _BAD_WEIGHT * bad.get(el, 0)
        if score > best_score:
            best, best_score = el, score
    # One paragraph is never the article: it wins only when link lists (shopping picks, deal lists)
    # drag its block's score down, and that block is the story.
    if best.tag == "p" and best.getparent() is not None and best.getparent() is not body:
        best = best.getparent()
        best_score = good.get(best, 0) - _BAD_WEIGHT * bad.get(best, 0)
    # A block that is part of the story (a recipe's steps, one section) loses to the ancestor holding
    # twice its prose at nearly the same score: the ancestor's extra "bad" text is lists and subheads.
    for ancestor in best.iterancestors():
        if ancestor is body:
            break
        if good.get(ancestor, 0) >= 2 * good.get(best, 0) \
                and good.get(ancestor, 0) - _BAD_WEIGHT * bad.get(ancestor, 0) >= 0.85 * best_score:
            best = ancestor
            break
    # A block the page itself labels as the article body wins when it holds most of the prose:
    # the densest block can swallow teaser paragraphs around the story.
    marked = [el for el in nodes if good.get(el) and _is_body_marked(el)]
    chunks = []
    if marked:
        top = max(marked, key=lambda el: good.get(el, 0))
        if good.get(top, 0) >= 0.6 * good.get(best, 0) and _within(top, best):
            chunks = _marked_chunks(top, marked, best, good)
            best = top
    story = _headline_story(best, good, body)
    if story is not None:
        return [story], good
    return [best] + chunks + _split_parts(best, good, bad), good


def _marked_chunks(top, marked: list, block, good: dict) -> list:
    """Other blocks marked like top inside the chosen block: a body the page splits around a video or ad.

    Only blocks with top's own class count: other body-like names in the block may mark teasers.
    """
    mark = top.get("class") or top.get("id")
    if not mark:
        return []
    floor = max(150, 0.1 * good.get(top, 0))
    return [el for el in marked if el is not top and (el.get("class") or el.get("id")) == mark
            and good.get(el, 0) >= floor and _within(el, block) and not _within(el, top) and not _within(top, el)]


def _headline_story(best, good: dict, body):
    """The one <article> of several inside the chosen block that is the page's story, or None.

    Infinite-scroll pages append the next stories, each its own <article>, under the first: the story
    is the one holding the page's <h1>, else the first.
    """
    stories = [el for el in best.iter("article") if el is not best and good.get(el, 0) >= _STORY_MIN]
    stories = [el for el in stories if not any(o is not el and _within(el, o) for o in stories)]
    # Several stories that together are the block's prose; one long <article> among teasers is no feed.
    if len(stories) < 2 or sum(good[el] for el in stories) < 0.6 * good.get(best, 0):
        return None
    headline = headline_element(body)
    return next((el for el in stories if headline is not None and _within(headline, el)), stories[0])


def _split_parts(best, good: dict, bad: dict) -> list:
    """Blocks beside the chosen one that continue the story: bodies split into chunks around ads."""
    parts, child, depth = [], best, 0
    floor = max(150, 0.1 * good.get(best, 0))
    while depth < 3 and child.getparent() is not None and child.getparent().tag not in ("body", "html"):
        parent = child.getparent()
        for sibling in parent:
            if sibling is child or not isinstance(sibling.tag, str):
                continue
            g = good.get(sibling, 0)
            if g >= floor and bad.get(sibling, 0) <= 0.5 * g:
                parts.append(sibling)
        child, depth = parent, depth + 1
    return parts


def _is_body_marked(el) -> bool:
    """Element declared as the article body by microdata or a conventional class name."""
    if el.get("itemprop") == "articleBody":
        return True
    return bool(_BODY_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def _within(el, container) -> bool:
    """True when el is container or lies inside it."""
    while el is not None:
        if el is container:
            return True
        el = el.getparent()
    return False


def _keep(p: _Para, good: dict) -> bool:
    """Paragraphs of the chosen block that belong in the body text."""
    if _JUNK.match(p.text) or p.links > 0.5 * len(p.text) or p.teaser:
        return False
    if len(p.text) < 500 and _is_note(p.text):
        return False
    # A line that is only a date is the dateline or a teaser's stamp, metadata rather than story.
    if len(p.text) <= 40 and looks_like_date(p.text):
        return False
    if not _is_good(p) and not _is_prose_item(p):
        # Headings, list items and short lines count only beside prose: a "Recommended" box of
        # teaser lines holds none, the article's own subheads and lists sit next to paragraphs.
        if not _beside_prose(p, good):
            return False
    if p.tag.startswith("h"):
        return len(p.text) <= 300
    return True


def _is_prose_item(p: _Para) -> bool:
    """A list item written as sentences with few links: a tips list or takeaways of the story, kept where it sits."""
    return p.tag == "li" and len(p.text) >= _PROSE_ITEM and p.links < 0.2 * len(p.text)


def _beside_prose(p: _Para, good: dict) -> bool:
    """Whether a short line sits next to the story's prose: its parent or grandparent holds some.

    A list reaches one level further: pages wrap a subhead and its list in a section box of their own
    (<div><h2/><ul><li/></ul></div>) beside the boxes holding the paragraphs.
    """
    reach = 3 if p.tag == "li" else 2
    el = p.el.getparent()
    for _ in range(reach):
        if el is None:
            return False
        if good.get(el):
            return True
        el = el.getparent()
    return False


def extract_body(root) -> str:
    """Main text of a parsed page as paragraphs joined by blank lines; "" when none is found. Mutates root."""
    body = root.find("body")
    if body is None:
        body = root
    clean_tree(body)
    paras, loose = _paragraphs(body)
    if not paras:
        return ""
    containers, good = _best_container(body, paras, loose)
    out: list[str] = []
    seen: set[str] = set()
    for p in paras:
        # Pages that render the story twice (app shells, print copies) must not double the body.
        if p.text not in seen and any(_within(p.el, c) for c in containers) and _keep(p, good):
            seen.add(p.text)
            out.append(p.text)
    return "\n\n".join(out)


def choose_body(dom_text: str, declared: str | None) -> str:
    """The DOM body, unless the JSON-LD articleBody is substantial and the two disagree wildly in length."""
    if not declared or not isinstance(declared, str):
        return dom_text
    declared_words, dom_words = len(declared.split()), len(dom_text.split())
    # A short page block beside a long declared body means the visible text is truncated (paywall, lazy load);
    # a block many times the declared body means the densest block swallowed listings around the article.
    if declared_words >= 150 and (declared_words > 2 * dom_words or dom_words > 5 * declared_words
                                  or (declared_words >= 1.5 * dom_words and _covers(declared, dom_text))):
        paragraphs = (_fold(line) for line in re.split(r"\n\s*\n|\n", declared))
        return "\n\n".join(p for p in paragraphs if p)
    return dom_text


_WORD = re.compile(r"\w+")
_COVERED = 0.98  # share of the page text's word 4-grams the declared body must repeat


def _covers(declared: str, dom_text: str) -> bool:
    """Whether the declared body repeats nearly all of the page text: then its extra length is story the
    block finder missed (lists and boxed sections), not listings around it."""
    def grams(text: str) -> set:
        words = _WORD.findall(text)
        return {tuple(words[i:i + 4]) for i in range(len(words) - 3)}
    found = grams(dom_text)
    return bool(found) and len(found & grams(declared)) >= _COVERED * len(found)
