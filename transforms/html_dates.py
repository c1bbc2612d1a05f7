"""Date strings as pages write them -> timezone-aware UTC datetimes."""
from __future__ import annotations

import datetime as dt
import re

_MONTHS = {m: i for i, ms in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in ms}
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
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_EARLIEST, _LATEST_YEAR = dt.datetime(1995, 1, 1, tzinfo=dt.timezone.utc), 2100


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
    """Date in a URL path like /2023/12/22/, or None."""
    m = _URL_DATE.search(url or "")
    return _build(*m.groups()) if m else None
