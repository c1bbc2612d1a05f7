"""`wirehouse serve`: Prefect deployments that run the pipeline (and scrape, when present) on a schedule.

Sources come from flags or a TOML config file (flags add to it):

    paths = ["inbox/", "feeds/*.jsonl"]   # watched folders, files or globs for `run`
    cron = "0 * * * *"                    # optional; --cron wins
    timezone = "Europe/Berlin"            # optional; --timezone wins
    [scrape]                              # optional: a second deployment runs `scrape`
    feeds = ["https://example.com/rss"]   # also urls, urls_file, sitemaps
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from prefect import flow, get_run_logger

from flows.commands import EXIT_USAGE, UserError, local_processes, quiet_prefect, task_runner
from flows.settings import Settings

DEFAULT_CRON = "0 * * * *"


@flow(name="scheduled-run", log_prints=False, persist_result=False)
def scheduled_run(paths: list[str], data_dir: str, runner: str = "local", reprocess: bool = False) -> dict:
    """Run the pipeline over watched paths, picking the task runner as `wirehouse run` does."""
    from flows.inputs import UsageError, discover
    from flows.pipeline import pipeline

    try:
        files, _ = discover(paths)
    except UsageError as e:
        # A watched folder that vanished is worth a warning, not a failed run every hour.
        get_run_logger().warning("nothing to load: %s", e)
        return {"files": 0}
    settings = Settings(data_dir=Path(data_dir))
    small = len(files) <= 1 or sum(f.stat().st_size for f in files) < 4 * 2**20
    run = pipeline.with_options(task_runner=task_runner(runner, None, settings.workers, small))
    return run(inputs=paths, data_dir=data_dir, reprocess=reprocess, command="serve",
               processes=local_processes(runner, settings.workers, small))


def load_config(path: Path | None) -> dict:
    """The serve config file as a dict ({} without one); a bad file is a usage error."""
    if path is None:
        return {}
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise UserError(f"cannot read serve config {path}: {e}", EXIT_USAGE) from None
    # Relative paths in the file mean relative to the file, wherever serve is started from.
    config["paths"] = [str(path.resolve().parent / p) for p in config.get("paths", [])]
    return config


def _schedule(cron: str, tz: str | None, interval: float | None):
    from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule
    from prefect.schedules import Cron, Interval

    # Prefect checks cron and time zone only when the deployment is sent: check them now for one line.
    try:
        if interval:
            IntervalSchedule(interval=interval, **({"timezone": tz} if tz else {}))
        else:
            CronSchedule(cron=cron, **({"timezone": tz} if tz else {}))
    except ValueError as e:
        what = f"--interval {interval}" if interval else f"--cron {cron!r}"
        errors = e.errors() if hasattr(e, "errors") else [{"msg": str(e)}]
        raise UserError(f"bad schedule ({what}, --timezone {tz}): {errors[0]['msg']}", EXIT_USAGE) from None
    if interval:
        return Interval(interval, timezone=tz) if tz else Interval(interval)
    return Cron(cron, timezone=tz) if tz else Cron(cron)


def scrape_parameters(args, section: dict) -> dict | None:
    """urls, feeds and sitemaps for the scrape deployment from flags and [scrape], or None."""
    from flows.scrape_command import read_urls_file

    unknown = sorted(set(section) - {"urls", "urls_file", "feeds", "sitemaps"})
    if unknown:
        raise UserError(f"unknown key(s) {unknown} in [scrape]: use urls, urls_file, feeds, sitemaps", EXIT_USAGE)
    params = {"urls": list(section.get("urls", [])) + list(args.url or []),
              "feeds": list(section.get("feeds", [])) + list(args.feed or []),
              "sitemaps": list(section.get("sitemaps", [])) + list(args.sitemap or [])}
    for path in filter(None, [section.get("urls_file"), args.urls_file]):
        try:
            params["urls"] += read_urls_file(path)
        except (OSError, UnicodeDecodeError) as e:
            raise UserError(f"cannot read urls file {path}: {e}", EXIT_USAGE) from None
    return params if any(params.values()) else None


def build_deployments(args, config: dict) -> list:
    """RunnerDeployments for the watched paths and, when configured, the scrape sources."""
    from prefect.types.entrypoint import EntrypointType

    data_dir = str(Path(args.data_dir).resolve())
    cron = args.cron or config.get("cron") or DEFAULT_CRON
    tz = args.timezone or config.get("timezone")
    interval = args.interval or config.get("interval_seconds")
    schedule = _schedule(cron, tz, interval)
    paths = list(args.paths or []) + list(config.get("paths", []))
    # Globs stay globs (new files must match later); plain paths become absolute.
    paths = [p if any(c in p for c in "*?[") else str(Path(p).resolve()) for p in paths]
    deployments = []
    if paths:
        deployments.append(scheduled_run.to_deployment(
            name=args.name, schedule=schedule, entrypoint_type=EntrypointType.MODULE_PATH,
            parameters={"paths": paths, "data_dir": data_dir, "runner": args.runner},
            description="wirehouse run over watched folders", tags=["wirehouse"]))
    scrape = scrape_parameters(args, config.get("scrape", {}))
    if scrape:
        from flows.scrape import scrape as scrape_flow

        deployments.append(scrape_flow.to_deployment(
            name=f"{args.name}-scrape", schedule=schedule, entrypoint_type=EntrypointType.MODULE_PATH,
            parameters={**scrape, "data_dir": data_dir}, description="wirehouse scrape of configured sources",
            tags=["wirehouse"]))
    if not deployments:
        raise UserError("nothing to serve: give watched PATHs, --feed/--sitemap/--url/--urls-file, "
                        "or a --config file with `paths`", EXIT_USAGE)
    return deployments


def serve_command(args) -> int:
    """`wirehouse serve`: create the deployments and run their scheduled flow runs until interrupted."""
    quiet_prefect()
    from prefect import serve

    deployments = build_deployments(args, load_config(Path(args.config) if args.config else None))
    from prefect.settings import PREFECT_API_URL

    # The temporary server a plain `wirehouse run` uses has no scheduler: nothing would ever run.
    if not PREFECT_API_URL.value():
        raise UserError("serve needs a Prefect server: set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api; "
                        "`make serve` starts a local one)", EXIT_USAGE)
    serve(*deployments, pause_on_shutdown=False, limit=args.limit)
    return 0
