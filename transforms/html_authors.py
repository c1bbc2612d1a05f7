"""Article authors: byline sources of a page ranked, and byline strings cleaned to names."""
from __future__ import annotations

import re
from functools import lru_cache

from transforms.html_document import text_of

_AUTHOR_HREF = re.compile(r"/(?:authors?|writers?|contributors?|journalists?|reporters?|columnists?|people|staff|"
                          r"profiles?|bios?|by)/[^?#]+", re.I)
_CHARTBEAT_AUTHORS = re.compile(r"_sf_async_config\.authors\s*=\s*(?:\"([^\"]{2,200})\"|'([^']{2,200})')")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                "byl", "citation_author", "og:article:author")
# Byline class names, hyphenated ("article-byline") or CamelCase ("AuthorLink-sc-x1").
_BYLINE_CLASS = re.compile(r"(?i:(?:^|[-_\s])(?:byline|author|authors|writer|contributor|by-?line)(?:$|[-_\s]))|"
                           r"(?:^|[\s_])(?:[Bb]yline|[Aa]uthor)(?=[A-Z])")
_BYLINE_SKIP = re.compile(r"(?:bio|avatar|image|img|photo|follow|social|more|about|desc|title|job|role|date|time)", re.I)
# "By Jane Doe" in the text right under the headline, on pages that mark their byline with no class at all.
_BY_START = re.compile(r"\s*by\b", re.I)
_HEADLINE_BY = re.compile(r"[Bb]y:?\s+(?=[A-Z])(.{2,80}?)(?=\s*(?:[,|•·]|\s(?:on|posted|published|updated)\s|$))")
_HEADLINE_TEXT = 300  # characters of text after the <h1> searched for a byline
# Roles credited beside the byline that do not make an author: "Contributions from", "Photography by"...
_CREDIT = re.compile(r"(?:contributions?\s+from|additional\s+reporting(?:\s+by)?|(?:photo(?:graph)?(?:y|s)?|"
                     r"styl(?:ed|ing)|fact[- ]?checked|reviewed|edited|illustrations?|video|produced)\s+by)\s*:?\s*", re.I)
# Last words that make a name an outlet ("Financial Times", "Battle Creek Enquirer"), not a person.
_OUTLET_WORD = re.compile(r"(?:^|[\s-])(?:times|post|news|report|press|journal|herald|tribune|gazette|telegraph|"
                          r"telegram|magazine|daily|weekly|network|media|radio|wire|enquirer|courier|observer|"
                          r"chronicle|today|insider|review|record|register|dispatch|bulletin|sentinel|examiner|"
                          r"inquirer|channel)$", re.I)

_PREFIX = re.compile(r"^\s*(?:(?:written|story|words|reporting|text|posted|compiled|edited|photos?)\s+)?by[:\s]+", re.I)
# Everything from a date/time marker or separator on is not a name.
_CUT = re.compile(r"\s*(?:\||•|·|\u2022|—|–\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                  r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,|\d{1,2}:\d{2}|\b\d{4}\b|\bfollow\b|\bemail\b|\bcontact\b|\bread more\b).*$", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b|\n)\s*", re.I)
_DASH = re.compile(r"\s+[-–—]\s+.*$")
_TITLE_WORDS = re.compile(
    r"\b(?:reporter|editor|correspondent|writer|contributor|columnist|producer|journalist|"
    r"senior|chief|intern|analyst|author|updated|published|minutes?|"
    r"read|min|photographer|contributing|freelance|director|manager|host|anchor|president|special to|head|"
    r"image|images|photo|photos|provided|getty|courtesy|illustration|video|professor|fellow|opinion)\b", re.I)
# Degrees and certifications after a name ("Lauren Manaker MS, RDN, LD"): dropped, and alone no name.
_CREDENTIAL = r"(?:MD|M\.D\.|PhD|Ph\.D\.|MS|MSc|MA|MPH|MBA|RD|RDN|LD|LDN|CDN|CDE|CDCES|RN|NP|DO|DVM|CPT|CSCS|JD|PharmD)"
_CREDENTIALS = re.compile(r"(?:^|(?<=\w)\s+)" + _CREDENTIAL + r"(?:\s+" + _CREDENTIAL + r")*$")
_NOT_NAME = re.compile(r"https?:|www\.|@|\.com\b|\d|[<>{}=\[\]/]")
# Words that name a desk rather than a person: a byline of only these ("Staff") is no byline,
# with a name attached ("Slate Staff", "Sun Sentinel Editorial Board") it is kept as given.
_DESK_WORDS = {"staff", "team", "desk", "editorial", "board", "newsroom", "bureau", "the", "and", "news", "web", "digital"}
_AGENCY = re.compile(r"^(?:the\s+)?(?:associated press|ap|reuters|afp|agence france-presse|bloomberg|upi|"
                     r"field level media|cnn wire|dpa|efe|ansa|pa media|pti|xinhua|tass|ians)$", re.I)


def _clean_one(part: str) -> str | None:
    """One name with junk around it removed, or None when what is left is not a name."""
    part = part.strip(" \t\r\n:,-–—|*\u00a0\"'()")
    # "Jane Doe The Associated Press", "Jane Doe USA TODAY NETWORK": a trailing outlet glued to the name.
    part = re.sub(r"(?<=[a-z])\s+(?:The\s+[A-Z].*|(?:[A-Z]{2,}\b\s*){2,})$", "", part)
    part = _PREFIX.sub("", part).strip(" :,")
    part = _CREDENTIALS.sub("", part)
    if not part or _NOT_NAME.search(part):
        return None
    if _AGENCY.match(part):
        return part
    words = part.split()
    if all(w.lower() in _DESK_WORDS for w in words):
        return None
    if len(words) > 5 or len(part) > 60 or _TITLE_WORDS.search(part):
        return None
    # A person's name has a capitalised word; 'staff' and lowercase phrases are not bylines.
    if not any(w[:1].isupper() for w in words):
        return None
    return part


def clean_authors(raw: list[str]) -> list[str]:
    """Names from byline strings as pages give them, deduplicated in order."""
    out: list[str] = []
    seen: set[str] = set()
    for text in raw:
        if not isinstance(text, str):
            continue
        text = " ".join(text.split())
        text = _PREFIX.sub("", text)
        # "Android Intelligence By JR Raphael": a column name before the byline proper.
        inner = re.search(r"\b[Bb]y\s+(?=[A-Z])", text)
        if inner:
            text = text[inner.end():]
        text = _CUT.sub("", text)
        parts = [_DASH.sub("", p) for p in _SPLIT.split(text)] if len(text) > 2 else []
        names = [n for n in (_clean_one(p) for p in parts) if n]
        # "Jane Doe, CNN": a trailing all-caps acronym is the outlet, not a co-author.
        if len(names) > 1 and re.fullmatch(r"[A-Z]{2,6}", names[-1]) and not _AGENCY.match(names[-1]):
            names = names[:-1]
        # An agency credited beside named reporters is the distributor, not a byline.
        if any(not _AGENCY.match(n) for n in names):
            names = [n for n in names if not _AGENCY.match(n)]
        for name in names:
            key = name.lower()
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


@lru_cache(maxsize=8192)
def _is_byline_class(cls: str) -> bool:
    """Class and id words of a byline box (cached: pages repeat the same class lists)."""
    return bool(cls.strip()) and bool(_BYLINE_CLASS.search(cls)) and not _BYLINE_SKIP.search(cls)


def _byline_elements(page) -> list[str]:
    """Byline-looking texts, best first: rel=author links, byline/author classes, then author-page links."""
    found: list[str] = [text_of(el) for el in page.root.iterfind(".//a[@rel='author']")][:3]
    for el in page.root.iter("a", "span", "div", "p", "address", "li"):
        if _is_byline_class((el.get("class") or "") + " " + (el.get("id") or "")):
            text = text_of(el)
            if 2 < len(text) < 200:
                found.append(text)
                if len(found) >= 6:
                    break
    for el in page.root.iter("a"):
        if _AUTHOR_HREF.search(el.get("href") or ""):
            text = text_of(el)
            if 2 < len(text) < 60:
                # Only the first: later author links are usually other stories' bylines.
                found.append(text)
                break
    return found


def _headline_byline(page) -> list[str]:
    """A line starting 'By Jane Doe' in the first text after the page's <h1>, as a one-item list, or []."""
    h1 = page.headline
    if h1 is None:
        return []
    pieces, after = [h1.tail or ""], False
    for el in page.root.iter():
        if el is h1:
            after = True
        elif after and isinstance(el.tag, str) and el.tag not in ("script", "style"):
            pieces += [el.text or "", el.tail or ""]
            if sum(map(len, pieces)) > _HEADLINE_TEXT:
                break
    # The byline must open a text run: "by" inside a sentence ("as reported by People") is no byline.
    for i, piece in enumerate(pieces):
        if _BY_START.match(piece):
            match = _HEADLINE_BY.match(" ".join(" ".join(pieces[i:i + 6]).split()))
            return [match.group(1)] if match else []
    return []


def _script_authors(page) -> list[str]:
    """Authors named in analytics config (Chartbeat's _sf_async_config.authors), a widely deployed convention."""
    for script in page.root.iter("script"):
        match = _CHARTBEAT_AUTHORS.search(script.text or "")
        if match:
            return [match.group(1) or match.group(2)]
    return []


def _credited_only(texts: list[str]) -> list[str]:
    """Text credited to a non-author role in byline texts ("Contributions from Jo Lee" -> "Jo Lee ...")."""
    return [text[m.end():m.end() + 120] for text in texts if text for m in _CREDIT.finditer(text)]


def _person_like(name: str) -> bool:
    """A name shaped like a person's: two to four capitalised words, no desk, outlet or institution words."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
        and not _OUTLET_WORD.search(name) and not any(w.lower() in _DESK_WORDS for w in words)


def _fuller(names: list[str], other: list[str], raw: list[str], declared: bool) -> bool:
    """Whether another source's byline names the same first author plus co-authors.

    Byline elements count only when they read "By ...": bare name lists further down the page are
    other stories' teasers.
    """
    if not other or len(other) > 6 or other[0].lower() != names[0].lower():
        return False
    if not {n.lower() for n in names} < {n.lower() for n in other}:
        return False
    if not declared and not (raw and re.match(r"\s*by\b", raw[0], re.I)):
        return False
    return all(_person_like(n) for n in other[len(names):])


def _source_names(src: list[str], own: set[str]) -> tuple[list[str], list[str]]:
    """Names a byline source credits (people, else agencies), and the outlets it names when nothing else."""
    names = [n for n in clean_authors(src) if re.sub(r"\W|^the", "", n.lower()) not in own]
    agencies = [n for n in names if _AGENCY.match(n)]
    people = [n for n in names if n not in agencies and not _OUTLET_WORD.search(n)]
    # An outlet or agency beside named people is their affiliation or distributor; an agency alone
    # is the byline; an outlet alone ("Worcester Telegram") only when nothing better is found.
    return people or agencies, ([] if people or agencies else names)


def extract_authors(page) -> list[str]:
    """Bylines as given (people, else agencies): JSON-LD author, author metas, then byline elements."""
    own = {re.sub(r"\W|^the", "", o.lower()) for o in (page.first("og:site_name"), page.ld.get("publisher"),
                                                        page.first("application-name")) if o}
    bylines = _byline_elements(page)
    shown = page.meta.get("itemprop:author", [])
    sources = [page.ld.get("authors") or [], [v for k in _AUTHOR_KEYS for v in page.meta.get(k, ())],
               _script_authors(page), shown[:1]]
    declared = len(sources)
    # Each byline element is its own source: the first that yields a name wins.
    sources += [[text] for text in bylines]
    found, outlets = [], []
    for src in sources:
        names, named_outlets = _source_names(src, own)
        found.append(names)
        outlets = outlets or named_outlets
    if not any(found):
        # Last resort, looked up only when needed: a "By ..." line under the headline.
        sources.append(_headline_byline(page))
        names, named_outlets = _source_names(sources[-1], own)
        found.append(names)
        outlets = outlets or named_outlets
    credits = _credited_only(bylines + shown)
    for i, names in enumerate(found):
        if not names:
            continue
        fuller = next((other for j, other in enumerate(found[i + 1:], start=i + 1)
                       if _fuller(names, other, sources[j], j < declared)), None)
        names = fuller or names
        return [names[0]] + [n for n in names[1:] if not any(n in c for c in credits)]
    return outlets or clean_authors(page.ld.get("author_orgs") or [])
