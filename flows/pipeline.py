"""The `pipeline` flow: discover -> transform batches -> load DuckDB -> checks -> Parquet."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path
from time import perf_counter

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.batch import stage_rejects
from flows.lock import data_dir_lock
from flows.plan import Plan, make_plan
from flows.run_report import (collect_batches, publish_failure, publish_run_tables, publish_summary,
                               rejects_by_reason)
from flows.pool import batch_pool, run_batch
from flows.settings import Settings, pipeline_version
from flows.testhooks import pause_at
from transforms.topics import CATEGORIES, topic_id
from warehouse.checks import raise_on_failures, run_checks
from warehouse.db import TABLES, WRITE_MEMORY_LIMIT, WriteSession, read_only
from warehouse.export import compare_counts, export_interrupted, export_tables, exported_generation
from warehouse.load import load_staging, rebuild_topics, update_sources
from warehouse.people import relink_people
from warehouse.runs import latest_run, new_run_id, record_run, table_rows


@task(name="recover", cache_policy=NO_CACHE)
def recover(settings: Settings) -> bool:
    """Finish what a killed run left: drop its scratch files, re-export Parquet if it lags the warehouse."""
    if settings.staging.exists():
        shutil.rmtree(settings.staging, ignore_errors=True)
    WriteSession(settings.warehouse).discard()
    if not settings.warehouse.exists():
        return False
    con = read_only(settings.warehouse)
    try:
        generation = latest_run(con)
        lagging = exported_generation(settings.parquet) != generation
        if generation and (lagging or export_interrupted(settings.parquet, TABLES)):
            get_run_logger().warning("Parquet lags the warehouse (an interrupted run?): re-exporting")
            export_tables(con, settings.parquet, list(TABLES), generation)
            return True
    finally:
        con.close()
    return False


@task(name="discover-inputs", cache_policy=NO_CACHE)
def discover_inputs(inputs: list[str], settings: Settings, reprocess: bool, origins: dict | None = None) -> Plan:
    """Input files to process in batches, and the unchanged ones skipped."""
    plan = make_plan(inputs, settings, pipeline_version(), reprocess, origins)
    get_run_logger().info("%d input file(s): %d to process in %d batch(es), %d unchanged",
                          plan.seen, len(plan.process), len(plan.batches), plan.seen - len(plan.process))
    return plan


@task(name="transform-batch", cache_policy=NO_CACHE)
def transform_batch(spec: dict) -> dict:
    """Parse and extract one batch of files into staging Parquet (in the run's process pool, if any)."""
    return run_batch(spec)


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load_warehouse(settings: Settings, plan: Plan, run: dict, reprocess: bool) -> dict:
    """Load staging into a copy of the warehouse, relink, check, record the run, swap it in."""
    from transforms.person_link import parse_overrides

    overrides = None
    if settings.overrides.exists():
        overrides = parse_overrides(settings.overrides.read_text(encoding="utf-8"))
    session = WriteSession(settings.warehouse)
    t = perf_counter()
    con = session.open()
    run["seconds"]["warehouse_copy"] = perf_counter() - t  # the copy-swap's copy grows with the warehouse
    try:
        con.execute("begin")
        t = perf_counter()
        counts = load_staging(con, settings.staging / run["run_id"], [p[0] for p in plan.process] + plan.urls,
                              reprocess)
        changed = any(counts["added"].values()) or any(counts["replaced"].values())
        if changed or overrides is not None:
            t_relink = perf_counter()
            relink_people(con, overrides)
            run["seconds"]["relink"] = perf_counter() - t_relink
            rebuild_topics(con, [(topic_id("category", c), c) for c in CATEGORIES], run["run_id"], run["version"])
        per_file = run["per_file"]
        update_sources(con, [(p, size, mtime, h, per_file.get(p, [0, 0])[0], per_file.get(p, [0, 0])[1],
                              run["run_id"], run["version"]) for p, size, mtime, h in plan.process + plan.skipped
                             if h])
        run["seconds"]["load"] = perf_counter() - t
        t = perf_counter()
        checks = run_checks(con)
        run["seconds"]["checks"] = perf_counter() - t
        raise_on_failures(checks)
        record_run(con, run, plan, counts, status="succeeded")
        con.execute("commit")
        pause_at("loading", settings.data_dir)
        session.publish()
    except BaseException:
        session.discard()
        raise
    return {"counts": counts, "checks": checks, "changed": changed}


def record_failure(settings: Settings, run: dict, plan: Plan | None, error: str) -> None:
    """Add a failed run's row to the warehouse (and its Parquet mirror)."""
    session = WriteSession(settings.warehouse)
    con = session.open()
    try:
        # Parquet mirrored the warehouse before this run: then only `runs` needs rewriting.
        mirrored = exported_generation(settings.parquet) == latest_run(con)
        if con.execute("select count(*) from runs where run_id = ?", [run["run_id"]]).fetchone()[0]:
            # Its load was swapped in and a later step (the export) failed: keep the counts.
            con.execute("update runs set status = 'failed', error = ?, finished_at = ? where run_id = ?",
                        [error, datetime.now(timezone.utc), run["run_id"]])
        else:
            record_run(con, run, plan, {}, status="failed", error=error)
        session.publish()
    except BaseException:
        session.discard()
        raise
    if not mirrored:  # leave _state.json lagging, so the next run's recover rewrites every table
        return
    con = read_only(settings.warehouse)
    try:
        export_tables(con, settings.parquet, ["runs"], run["run_id"])
    finally:
        con.close()


@task(name="export-parquet", cache_policy=NO_CACHE)
def export_parquet(settings: Settings, run_id: str, changed: bool) -> list[dict]:
    """Rewrite the Parquet folders of the tables this run changed; compare row counts."""
    con = read_only(settings.warehouse)
    # The same cap as the load (SET: a connect() config differing from another open
    # connection to the file in this process would be refused).
    con.execute(f"set memory_limit = '{WRITE_MEMORY_LIMIT}'")
    con.execute("set preserve_insertion_order = false")
    try:
        lagging = exported_generation(settings.parquet) is None
        tables = list(TABLES) if changed or lagging else ["runs", "sources"]
        export_tables(con, settings.parquet, tables, run_id)
        return compare_counts(con, settings.parquet, TABLES)
    finally:
        con.close()


def _run_stats(settings: Settings, run_id: str) -> tuple[list[dict], list[dict]]:
    """Rows per data table, and this run's rejects per reason, read in one connection."""
    con = read_only(settings.warehouse)
    try:
        return table_rows(con), rejects_by_reason(con, run_id)
    finally:
        con.close()


@flow(name="pipeline", log_prints=False, persist_result=False)
def pipeline(inputs: list[str], data_dir: str, reprocess: bool = False, command: str = "run",
             scraped: dict | None = None, processes: int = 0) -> dict:
    """Run the whole ETL over input paths into data_dir; returns the run summary.

    processes: worker processes for the batches, started by this flow (local runs); 0 runs
    each batch where its task runs (a Dask worker, or the flow's own process).

    scraped (from the scrape flow): origins {page path: {"source_uri", "url"}}, rejects
    (URLs that could not be fetched), urls (every URL attempted), sources (what was asked).
    """
    scraped = scraped or {}
    logger = get_run_logger()
    settings = Settings(data_dir=Path(data_dir))
    started = datetime.now(timezone.utc)
    run = {"run_id": new_run_id(started), "started_at": started, "command": command,
           "inputs": list(scraped.get("sources") or inputs),
           "version": pipeline_version(), "seconds": {}, "nulled": {}, "per_file": {}}
    t0 = perf_counter()
    with data_dir_lock(settings.lock, settings.lock_timeout_s):
        recover(settings)
        plan = None
        try:
            t = perf_counter()
            plan = discover_inputs(inputs, settings, reprocess, scraped.get("origins"))
            plan.urls = list(scraped.get("urls") or [])
            run["seconds"]["discover"] = perf_counter() - t
            staging = settings.staging / run["run_id"]
            specs = [{"batch_id": f"b{i:05d}", "files": files, "staging": str(staging), "run_id": run["run_id"],
                      "pipeline_version": run["version"], "now": started.isoformat(),
                      "flush_every": settings.batch_records, "max_file_bytes": settings.max_file_bytes,
                      "max_record_bytes": settings.max_record_bytes} for i, files in enumerate(plan.batches)]
            t = perf_counter()
            if scraped.get("rejects"):
                stage_rejects(staging, scraped["rejects"], started, {"run_id": run["run_id"],
                                                                     "pipeline_version": run["version"]})
            with batch_pool(processes if len(specs) > 1 else 0):
                results = collect_batches(list(transform_batch.map(specs)), logger) if specs else []
            run["seconds"]["transform_wall"] = perf_counter() - t
            for r in results:
                for k, v in r["seconds"].items():
                    run["seconds"][k] = run["seconds"].get(k, 0.0) + v
                for k, v in r["nulled"].items():
                    run["nulled"][k] = run["nulled"].get(k, 0) + v
                for path, (articles, rejects) in r["per_file"].items():
                    total = run["per_file"].setdefault(path, [0, 0])
                    total[0], total[1] = total[0] + articles, total[1] + rejects
            pause_at("staged", settings.data_dir)
            loaded = load_warehouse(settings, plan, run, reprocess)
            pause_at("loaded", settings.data_dir)
            t = perf_counter()
            parity = export_parquet(settings, run["run_id"], loaded["changed"])
            run["seconds"]["export"] = perf_counter() - t
            raise_on_failures(parity)
        except Exception as e:
            error = f"{type(e).__name__}: {e}"[:1000]
            try:
                record_failure(settings, run, plan, error)
            except Exception as again:  # e.g. the disk is still full: report the first error, not this one
                logger.warning("could not record the failed run: %s: %s", type(again).__name__, again)
            publish_failure(run["run_id"], error)
            raise
        finally:
            shutil.rmtree(settings.staging / run["run_id"], ignore_errors=True)
    run["seconds"]["total"] = perf_counter() - t0
    rows, rejects = _run_stats(settings, run["run_id"])
    summary = {"run_id": run["run_id"], "files_seen": plan.seen, "files_processed": len(plan.process),
               "added": loaded["counts"]["added"], "replaced": loaded["counts"]["replaced"],
               "nulled": run["nulled"], "seconds": run["seconds"], "tables": rows,
               "checks": loaded["checks"] + parity}
    publish_summary(summary)
    publish_run_tables(run["run_id"], run["seconds"], rejects)
    logger.info("run %s: %s", run["run_id"], ", ".join(f"{r['table']}={r['rows']}" for r in rows))
    return summary

