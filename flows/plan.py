"""Deciding what a run must read: unchanged inputs are skipped, the rest cut into batches."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flows.inputs import discover, file_hash, kind_of
from flows.settings import Settings
from warehouse.db import read_only

MAX_FILES_PER_BATCH = 500


@dataclass
class Plan:
    """Files to process (path, size, mtime_ns, hash), batches of them, and what was skipped."""

    process: list[tuple[str, int, int, str]] = field(default_factory=list)
    batches: list[list[list]] = field(default_factory=list)  # [[path, kind, file_index], ...]
    skipped: list[tuple[str, int, int, str]] = field(default_factory=list)  # unchanged, new mtime
    seen: int = 0


def _known(settings: Settings) -> dict[str, tuple]:
    if not settings.warehouse.exists():
        return {}
    con = read_only(settings.warehouse)
    try:
        has = con.execute("select count(*) from information_schema.tables where table_name = 'sources'").fetchone()[0]
        if not has:
            return {}
        return {r[0]: r[1:] for r in con.execute(
            "select input_path, size_bytes, mtime_ns, file_hash, pipeline_version from sources").fetchall()}
    finally:
        con.close()


def make_plan(args: list[str], settings: Settings, version: str, reprocess: bool) -> Plan:
    """Discover inputs, skip the unchanged ones (same size+mtime or same hash, same version), batch the rest."""
    files, unsupported = discover(args)
    known = _known(settings)
    plan = Plan(seen=len(files) + len(unsupported))
    todo: list[tuple[Path, str, int]] = []
    for path in files:
        st = path.stat()
        prev = known.get(str(path))
        same_version = prev is not None and prev[3] == version
        if not reprocess and same_version and prev[0] == st.st_size and prev[1] == st.st_mtime_ns:
            continue
        digest = file_hash(path)
        entry = (str(path), st.st_size, st.st_mtime_ns, digest)
        if not reprocess and same_version and prev[2] == digest:
            plan.skipped.append(entry)  # touched but unchanged: remember the new mtime only
            continue
        plan.process.append(entry)
        todo.append((path, kind_of(path), st.st_size))
    todo += [(p, "unsupported", 0) for p in unsupported]
    plan.process += [(str(p), 0, 0, "") for p in unsupported]
    plan.batches = _batches(todo, settings.batch_bytes)
    return plan


def _batches(todo: list[tuple[Path, str, int]], batch_bytes: int) -> list[list[list]]:
    batches: list[list[list]] = []
    current: list[list] = []
    size = 0
    for index, (path, kind, nbytes) in enumerate(todo):
        # Big files are batches of their own; the worker streams them in record chunks.
        if nbytes >= batch_bytes // 2:
            batches.append([[str(path), kind, index]])
            continue
        current.append([str(path), kind, index])
        size += nbytes
        if size >= batch_bytes or len(current) >= MAX_FILES_PER_BATCH:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches
