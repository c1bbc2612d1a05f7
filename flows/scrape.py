"""The `scrape` flow: expand feeds and sitemaps -> fetch URL batches into the raw cache -> pipeline."""
from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.fetch import Fetcher, FetchResult
from flows.fetch_cache import RawCache
from flows.lock import data_dir_lock
from flows.settings import FetchSettings, Settings
from transforms.feeds import FeedError, feed_links, maybe_gunzip, parse_sitemap
from transforms.urls import canonical_url


def _reject(result: FetchResult) -> dict:
    return {"source_uri": result.url, "reason": result.reason, "detail": result.detail}


def unique_urls(urls: list[str]) -> list[str]:
    """URLs in first-seen order, one per canonical form (tracking parameters and fragments dropped)."""
    seen: set[str] = set()
    out = []
    for url in urls:
        url = canonical_url(url) or url.strip()  # a non-http URL stays as is, to be rejected by the fetcher
        if url and url not in seen:
            seen.add(url)
            out.append(url)
    return out


@task(name="expand-feed", cache_policy=NO_CACHE)
def expand_feed(fetcher: Fetcher, url: str) -> dict:
    """Entry links of one RSS/Atom feed, or the feed's reject."""
    got = fetcher.fetch_document(url)
    if not got.ok:
        return {"urls": [], "rejects": [_reject(got)], "attempted": [url]}
    try:
        links = feed_links(maybe_gunzip(got.body, fetcher.s.max_bytes), got.final_url or url)
    except FeedError as e:
        return {"urls": [], "rejects": [{"source_uri": url, "reason": "not_a_feed", "detail": f"{url}: {e}"}],
                "attempted": [url]}
    get_run_logger().info("feed %s: %d link(s)", url, len(links))
    return {"urls": links, "rejects": [], "attempted": [url]}


@task(name="expand-sitemap", cache_policy=NO_CACHE)
def expand_sitemap(fetcher: Fetcher, url: str, max_sitemaps: int) -> dict:
    """Page URLs of a sitemap, following a sitemap index down to max_sitemaps files."""
    queue, seen, pages, rejects = [url], {url}, [], []
    while queue:
        current = queue.pop(0)
        got = fetcher.fetch_document(current)
        if not got.ok:
            rejects.append(_reject(got))
            continue
        try:
            sitemap = parse_sitemap(maybe_gunzip(got.body, fetcher.s.max_bytes), got.final_url or current)
        except FeedError as e:
            rejects.append({"source_uri": current, "reason": "not_a_sitemap", "detail": f"{current}: {e}"})
            continue
        pages += sitemap.pages
        for child in sitemap.children:
            if child in seen:
                continue  # an index that lists itself (or a cycle) is read once
            if len(seen) >= max_sitemaps:
                rejects.append({"source_uri": child, "reason": "too_many_sitemaps",
                                "detail": f"{url} leads to more than {max_sitemaps} sitemaps; {child} not read"})
                continue
            seen.add(child)
            queue.append(child)
    get_run_logger().info("sitemap %s: %d page(s) from %d sitemap file(s)", url, len(pages), len(seen))
    return {"urls": pages, "rejects": rejects, "attempted": sorted(seen)}


@task(name="fetch-batch", cache_policy=NO_CACHE)
def fetch_batch(fetcher: Fetcher, urls: list[str]) -> dict:
    """Fetch one batch of pages into the raw cache; cached paths, rejects and counts."""
    results = fetcher.fetch_pages(urls)
    fetcher.cache.save()
    pages = [{"path": str(r.path.resolve()), "source_uri": r.url, "url": r.final_url or r.url}
             for r in results if r.ok]
    counts = {"fetched": sum(r.ok and not r.not_modified for r in results),
              "not_modified": sum(r.ok and r.not_modified for r in results),
              "failed": sum(not r.ok for r in results)}
    get_run_logger().info("fetched %d page(s): %d new or changed, %d not modified, %d failed",
                          len(urls), counts["fetched"], counts["not_modified"], counts["failed"])
    return {"pages": pages, "rejects": [_reject(r) for r in results if not r.ok], "counts": counts}


@flow(name="scrape", log_prints=False, persist_result=False)
def scrape(urls: list[str], feeds: list[str], sitemaps: list[str], data_dir: str,
           fetch: FetchSettings | None = None) -> dict:
    """Fetch pages (given, or listed by feeds and sitemaps) and load them; returns the run summary."""
    from flows.commands import local_processes, task_runner
    from flows.pipeline import pipeline

    fetch = fetch or FetchSettings()
    settings = Settings(data_dir=Path(data_dir))
    found, rejects, attempted = list(urls), [], []
    pages, counts = [], {"fetched": 0, "not_modified": 0, "failed": 0}
    # One scraper per raw cache at a time; the warehouse lock is the pipeline's, taken later.
    with data_dir_lock(settings.raw / ".lock", settings.lock_timeout_s), \
            Fetcher(fetch, RawCache(settings.raw)) as fetcher:
        expanded = [expand_feed(fetcher, f) for f in feeds]
        expanded += [expand_sitemap(fetcher, s, fetch.max_sitemaps) for s in sitemaps]
        for out in expanded:
            found += out["urls"]
            rejects += out["rejects"]
            attempted += out["attempted"]
        targets = unique_urls(found)
        for start in range(0, len(targets), max(fetch.batch_urls, 1)):
            out = fetch_batch(fetcher, targets[start:start + fetch.batch_urls])
            pages += out["pages"]
            rejects += out["rejects"]
            for k, v in out["counts"].items():
                counts[k] += v
    scraped = {"origins": {p["path"]: {"source_uri": p["source_uri"], "url": p["url"]} for p in pages},
               "rejects": rejects, "urls": attempted + targets,
               "sources": [*urls, *(f"feed:{f}" for f in feeds), *(f"sitemap:{s}" for s in sitemaps)]}
    small = len(pages) < 200  # worker processes cost more than they save on a few pages
    summary = pipeline.with_options(task_runner=task_runner("local", None, settings.workers, small))(
        inputs=[p["path"] for p in pages], data_dir=data_dir, command="scrape", scraped=scraped,
        processes=local_processes("local", settings.workers, small))
    summary["fetch"] = {**counts, "urls": len(targets), "rejects": len(rejects)}
    return summary
