"""A hook for crash and concurrency tests: stop a real run at a named point until released."""
from __future__ import annotations

import os
import time
from pathlib import Path

# Stages: "staged" (batches written, nothing loaded), "loading" (the warehouse copy is loaded
# and checked but not swapped in), "loaded" (warehouse swapped in, Parquet not yet rewritten).
PAUSE_ENV = "WIREHOUSE_TEST_PAUSE_AT"


def pause_at(stage: str, data_dir: Path) -> None:
    """With WIREHOUSE_TEST_PAUSE_AT=stage: create <data_dir>/.paused-<stage>, wait while it exists.

    The test kills the process there (SIGKILL) or deletes the file to let the run go on.
    """
    if os.environ.get(PAUSE_ENV) != stage:
        return
    marker = data_dir / f".paused-{stage}"
    marker.touch()
    deadline = time.monotonic() + 600
    while marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
