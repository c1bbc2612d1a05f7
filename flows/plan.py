"""Deciding what a run must read: unchanged inputs are skipped, the rest cut into batches."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flows.inputs import discover, file_hash, kind_of, splittable
from flows.settings import Settings
from warehouse.db import read_only

MAX_FILES_PER_BATCH = 500
# News text compresses about 3:1 with gzip: batches are sized by the text they hold, so a
# 12 MB .jsonl.gz shard (~35 MB of JSON) is a batch of its own rather than a third of one.
GZIP_RATIO = 3
# A big JSON-lines file is cut into at most this many interleaved parts (one batch each).
MAX_PARTS = 64
# Batches per worker a big run aims for. With one batch per AllSides shard (7 on 2 workers)
# the 7th ran alone on one core for the last ~15 s of a ~150 s run; with 8 per worker the
# batch that runs alone at the end is a small fraction of the run.
BATCHES_PER_WORKER = 8
# ...but no batch smaller than this (~700 articles): each costs a task run and staging files.
MIN_BATCH_BYTES = 4 * 2**20


@dataclass
class Plan:
    """Files to process (path, size, mtime_ns, hash), batches of them, and what was skipped."""

    process: list[tuple[str, int, int, str]] = field(default_factory=list)
    batches: list[list[list]] = field(default_factory=list)  # [[path, kind, file_index(, origin)], ...]
    skipped: list[tuple[str, int, int, str]] = field(default_factory=list)  # unchanged, new mtime
    seen: int = 0
    # Scrape runs only: URLs attempted this run, whose earlier fetch rejects this run replaces.
    urls: list[str] = field(default_factory=list)


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


def make_plan(args: list[str], settings: Settings, version: str, reprocess: bool,
              origins: dict[str, dict] | None = None) -> Plan:
    """Discover inputs, skip the unchanged ones (same size+mtime or same hash, same version), batch the rest.

    origins: for fetched pages, resolved path -> {"source_uri", "url"}, carried into the batches.
    """
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
        todo.append((path, kind_of(path), st.st_size * (GZIP_RATIO if path.name.lower().endswith(".gz") else 1)))
    todo += [(p, "unsupported", 0) for p in unsupported]
    plan.process += [(str(p), 0, 0, "") for p in unsupported]
    plan.batches = _batches(todo, _batch_target(todo, settings.batch_bytes, settings.workers))
    for batch in plan.batches if origins else []:
        for entry in batch:
            if entry[0] in origins:
                entry.append(origins[entry[0]])
    return plan


def _batch_target(todo: list[tuple[Path, str, int]], batch_bytes: int, workers: int) -> int:
    """Text bytes per batch: at most batch_bytes, smaller when that would leave too few batches."""
    total = sum(nbytes for _, _, nbytes in todo)
    return min(batch_bytes, max(MIN_BATCH_BYTES, total // (BATCHES_PER_WORKER * max(workers, 1))))


def _batches(todo: list[tuple[Path, str, int]], batch_bytes: int) -> list[list[list]]:
    batches: list[tuple[int, list[list]]] = []
    current: list[list] = []
    size = 0
    for index, (path, kind, nbytes) in enumerate(todo):
        if nbytes > 2 * batch_bytes and splittable(path, kind):
            # One big JSON-lines file would keep a single core busy: k batches each parse every
            # k-th record (each still decompresses the whole file, cheap beside extraction).
            k = min(-(-nbytes // batch_bytes), MAX_PARTS)
            batches += [(nbytes // k, [[str(path), kind, index, {"part": [j, k]}]]) for j in range(k)]
            continue
        # Big files are batches of their own; the worker streams them in record chunks.
        if nbytes >= batch_bytes // 2:
            batches.append((nbytes, [[str(path), kind, index]]))
            continue
        current.append([str(path), kind, index])
        size += nbytes
        if size >= batch_bytes or len(current) >= MAX_FILES_PER_BATCH:
            batches.append((size, current))
            current, size = [], 0
    if current:
        batches.append((size, current))
    # Largest first: workers that take the next batch as they free up then finish close
    # together (the last batch to start is a small one). Results do not depend on the order.
    batches.sort(key=lambda b: -b[0])
    return [files for _, files in batches]
