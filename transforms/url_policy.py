"""Which URLs the scraper may fetch: the one place for scheme and address rules (pure)."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")


class Refused(Exception):
    """A URL or address the scraper must not fetch; `reason` is the rejects reason."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def check_url(url: str) -> str:
    """The URL's host when its scheme and host are fetchable; raises Refused otherwise."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        parts.port  # noqa: B018 - a bad port raises ValueError here
    except ValueError as e:
        raise Refused("bad_url", f"{url!r} is not a valid URL: {e}") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise Refused("unsupported_scheme", f"{url!r}: only http and https URLs can be scraped")
    if not host:
        raise Refused("bad_url", f"{url!r} has no host")
    if parts.username or parts.password:
        # Credentials in URLs leak into logs, the cache index and the rejects table.
        raise Refused("bad_url", f"{url!r} carries credentials; remove user:password@")
    return host


def address_refusal(ip: str, allow_private: bool) -> str | None:
    """Why the scraper must not connect to `ip` (a reason), or None when it may."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return "bad_address"
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    # Never useful targets, whatever the flag says.
    if addr.is_multicast or addr.is_unspecified or (addr.is_reserved and not addr.is_private):
        return "private_address"
    if allow_private:
        return None
    if addr.is_loopback or addr.is_link_local or addr.is_private or not addr.is_global:
        return "private_address"
    return None


def check_addresses(host: str, ips: list[str], allow_private: bool) -> None:
    """Raise Refused when any address the host resolves to is off limits.

    Every address is checked, not just the first: a host that resolves to one public
    and one private address could otherwise be steered to the private one.
    """
    if not ips:
        raise Refused("dns_error", f"{host} does not resolve to any address")
    for ip in ips:
        reason = address_refusal(ip, allow_private)
        if reason:
            hint = "" if allow_private else " (use --allow-private-hosts for a local or intranet site)"
            where = f"{host} is" if host.strip("[]") == ip else f"{host} resolves to {ip},"
            raise Refused(reason, f"{where} a non-public address{hint}")
