"""URL canonicalization: the one rule every article id depends on."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

# Query parameters that only track the reader; everything else is kept, in order.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(pair: str) -> bool:
    name = pair.split("=", 1)[0]
    return name.lower().startswith("utm_") or name in TRACKING_PARAMS


def canonical_url(url: str | None) -> str | None:
    """Canonical form of an http(s) URL, or None when it is not one.

    Lowercases scheme and host, drops the default port, the fragment and tracking
    parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, ocid, cmpid); keeps path case,
    trailing slash and the other parameters exactly, in order.
    """
    if not url:
        return None
    url = url.strip().strip("<>").strip()
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.hostname:
            return None
        host = parts.hostname.lower()
        port = parts.port
    except ValueError:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        cred = parts.username or ""
        if parts.password:
            cred += ":" + parts.password
        netloc = f"{cred}@{netloc}"
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    return urlunsplit((scheme, netloc, parts.path, query, ""))


def outlet_of(url: str | None) -> str | None:
    """The URL's host without a leading 'www.', or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
