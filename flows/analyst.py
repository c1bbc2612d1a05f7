"""`wirehouse export` and `wirehouse report`: read-only views of the warehouse for analysts."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from flows.commands import EXIT_USAGE, UserError
from flows.settings import Settings


def _open_warehouse(data_dir: str):
    """A read-only connection to the data dir's warehouse, or a UserError saying how to make one."""
    import duckdb

    from warehouse.db import read_only

    path = Settings(data_dir=Path(data_dir)).warehouse
    if not path.exists():
        raise UserError(f"no warehouse at {path}; load data first with `wirehouse run PATH --data-dir {data_dir}`")
    try:
        return read_only(path)
    except duckdb.Error as e:
        raise UserError(f"cannot open {path}: " + " ".join(str(e).split())) from None


def export_command(args) -> int:
    """`wirehouse export --to DIR`: every table as Parquet (or CSV) plus a data dictionary."""
    import duckdb

    from warehouse.export_analyst import DICTIONARY, ExportError, export_warehouse

    dest = Path(args.to)
    if dest.resolve() == Settings(data_dir=Path(args.data_dir)).data_dir.resolve():
        raise UserError("--to must not be the data dir itself; give a folder of its own", EXIT_USAGE)
    con = _open_warehouse(args.data_dir)
    try:
        written = export_warehouse(con, dest, args.format, args.without_body)
    except ExportError as e:
        raise UserError(str(e), EXIT_USAGE) from None
    except (duckdb.Error, OSError) as e:
        raise UserError(f"export to {dest} failed: " + " ".join(str(e).split())) from None
    finally:
        con.close()
    width = max(len(w["table"]) for w in written)
    for w in written:
        sys.stdout.write(f"  {w['table']:<{width}}  {w['rows']:>9,}  {w['path']}\n")
    sys.stdout.write(f"data dictionary: {dest / DICTIONARY}\n")
    return 0


def report_command(args) -> int:
    """`wirehouse report --out FILE.html`: one self-contained HTML page of charts and run history."""
    import duckdb

    from warehouse.report import report_data
    from warehouse.report_html import render_report

    out = Path(args.out)
    if out.is_dir():
        raise UserError(f"{out} is a folder; give --out a file name such as report.html", EXIT_USAGE)
    con = _open_warehouse(args.data_dir)
    try:
        data = report_data(con)
    except duckdb.Error as e:
        raise UserError("report query failed: " + " ".join(str(e).split())) from None
    finally:
        con.close()
    html = render_report(data, title=f"wirehouse report: {Path(args.data_dir).resolve().name}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out)
    sys.stdout.write(f"report: {out} ({len(html) // 1024} KiB)\n")
    return 0
