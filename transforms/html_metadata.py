"""Page metadata: extract_<field>(page) -> value or None, from declared data first, then page structure."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from transforms.html_authors import clean_authors
from transforms.html_dates import date_from_url, parse_date
from transforms.html_document import text_of
from transforms.html_jsonld import jsonld_fields

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•)\s+")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date",
              "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "article.published",
              "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date",
              "date", "og:published_time", "article:published", "published_time", "cxenseparse:recs:publishtime",
              "displaydate", "citation_publication_date")
_DATE_CLASS = re.compile(r"date|time|posted|publish|dateline|byline|meta|info", re.I)
_SCRIPT_DATE = re.compile(r"(?:datePublished|pubDate|publishDate|publish_date|published_at|publishedAt|date_published|"
                          r"createdDate|firstPublished|publication_date)(?:\\?\"|&quot;|')?\s*[:=]\s*(?:\\?\"|&quot;|')([^\"'&\\]{6,40})")
_AUTHOR_HREF = re.compile(r"/(?:authors?|writers?|contributors?|journalists?|reporters?|columnists?|people|staff|profiles?|by)/[^/?#]+", re.I)
_CHARTBEAT_AUTHORS = re.compile(r"_sf_async_config\.authors\s*=\s*(?:\"([^\"]{2,200})\"|'([^']{2,200})')")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                "byl", "citation_author", "og:article:author")
_BYLINE_CLASS = re.compile(r"(?:^|[-_\s])(?:byline|author|authors|writer|contributor|by-?line)(?:$|[-_\s])", re.I)
_BYLINE_SKIP = re.compile(r"(?:bio|avatar|image|img|photo|follow|social|more|about|desc|title|job|role|date|time)", re.I)


@dataclass
class Page:
    """A parsed page with its <meta> values and JSON-LD fields gathered once."""

    root: object
    url: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)
    ld: dict = field(default_factory=dict)

    def first(self, *keys: str) -> str | None:
        """First non-empty <meta> value among keys, in key order."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None


_text = text_of


def read_page(root, url: str | None = None) -> Page:
    """Collect <meta name|property|itemprop> values and JSON-LD fields of a parsed page."""
    page = Page(root=root, url=url)
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            page.meta.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    for el in root.iter("time", "span", "div", "p"):
        # itemprop on visible elements (schema.org microdata) declares as much as <meta> does.
        prop = el.get("itemprop")
        if prop in ("datePublished", "headline", "author") and el.tag != "meta":
            value = el.get("datetime") or el.get("content") or _text(el)
            if value:
                # Kept apart from <meta>: teaser cards for other stories carry itemprop too.
                page.meta.setdefault("itemprop:" + prop.lower(), []).append(value)
    page.ld = jsonld_fields(root)
    return page


def _h1(page: Page) -> str | None:
    """Text of the page's main <h1>: the first inside <article>/<main>, else the first."""
    for path in (".//article//h1", ".//main//h1", ".//h1"):
        for el in page.root.iterfind(path):
            text = _text(el)
            if 3 <= len(text) <= 400:
                return text
    return None


def _strip_site_suffix(title: str, site: str | None) -> str:
    """Title without a trailing (or leading) ' | Site Name' segment."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_key = (site or "").lower().replace(" ", "")
    first, last = parts[0], parts[-1]
    if site_key and site_key in first.lower().replace(" ", "") and len(first) < len(title) / 2:
        return _TITLE_SEPARATORS.split(title, maxsplit=1)[1]
    if (site_key and last.lower().replace(" ", "") in site_key) or len(last.split()) <= 4:
        return title[: title.rfind(last)].rstrip(" |-–—:»·•")
    return title


def _similar(a: str, b: str) -> bool:
    """Two titles say the same: one contains the other, or they share most words."""
    a, b = a.lower(), b.lower()
    if a in b or b in a:
        return True
    wa, wb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.7


def extract_title(page: Page) -> str | None:
    """Headline: the visible <h1> when it agrees with the declared title, else the declared title cleaned."""
    declared = [t for t in (page.ld.get("headline"), page.first("og:title", "twitter:title", "headline", "title"),
                            page.first("itemprop:headline"),
                            _text(page.root.find(".//title")) if page.root.find(".//title") is not None else None) if t]
    h1 = _h1(page)
    if h1 and (not declared or any(_similar(h1, d) for d in declared)):
        # "Opinion | The headline": a section kicker inside the <h1> the declared title leaves out.
        for d in declared:
            if len(d) >= 20 and len(d) < len(h1) and h1.endswith(d):
                return d
        return h1
    if not declared:
        return None
    site = extract_outlet_name(page)
    title = page.ld.get("headline") or declared[0]
    return _strip_site_suffix(title, site) or title


def _byline_elements(page: Page) -> list[str]:
    """Byline-looking texts, best first: rel=author links, byline/author classes, then author-page links."""
    found: list[str] = [_text(el) for el in page.root.iterfind(".//a[@rel='author']")][:3]
    for el in page.root.iter("a", "span", "div", "p", "address", "li"):
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if _BYLINE_CLASS.search(cls) and not _BYLINE_SKIP.search(cls):
            text = _text(el)
            if 2 < len(text) < 200:
                found.append(text)
                if len(found) >= 6:
                    break
    for el in page.root.iter("a"):
        if _AUTHOR_HREF.search(el.get("href") or ""):
            text = _text(el)
            if 2 < len(text) < 60:
                # Only the first: later author links are usually other stories' bylines.
                found.append(text)
                break
    return found


def _script_authors(page: Page) -> list[str]:
    """Authors named in analytics config (Chartbeat's _sf_async_config.authors), a widely deployed convention."""
    for script in page.root.iter("script"):
        match = _CHARTBEAT_AUTHORS.search(script.text or "")
        if match:
            return [match.group(1) or match.group(2)]
    return []


def _is_outlet(name: str, outlets: set[str]) -> bool:
    """Whether a byline is just the outlet's or publisher's own name."""
    return re.sub(r"\W|^the", "", name.lower()) in outlets


def extract_authors(page: Page) -> list[str]:
    """Bylines as given (people or agencies): JSON-LD author, then author metas, then byline elements."""
    outlet = {re.sub(r"\W|^the", "", o.lower()) for o in (page.first("og:site_name"), page.ld.get("publisher"),
                                                          page.first("application-name")) if o}
    orgs = clean_authors(page.ld.get("author_orgs") or [])
    sources = [page.ld.get("authors") or [], [v for k in _AUTHOR_KEYS for v in page.meta.get(k, ())],
               _script_authors(page), page.meta.get("itemprop:author", [])[:1]]
    # Each byline element is its own source: the first that yields a name wins.
    sources += [[text] for text in _byline_elements(page)]
    found = [[n for n in clean_authors(src) if not _is_outlet(n, outlet)] for src in sources]
    for i, names in enumerate(found):
        if not names:
            continue
        # A later source naming the same people plus co-authors is the fuller byline.
        keys = {n.lower() for n in names}
        for other in found[i + 1:3]:
            if other and len(other) <= 6 and other[0].lower() == names[0].lower() and keys < {n.lower() for n in other}:
                return other
        return names
    return orgs or clean_authors(page.ld.get("author_orgs") or [])


def extract_date(page: Page) -> dt.datetime | None:
    """Publication time in UTC: JSON-LD, date metas, the URL, <time datetime>, then visible and script dates."""
    candidates = [page.ld.get("published")]
    candidates += [v for k in _DATE_KEYS for v in page.meta.get(k, ())]
    candidates += page.meta.get("itemprop:datepublished", [])[:1]
    from_url = date_from_url(extract_url(page)) or date_from_url(page.url)
    for value in candidates:
        parsed = parse_date(value)
        if parsed:
            return parsed
    return (from_url or _time_element_date(page)
            or parse_date(page.ld.get("created")) or _visible_date(page) or _script_date(page))


def _time_element_date(page: Page) -> dt.datetime | None:
    """Date of the article's <time>: one marked as publication time, else the first inside <article>/<main>."""
    marked = None
    for path in (".//article//time", ".//main//time", ".//time"):
        for el in page.root.iterfind(path):
            value = parse_date(el.get("datetime") or el.get("data-datetime")) or parse_date(_text(el))
            if not value:
                continue
            hint = f"{el.get('itemprop') or ''} {el.get('class') or ''} {el.get('pubdate') or ''}".lower()
            if "publish" in hint or "pubdate" in hint or el.get("pubdate") is not None:
                return value
            if "updat" not in hint and "modif" not in hint:
                marked = marked or value
        if marked:
            return marked
    return None


def _visible_date(page: Page) -> dt.datetime | None:
    """A date written in a short date/byline-classed element, skipping 'updated' stamps."""
    seen = 0
    for el in page.root.iter("span", "div", "p", "dd", "li", "small"):
        cls = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATE_CLASS.search(cls) or "updat" in cls.lower() or "modif" in cls.lower():
            continue
        text = _text(el)
        if 6 <= len(text) <= 120 and not re.search(r"updated", text, re.I):
            parsed = parse_date(text)
            if parsed:
                return parsed
            seen += 1
            if seen > 20:
                break
    return None


def _script_date(page: Page) -> dt.datetime | None:
    """A publication date from inline script data (JS state objects that name it datePublished, pubDate...)."""
    for script in page.root.iter("script"):
        match = _SCRIPT_DATE.search(script.text or "")
        if match:
            parsed = parse_date(match.group(1))
            if parsed:
                return parsed
    return None


def extract_url(page: Page) -> str | None:
    """Canonical URL the page declares (rel=canonical, og:url, JSON-LD), else the URL it came from."""
    declared = None
    for el in page.root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and (el.get("href") or "").strip():
            declared = el.get("href").strip()
            break
    declared = declared or page.first("og:url") or page.ld.get("url") or page.ld.get("page")
    if declared and not declared.startswith(("http://", "https://")):
        declared = urljoin(page.url, declared) if page.url else None
    return declared or page.url


def extract_outlet_name(page: Page) -> str | None:
    """Display name of the outlet: og:site_name, JSON-LD publisher, application-name."""
    return page.first("og:site_name") or page.ld.get("publisher") or page.first("application-name", "al:android:app_name")


def extract_tags(page: Page) -> list[str]:
    """Tags/keywords the page declares, deduplicated in order."""
    raw: list[str] = list(page.meta.get("article:tag", ()))
    raw += page.ld.get("keywords") or []
    for key in ("news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
        for value in page.meta.get(key, ()):
            raw += value.split(",")
    out, seen = [], set()
    for tag in raw:
        tag = " ".join(tag.split()).strip(" ,;")
        if tag and len(tag) <= 100 and tag.lower() not in seen:
            seen.add(tag.lower())
            out.append(tag)
    return out[:100]


def _lang_code(value: str | None) -> str | None:
    """'en-US' / 'en_GB' / 'EN' -> 'en'; longer codes kept as given when no 2-letter form exists."""
    if not value:
        return None
    code = re.split(r"[-_,;\s]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def extract_language(page: Page) -> str | None:
    """Language the page declares (<html lang>, content-language, og:locale, JSON-LD), else None."""
    for value in (page.root.get("lang"), page.root.get("xml:lang"), page.first("content-language", "language", "dc.language"),
                  page.first("og:locale"), page.ld.get("language")):
        code = _lang_code(value)
        if code:
            return code
    return None
