"""Analyst exports: every table as Parquet (or CSV) in a folder of its own, with a data dictionary."""
from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import duckdb

from transforms.schemas import SCHEMAS
from warehouse.checks import KEYS
from warehouse.db import TABLES
from warehouse.export import PARTITIONED

DICTIONARY = "data_dictionary.csv"

# Tables the warehouse keeps for itself, so transforms/schemas.py does not declare them.
EXTRA_DESCRIPTIONS = {
    "runs": {
        "run_id": "time-ordered id of the pipeline run",
        "started_at": "when the run started, UTC",
        "finished_at": "when the run ended, UTC",
        "status": "succeeded or failed",
        "command": "the command that started the run (run, scrape, ...)",
        "inputs": "paths, globs or URLs given to the run",
        "files_seen": "input files found",
        "files_skipped": "input files unchanged since an earlier run, not read again",
        "rows_added": "rows added per table",
        "rows_replaced": "rows replaced per table (inputs whose content changed)",
        "rejects": "unusable inputs recorded in rejects by this run",
        "fields_nulled": "fields set to null as unusable, per field",
        "seconds": "seconds spent per stage",
        "error": "why a failed run failed",
        "pipeline_version": "pipeline version of the run",
    },
    "sources": {
        "input_path": "input file, as resolved when it was read",
        "size_bytes": "file size when last read",
        "mtime_ns": "file modification time (ns) when last read",
        "file_hash": "content hash of the file when last read",
        "articles": "articles the file yielded",
        "rejects": "rejects the file yielded",
        "run_id": "run that last read the file",
        "pipeline_version": "pipeline version that last read the file",
    },
}
PARTITION_NOTE = " (the partition folder name; not stored inside the files)"


class ExportError(Exception):
    """An export that cannot be written, with a message a user can act on."""


def description(table: str, column: str) -> str:
    """The documented meaning of a column, from the table schemas, or ''."""
    schema = SCHEMAS.get(table)
    if schema is not None and column in schema.names:
        meta = schema.field(column).metadata or {}
        return meta.get(b"description", b"").decode("utf-8")
    return EXTRA_DESCRIPTIONS.get(table, {}).get(column, "")


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return con.execute("select column_name, data_type from information_schema.columns "
                       "where table_name = ? and table_schema = 'main' order by ordinal_position",
                       [table]).fetchall()


def _select(table: str, columns: list[tuple[str, str]], fmt: str) -> str:
    exprs = []
    for name, type_ in columns:
        col = f'"{name}"'
        # Spreadsheets cannot hold lists or maps: give them JSON text instead.
        if fmt == "csv" and (type_.endswith("[]") or type_.startswith(("MAP", "STRUCT"))):
            exprs.append(f"to_json({col})::varchar as {col}")
        else:
            exprs.append(col)
    return f"select {', '.join(exprs)} from {table}"


def _q(path: Path) -> str:
    return str(path).replace("'", "''")


def _write_table(con, table: str, columns: list[tuple[str, str]], dest: Path, fmt: str) -> None:
    order = ", ".join(f'"{k}"' for k in KEYS[table])
    query = f"{_select(table, columns, fmt)} order by {order}"
    part = PARTITIONED.get(table)
    if fmt == "csv":
        con.execute(f"copy ({query}) to '{_q(dest)}' (format csv, header true)")
    elif part:
        con.execute(f"copy ({query}) to '{_q(dest)}' (format parquet, compression zstd, "
                    f"partition_by ({part}), filename_pattern 'part_{{i}}', write_partition_columns false)")
    else:
        dest.mkdir(parents=True)
        con.execute(f"copy ({query}) to '{_q(dest / 'part_0.parquet')}' "
                    f"(format parquet, compression zstd)")


def _replace(new: Path, live: Path) -> None:
    """Put `new` where `live` is, so a reader sees the old or the new export, never half of one."""
    old = live.with_name(f".old-{live.name}")
    if old.exists():
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    if live.exists():
        os.replace(live, old)
    os.replace(new, live)
    if old.exists():
        shutil.rmtree(old) if old.is_dir() else old.unlink()


def export_warehouse(con: duckdb.DuckDBPyConnection, dest: Path, fmt: str = "parquet",
                     without_body: bool = False) -> list[dict]:
    """Write every table under dest (Parquet folders or CSV files) plus data_dictionary.csv.

    Returns one dict per table: table, rows, path.
    """
    if fmt not in ("parquet", "csv"):
        raise ExportError(f"unknown export format {fmt!r}: use parquet or csv")
    if dest.exists() and not dest.is_dir():
        raise ExportError(f"{dest} is a file; give --to a folder")
    dest.mkdir(parents=True, exist_ok=True)
    con.execute("set timezone = 'UTC'")  # CSV timestamps render in the session zone
    written, dictionary = [], []
    for table in TABLES:
        columns = _columns(con, table)
        if without_body and table == "articles":
            columns = [c for c in columns if c[0] != "body"]
        name = f"{table}.csv" if fmt == "csv" else table
        new = dest / f".new-{name}"
        if new.exists():
            shutil.rmtree(new) if new.is_dir() else new.unlink()
        _write_table(con, table, columns, new, fmt)
        _replace(new, dest / name)
        rows = con.execute(f"select count(*) from {table}").fetchone()[0]
        written.append({"table": table, "rows": rows, "path": str(dest / name)})
        for column, type_ in columns:
            note = PARTITION_NOTE if fmt == "parquet" and PARTITIONED.get(table) == column else ""
            dictionary.append([table, column, type_, description(table, column) + note])
    tmp = dest / f".{DICTIONARY}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["table", "column", "type", "description"])
        w.writerows(dictionary)
    os.replace(tmp, dest / DICTIONARY)
    return written
