"""Page metadata: extract_<field>(page) -> value or None, from declared data first, then page structure."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from transforms.html_dates import page_date
from transforms.html_document import headline_element, text_of
from transforms.html_jsonld import jsonld_fields

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•)\s+")


@dataclass
class Page:
    """A parsed page with its <meta> values and JSON-LD fields gathered once."""

    root: object
    url: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)
    ld: dict = field(default_factory=dict)
    headline: object = None  # the main <h1> element, found once for title, byline and dateline

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
        if prop in ("datePublished", "dateModified", "headline", "author") and el.tag != "meta":
            value = el.get("datetime") or el.get("content") or _text(el)
            if value:
                # Kept apart from <meta>: teaser cards for other stories carry itemprop too.
                page.meta.setdefault("itemprop:" + prop.lower(), []).append(value)
    page.ld = jsonld_fields(root)
    page.headline = headline_element(root)
    return page


def _h1(page: Page) -> str | None:
    """Text of the page's main <h1>."""
    el = page.headline
    return _text(el) if el is not None else None


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


def extract_date(page: Page) -> dt.datetime | None:
    """Publication time in UTC: declared dates, the URL, the dateline under the headline, then weaker signs."""
    return page_date(page, extract_url(page))


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
