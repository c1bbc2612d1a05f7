"""`make eval`: every dev gold set through `wirehouse run` and the reference scorers, beside the peer.

Runs in one process so Prefect's API server starts once. Exits 1 when a metric is below
its floor in eval_floors.json.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "eval_floors.json"


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _quiet(fn, *args):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        result = fn(*args)
    return result, buf.getvalue()


def sets(shared: Path) -> dict[str, dict]:
    """Each dev set: gold file, what to feed `wirehouse run`, and which scorer."""
    gold = shared / "eval" / "gold"
    return {
        "polnear-dev": {"gold": gold / "polnear-dev.jsonl", "scorer": "score"},
        "allsides-quotes-dev": {"gold": gold / "allsides-quotes-dev.jsonl", "scorer": "score",
                                "inputs": shared / "eval" / "seedfmt-dev"},
        "conllpp-dev": {"gold": gold / "conllpp-dev.jsonl", "scorer": "score"},
        "gum-news": {"gold": gold / "gum-news.jsonl", "scorer": "score"},
        "bbc-topics": {"gold": gold / "bbc-topics.jsonl", "scorer": "score"},
        "naeb-html": {"gold": shared / "html" / "naeb" / "articles.json", "scorer": "score_html",
                      "inputs": shared / "html" / "naeb" / "html"},
    }


def _run_pipeline(inputs: Path, data_dir: Path) -> None:
    from flows.commands import run_pipeline

    with contextlib.redirect_stdout(io.StringIO()):
        status = run_pipeline([str(inputs)], data_dir, small=False)
    if status:
        raise RuntimeError(f"wirehouse run {inputs} exited {status}")


def score_set(name: str, spec: dict, shared: Path, work: Path) -> dict:
    """Run one gold set through the pipeline and return the scorer's metrics."""
    data_dir = work / name
    score = _scorer(shared / "eval" / "score.py")
    inputs = spec.get("inputs")
    if inputs is None:
        inputs = work / f"{name}.raw.jsonl"
        _, raw = _quiet(score.main_input, str(spec["gold"]))
        inputs.write_text(raw, encoding="utf-8")
    _run_pipeline(inputs, data_dir)
    if spec["scorer"] == "score_html":
        _, out = _quiet(_scorer(shared / "eval" / "score_html.py").main, str(spec["gold"]), str(data_dir / "parquet"))
        return json.loads(out)
    result, _ = _quiet(score.main_score, str(spec["gold"]), str(data_dir / "parquet"))
    return result


def _get(metrics: dict, path: str):
    for part in path.split("."):
        if not isinstance(metrics, dict) or part not in metrics:
            return None
        metrics = metrics[part]
    return metrics


def evaluate(shared: Path, only: list[str] | None = None) -> tuple[list[dict], bool]:
    """Score every set; rows of (set, metric, ours, peer, floor, ok) and whether all floors hold."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["metrics"]
    rows, ok = [], True
    with tempfile.TemporaryDirectory(prefix="wirehouse-eval-") as tmp:
        for name, spec in sets(shared).items():
            if only and name not in only:
                continue
            if not spec["gold"].exists():
                continue
            metrics = score_set(name, spec, shared, Path(tmp))
            for metric, f in floors.get(name, {}).items():
                value = _get(metrics, f["path"])
                passed = value is not None and value >= f["floor"]
                ok &= passed
                rows.append({"set": name, "metric": metric, "ours": value, "peer": f.get("peer"),
                             "floor": f["floor"], "ok": passed})
    return rows, ok


def render(rows: list[dict]) -> str:
    """The metrics table, ours beside the peer's."""
    fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    lines = [f"{'set':<22}{'metric':<28}{'ours':>7}{'peer':>7}{'floor':>7}  status"]
    for r in rows:
        lines.append(f"{r['set']:<22}{r['metric']:<28}{fmt(r['ours']):>7}{fmt(r['peer']):>7}"
                     f"{fmt(r['floor']):>7}  {'ok' if r['ok'] else 'BELOW FLOOR'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `make eval`."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--only", nargs="*", help="score only these sets")
    p.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = p.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        print(f"eval: no gold sets under {args.shared}/eval; nothing to score")
        return 0
    from flows.commands import quiet_prefect

    quiet_prefect()
    rows, ok = evaluate(args.shared, args.only)
    print(render(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if not ok:
        print("eval: a metric is below its floor (eval_floors.json)", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    import gc

    status = main()
    gc.collect()
    raise SystemExit(status)
