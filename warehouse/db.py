"""Opening the warehouse: writes go to a copy that is swapped in whole, so readers never block."""
from __future__ import annotations

import os
import shutil
from importlib.resources import files
from pathlib import Path

import duckdb

SQL_DIR = files("warehouse")
# The load runs in the flow's process beside Prefect's client: DuckDB would otherwise take
# up to 80% of RAM for a big run's joins and window functions; past this it spills to
# <warehouse>.tmp/ instead, so peak memory stays flat as the warehouse grows.
WRITE_MEMORY_LIMIT = "1GB"
TABLES = ("articles", "person_mentions", "article_people", "people", "quotes", "topics",
          "article_topics", "rejects", "runs", "sources")


def sql(name: str) -> str:
    """Text of a SQL file shipped in the warehouse package (e.g. 'schema.sql', 'views/x.sql')."""
    return SQL_DIR.joinpath(name).read_text(encoding="utf-8")


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and (re)create every view."""
    con.execute(sql("schema.sql"))
    views = sorted(p.name for p in SQL_DIR.joinpath("views").iterdir() if p.name.endswith(".sql"))
    for name in views:
        con.execute(sql(f"views/{name}"))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class WriteSession:
    """A private copy of the warehouse to load into; publish() renames it over the live file.

    Readers that opened the old file keep reading their snapshot; a crash before publish()
    leaves the live file untouched.
    """

    def __init__(self, live: Path):
        self.live = live
        self.work = live.with_name(f".{live.name}.new")
        self.con: duckdb.DuckDBPyConnection | None = None

    def open(self) -> duckdb.DuckDBPyConnection:
        """Connection to a fresh copy of the live warehouse, schema applied."""
        self.live.parent.mkdir(parents=True, exist_ok=True)
        for stale in (self.work, self.work.with_name(self.work.name + ".wal")):
            stale.unlink(missing_ok=True)
        if self.live.exists():
            shutil.copyfile(self.live, self.work)
        # Row order of inserts is irrelevant here (keys and exports sort): not keeping it saves memory.
        self.con = duckdb.connect(str(self.work), config={"memory_limit": WRITE_MEMORY_LIMIT,
                                                          "preserve_insertion_order": False})
        # A load's long statements would otherwise draw DuckDB's progress bar on the CLI's stderr.
        self.con.execute("set enable_progress_bar = false")
        apply_schema(self.con)
        return self.con

    def publish(self) -> None:
        """Checkpoint, close and atomically replace the live warehouse with the copy."""
        self.con.execute("checkpoint")
        self.con.close()
        self.con = None
        _fsync(self.work)
        os.replace(self.work, self.live)
        _fsync(self.live.parent)

    def discard(self) -> None:
        """Drop the copy; the live warehouse is unchanged."""
        if self.con is not None:
            self.con.close()
            self.con = None
        self.work.unlink(missing_ok=True)


def read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the live warehouse."""
    return duckdb.connect(str(path), read_only=True)
