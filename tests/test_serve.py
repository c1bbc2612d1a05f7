"""`wirehouse serve` against a real Prefect server: a scheduled run happens and loads data."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SAMPLES

BIN = Path(sys.executable).parent
SERVER_START_S = 240  # a Prefect server takes 10-30 s to start here, far more on a busy machine
RUN_DONE_S = 300


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    # A process group of its own, so the server's and the runner's children go down with them.
    return subprocess.Popen(args, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _wait_until(check, timeout: float, what: str, procs: list[tuple[subprocess.Popen, Path]]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        for proc, log in procs:
            if proc.poll() is not None:
                pytest.fail(f"{what}: {proc.args[:3]} exited {proc.returncode}:\n{log.read_text()[-3000:]}")
        time.sleep(1)
    logs = "\n".join(log.read_text()[-2000:] for _, log in procs)
    pytest.fail(f"{what}: not within {timeout} s\n{logs}")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _served_runs(warehouse: Path) -> list[tuple]:
    if not warehouse.exists():
        return []
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return []
    try:
        return con.execute("select status, command from runs where command = 'serve'").fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_served_deployment_runs_on_its_schedule_and_loads_data(tmp_path):
    watched = tmp_path / "inbox"
    watched.mkdir()
    shutil.copy(SAMPLES / "floods.json", watched)
    data_dir = tmp_path / "data"
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / ".prefect"), "PREFECT_UI_ENABLED": "false",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2", "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    env.pop("PREFECT_API_URL", None)
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    server = _start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                    env, server_log)
    serving = None
    try:
        _wait_until(lambda: _healthy(api), SERVER_START_S, "Prefect server start", [(server, server_log)])
        serving = _start([str(BIN / "wirehouse"), "serve", str(watched), "--interval", "5",
                          "--data-dir", str(data_dir)], {**env, "PREFECT_API_URL": api}, serve_log)
        _wait_until(lambda: _served_runs(data_dir / "warehouse.duckdb"), RUN_DONE_S, "a scheduled run",
                    [(server, server_log), (serving, serve_log)])
    finally:
        if serving is not None:
            _stop(serving)
        _stop(server)
    assert _served_runs(data_dir / "warehouse.duckdb")[0] == ("succeeded", "serve")
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchone()[0] == 1
    finally:
        con.close()


# Usage errors come before any Prefect server is needed: no `cli` fixture (and its server) here.
@pytest.mark.parametrize("args, message", [
    (["--cron", "0 * *"], "Invalid cron"),
    (["--cron", "0 * * * *", "--timezone", "Mars/Base"], "Invalid timezone"),
])
def test_serve_rejects_a_bad_schedule_in_one_line(tmp_path, capsys, args, message):
    from flows.cli import main

    assert main(["serve", str(SAMPLES), *args, "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_serve_with_nothing_to_serve_is_a_usage_error(tmp_path, capsys):
    from flows.cli import main

    assert main(["serve", "--data-dir", str(tmp_path)]) == 2
    assert "nothing to serve" in capsys.readouterr().err


def test_config_file_gives_watched_paths_scrape_sources_and_a_zoned_cron(tmp_path):
    from flows.cli import build_parser
    from flows.serve import build_deployments, load_config

    config = tmp_path / "serve.toml"
    config.write_text('paths = ["inbox"]\ncron = "15 * * * *"\ntimezone = "Europe/Berlin"\n'
                      '[scrape]\nfeeds = ["https://example.com/rss"]\n', encoding="utf-8")
    args = build_parser().parse_args(["serve", "--config", str(config), "--sitemap", "https://example.com/s.xml",
                                      "--data-dir", str(tmp_path / "data")])
    run, scrape = build_deployments(args, load_config(config))
    assert run.parameters["paths"] == [str(tmp_path / "inbox")]
    assert run.entrypoint == "flows.serve.scheduled_run"
    assert scrape.parameters["feeds"] == ["https://example.com/rss"]
    assert scrape.parameters["sitemaps"] == ["https://example.com/s.xml"]
    for deployment in (run, scrape):
        schedule = deployment.schedules[0].schedule
        assert (schedule.cron, schedule.timezone) == ("15 * * * *", "Europe/Berlin")
