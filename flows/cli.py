"""The `wirehouse` command line: a thin layer over the flows and the warehouse."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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

    q = sub.add_parser("sql", parents=[common], help="run a read-only SQL query")
    q.add_argument("query")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `wirehouse` console script."""
    args = build_parser().parse_args(argv)
    from flows import commands

    handler = getattr(commands, f"cmd_{args.command}")
    try:
        return handler(args)
    except commands.UserError as e:
        sys.stderr.write("wirehouse: " + " ".join(str(e).split()) + "\n")
        return e.status
    except KeyboardInterrupt:
        sys.stderr.write("wirehouse: interrupted\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
