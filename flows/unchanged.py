"""A command-line rerun with nothing to do, recorded without starting Prefect.

A cold `wirehouse run` over the unchanged AllSides corpus took ~16 s, of which ~10 s went to
waiting for the temporary Prefect API to import and start (flows/temp_api.py), for a flow run
that then only wrote a row in `runs`. When every input is unchanged (same size and mtime,
same pipeline version), the last run succeeded, its Parquet mirror is complete and no
overrides file changed since it started, the CLI writes that row itself, the way the flow
would, and skips the flow run. Anything else, or any doubt (another run holds the data
dir, a killed run left work behind), goes through the flow as before. Scheduled runs
(`wirehouse serve`) always run the flow: their API server is already up.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from time import perf_counter

from flows.lock import LockTimeout, data_dir_lock
from flows.plan import Plan, make_plan
from flows.settings import Settings, pipeline_version
from warehouse.db import TABLES, WriteSession, read_only
from warehouse.export import export_interrupted, export_tables, exported_generation
from warehouse.runs import latest_run_row, new_run_id, record_run, table_rows


def record_if_unchanged(inputs: list[str], data_dir: Path) -> dict | None:
    """Record a run that has nothing to do and return its summary; None when the flow must run."""
    settings = Settings(data_dir=data_dir)
    if not settings.warehouse.exists() or (settings.staging.is_dir() and any(settings.staging.iterdir())):
        return None  # a first run, or a killed run's scratch files for the flow's recover step
    started = datetime.now(timezone.utc)
    t0 = perf_counter()
    try:
        with data_dir_lock(settings.lock, 0):
            version = pipeline_version()
            try:
                plan = _unchanged_plan(inputs, settings, version)
            except Exception:  # noqa: BLE001 - e.g. an unreadable warehouse: the flow reports it properly
                plan = None
            if plan is None:
                return None
            return _record(settings, inputs, plan, version, started, t0)
    except LockTimeout:
        return None  # another run is writing: the flow waits for it and then decides


def _unchanged_plan(inputs: list[str], settings: Settings, version: str) -> Plan | None:
    """The plan of a run that would process nothing, or None."""
    if WriteSession(settings.warehouse).work.exists():
        return None
    con = read_only(settings.warehouse)
    try:
        last = latest_run_row(con)
    finally:
        con.close()
    if last is None or last[2] != "succeeded" or last[3] != version:
        return None
    if exported_generation(settings.parquet) != last[0] or export_interrupted(settings.parquet, TABLES):
        return None
    # Overrides are re-applied by every run that loads; an edit since the last run needs one.
    if settings.overrides.exists() and settings.overrides.stat().st_mtime >= last[1].timestamp():
        return None
    plan = make_plan(inputs, settings, version, reprocess=False)
    # Touched-but-identical files (plan.skipped) need their new mtime recorded by the flow.
    return None if plan.process or plan.skipped else plan


def _record(settings: Settings, inputs: list[str], plan: Plan, version: str, started: datetime,
            t0: float) -> dict:
    """Write the run's row (copy, insert, swap, as the flow's load does) and export `runs`."""
    run = {"run_id": new_run_id(started), "started_at": started, "command": "run", "inputs": inputs,
           "version": version, "seconds": {}, "nulled": {}}
    session = WriteSession(settings.warehouse)
    con = session.open()
    try:
        con.execute("begin")
        run["seconds"]["total"] = perf_counter() - t0
        record_run(con, run, plan, {}, status="succeeded")
        con.execute("commit")
        session.publish()
    except BaseException:
        session.discard()
        raise
    con = read_only(settings.warehouse)
    try:
        export_tables(con, settings.parquet, ["runs"], run["run_id"])
        rows = table_rows(con)
    finally:
        con.close()
    return {"run_id": run["run_id"], "files_seen": plan.seen, "files_processed": 0, "added": {},
            "replaced": {}, "nulled": {}, "seconds": run["seconds"], "tables": rows, "checks": [],
            "flow_run": False}
