"""Publication dates: date strings as pages write them -> UTC datetimes, and which of a page's dates to trust."""
from __future__ import annotations

import datetime as dt
import re

from transforms.dates import MONTHS as _MONTHS  # one month-name table for every date parser
from transforms.html_document import text_of

# Common North American and European zone abbreviations, in hours east of UTC.
_ZONES = {"utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
          "pst": -8, "pdt": -7, "et": -5, "pt": -8, "bst": 1, "cet": 1, "cest": 2, "ist": 5.5,
          "aest": 10, "aedt": 11, "jst": 9}
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                  r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?)?")
_COMPACT = re.compile(r"\b(20\d{2}|19\d{2})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\b")
_MONTH_NAME = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?:\s*(?:,|at|-|\||·)?\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*([a-z]{1,4}\b|[+-]\d{2}:?\d{2})?)?"
_MDY = re.compile(_MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME, re.I)
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + r",?\s+(\d{4})" + _TIME, re.I)
_SLASHED = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_URL_DATE = re.compile(r"/(20\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")
_URL_MONTH_NAME = re.compile(r"/(20\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(\d{1,2})/", re.I)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_EARLIEST, _LATEST_YEAR = dt.datetime(1995, 1, 1, tzinfo=dt.timezone.utc), 2100
# Page fields that declare the publication and the revision time.
_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date",
              "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "article.published",
              "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date",
              "date", "og:published_time", "article:published", "published_time", "cxenseparse:recs:publishtime",
              "displaydate", "citation_publication_date")
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
                  "last-modified", "dcterms.modified", "itemprop:datemodified")
_HEADLINE_REACH = 60  # elements after the <h1> searched for its dateline
_SHOWN_DATE_CLASS = re.compile(r"date|time|posted|publish|updated|byline|meta", re.I)
_DATE_CLASS = re.compile(r"date|time|posted|publish|dateline|byline|meta|info", re.I)
_SCRIPT_DATE = re.compile(r"(?:datePublished|pubDate|publishDate|publish_date|published_at|publishedAt|date_published|"
                          r"createdDate|firstPublished|publication_date)(?:\\?\"|&quot;|')?\s*[:=]\s*(?:\\?\"|&quot;|')([^\"'&\\]{6,40})")


def _build(y, mo, d, h=0, mi=0, s=0, offset_hours=0.0) -> dt.datetime | None:
    """UTC datetime from parts, or None when they make no valid date."""
    try:
        local = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except (ValueError, TypeError, OverflowError):
        return None
    if not 1995 <= local.year <= _LATEST_YEAR:
        return None
    return (local - dt.timedelta(hours=offset_hours)).replace(tzinfo=dt.timezone.utc)


def _offset(zone: str | None) -> float:
    """Hours east of UTC for '+05:30', '-0400', 'Z' or a known abbreviation; 0 when unknown."""
    if not zone:
        return 0.0
    zone = zone.strip().lower()
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        hours = int(digits[:2]) + (int(digits[2:4]) / 60 if len(digits) >= 4 else 0)
        return hours if zone[0] == "+" else -hours
    return float(_ZONES.get(zone, 0))


def _clock(h, mi, s, ampm) -> tuple[int, int, int]:
    """24-hour clock from a 12-hour reading when am/pm is given."""
    h = int(h or 0)
    if ampm:
        pm = ampm.lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    return h, int(mi or 0), int(s or 0)


def parse_date(text: str | None) -> dt.datetime | None:
    """First date found in text (ISO 8601, 'Dec 22, 2023 3:15 PM EST', '22 December 2023', epoch) as UTC."""
    if not text or not isinstance(text, str):
        return None
    text = text.strip()[:200]
    if _EPOCH.match(text):
        seconds = int(text[:10])
        value = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
        return value if value >= _EARLIEST else None
    m = _ISO.search(text)
    if m:
        y, mo, d, h, mi, s, zone = m.groups()
        return _build(y, mo, d, h, mi, s, _offset(zone))
    m = _MDY.search(text)
    if m:
        mon, d, y, h, mi, s, ampm, zone = m.groups()
        h, mi, s = _clock(h, mi, s, ampm)
        return _build(y, _MONTHS[mon.lower()[:3] if mon.lower()[:4] != "sept" else "sep"], d, h, mi, s, _offset(zone))
    m = _DMY.search(text)
    if m:
        d, mon, y, h, mi, s, ampm, zone = m.groups()
        h, mi, s = _clock(h, mi, s, ampm)
        return _build(y, _MONTHS[mon.lower()[:3]], d, h, mi, s, _offset(zone))
    m = _COMPACT.search(text)
    if m and len(text) <= 20:
        y, mo, d, h, mi, s = m.groups()
        return _build(y, mo, d, h, mi, s)
    m = _SLASHED.search(text)
    if m:
        a, b, y = (int(x) for x in m.groups())
        # US order unless the first number cannot be a month.
        return _build(y, b, a) if a > 12 else _build(y, a, b)
    return None


def date_from_url(url: str | None) -> dt.datetime | None:
    """Date in a URL path like /2023/12/22/ or /2023/dec/22/, or None."""
    m = _URL_DATE.search(url or "")
    if m:
        return _build(*m.groups())
    m = _URL_MONTH_NAME.search(url or "")
    return _build(m.group(1), _MONTHS[m.group(2).lower()], m.group(3)) if m else None


# --- which of a page's dates is its publication date ------------------------------------

def page_date(page, canonical_url: str | None) -> dt.datetime | None:
    """Publication time of a parsed page in UTC: JSON-LD, date metas, the URL, the dateline, then weaker signs."""
    candidates = [page.ld.get("published")]
    candidates += [v for k in _DATE_KEYS for v in page.meta.get(k, ())]
    candidates += page.meta.get("itemprop:datepublished", [])[:1]
    for value in candidates:
        parsed = parse_date(value)
        if parsed:
            return _shown_revision(page, parsed) or parsed
    from_url = date_from_url(canonical_url) or date_from_url(page.url)
    if from_url:
        return from_url
    shown, stamped = _headline_date(page), _time_element_date(page)
    # The dateline names the local day; a <time> element within a day of it also gives the hour and zone.
    if shown and not (stamped and abs(stamped - shown) < dt.timedelta(hours=36)):
        return shown
    return (stamped or parse_date(page.ld.get("created")) or _visible_date(page) or _script_date(page)
            or _declared_revision(page))


def _declared_revision(page) -> dt.datetime | None:
    """The last-modified time the page declares (JSON-LD dateModified, modified-time metas), or None."""
    values = [page.ld.get("modified")] + [v for k in _MODIFIED_KEYS for v in page.meta.get(k, ())]
    return next(filter(None, (parse_date(v) for v in values)), None)


def _headline_date(page) -> dt.datetime | None:
    """The first date written between the headline and the start of the story: the article's own dateline.

    Dates in the page's <time> elements and date-classed boxes further away mostly belong to teasers.
    """
    h1 = page.headline
    if h1 is None:
        return None
    after, steps = False, 0
    for el in page.root.iter():
        if el is h1:
            after = True
            continue
        if not after or not isinstance(el.tag, str):
            continue
        steps += 1
        if steps > _HEADLINE_REACH:
            break
        if el.tag == "time":
            value = parse_date(el.get("datetime") or el.get("content")) or parse_date(text_of(el))
            if value:
                return value
        elif el.tag in ("span", "div", "p", "small", "li", "dd") and len(el) <= 2:
            text = text_of(el)
            if 6 <= len(text) <= 60:
                value = parse_date(text)
                if value:
                    return value
    return None


def _shown_revision(page, published: dt.datetime) -> dt.datetime | None:
    """The revision date a page shows in place of its declared publication date, or None.

    Evergreen pages (guides, deal roundups) display only their last update and readers date them by it;
    a page that also shows its first publication keeps that one.
    """
    modified = _declared_revision(page)
    if modified is None or (modified - published).days < 1:
        return None
    # Date-classed boxes first; else the dateline under the headline, which pages often write unmarked.
    shown = _shown_dates(page, 3) or [d for d in (_headline_date(page),) if d]
    if not shown or any(abs((d.date() - published.date()).days) <= 1 for d in shown):
        return None
    first = shown[0]
    # Only a date between publication and the declared revision: anything else is another story's.
    if not published.date() < first.date() <= modified.date() + dt.timedelta(days=1):
        return None
    return modified if abs((first.date() - modified.date()).days) <= 1 else first


def _shown_dates(page, limit: int) -> list[dt.datetime]:
    """The first dates the page body shows, in document order: <time> elements and short date-classed texts."""
    body = page.root.find("body")
    found: list[dt.datetime] = []
    for el in (body if body is not None else page.root).iter("time", "span", "div", "p", "small", "li"):
        if el.tag == "time":
            # "Posted: Dec 22 | Last updated: Jan 2" around a machine-readable revision time: both count.
            values = [parse_date(el.get("datetime") or el.get("content")), parse_date(text_of(el))]
        elif _SHOWN_DATE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            text = text_of(el)
            values = [parse_date(text) if 6 <= len(text) <= 80 else None]
        else:
            continue
        found += [v for v in values if v]
        if len(found) >= limit:
            break
    return found


def _time_element_date(page) -> dt.datetime | None:
    """Date of the article's <time>: one marked as publication time, else the first inside <article>/<main>."""
    marked = None
    for path in (".//article//time", ".//main//time", ".//time"):
        for el in page.root.iterfind(path):
            value = parse_date(el.get("datetime") or el.get("data-datetime")) or parse_date(text_of(el))
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


def _visible_date(page) -> dt.datetime | None:
    """A date written in a short date/byline-classed element, skipping 'updated' stamps."""
    seen = 0
    for el in page.root.iter("span", "div", "p", "dd", "li", "small"):
        cls = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATE_CLASS.search(cls) or "updat" in cls.lower() or "modif" in cls.lower():
            continue
        text = text_of(el)
        if 6 <= len(text) <= 120 and not re.search(r"updated", text, re.I):
            parsed = parse_date(text)
            if parsed:
                return parsed
            seen += 1
            if seen > 20:
                break
    return None


def _script_date(page) -> dt.datetime | None:
    """A publication date from inline script data (JS state objects that name it datePublished, pubDate...)."""
    for script in page.root.iter("script"):
        match = _SCRIPT_DATE.search(script.text or "")
        if match:
            parsed = parse_date(match.group(1))
            if parsed:
                return parsed
    return None
