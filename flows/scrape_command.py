"""`wirehouse scrape`: check the arguments, run the scrape flow, print what happened."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from transforms.url_policy import Refused, check_url


def read_urls_file(path: str) -> list[str]:
    """URLs of a --urls-file: one a line; blank lines and lines starting with # are skipped."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def cmd_scrape(args) -> int:
    """`wirehouse scrape URL... | --urls-file F | --feed URL | --sitemap URL`: fetch and load pages."""
    from flows.commands import EXIT_USAGE, UserError, call_flow, print_summary, quiet_prefect
    from flows.settings import FetchSettings

    urls = list(args.urls)
    if args.urls_file:
        try:
            urls += read_urls_file(args.urls_file)
        except (OSError, UnicodeDecodeError) as e:
            raise UserError(f"cannot read --urls-file {args.urls_file}: {e.strerror or e}", EXIT_USAGE) from None
    feeds, sitemaps = list(args.feed or []), list(args.sitemap or [])
    if not (urls or feeds or sitemaps):
        raise UserError("nothing to scrape: give URL..., --urls-file F, --feed URL or --sitemap URL", EXIT_USAGE)
    for url in urls + feeds + sitemaps:
        try:
            check_url(url)
        except Refused as r:
            raise UserError(r.detail, EXIT_USAGE) from None
    fetch = FetchSettings()
    overrides = {"allow_private": args.allow_private_hosts}
    if args.delay is not None:
        if args.delay < 0:
            raise UserError("--delay must be 0 or more seconds", EXIT_USAGE)
        overrides["delay_s"] = args.delay
    if args.concurrency is not None:
        if args.concurrency < 1:
            raise UserError("--concurrency must be at least 1", EXIT_USAGE)
        overrides["concurrency"] = args.concurrency
    if args.user_agent:
        overrides["user_agent"] = args.user_agent
    fetch = replace(fetch, **overrides)

    quiet_prefect()
    from flows.scrape import scrape

    summary = call_flow("scrape", lambda: scrape(urls=urls, feeds=feeds, sitemaps=sitemaps,
                                                 data_dir=str(args.data_dir), fetch=fetch))
    f = summary["fetch"]
    sys.stdout.write(f"scrape: {f['urls']} URL(s): {f['fetched']} fetched, {f['not_modified']} not modified, "
                     f"{f['failed']} failed; {f['rejects']} reject(s) (see the rejects table)\n")
    print_summary(summary)
    return 0
