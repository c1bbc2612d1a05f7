"""BENCHMARKS.md: one dated section appended per `make bench`, `make bench-html` or `make bench-peer`."""
from __future__ import annotations

from pathlib import Path

HEADER = """# Benchmarks

Appended by `make bench` (the AllSides corpus through `wirehouse run`: fresh, unchanged rerun,
3x the corpus under new URLs; then HTML page extraction beside trafilatura's, one core each),
`make bench-html` (that HTML stage alone) and `make bench-peer` (spaCy `en_core_web_sm` +
textacy on a sample of the same articles). Peak memory is the largest sum of RSS over the
whole process tree at one 100 ms sample (Prefect's ephemeral API server included; shared pages
counted once per process, so it overstates). Stage seconds of the transform (parse, people, quotes, topics,
write) are summed over worker processes; `transform_wall`, `load`, `export` and `total` are wall
time inside the flow; `outside flow` is interpreter start, imports and Prefect's server start.
Numbers from a busy shared machine are noisy: compare runs by their load average.
"""


def _machine(m: dict) -> str:
    return (f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM, load average {m['load_avg_1m']} "
            f"at start, Python {m['python']}")


def _ensure(path: Path) -> None:
    if not path.exists():
        path.write_text(HEADER, encoding="utf-8")


def _html(h: dict) -> list[str]:
    """The HTML stage's table: seconds per round, medians and pages/s of both sides, and their ratio."""
    if h.get("skipped"):
        return ["", f"HTML stage skipped: {h['skipped']}."]
    lines = ["", f"HTML extraction, {h['ours']['pages']} naeb pages read and gunzipped, each side in a fresh "
                 f"process pinned to core {h['core']}, alternating for {h['rounds']} rounds (medians; load average "
                 f"{h['load_avg_1m_end']} at the end). Ours: the pipeline's parse stage (`extract_html` + "
                 f"`build_article`); trafilatura: `extract(page, with_metadata=True, output_format=\"json\")`.",
             "", "| side | seconds per round | median s | pages/s | CPU s (median) | pages/CPU s | pages extracted |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for k in ("ours", "trafilatura"):
        x = h[k]
        name = f"{x['name']} {x['version']}".strip()
        lines.append(f"| {name} | {', '.join(map(str, x['rounds_s']))} | {x['median_s']} | {x['pages_per_s']} | "
                     f"{x['median_cpu_s']} | {x['pages_per_cpu_s']} | {x['extracted']} |")
    lines.append(f"\nOurs / trafilatura: {h['ratio']}x pages/s ({h['ratio_cpu']}x per CPU second).")
    return lines


def append_section(path: Path, r: dict) -> None:
    """Append the run table, stage seconds, HTML stage and targets of one bench.json (or bench-html.json) result."""
    _ensure(path)
    cases = [r[k] for k in ("full", "rerun", "rerun-server", "x3") if r.get(k)]
    what = f"`make bench` ({r['runner']} runner)" if r.get("runner") else "`make bench-html`"
    lines = [f"\n## {r['date']} — {what}\n", f"Machine: {_machine(r['machine'])}.  "]
    if r.get("corpus"):
        lines.append(f"Corpus: `{Path(r['corpus']).name}`."
                     + (f" Environment: {', '.join(r['env'])}." if r["env"] else ""))
    if r.get("note"):
        lines.append(f"Note: {r['note']}")
    if cases:
        lines += _cases(cases)
    if r.get("html"):
        lines += _html(r["html"])
    if r.get("targets"):
        lines += ["", "| target | measured | met |", "|---|---|---|"]
        lines += [f"| {t['target']} | {t['measured']} | {'yes' if t['met'] else 'no'} |" for t in r["targets"]]
    with path.open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def _cases(cases: list[dict]) -> list[str]:
    """The run table and stage seconds of the `wirehouse run` cases."""
    lines = ["", "| case | articles added | wall s | articles/s | text MB/s | peak RSS all MB | largest process MB "
                  "| processes | task runs | outside flow s |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for c in cases:
        lines.append(f"| {c['case']} | {c['articles_added']:,} | {c['wall_s']} | {c['articles_per_s']} | "
                     f"{c['text_mb_per_s']} | {c['peak_rss_total_mb']} | {c['peak_rss_single_mb']} | "
                     f"{c['max_processes']} | {c['task_runs']} | {c['outside_flow_s']} |")
    stages = sorted({k for c in cases for k in c["stage_seconds"]})
    lines += ["", "| stage seconds | " + " | ".join(c["case"] for c in cases) + " |",
              "|---|" + "---:|" * len(cases)]
    for s in stages:
        lines.append(f"| {s} | " + " | ".join(f"{c['stage_seconds'].get(s, 0):.2f}" for c in cases) + " |")
    return lines


def append_peer(path: Path, r: dict) -> None:
    """Append the peer's rates beside ours and their ratios."""
    _ensure(path)
    lines = [f"\n## {r['date']} — `make bench-peer`\n", f"Machine: {_machine(r['machine'])}.  ",
             f"Peer: {r['peer']} on {r['sample']} AllSides articles ({r['paragraphs']} paragraphs); "
             f"quotes by `textacy.extract.triples.direct_quotations` per paragraph, people from PERSON "
             f"entities; model load ({r['peer_load_s']} s) not counted. Ours: `make bench` of {r['ours_date']} "
             f"({r['ours_articles']:,} articles, whole `wirehouse run` wall time incl. Prefect start).",
             "", "| | peer articles/s | ours articles/s | ours / peer |", "|---|---:|---:|---:|"]
    for k in ("per_core", "per_machine"):
        x = r[k]
        lines.append(f"| {k.replace('_', ' ')} | {x['peer']} | {x['ours']} | {x['ratio']}x |")
    lines.append(f"\nPeer found {r['peer_quotes']} quotes and {r['peer_people']} PERSON mentions in the sample.")
    with path.open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
