"""Every setting and path in one place: typed defaults, WIREHOUSE_* env vars, CLI flags."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

VERSION = "0.1.0"
REPO = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Release plus a digest of the extraction code: changed extractors reprocess on their own."""
    h = hashlib.blake2b(digest_size=4)
    for path in sorted((REPO / "transforms").glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return f"{VERSION}+{h.hexdigest()}"


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    """Run settings; paths are derived from data_dir."""

    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("WIREHOUSE_DATA_DIR", "data")))
    batch_records: int = field(default_factory=lambda: _env_int("WIREHOUSE_BATCH_RECORDS", 2000))
    batch_bytes: int = field(default_factory=lambda: _env_int("WIREHOUSE_BATCH_BYTES", 32 * 2**20))
    workers: int = field(default_factory=lambda: _env_int("WIREHOUSE_WORKERS", os.cpu_count() or 1))
    lock_timeout_s: int = field(default_factory=lambda: _env_int("WIREHOUSE_LOCK_TIMEOUT", 600))
    max_file_bytes: int = field(default_factory=lambda: _env_int("WIREHOUSE_MAX_FILE_BYTES", 2 * 2**30))
    max_record_bytes: int = field(default_factory=lambda: _env_int("WIREHOUSE_MAX_RECORD_BYTES", 8 * 2**20))

    @property
    def warehouse(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def parquet(self) -> Path:
        return self.data_dir / "parquet"

    @property
    def staging(self) -> Path:
        return self.data_dir / ".staging"

    @property
    def lock(self) -> Path:
        return self.data_dir / ".lock"

    @property
    def overrides(self) -> Path:
        return Path(os.environ.get("WIREHOUSE_PEOPLE_OVERRIDES", self.data_dir / "people_overrides.txt"))

    @property
    def raw(self) -> Path:
        """Cache of fetched pages (`wirehouse scrape`): gzip'd bodies plus index.json."""
        return self.data_dir / "raw"


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class FetchSettings:
    """How `wirehouse scrape` fetches: politeness, limits and retries (CLI flags override)."""

    user_agent: str = field(default_factory=lambda: os.environ.get(
        "WIREHOUSE_USER_AGENT", f"wirehouse/{VERSION} (batch news ETL; python-httpx)"))
    delay_s: float = field(default_factory=lambda: _env_float("WIREHOUSE_FETCH_DELAY", 1.0))
    concurrency: int = field(default_factory=lambda: _env_int("WIREHOUSE_FETCH_CONCURRENCY", 4))
    timeout_s: float = field(default_factory=lambda: _env_float("WIREHOUSE_FETCH_TIMEOUT", 20.0))
    max_bytes: int = field(default_factory=lambda: _env_int("WIREHOUSE_FETCH_MAX_BYTES", 5 * 2**20))
    max_redirects: int = field(default_factory=lambda: _env_int("WIREHOUSE_FETCH_MAX_REDIRECTS", 5))
    attempts: int = field(default_factory=lambda: _env_int("WIREHOUSE_FETCH_ATTEMPTS", 3))
    backoff_s: float = field(default_factory=lambda: _env_float("WIREHOUSE_FETCH_BACKOFF", 1.0))
    max_backoff_s: float = 30.0
    allow_private: bool = False
    batch_urls: int = field(default_factory=lambda: _env_int("WIREHOUSE_FETCH_BATCH", 200))
    max_sitemaps: int = 50  # child sitemaps followed per --sitemap, against index loops and bombs
