"""Worker processes for a local run's transform batches: one plain process pool per flow run.

Prefect's ProcessPoolTaskRunner starts a Prefect client (and, with no API server configured,
a whole ephemeral API server, 10-50 s and ~200 MB each) in every worker process. Batches need
none of that: the batch task runs on a thread and hands its batch to this pool, so Prefect
still records one task run per batch while the CPU work runs in processes that import only
flows.batch and transforms.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from flows.batch import process_batch

_pool: ProcessPoolExecutor | None = None


@contextmanager
def batch_pool(processes: int) -> Iterator[None]:
    """Within the block, run_batch uses `processes` worker processes (0 or 1: the caller's)."""
    global _pool
    if processes <= 1:
        yield
        return
    # spawn, not fork: the flow process runs Prefect's threads and event loop, which a fork
    # would copy in whatever state they are in.
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))
    _pool = pool
    try:
        yield
    finally:
        _pool = None
        pool.shutdown(wait=True, cancel_futures=True)


def run_batch(spec: dict) -> dict:
    """process_batch(spec) in this process's pool when one is open, else right here (Dask workers)."""
    pool = _pool
    if pool is None:
        return process_batch(spec)
    return pool.submit(process_batch, spec).result()
