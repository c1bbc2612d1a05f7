"""The `runs` table: one row per pipeline run, written in the run's own transaction."""
from __future__ import annotations

import secrets
from datetime import datetime, timezone

import duckdb

# The tables a run summary counts rows of, in the order the CLI prints them.
DATA_TABLES = ("articles", "person_mentions", "article_people", "people", "quotes", "topics",
               "article_topics", "rejects")


def new_run_id(now: datetime) -> str:
    """Time-ordered run id: UTC timestamp plus a random suffix."""
    return f"{now:%Y%m%dT%H%M%S%f}Z-{secrets.token_hex(3)}"


def latest_run(con: duckdb.DuckDBPyConnection) -> str | None:
    """The id of the newest run: the warehouse generation its Parquet mirror is compared to."""
    row = latest_run_row(con)
    return row[0] if row else None


def latest_run_row(con: duckdb.DuckDBPyConnection) -> tuple | None:
    """(run_id, started_at, status, pipeline_version) of the newest run, or None."""
    return con.execute("select run_id, started_at, status, pipeline_version from runs "
                       "order by started_at desc, run_id desc limit 1").fetchone()


def record_run(con: duckdb.DuckDBPyConnection, run: dict, plan, counts: dict, status: str,
               error: str | None = None) -> None:
    """Insert the row of `run` (a flows.plan.Plan, or None when the run failed before planning)."""
    rejects = counts.get("added", {}).get("rejects", 0) if counts else 0
    con.execute("insert into runs values (?, ?, ?, ?, ?, ?, ?, ?, map(?, ?), map(?, ?), ?, map(?, ?), map(?, ?), ?, ?)", [
        run["run_id"], run["started_at"], datetime.now(timezone.utc), status, run["command"], run["inputs"],
        plan.seen if plan else 0, plan.seen - len(plan.process) if plan else 0,
        *_kv(counts.get("added", {}) if counts else {}), *_kv(counts.get("replaced", {}) if counts else {}),
        rejects, *_kv(run.get("nulled", {})), *_kv(run.get("seconds", {})), error, run["version"]])


def table_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Rows per data table, for the run summary."""
    return [{"table": t, "rows": con.execute(f"select count(*) from {t}").fetchone()[0]} for t in DATA_TABLES]


def _kv(d: dict) -> tuple[list, list]:
    keys = sorted(d)
    return keys, [d[k] for k in keys]
