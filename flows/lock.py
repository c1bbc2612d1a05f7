"""One writer per data dir: an advisory file lock, waited for with a bound."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path


class LockTimeout(Exception):
    """Another run held the data dir for longer than the wait allowed."""


@contextmanager
def data_dir_lock(path: Path, timeout_s: float):
    """Hold an exclusive lock on `path`; wait up to timeout_s, then raise LockTimeout."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "another run"
                    raise LockTimeout(f"data dir {path.parent} is locked by {holder} "
                                      f"(waited {timeout_s:g} s; set WIREHOUSE_LOCK_TIMEOUT to wait longer)")
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock, also when the process dies
