"""The standfirst (dek): the summary line a page shows under its headline, which is part of the article text."""
from __future__ import annotations

import re

_REACH = 120  # elements after the <h1> searched for the standfirst (header boxes run long: share bars, bylines)
_PREFIX_WORDS = 8  # leading words that must agree with the page's description
_PREFIX_ENOUGH = 5  # descriptions shorter than this must be repeated whole
_SHORTEST = 3  # words of the shortest description looked for at all
_WORD = re.compile(r"\w+")
# Never a standfirst, even when they repeat the description: image captions, asides, hidden boxes.
_NOT_SHOWN = {"figure", "figcaption", "aside", "nav", "footer", "script", "noscript", "template", "button", "a"}
_CANDIDATES = {"p", "div", "h2", "h3", "h4", "span"}
# Class words naming a dek, and words naming the byline, media and caption boxes that share them.
_DEK_CLASS = re.compile(r"(?:^|[\s_-])(?:dek|deck|standfirst|subtitle|sub-?title|sub-?head(?:er|ing|line)?|strapline|"
                        r"summary|excerpt|intro)(?:$|[\s_-])", re.I)
_NOT_DEK_CLASS = re.compile(r"author|byline|meta|video|image|img|photo|caption|carousel|slide|credit", re.I)
_NOT_DEK_OPENINGS = ("By ", "Credit", "Photo")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DEK_REACH = 60  # elements after the <h1> searched for a class-marked dek
_DEK_MIN, _DEK_MAX = 15, 400  # characters of a dek: a phrase to a couple of sentences


def _following(el):
    """Elements after el in document order, el's own descendants excluded (the XPath following axis)."""
    for anchor in (el, *el.iterancestors()):
        for sibling in anchor.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()


def _opens_with(el, word: str) -> bool:
    """Whether el's text starts with word: a cheap test before reading the whole element."""
    for chunk in el.itertext():
        # (a chunk of spaces or leading punctuation only, "“" or "—": the first word is in a later chunk)
        found = _WORD.search(chunk)
        if found:
            return found.group().lower() == word
    return False


def _short_text(el, limit: int) -> str | None:
    """Whitespace-folded text of el, or None once it passes limit characters (stops early on big containers)."""
    parts, size = [], 0
    for chunk in el.itertext():
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
    return " ".join("".join(parts).split())


def _shown(el) -> bool:
    """False when el sits in a caption, aside, link or hidden box: text readers do not see as the story's."""
    for node in (el, *el.iterancestors()):
        if node.tag in _NOT_SHOWN or node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return False
    return True


def extract_standfirst(page) -> str | None:
    """Text of the element right under the headline that repeats the page's declared description, or None.

    Publishers show their summary (og:description) as a standfirst between headline and story; it sits
    outside the story's container, so the body finder never sees it.
    """
    h1 = page.headline
    if h1 is None:
        return None
    return _repeated_description(page, h1) or _marked_dek(h1)


def _repeated_description(page, h1) -> str | None:
    """Text of the element after h1 that repeats the declared description, or None."""
    description = page.first("og:description", "description", "twitter:description")
    if not description:
        return None
    declared = [w.lower() for w in _WORD.findall(description)]
    if len(declared) < _SHORTEST:
        return None
    n = min(_PREFIX_WORDS, len(declared))
    # Markup whitespace aside, a standfirst is about as long as the description; containers run longer.
    limit = 3 * len(description) + 200
    for steps, el in enumerate(_following(h1)):
        if steps >= _REACH:
            break
        if not isinstance(el.tag, str) or el.tag not in _CANDIDATES:
            continue
        text = _repeats(el, declared, n, limit)
        if text:
            # A header box holding the dek and the byline matches too: the dek is the innermost match.
            el, text = _innermost(el, text, declared, n, limit)
            return text if _shown(el) else None
    return None


def _marked_dek(h1) -> str | None:
    """Text of the first element after h1 whose class names it the dek ("dek", "standfirst", "subheadline"...).

    Many pages write a dek of their own beside a different meta description; the class says what it is.
    """
    for steps, el in enumerate(_following(h1)):
        if steps >= _DEK_REACH:
            break
        if not isinstance(el.tag, str) or el.tag not in _CANDIDATES:
            continue
        names = _CAMEL.sub("-", f"{el.get('class') or ''} {el.get('id') or ''}")
        if not _DEK_CLASS.search(names) or _NOT_DEK_CLASS.search(names):
            continue
        # Captions and credits borrow "subtitle" classes; styled image boxes carry their CSS as text.
        if el.find(".//img") is not None or el.find(".//style") is not None:
            continue
        text = _short_text(el, _DEK_MAX)
        if text and len(text) >= _DEK_MIN and not text.startswith(_NOT_DEK_OPENINGS) and _shown(el):
            return text
    return None


def _repeats(el, declared: list[str], n: int, limit: int) -> str | None:
    """Text of el when it opens with the description's first n words and is about as long; else None."""
    if not _opens_with(el, declared[0]):
        return None
    text = _short_text(el, limit)
    if not text:
        return None
    words = [w.lower() for w in _WORD.findall(text)]
    if len(declared) < _PREFIX_ENOUGH:
        # A few words ("Still brown, naturally.") open too many lines by chance: only the whole dek counts.
        return text if words == declared else None
    # Descriptions are often the standfirst cut short ("..."): compare the opening words and the length.
    if words[:n] == declared[:n] and len(words) <= 1.5 * len(declared) + 5:
        return text
    return None


def _innermost(el, text: str, declared: list[str], n: int, limit: int):
    """The deepest element under el that still repeats the description, with its text."""
    descended = True
    while descended:
        descended = False
        for child in el:
            if isinstance(child.tag, str) and child.tag in _CANDIDATES:
                inner = _repeats(child, declared, n, limit)
                if inner:
                    el, text, descended = child, inner, True
                    break
    return el, text


def with_standfirst(body: str, standfirst: str | None) -> str:
    """body with the standfirst as its first paragraph, unless the body already holds it."""
    if not standfirst or not body or standfirst[:60] in body:
        return body
    return f"{standfirst}\n\n{body}"
