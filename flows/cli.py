"""The `wirehouse` command line: a thin layer over the flows and the warehouse."""
from __future__ import annotations

import argparse
import os
import sys

EXIT_USAGE, EXIT_FAILED = 2, 1


class _Parser(argparse.ArgumentParser):
    """argparse that reports misuse in one line and exits 2."""

    def error(self, message: str):  # noqa: D401 - argparse's hook
        sys.stderr.write(f"wirehouse: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=os.environ.get("WIREHOUSE_DATA_DIR", "data"),
                        help="warehouse folder (default ./data, env WIREHOUSE_DATA_DIR)")
    p = _Parser(prog="wirehouse", description="Batch ETL for news: articles -> Parquet -> DuckDB.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    run = sub.add_parser("run", parents=[common], help="load files, folders or globs")
    run.add_argument("paths", nargs="+", metavar="PATH")
    run.add_argument("--reprocess", action="store_true", help="process unchanged inputs again")
    run.add_argument("--runner", choices=("local", "dask"), default="local")
    run.add_argument("--dask-address", default=None, help="tcp://HOST:PORT of a Dask scheduler")

    sc = sub.add_parser("scrape", parents=[common], help="fetch pages, feeds or sitemaps over HTTP(S) and load them")
    sc.add_argument("urls", nargs="*", metavar="URL")
    sc.add_argument("--urls-file", metavar="F", help="file with one URL a line (# comments allowed)")
    sc.add_argument("--feed", action="append", metavar="URL", help="RSS or Atom feed (repeatable)")
    sc.add_argument("--sitemap", action="append", metavar="URL", help="sitemap or sitemap index (repeatable)")
    sc.add_argument("--delay", type=float, default=None, metavar="S",
                    help="seconds between requests to one host (default 1, env WIREHOUSE_FETCH_DELAY)")
    sc.add_argument("--allow-private-hosts", action="store_true",
                    help="allow loopback, private and link-local addresses (intranet or test sites)")
    sc.add_argument("--user-agent", default=None, help="User-Agent header (env WIREHOUSE_USER_AGENT)")
    sc.add_argument("--concurrency", type=int, default=None, metavar="N",
                    help="requests in flight at once, all hosts together (default 4)")

    q = sub.add_parser("sql", parents=[common], help="run a read-only SQL query")
    q.add_argument("query")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")

    ex = sub.add_parser("export", parents=[common], help="write every table as Parquet (or CSV) for analysts")
    ex.add_argument("--to", required=True, metavar="DIR", help="folder to write into (tables are replaced)")
    ex.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    ex.add_argument("--without-body", action="store_true", help="leave the article texts out")

    rp = sub.add_parser("report", parents=[common], help="write a self-contained HTML report with charts")
    rp.add_argument("--out", required=True, metavar="FILE.html")

    sv = sub.add_parser("serve", parents=[common], help="run the pipeline on a schedule as Prefect deployments")
    sv.add_argument("paths", nargs="*", metavar="PATH", help="watched files, folders or globs for `run`")
    sv.add_argument("--cron", default=None, metavar="EXPR", help='cron schedule (default "0 * * * *", hourly)')
    sv.add_argument("--timezone", default=None, metavar="TZ", help="IANA time zone of the cron (default UTC)")
    sv.add_argument("--interval", type=float, default=None, metavar="S", help="every S seconds instead of cron")
    sv.add_argument("--config", default=None, metavar="FILE", help="TOML file of sources and schedule")
    sv.add_argument("--url", action="append", metavar="URL", help="page to scrape (repeatable)")
    sv.add_argument("--urls-file", metavar="F", help="file with one URL a line to scrape")
    sv.add_argument("--feed", action="append", metavar="URL", help="RSS or Atom feed to scrape (repeatable)")
    sv.add_argument("--sitemap", action="append", metavar="URL", help="sitemap to scrape (repeatable)")
    sv.add_argument("--name", default="wirehouse", help="deployment name (default wirehouse)")
    sv.add_argument("--runner", choices=("local", "dask"), default="local")
    sv.add_argument("--limit", type=int, default=1, metavar="N", help="flow runs at once (default 1)")
    return p


def main(argv: list[str] | None = None, early_api: bool = False) -> int:
    """Entry point of the `wirehouse` console script.

    early_api: start the temporary Prefect API before importing Prefect (flows/temp_api.py);
    only the console script does, as callers in a Python process may have an API set up already.
    """
    args = build_parser().parse_args(argv)
    from flows import commands

    # Prefect reads its settings when first imported: quiet_prefect sets them before any import
    # of it, and before the temporary API server starts, which reads them too.
    commands.quiet_prefect()
    if early_api:
        from flows import temp_api

        temp_api.start_for(args.command)

    handler = getattr(commands, f"cmd_{args.command}")
    try:
        return handler(args)
    except commands.UserError as e:
        sys.stderr.write("wirehouse: " + " ".join(str(e).split()) + "\n")
        return e.status
    except KeyboardInterrupt:
        sys.stderr.write("wirehouse: interrupted\n")
        return 130


def entry() -> None:
    """Console-script wrapper: run main, then collect garbage before interpreter teardown.

    DuckDB's bindings report objects still alive at teardown as "leaks" on stderr;
    collecting reference cycles (Prefect keeps some around) first keeps the output clean.
    """
    import gc

    status = main(early_api=True)
    gc.collect()
    raise SystemExit(status)


if __name__ == "__main__":
    entry()
