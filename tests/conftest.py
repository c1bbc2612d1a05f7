"""Shared fixtures: one Prefect test server per session, the CLI in-process, ../shared paths."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIREHOUSE_SHARED", REPO.parent / "shared"))
SEED = SHARED / "corpora" / "seed" / "000_c1bec33327534004.txt"
SAMPLES = REPO / "samples"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repo")

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
# Logs stay local in tests: shipping them to the API races the server shutdown at teardown.
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")


@pytest.fixture(scope="session")
def prefect_api():
    """URL of a Prefect API server shared by the whole session (flows run against it)."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield PREFECT_API_URL.value()


@pytest.fixture
def subprocess_env(prefect_api):
    """Environment for a `wirehouse` subprocess that reuses the session's Prefect server."""
    env = dict(os.environ)
    env["PREFECT_API_URL"] = prefect_api
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


class CliResult:
    """Exit status and captured output of one in-process CLI call."""

    def __init__(self, status: int, out: str, err: str):
        self.status, self.out, self.err = status, out, err


@pytest.fixture
def cli(prefect_api, capsys):
    """Run `wirehouse ARGS...` in-process; returns CliResult(status, out, err)."""
    from flows.cli import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            status = main([str(a) for a in args])
        except SystemExit as e:  # argparse usage errors
            status = e.code
        captured = capsys.readouterr()
        return CliResult(status, captured.out, captured.err)

    return run


@pytest.fixture
def data_dir(tmp_path):
    """A fresh, empty data dir."""
    return tmp_path / "data"


@pytest.fixture(scope="session")
def samples_warehouse(prefect_api, tmp_path_factory):
    """A data dir loaded once from samples/ by `wirehouse run`; tests must only read it."""
    from flows.cli import main

    data = tmp_path_factory.mktemp("samples-warehouse") / "data"
    assert main(["run", str(SAMPLES), "--data-dir", str(data)]) == 0
    return data
