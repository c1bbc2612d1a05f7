"""Publication dates in the common English forms, as UTC datetimes."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

# Oldest and newest plausible publication dates: anything outside is a broken field.
EARLIEST = datetime(1800, 1, 1, tzinfo=timezone.utc)
FUTURE_SLACK = timedelta(days=2)

_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_PATTERNS = [
    # 2022-07-29, 2022-07-29T10:20:30(.123)(Z|+02:00), 2022/07/29 10:20
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
               r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*"
               r"(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$", re.I),
    # July 29, 2022 / Friday, July 29, 2022 / Jul. 29 2022 10:00 AM
    re.compile(r"^(?:[a-z]+day,?\s+)?" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
               r"(?:,?\s+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?", re.I),
    # 29 July 2022 / Friday 29 July 2022
    re.compile(r"^(?:[a-z]+day,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<y>\d{4})", re.I),
    # 7/29/2022, 7/29/22 (US order, as the English-language press writes it)
    re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})$"),
]
_TZ = re.compile(r"([+-])(\d{2}):?(\d{2})")


def _tz(value: str | None) -> timezone:
    if not value or value.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    m = _TZ.fullmatch(value)
    sign = 1 if m.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))


def _from_match(m: re.Match) -> datetime | None:
    g = m.groupdict()
    year = int(g["y"])
    if len(g["y"]) == 2:
        year += 2000 if year < 70 else 1900
    month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
    hour = int(g.get("H") or 0)
    if g.get("ampm"):
        pm = g["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    try:
        local = datetime(year, month, int(g["d"]), hour, int(g.get("M") or 0), int(g.get("S") or 0),
                         tzinfo=_tz(g.get("tz")))
    except (ValueError, OverflowError):
        return None
    return local.astimezone(timezone.utc)


def parse_date(text: str | None) -> datetime | None:
    """A UTC datetime from a date string in a common English or ISO form, or None."""
    if not text:
        return None
    text = " ".join(str(text).split()).strip(" .")
    if not text or len(text) > 80:
        return None
    for pat in _PATTERNS:
        m = pat.match(text)
        if m:
            return _from_match(m)
    try:  # RFC 2822, as feeds and HTTP headers write it
        dt = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def looks_like_date(line: str) -> bool:
    """True when a whole line is a date (used to find the seed format's date line)."""
    return parse_date(line) is not None


def plausible(dt: datetime | None, now: datetime) -> bool:
    """True when a publication date is neither before 1800 nor after now (+2 days)."""
    return dt is not None and EARLIEST <= dt <= now + FUTURE_SLACK
