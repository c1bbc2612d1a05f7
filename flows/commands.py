"""What each CLI command does; every user-facing failure is a UserError with one line."""
from __future__ import annotations

import csv
import json
import os
import sys
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

EXIT_USAGE, EXIT_FAILED = 2, 1


class UserError(Exception):
    """An error to print as one line; `status` is the exit code."""

    def __init__(self, message: str, status: int = EXIT_FAILED):
        super().__init__(message)
        self.status = status


def quiet_prefect() -> None:
    """Prefect settings for a command-line run: local ephemeral API, no telemetry."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    os.environ.setdefault("PREFECT_LOGGING_SETTINGS_PATH", str(Path(__file__).with_name("logging.yml")))


@contextmanager
def prefect_api():
    """Point Prefect at the temporary API the console script started, unless another is configured."""
    from flows import temp_api

    api = temp_api.take()
    if api is None:
        yield
        return
    from prefect.settings import (PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
                                  PREFECT_UI_URL, temporary_settings)

    if PREFECT_API_URL.value():  # a profile or prefect.toml names an API: use that one
        api.stop()
        yield
        return
    try:
        url = api.wait_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    except temp_api.TempApiError as e:
        raise UserError(str(e)) from None
    # Processes the flow starts (Dask workers) use it too. No UI is served, so no "View at" link.
    # The server stops at exit, after Prefect has sent its last logs (temp_api.TempApi.start).
    os.environ["PREFECT_API_URL"] = url
    with temporary_settings({PREFECT_API_URL: url, PREFECT_UI_URL: ""}):
        yield


def task_runner(name: str, address: str | None, workers: int, small: bool):
    """The Prefect task runner for the batch tasks."""
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    from prefect.task_runners import ThreadPoolTaskRunner

    # Batch tasks run on threads that hand the CPU work to the flow's own process pool
    # (flows/pool.py): Prefect's ProcessPoolTaskRunner started a Prefect client, and with no
    # API server configured a whole ephemeral server, in every worker (docs/scale.md).
    return ThreadPoolTaskRunner(max_workers=1 if small else max(1, workers))


def local_processes(runner: str, workers: int, small: bool) -> int:
    """Worker processes the flow starts for its batches: none for Dask or a handful of files."""
    # Worker processes cost a second or two to start: not worth it for a handful of files.
    return 0 if runner != "local" or small or workers <= 1 else workers


def cmd_run(args) -> int:
    """`wirehouse run PATH...`: load inputs into the data dir and print a summary."""
    from flows.inputs import UsageError, discover

    try:
        files, unsupported = discover(args.paths)
    except UsageError as e:
        raise UserError(str(e), EXIT_USAGE) from None
    if args.dask_address and args.runner != "dask":
        raise UserError("--dask-address needs --runner dask", EXIT_USAGE)
    if not args.reprocess:
        summary = _unchanged_run(args.paths, Path(args.data_dir))
        if summary is not None:
            print_summary(summary)
            return 0
    total = sum(f.stat().st_size for f in files)
    return run_pipeline(args.paths, Path(args.data_dir), args.reprocess, args.runner, args.dask_address,
                        small=len(files) <= 1 or total < 4 * 2**20)


def _unchanged_run(inputs: list[str], data_dir: Path) -> dict | None:
    """Record a run with nothing to do without Prefect (flows/unchanged.py), or None."""
    from flows import temp_api
    from flows.unchanged import record_if_unchanged

    try:
        summary = record_if_unchanged(inputs, data_dir)
    except Exception as e:
        raise UserError(f"run failed: {type(e).__name__}: {e}") from None
    if summary is not None:
        api = temp_api.take()  # started early for a flow run that is not needed
        if api is not None:
            api.stop()
    return summary


def run_pipeline(inputs: list[str], data_dir: Path, reprocess: bool = False, runner: str = "local",
                 address: str | None = None, small: bool = False, command: str = "run") -> int:
    """Run the pipeline flow and print its summary; map known failures to one line."""
    quiet_prefect()
    from flows.pipeline import pipeline
    from flows.settings import Settings

    settings = Settings(data_dir=data_dir)
    flow = pipeline.with_options(task_runner=task_runner(runner, address, settings.workers, small))
    summary = call_flow("run", lambda: flow(
        inputs=[str(i) for i in inputs], data_dir=str(data_dir), reprocess=reprocess, command=command,
        processes=local_processes(runner, settings.workers, small)))
    print_summary(summary)
    return 0


def call_flow(what: str, call):
    """Call a flow against the right Prefect API; its known failures become one line."""
    from flows.lock import LockTimeout
    from warehouse.checks import CheckFailed

    try:
        with prefect_api():
            return call()
    except (LockTimeout, CheckFailed) as e:
        raise UserError(str(e)) from None
    except UserError:
        raise
    except Exception as e:
        raise UserError(f"{what} failed: {type(e).__name__}: {e}") from None


def print_summary(summary: dict) -> None:
    """Rows per table, rejects and seconds, for a person at a terminal."""
    out = sys.stdout
    out.write(f"run {summary['run_id']}: {summary['files_processed']} of {summary['files_seen']} input file(s) "
              f"processed in {summary['seconds'].get('total', 0):.1f} s\n")
    if summary.get("flow_run") is False:
        out.write("  nothing changed since the last run: recorded without a flow run (--reprocess forces one)\n")
    width = max(len(r["table"]) for r in summary["tables"])
    for r in summary["tables"]:
        added = summary["added"].get(r["table"])
        extra = f"  (+{added} added)" if added else ""
        out.write(f"  {r['table']:<{width}}  {r['rows']:>9,}{extra}\n")
    if summary["nulled"]:
        out.write("  fields nulled as unusable: " + ", ".join(f"{k} {v}" for k, v in summary["nulled"].items()) + "\n")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, (list, dict)):
        return json.dumps(v, default=str, ensure_ascii=False)
    return str(v)


def _jsonable(v):
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    return v if isinstance(v, (str, int, float, bool, list, dict, type(None))) else str(v)


def format_rows(names: list[str], rows: list[tuple], fmt: str) -> str:
    """Query results as an aligned table, CSV or JSON lines."""
    if fmt == "json":
        return "".join(json.dumps({n: _jsonable(v) for n, v in zip(names, r)}, default=str,
                                  ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows([[_cell(v) for v in r] for r in rows])
        return buf.getvalue()
    cells = [[_cell(v).replace("\n", " ") for v in r] for r in rows]
    widths = [min(60, max([len(n)] + [len(c[i]) for c in cells])) for i, n in enumerate(names)]
    fit = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    lines = ["  ".join(fit(n, w).ljust(w) for n, w in zip(names, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def cmd_sql(args) -> int:
    """`wirehouse sql "..."`: a read-only query, printed as table, CSV or JSON."""
    import duckdb

    from flows.settings import Settings
    from warehouse.db import read_only

    path = Settings(data_dir=Path(args.data_dir)).warehouse
    if not path.exists():
        raise UserError(f"no warehouse at {path}; load data first with `wirehouse run PATH --data-dir "
                        f"{args.data_dir}`")
    try:
        con = read_only(path)
        try:
            cur = con.execute(args.query)
            names = [d[0] for d in cur.description] if cur.description else []
            rows = cur.fetchall() if names else []
        finally:
            con.close()
    except duckdb.Error as e:
        raise UserError(" ".join(str(e).split())) from None
    sys.stdout.write(format_rows(names, rows, args.format))
    return 0


from flows.scrape_command import cmd_scrape  # noqa: E402,F401 - the handler lives beside its flow


def cmd_export(args) -> int:
    """`wirehouse export --to DIR`: see flows/analyst.py."""
    from flows.analyst import export_command

    return export_command(args)


def cmd_report(args) -> int:
    """`wirehouse report --out FILE.html`: see flows/analyst.py."""
    from flows.analyst import report_command

    return report_command(args)


def cmd_serve(args) -> int:
    """`wirehouse serve`: see flows/serve.py."""
    from flows.serve import serve_command

    return serve_command(args)
