"""What a pipeline run tells the people watching it: batch progress, and its Prefect artifacts."""
from __future__ import annotations

import sys

from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.futures import as_completed


def _progress_bar(total: int):
    """A rich progress bar on stderr when a person is watching, else None."""
    if total < 2 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("transform"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


def collect_batches(futures: list, logger) -> list[dict]:
    """Results of the batch futures in submission order; logs (and draws) progress as each completes."""
    total = len(futures)
    index = {id(f): i for i, f in enumerate(futures)}
    results: list[dict | None] = [None] * total
    bar = _progress_bar(total)
    task = bar.add_task("batches", total=total) if bar else None
    articles = 0
    if bar:
        bar.start()
    try:
        for done, future in enumerate(as_completed(futures), start=1):
            result = future.result()
            results[index[id(future)]] = result
            n = sum(counts[0] for counts in result["per_file"].values())
            articles += n
            logger.info("batch %d/%d done, %d articles (%d so far)", done, total, n, articles)
            if bar:
                bar.advance(task)
    finally:
        if bar:
            bar.stop()
    return results


def rejects_by_reason(con, run_id: str) -> list[dict]:
    """Rejects this run recorded, counted per reason (most first), on an open connection."""
    rows = con.execute("select reason, count(*) as n from rejects where run_id = ? "
                       "group by reason order by n desc, reason", [run_id]).fetchall()
    return [{"reason": reason, "rejects": n} for reason, n in rows]


def publish_run_tables(run_id: str, seconds: dict[str, float], rejects: list[dict]) -> None:
    """Table artifacts of seconds per stage and rejects per reason for one run."""
    create_table_artifact([{"stage": k, "seconds": round(v, 3)} for k, v in seconds.items()],
                          key="run-seconds", description=f"Seconds per stage of run {run_id}")
    create_table_artifact(rejects or [{"reason": "(none)", "rejects": 0}], key="run-rejects",
                          description=f"Rejected inputs by reason, run {run_id}")


def publish_failure(run_id: str, error: str) -> None:
    """A markdown artifact saying why the run failed (also in the runs table's `error`); never raises."""
    try:
        _failure_artifact(run_id, error)
    except Exception:  # noqa: BLE001 - the run's own error is the one to report
        pass


def _failure_artifact(run_id: str, error: str) -> None:
    create_markdown_artifact(f"## Run {run_id} failed\n\n```\n{error}\n```\n\nThe warehouse is unchanged; "
                             "fix the cause and run again.\n", key="run-failure",
                             description=f"Why run {run_id} failed")


def publish_summary(summary: dict) -> None:
    """Table artifact of rows per table, and markdown artifact of the check results."""
    rows = [{"table": r["table"], "rows": r["rows"], "added": summary["added"].get(r["table"], 0),
             "replaced": summary["replaced"].get(r["table"], 0)} for r in summary["tables"]]
    create_table_artifact(rows, key="run-summary", description=f"Rows per table after run {summary['run_id']}")
    lines = ["| table | check | violations |", "|---|---|---|"]
    lines += [f"| {c['table']} | {c['check']} | {c['violations']} |" for c in summary["checks"]]
    secs = ", ".join(f"{k} {v:.2f}s" for k, v in summary["seconds"].items())
    create_markdown_artifact("## Data-quality checks\n\n" + "\n".join(lines) + f"\n\nSeconds: {secs}\n",
                             key="run-checks", description="Checks after the load")
