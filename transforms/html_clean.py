"""Page furniture removal: scripts, navigation and class-marked boxes (share bars, ads, related links...)."""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

# Never article text; removed with their content before scoring.
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "figure",
              "figcaption", "button", "select", "input", "textarea", "object", "embed", "canvas", "video",
              "audio", "picture", "map", "dialog", "menu", "math", "head", "title", "link", "meta")
# class/id words marking share bars, captions, related links, ads, comments, newsletter boxes and the like.
_BOILER_WORDS = re.compile(
    r"^(?:share|sharing|sharebar|social|socials|related|newsletter|newsletters|subscribe|subscription|signup|"
    r"comment|comments|disqus|advert|advertisement|advertising|ad|ads|adslot|adunit|dfp|promo|promotion|"
    r"caption|captions|credit|credits|breadcrumb|breadcrumbs|sidebar|cookie|cookies|consent|recommended|"
    r"recommendations|recirc|recirculation|trending|popular|mostread|outbrain|taboola|footer|nav|navbar|"
    r"navigation|menu|tags|bio|toolbar|modal|popup|sponsored|teaser|readmore|byline|bylines|dateline|timestamp|"
    r"author|authors|embed|slideshow|masthead|newsletter|rail|widget|pagination|pager|print|tooltip|"
    r"onetrust|gdpr|privacy|optanon|interstitial|aside|carousel|"
    # affiliate and editorial-policy notes, embedded posts, image boxes, corrections
    r"disclosure|disclaimer|boilerplate|tweet|instagram|tiktok|img|photo|attachment|correction|corrections|"
    r"authorprofile)$")
_BOILER_ANY = re.compile(r"(?:^|[\s_:-])(?:" + _BOILER_WORDS.pattern[4:-2] + r")(?=$|[\s_:-])")
# Whole class names that hide text from readers.
_HIDDEN_CLASSES = {"hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "screenreader",
                   "skip-link", "print-only", "is-hidden", "d-none", "hide"}
# Words that mark the article's own containers: they override a boilerplate word in the same class list.
_CONTENT_WORDS = re.compile(r"(?:article|body|content|main|story|post|entry|text|page|container|wrapper|"
                            r"layout|grid|column|col|prose|rich)", re.I)
_STRONG_WORDS = re.compile(r"comment|disqus|related|recirc|outbrain|taboola|newsletter|popular|trending|"
                           r"cookie|consent|privacy|gdpr|onetrust|disclosure|disclaimer|boilerplate|"
                           r"(?:^|[\s_:-])(?:bio|corrections?|authorprofile)(?=$|[\s_:-])", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_CAMEL_NAME = re.compile(r"\S*[-_]\S*")  # class names with a separator in them
_ROLES = ("navigation", "complementary", "banner", "contentinfo", "dialog", "menu", "search", "alert")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _is_boilerplate(el) -> bool:
    """Element marked as page furniture by its class/id, ARIA role or hidden state."""
    if el.get("hidden") is not None or (el.get("aria-hidden") == "true" and el.tag != "p"):
        return True
    if (el.get("role") or "").lower() in _ROLES:
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        # Metered paywalls hide the story itself with display:none; that text is the article.
        return not any(len("".join(p.itertext())) > 100 for p in el.iter("p"))
    verdict = _class_verdict(f"{el.get('class') or ''} {el.get('id') or ''}")
    if verdict == _BOX_UNLESS_ARTICLE:
        return not _holds_article(el)
    return verdict == _BOX


# What class/id words say about an element: nothing, a box, or a box unless it holds the article.
_NOT_BOX, _BOX, _BOX_UNLESS_ARTICLE = 0, 1, 2


@lru_cache(maxsize=8192)
def _class_verdict(raw: str) -> int:
    """The verdict of an element's class and id words (cached: pages repeat the same class lists)."""
    # CSS-module and BEM names run words together in CamelCase ("c-globalDisclosure_modal",
    # "InlineImage-imageEmbedCaption"): split those into words. Bare flags ("disableReadMore") stay whole.
    raw = _CAMEL_NAME.sub(lambda m: _CAMEL.sub("-", m.group()), raw).lower() if _CAMEL.search(raw) else raw.lower()
    names = raw.split()
    if not names:
        return _NOT_BOX
    if any(n in _HIDDEN_CLASSES for n in names):
        return _BOX
    if not _BOILER_ANY.search(raw):
        return _NOT_BOX
    strong, content = bool(_STRONG_WORDS.search(raw)), bool(_CONTENT_WORDS.search(raw))
    if content and not strong:
        return _NOT_BOX
    # Comment threads and related-link lists hold long paragraphs too: no article exemption for them.
    return _BOX if strong and not content else _BOX_UNLESS_ARTICLE


def _holds_article(el) -> bool:
    """Whether a class-marked element still holds several long paragraphs (a body wrapper, not a box)."""
    long_paras = 0
    for p in el.iter("p"):
        if len("".join(p.itertext())) > 150:
            long_paras += 1
            if long_paras >= 3:
                return True
    return False


def clean_tree(body) -> None:
    """Remove scripts, styles, navigation and class-marked boilerplate from body in place."""
    etree.strip_elements(body, *_DROP_TAGS, with_tail=False)
    marked = body.xpath(".//*[@class or @id or @role or @hidden or @style or @aria-hidden]")
    doomed = [el for el in marked if el.tag not in ("body", "html", "main") and _is_boilerplate(el)]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            _drop_keep_tail(el, parent)


def _drop_keep_tail(el, parent) -> None:
    """Remove el but keep its tail text attached to the previous sibling or parent."""
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
