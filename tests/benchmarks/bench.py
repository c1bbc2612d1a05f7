"""`make bench`: the AllSides corpus through `wirehouse run` (fresh, rerun, 3x), timed and sampled;
then HTML page extraction beside trafilatura's (bench_html.py).

Writes bench-out/bench.json and appends a dated section to BENCHMARKS.md; `--html-only` runs
the HTML stage alone and writes bench-out/bench-html.json instead. Timings are only comparable
on the same, otherwise idle machine: the load average is recorded beside them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import httpx
import psutil

from tests.benchmarks.bench_html import html_speed, html_targets
from tests.benchmarks.corpus import shards, write_scaled
from tests.benchmarks.measure import machine, run_sampled
from tests.benchmarks.report import append_section

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "bench-out"


def bench_env(prefect_home: Path, extra: dict[str, str]) -> dict:
    """Environment for `wirehouse`: its own ephemeral Prefect API, with the database in prefect_home."""
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "WIREHOUSE_DATA_DIR")}
    env["PREFECT_HOME"] = str(prefect_home)
    # The first start on a new PREFECT_HOME migrates its database: minutes on a loaded machine.
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "900")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def task_runs(prefect_home: Path) -> int | None:
    """Task runs of the newest flow run, read from the ephemeral server's SQLite database."""
    db = prefect_home / "prefect.db"
    if not db.exists():
        return None
    con = sqlite3.connect(db)
    try:
        row = con.execute("select count(*) from task_run where flow_run_id = "
                          "(select id from flow_run order by created desc limit 1)").fetchone()
        return row[0]
    except sqlite3.Error:
        return None
    finally:
        con.close()


def warehouse_figures(data_dir: Path) -> dict:
    """The newest run's per-stage seconds and row counts, and table sizes, from the warehouse."""
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        status, seconds, added, version = con.execute(
            "select status, seconds, rows_added, pipeline_version from runs order by started_at desc limit 1"
        ).fetchone()
        articles, text_bytes = con.execute("select count(*), coalesce(sum(strlen(body)), 0) from articles").fetchone()
        tables = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("articles", "people", "quotes", "article_people", "article_topics", "rejects")}
    finally:
        con.close()
    return {"status": status, "version": version, "seconds": {k: round(v, 3) for k, v in dict(seconds).items()},
            "added": dict(added), "articles": articles, "text_mb": round(text_bytes / 1e6, 2), "tables": tables}


def case(name: str, inputs: list[str], data_dir: Path, env: dict, prefect_home: Path, runner: str) -> dict:
    """One `wirehouse run` measured end to end, with what the warehouse says it did."""
    argv = [str(Path(sys.executable).parent / "wirehouse"), "run", *inputs, "--data-dir", str(data_dir),
            "--runner", runner]
    print(f"== {name}: {' '.join(argv[1:])}", flush=True)
    m = run_sampled(argv, env)
    if m.status != 0:
        raise SystemExit(f"bench: {name} failed with status {m.status}:\n{m.stderr[-3000:]}")
    fig = warehouse_figures(data_dir)
    added = fig["added"].get("articles", 0)
    # The flow's own total is printed by the CLI ("processed in N s"); runs.seconds is written before it ends.
    found = re.search(r"processed in ([\d.]+) s", m.stdout)
    inside = float(found.group(1)) if found else 0.0
    result = {
        "case": name, "wall_s": round(m.wall_s, 2), "articles_added": added, "articles_total": fig["articles"],
        "articles_per_s": round(added / m.wall_s, 1) if added else 0.0,
        "text_mb": fig["text_mb"], "text_mb_per_s": round(fig["text_mb"] / m.wall_s, 2) if added else 0.0,
        "peak_rss_total_mb": round(m.peak_total_mb), "peak_rss_single_mb": round(m.peak_single_mb),
        "peak_single_process": m.peak_single_cmd, "max_processes": m.max_processes,
        # Time outside the flow body: interpreter and imports, Prefect's server start, teardown.
        "outside_flow_s": round(m.wall_s - inside, 2), "task_runs": task_runs(prefect_home),
        "stage_seconds": fig["seconds"], "pipeline_version": fig["version"], "tables": fig["tables"], "memory_timeline": m.timeline,
    }
    print(f"   {result['wall_s']} s, {added} articles added, {result['articles_per_s']} articles/s, "
          f"peak RSS {result['peak_rss_total_mb']} MB total / {result['peak_rss_single_mb']} MB single, "
          f"{result['task_runs']} task runs", flush=True)
    return result


@contextmanager
def prefect_server(home: Path, env: dict) -> Iterator[tuple[dict, psutil.Process]]:
    """A long-lived Prefect server (as `make serve` runs for scheduled runs), and the env to use it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server_env = {**env, "PREFECT_HOME": str(home), "PREFECT_UI_ENABLED": "false",
                  "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    log = open(home.parent / "prefect-server.log", "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=server_env, stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 900
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"bench: prefect server exited {proc.returncode}; see {log.name}")
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("bench: prefect server did not start in 900 s")
            time.sleep(0.2)
        yield {**env, "PREFECT_API_URL": api}, psutil.Process(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def targets(r: dict) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for the goals in the performance brief."""
    full, rerun, x3 = r.get("full"), r.get("rerun"), r.get("x3")
    out = []
    if full:
        out += [("full corpus <= 60 s", f"{full['wall_s']} s", full["wall_s"] <= 60),
                (">= 600 articles/s", f"{full['articles_per_s']}", full["articles_per_s"] >= 600),
                ("peak RSS, all processes <= 2048 MB", f"{full['peak_rss_total_mb']} MB",
                 full["peak_rss_total_mb"] <= 2048),
                ("largest process <= 1536 MB", f"{full['peak_rss_single_mb']} MB", full["peak_rss_single_mb"] <= 1536)]
    if rerun and full and rerun["pipeline_version"] != full["pipeline_version"]:
        # transforms/ changed between the two runs (someone editing the tree): not an unchanged rerun.
        out.append(("unchanged rerun <= 10 s", "n/a: pipeline version changed mid-bench", False))
    elif rerun:
        out.append(("unchanged rerun <= 10 s (cold CLI: starts its own Prefect API)", f"{rerun['wall_s']} s",
                    rerun["wall_s"] <= 10))
    served = r.get("rerun-server")
    if served:
        out.append(("unchanged rerun <= 10 s (against a running Prefect server)", f"{served['wall_s']} s",
                    served["wall_s"] <= 10))
    if full and x3:
        t = x3["wall_s"] / full["wall_s"]
        mem = x3["peak_rss_total_mb"] / max(1, full["peak_rss_total_mb"])
        out += [("3x corpus in <= 3.3x the time", f"{t:.2f}x", t <= 3.3),
                ("3x corpus peak memory <= 1.2x", f"{mem:.2f}x", mem <= 1.2)]
    return out + html_targets(r.get("html"))


def html_stage(args, out: Path) -> dict:
    """The HTML stage's result, printed as it goes (a skip says why)."""
    print(f"== html: naeb pages, ours and trafilatura alternating, {args.html_rounds} rounds each", flush=True)
    h = html_speed(Path(args.shared), out, args.html_rounds)
    if h.get("skipped"):
        print(f"   html stage skipped: {h['skipped']}", flush=True)
    else:
        print(f"   html: ours {h['ours']['pages_per_s']} pages/s, trafilatura {h['trafilatura']['pages_per_s']} "
              f"pages/s (medians of {h['rounds']}), ours/trafilatura {h['ratio']}x", flush=True)
    return h


def finish(results: dict, out: Path, name: str, markdown: bool) -> int:
    """Targets, the JSON file and the BENCHMARKS.md section of one bench."""
    results["targets"] = [{"target": t, "measured": m, "met": ok} for t, m, ok in targets(results)]
    (out / name).write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    if markdown:
        append_section(REPO / "BENCHMARKS.md", results)
    for t in results["targets"]:
        print(f"  {'ok  ' if t['met'] else 'MISS'} {t['target']}: {t['measured']}")
    print(f"wrote {out / name}" + (" and BENCHMARKS.md" if markdown else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `make bench`."""
    p = argparse.ArgumentParser(prog="bench", description=__doc__)
    p.add_argument("--shared", default=str(REPO.parent / "shared"))
    p.add_argument("--corpus", default=None, help="folder of JSONL(.gz) shards (default SHARED/corpora/allsides)")
    p.add_argument("--out", default=str(OUT))
    p.add_argument("--runner", default="local", choices=("local", "dask"))
    p.add_argument("--scale", type=int, default=3, help="copies of the corpus for the growth run (0: skip)")
    p.add_argument("--no-rerun", action="store_true")
    p.add_argument("--shards", type=int, default=0, help="use only the first N shards (0: all)")
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE", help="extra environment")
    p.add_argument("--note", default="", help="a line for BENCHMARKS.md (what changed)")
    p.add_argument("--no-markdown", action="store_true", help="write bench.json only")
    p.add_argument("--html-only", action="store_true", help="only the HTML stage (writes bench-html.json)")
    p.add_argument("--no-html", action="store_true", help="skip the HTML stage")
    p.add_argument("--html-rounds", type=int, default=3, help="rounds of each side in the HTML stage")
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine()}
    if args.html_only:
        results = {**started, "runner": None, "corpus": None, "env": [], "note": args.note}
        results["html"] = html_stage(args, out)
        return finish(results, out, "bench-html.json", not args.no_markdown)
    corpus = Path(args.corpus or Path(args.shared) / "corpora" / "allsides")
    if not corpus.is_dir():
        print(f"bench: no corpus at {corpus}", file=sys.stderr)
        return 2
    home = out / "prefect-home"  # kept between benches: the first run pays the database migration
    env = bench_env(home, dict(kv.split("=", 1) for kv in args.env))
    scratch = Path(tempfile.mkdtemp(prefix="wirehouse-bench-"))
    results: dict = {**started, "corpus": str(corpus), "runner": args.runner, "env": args.env, "note": args.note}
    try:
        if args.shards:
            subset = scratch / "corpus"
            subset.mkdir()
            for shard in shards(corpus)[: args.shards]:
                shutil.copyfile(shard, subset / shard.name)
            corpus = subset
            results["corpus"] = f"{results['corpus']} (first {args.shards} shard(s))"
        # Warm-up on the samples: Prefect's database and the OS file cache, so run 1 is not penalized.
        case("warm-up", [str(REPO / "samples")], scratch / "warm", env, home, args.runner)
        results["full"] = case("full", [str(corpus)], scratch / "full", env, home, args.runner)
        if not args.no_rerun:
            results["rerun"] = case("rerun", [str(corpus)], scratch / "full", env, home, args.runner)
            # How a scheduled deployment runs: the API is already up, so the rerun pays only its own work.
            server_home = scratch / "prefect-server-home"
            server_home.mkdir()
            with prefect_server(server_home, env) as (served_env, server):
                case("warm-up (server)", [str(REPO / "samples")], scratch / "warm2", served_env, server_home,
                     args.runner)
                results["rerun-server"] = case("rerun-server", [str(corpus)], scratch / "full", served_env,
                                               server_home, args.runner)
                results["rerun-server"]["server_rss_mb"] = round(server.memory_info().rss / 2**20)
        shutil.rmtree(scratch / "full", ignore_errors=True)
        if args.scale > 1:
            lines = write_scaled(corpus, scratch / "scaled", args.scale)
            print(f"   wrote {lines} lines ({args.scale}x) to {scratch / 'scaled'}", flush=True)
            results["x3"] = case(f"x{args.scale}", [str(scratch / "scaled")], scratch / "x3", env, home, args.runner)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if not args.no_html:
        results["html"] = html_stage(args, out)
    return finish(results, out, "bench.json", not args.no_markdown)


if __name__ == "__main__":
    raise SystemExit(main())
