"""Running a command while sampling the memory of its whole process tree."""
from __future__ import annotations

import os
import platform
import subprocess
import threading
import time
from dataclasses import dataclass, field

import psutil


@dataclass
class Measured:
    """Wall seconds, exit status, output and peak memory of one command and its descendants."""

    status: int
    wall_s: float
    stdout: str
    stderr: str
    peak_total_mb: float = 0.0  # the largest sum of RSS over the tree at one sample
    peak_single_mb: float = 0.0  # the largest RSS of any one process
    peak_single_cmd: str = ""
    max_processes: int = 0
    samples: int = 0
    timeline: list[tuple[float, float]] = field(default_factory=list)  # (seconds, total MB), ~1 s apart


def _tree(root: psutil.Process) -> list[psutil.Process]:
    try:
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def run_sampled(argv: list[str], env: dict, every_s: float = 0.1, cwd: str | None = None) -> Measured:
    """Run argv to completion, sampling RSS of it and every descendant (Prefect's server too)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out: dict[str, str] = {}
    # Drain the pipes on threads so a chatty child never blocks on a full pipe.
    readers = [threading.Thread(target=lambda k=k, s=s: out.__setitem__(k, s.read()), daemon=True)
               for k, s in (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for r in readers:
        r.start()
    m = Measured(status=0, wall_s=0.0, stdout="", stderr="")
    root = psutil.Process(proc.pid)
    last_mark = -1.0
    while proc.poll() is None:
        total, procs = 0.0, _tree(root)
        for p in procs:
            try:
                rss = p.memory_info().rss / 2**20
            except psutil.Error:
                continue
            total += rss
            if rss > m.peak_single_mb:
                m.peak_single_mb = rss
                try:
                    m.peak_single_cmd = " ".join(p.cmdline()[:4])[:160]
                except psutil.Error:
                    pass
        m.peak_total_mb = max(m.peak_total_mb, total)
        m.max_processes = max(m.max_processes, len(procs))
        m.samples += 1
        now = time.perf_counter() - t0
        if now - last_mark >= 1.0:
            m.timeline.append((round(now, 1), round(total, 1)))
            last_mark = now
        time.sleep(every_s)
    m.status = proc.wait()
    m.wall_s = time.perf_counter() - t0
    for r in readers:
        r.join()
    m.stdout, m.stderr = out.get("stdout", ""), out.get("stderr", "")
    return m


def machine() -> dict:
    """nproc, CPU model, RAM and load: what a reader needs to compare numbers across machines."""
    model = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "load_avg_1m": round(os.getloadavg()[0], 2), "python": platform.python_version(),
            "host": platform.node()}
