"""Two runs on one data dir: the second waits for the lock, or gives up cleanly after its timeout."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb

from tests.conftest import SAMPLES


def _start(args, env, log):
    exe = os.path.join(os.path.dirname(sys.executable), "wirehouse")
    return subprocess.Popen([exe, *map(str, args)], env=env, stdout=log, stderr=subprocess.PIPE,
                            start_new_session=True)


def test_second_run_waits_for_the_first_and_a_short_timeout_fails_cleanly(subprocess_env, tmp_path):
    for name in ("floods.json", "harbour-bridge.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    data = tmp_path / "data"
    marker = data / ".paused-staged"
    env = {k: v for k, v in subprocess_env.items() if k != "WIREHOUSE_TEST_PAUSE_AT"}
    run = ["run", tmp_path / "floods.json", tmp_path / "harbour-bridge.txt", "--data-dir", data]
    procs = []
    try:
        with open(tmp_path / "out.log", "wb") as log:
            holder = _start(run, {**env, "WIREHOUSE_TEST_PAUSE_AT": "staged"}, log)
            procs.append(holder)
            deadline = time.monotonic() + 240
            while not marker.exists():  # the first run holds the lock from here on
                assert holder.poll() is None, holder.stderr.read().decode()
                assert time.monotonic() < deadline, "first run never reached the pause"
                time.sleep(0.1)
            waiter = _start(run, {**env, "WIREHOUSE_LOCK_TIMEOUT": "600"}, log)
            impatient = _start(run, {**env, "WIREHOUSE_LOCK_TIMEOUT": "1"}, log)
            procs += [waiter, impatient]
            _, err = impatient.communicate(timeout=240)
            assert waiter.poll() is None  # still waiting: the first run has not let go
            marker.unlink()  # let the first run finish
            _, holder_err = holder.communicate(timeout=240)
            _, waiter_err = waiter.communicate(timeout=240)
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
    assert impatient.returncode == 1
    lines = [line for line in err.decode().splitlines() if line.startswith("wirehouse:")]
    assert len(lines) == 1 and "is locked by pid" in lines[0] and "WIREHOUSE_LOCK_TIMEOUT" in lines[0], err
    assert holder.returncode == 0, holder_err.decode()[-2000:]
    assert waiter.returncode == 0, waiter_err.decode()[-2000:]
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select status, count(*) from runs group by 1").fetchall() == [("succeeded", 2)]
        assert con.execute("select count(*) from articles").fetchone()[0] == 2
