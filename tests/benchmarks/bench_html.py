"""The HTML stage of `make bench`: our page extraction beside trafilatura's, on one core each.

Both read the 421 pages of SHARED/html/naeb/html (html_worker.py): ours as the pipeline's parse
stage, trafilatura 2.3.1 with metadata in its own venv (bench-out/html-peer-venv, installed
from html-peer-requirements.txt, never a project dependency). The two alternate over a few
rounds, each a fresh process pinned to the same core, and the medians are compared.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.bench_peer import peer_python

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SIDES = ("ours", "trafilatura")
TARGET = 0.75  # ours / trafilatura, pages per second (issue #6)


def summary(runs: list[dict]) -> dict:
    """Median seconds (wall and CPU) of one side's rounds, and pages per second from them."""
    wall = statistics.median(r["work_s"] for r in runs)
    cpu = statistics.median(r["cpu_s"] for r in runs)
    pages = runs[0]["pages"]
    return {"name": runs[0]["name"], "version": runs[0]["version"], "pages": pages,
            "extracted": runs[0]["extracted"], "rounds_s": [round(r["work_s"], 2) for r in runs],
            "median_s": round(wall, 2), "median_cpu_s": round(cpu, 2),
            "pages_per_s": round(pages / wall, 1), "pages_per_cpu_s": round(pages / cpu, 1)}


def _core() -> int:
    """The core both sides are pinned to: the last one this process may use."""
    return max(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0


def html_speed(shared: Path, out: Path, rounds: int = 3) -> dict:
    """Pages/s of ours and trafilatura and their ratio; {"skipped": why} when it cannot run."""
    pages = (shared / "html" / "naeb" / "html").resolve()
    if not any(pages.glob("*.html.gz")):
        return {"skipped": f"no pages at {pages}"}
    try:
        peer = peer_python(out / "html-peer-venv", [["-r", str(HERE / "html-peer-requirements.txt")]])
    except (subprocess.CalledProcessError, OSError) as e:
        return {"skipped": f"trafilatura could not be installed: {e}"}
    python = {"ours": Path(sys.executable), "trafilatura": peer}
    bare = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env = {"ours": {**bare, "PYTHONPATH": str(REPO)}, "trafilatura": bare}
    core = _core()
    runs: dict[str, list[dict]] = {s: [] for s in SIDES}
    for i in range(rounds):
        # Alternate who goes first, so a drift in the machine's load hits both sides alike.
        for side in SIDES if i % 2 == 0 else SIDES[::-1]:
            dest = out / f"html-{side}-{i}.json"
            argv = [str(python[side]), str(HERE / "html_worker.py"), side, str(pages), str(dest), str(core)]
            if subprocess.run(argv, env=env[side], cwd=REPO).returncode != 0:
                return {"skipped": f"the {side} worker failed (see its error above)"}
            runs[side].append(json.loads(dest.read_text(encoding="utf-8")))
            r = runs[side][-1]
            print(f"   html round {i + 1} {side}: {r['work_s']:.2f} s ({r['pages'] / r['work_s']:.1f} pages/s, "
                  f"CPU {r['cpu_s']:.2f} s)", flush=True)
    ours, peer_s = summary(runs["ours"]), summary(runs["trafilatura"])
    # Same pages on both sides: the ratio of pages/s is the inverse ratio of median seconds.
    med = {s: (statistics.median(r["work_s"] for r in runs[s]), statistics.median(r["cpu_s"] for r in runs[s]))
           for s in SIDES}
    return {"pages_dir": str(pages), "core": core, "rounds": rounds, "ours": ours, "trafilatura": peer_s,
            "ratio": round(med["trafilatura"][0] / med["ours"][0], 2),
            "ratio_cpu": round(med["trafilatura"][1] / med["ours"][1], 2),
            "load_avg_1m_end": round(os.getloadavg()[0], 2)}


def html_targets(h: dict | None) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for the HTML stage, if it ran."""
    if not h or h.get("skipped"):
        return []
    return [(f"HTML extraction >= {TARGET}x trafilatura's pages/s (with metadata, one core)",
             f"{h['ratio']}x ({h['ours']['pages_per_s']} vs {h['trafilatura']['pages_per_s']} pages/s)",
             h["ratio"] >= TARGET)]
