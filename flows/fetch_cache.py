"""Raw fetched pages on disk: `<raw>/<hash>.html.gz` plus `index.json` (validators, status, path)."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import threading
from datetime import datetime, timezone
from pathlib import Path


def url_key(url: str) -> str:
    """Stable file stem for a URL."""
    return hashlib.blake2b(url.encode("utf-8"), digest_size=16).hexdigest()


class RawCache:
    """Cached response bodies and, per URL, what a conditional GET needs next time.

    The index is loaded once, updated in memory by fetch threads and saved atomically
    (tmp + rename) by `save()`; a crash loses at most the entries since the last save,
    and those pages are simply fetched again.
    """

    def __init__(self, root: Path):
        self.root = root
        self.index_path = root / "index.json"
        self._lock = threading.Lock()
        self.entries: dict[str, dict] = {}
        if self.index_path.exists():
            try:
                self.entries = json.loads(self.index_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}  # a damaged index costs one full refetch, never the run

    def path_for(self, url: str) -> Path:
        """Where the URL's body is (or would be) cached."""
        return self.root / f"{url_key(url)}.html.gz"

    def validators(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since headers for a URL whose body is cached."""
        entry = self.entries.get(url)
        if not entry or not self.path_for(url).exists():
            return {}
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def entry(self, url: str) -> dict | None:
        """The index entry of a URL, if any."""
        return self.entries.get(url)

    def store(self, url: str, body: bytes, *, final_url: str, status: int, etag: str | None,
              last_modified: str | None) -> Path:
        """Write the body (unless unchanged) and record it; returns the cache path."""
        path = self.path_for(url)
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        old = self.entries.get(url)
        # Rewriting identical bytes would only bump the mtime and make the planner rehash.
        if not (old and old.get("body_hash") == digest and path.exists()):
            self.root.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{threading.get_ident()}.tmp")
            with gzip.open(tmp, "wb", compresslevel=6) as f:
                f.write(body)
            os.replace(tmp, path)
        self._record(url, {"final_url": final_url, "status": status, "etag": etag, "last_modified": last_modified,
                           "body_hash": digest, "path": path.name})
        return path

    def touch(self, url: str, *, status: int) -> Path:
        """Record a 304 Not Modified: the cached body stands; returns its path."""
        entry = dict(self.entries.get(url) or {})
        entry["status"] = status
        self._record(url, entry)
        return self.path_for(url)

    def _record(self, url: str, entry: dict) -> None:
        entry["checked_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock:
            self.entries[url] = entry

    def save(self) -> None:
        """Write the index atomically."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.index_path.with_name(".index.json.tmp")
        with self._lock:
            text = json.dumps(self.entries, indent=1, sort_keys=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, self.index_path)
