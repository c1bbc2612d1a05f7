"""The standfirst (dek): the summary line a page shows under its headline, which is part of the article text."""
from __future__ import annotations

import re

_REACH = 20  # elements after the <h1> searched for the standfirst
_PREFIX_WORDS = 8  # leading words that must agree with the page's description
_WORD = re.compile(r"\w+")
# Never a standfirst, even when they repeat the description: image captions, asides, hidden boxes.
_NOT_SHOWN = {"figure", "figcaption", "aside", "nav", "footer", "script", "noscript", "template", "button", "a"}
_CANDIDATES = {"p", "div", "h2", "h3", "h4", "span"}


def _following(el):
    """Elements after el in document order, el's own descendants excluded (the XPath following axis)."""
    for anchor in (el, *el.iterancestors()):
        for sibling in anchor.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()


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
    description = page.first("og:description", "description", "twitter:description")
    if h1 is None or not description:
        return None
    declared = [w.lower() for w in _WORD.findall(description)]
    if len(declared) < 5:
        return None
    n = min(_PREFIX_WORDS, len(declared))
    # Markup whitespace aside, a standfirst is about as long as the description; containers run longer.
    limit = 3 * len(description) + 200
    for steps, el in enumerate(_following(h1)):
        if steps >= _REACH:
            break
        if not isinstance(el.tag, str) or el.tag not in _CANDIDATES:
            continue
        text = _short_text(el, limit)
        if not text:
            continue
        words = [w.lower() for w in _WORD.findall(text)]
        # Descriptions are often the standfirst cut short ("..."): compare the opening words and the length.
        if words[:n] == declared[:n] and len(words) <= 1.5 * len(declared) + 5:
            return text if _shown(el) else None
    return None


def with_standfirst(body: str, standfirst: str | None) -> str:
    """body with the standfirst as its first paragraph, unless the body already holds it."""
    if not standfirst or not body or standfirst[:60] in body:
        return body
    return f"{standfirst}\n\n{body}"
