"""A temporary Prefect API server for one command line run, started before Prefect is imported.

With no API configured, Prefect starts a temporary server itself when the flow first asks for a
client: it imports the whole server package into the calling process (~6 s here), then starts
the server subprocess, which imports it again (~7 s) before it answers, one after the other.
Starting the same subprocess first thing, while the command imports Prefect and the pipeline,
overlaps the two, and the command never imports the server package: the cold `wirehouse run`
of the unchanged AllSides corpus fell from 25.6 s to 15.3 s here (BENCHMARKS.md). The server is the one
Prefect would start (same uvicorn app, same database under PREFECT_HOME, same lifetime: it is
stopped when the command ends). Stdlib only: importing anything heavy here would defeat it.
"""
from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import closing

# What Prefect's own SubprocessASGIServer sets for its temporary server.
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
_STARTUP_FAILED = 3  # uvicorn's exit status when it cannot bind the port or start the app


class TempApiError(Exception):
    """The temporary server did not come up; the message is one line."""


def _parent_death_signal():
    """A function for the child to run before exec: Linux sends it SIGTERM when the CLI dies.

    atexit does not run when the CLI is killed (SIGKILL, or SIGTERM from a scheduler that gave
    up on it); without this the server would live on, unowned, for as long as the machine does.
    prctl is looked up here, in the parent: the child, forked from a process that may have
    threads, must only call C code before exec (an import there could deadlock).
    """
    if not sys.platform.startswith("linux"):
        return None  # elsewhere atexit is all there is
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


def _free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempApi:
    """One `uvicorn prefect.server.api.server:create_app` subprocess on a free loopback port."""

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> "TempApi":
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **_SERVER_ENV}, stdin=subprocess.DEVNULL,
            preexec_fn=_parent_death_signal())
        atexit.register(self.stop)
        return self

    def wait_ready(self, timeout: float) -> str:
        """Block until the API answers its health check; its URL, or TempApiError."""
        deadline, restarts = time.monotonic() + timeout, 0
        while time.monotonic() < deadline:
            status = self.process.poll() if self.process else -1
            # uvicorn exits with 3 when another program took the port meanwhile, but also when
            # the app fails to start: retry on a new port, a few times only.
            if status == _STARTUP_FAILED and restarts < 2:
                restarts += 1
                self.start()
                continue
            if status is not None:
                raise TempApiError(f"the temporary Prefect API server exited with status {status} "
                                   "before it answered (its error is printed above)")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                    if r.status == 200:
                        return self.url
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise TempApiError(f"the temporary Prefect API server did not answer within {timeout:.0f} s "
                           "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self) -> None:
        """Terminate the server (kill it after 5 s); safe to call twice."""
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_started: TempApi | None = None


def start_for(command: str) -> None:
    """Start the server now if this command runs a flow and the environment names no API.

    A profile or prefect.toml may still name one: `commands.prefect_api` finds that out after
    importing Prefect and then stops this server unused.
    """
    global _started
    if command in ("run", "scrape") and not os.environ.get("PREFECT_API_URL"):
        _started = TempApi().start()


def take() -> TempApi | None:
    """The server `start_for` started, handed over once."""
    global _started
    api, _started = _started, None
    return api
