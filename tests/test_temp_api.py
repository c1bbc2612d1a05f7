"""The console script's own temporary Prefect API (flows/temp_api.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from flows import temp_api

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("wirehouse")


def _servers_of(home: Path) -> list[psutil.Process]:
    found = []
    for p in psutil.process_iter(["cmdline"]):
        try:
            if "prefect.server.api.server:create_app" in " ".join(p.info["cmdline"] or []) \
                    and p.environ().get("PREFECT_HOME") == str(home):
                found.append(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def test_a_cold_run_uses_one_temporary_api_and_leaves_no_server_behind(tmp_path):
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    done = subprocess.run([str(SCRIPT), "run", str(ROOT / "samples" / "harbour-bridge.txt"),
                           "--data-dir", str(tmp_path / "data")],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "input file(s) processed" in done.stdout
    # Prefect did not start a second server of its own, and printed no link to a UI nobody serves.
    assert "Starting temporary server" not in done.stderr
    assert "View at" not in done.stderr
    assert "Error logging to API" not in done.stderr  # the server outlived the last log upload
    assert (home / "prefect.db").exists()  # the run was recorded where Prefect would record it
    assert _servers_of(home) == []


def test_a_server_that_dies_before_answering_is_one_line_error():
    api = temp_api.TempApi()
    api.port = 9  # nothing answers there
    api.process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(5)"])
    with pytest.raises(temp_api.TempApiError) as e:
        api.wait_ready(timeout=60)
    assert "exited with status 5" in str(e.value)
    assert "\n" not in str(e.value)


def test_only_flow_commands_without_a_configured_api_start_one(monkeypatch):
    started = []
    monkeypatch.setattr(temp_api.TempApi, "start", lambda self: started.append(self) or self)
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    temp_api.start_for("run")
    monkeypatch.delenv("PREFECT_API_URL")
    temp_api.start_for("sql")
    assert started == [] and temp_api.take() is None
    temp_api.start_for("scrape")
    assert len(started) == 1 and temp_api.take() is started[0] and temp_api.take() is None


def test_the_server_goes_when_the_command_is_killed(tmp_path):
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONPATH=str(ROOT))
    # A stand-in for the CLI: starts the server, says so, then waits to be killed.
    parent = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from flows import temp_api; temp_api.start_for('run'); "
                               "print(temp_api._started.process.pid, flush=True); time.sleep(600)"],
        env=env, stdout=subprocess.PIPE, text=True)
    server = psutil.Process(int(parent.stdout.readline()))
    parent.kill()  # no atexit, no cleanup of its own
    parent.wait()
    try:
        server.wait(timeout=60)  # raises psutil.TimeoutExpired if the server outlives its parent
    finally:
        for p in _servers_of(home):  # a failed run must not leave it behind either
            p.kill()
    assert _servers_of(home) == []
