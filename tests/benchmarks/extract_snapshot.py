"""Snapshot the extractors' output on a fixed AllSides sample, and compare a later run with it.

A speed change to an extractor must not change what it extracts (or must change it on
purpose): `python -m tests.benchmarks.extract_snapshot --write bench-out/snap.json` before,
`--compare bench-out/snap.json` after; it prints the articles whose rows differ and the CPU
milliseconds per article of each stage (parse, people, quotes, categories, keyphrases), each
timed on a cold start of its own caches only in so far as the process is new.
"""
from __future__ import annotations

import argparse
import gzip
import json
from datetime import datetime, timezone
from pathlib import Path
from time import process_time

from flows.inputs import iter_records
from transforms.article import Rejected, build_article

REPO = Path(__file__).resolve().parents[2]


def sample(corpus: Path, n: int, every: int) -> list[tuple[str, dict]]:
    """Every `every`-th raw record across all shards, up to n: (uri, fields)."""
    out: list[tuple[str, dict]] = []
    i = 0
    for shard in sorted(corpus.glob("*.jsonl*")):
        for uri, fields in iter_records(shard, "json", 2**31, 2**23):
            i += 1
            if i % every or isinstance(fields, Rejected):
                continue
            out.append((uri, fields))
            if len(out) >= n:
                return out
    return out


def run(records: list[tuple[str, dict]]) -> tuple[dict, dict]:
    """Extracted rows per article id, and CPU ms per article per stage."""
    from transforms.keyphrases import key_phrases
    from transforms.people import extract_people
    from transforms.quotes import extract_quotes
    from transforms.topics import categorize

    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    ms = {k: 0.0 for k in ("parse", "people", "quotes", "categories", "keyphrases")}
    out: dict[str, dict] = {}
    arts = []
    t = process_time()
    for uri, fields in records:
        try:
            a, _ = build_article(dict(fields), source_uri=uri, now=now, run_id="s", pipeline_version="s")
        except Rejected:
            continue
        if a["language"] == "en":
            arts.append(a)
    ms["parse"] = process_time() - t
    for a in arts:
        title, body = a["title"] or "", a["body"]
        t0 = process_time()
        people = extract_people(title, body)
        t1 = process_time()
        quotes = extract_quotes(body, people)
        t2 = process_time()
        cats = categorize(title, body)
        t3 = process_time()
        phrases = key_phrases(title, body)
        t4 = process_time()
        ms["people"] += t1 - t0
        ms["quotes"] += t2 - t1
        ms["categories"] += t3 - t2
        ms["keyphrases"] += t4 - t3
        out[a["article_id"]] = {
            "body_len": len(body),
            "people": [[p.name, sorted(p.forms), p.mention_count, p.role, p.first_offset] for p in people],
            "quotes": [[q.text, q.kind, q.start, q.end, q.speaker_text, q.speaker_name, q.verb] for q in quotes],
            "categories": [[c.label, round(c.score, 6)] for c in cats],
            "keyphrases": [[k.label, round(k.score, 6)] for k in phrases],
        }
    n = max(1, len(arts))
    return out, {k: round(1000 * v / n, 3) for k, v in ms.items()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="extract_snapshot", description=__doc__)
    p.add_argument("--shared", default=str(REPO.parent / "shared"))
    p.add_argument("-n", type=int, default=3000)
    p.add_argument("--every", type=int, default=12, help="take every k-th record across all shards")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", metavar="FILE")
    g.add_argument("--compare", metavar="FILE")
    p.add_argument("--show", type=int, default=5, help="differing articles to print")
    args = p.parse_args(argv)
    records = sample(Path(args.shared) / "corpora" / "allsides", args.n, args.every)
    rows, ms = run(records)
    print(f"{len(rows)} articles; CPU ms/article: {ms}")
    if args.write:
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(args.write, "wt", encoding="utf-8") as f:
            json.dump(rows, f)
        return 0
    with gzip.open(args.compare, "rt", encoding="utf-8") as f:
        old = json.load(f)
    diff = {k: [] for k in ("people", "quotes", "categories", "keyphrases")}
    for aid in sorted(set(old) | set(rows)):
        a, b = old.get(aid), rows.get(aid)
        for k in diff:
            if (a or {}).get(k) != (b or {}).get(k):
                diff[k].append(aid)
    for k, ids in diff.items():
        print(f"{k}: {len(ids)} of {len(rows)} articles differ")
        for aid in ids[: args.show]:
            print(f"  {aid}\n    was: {json.dumps((old.get(aid) or {}).get(k))[:600]}"
                  f"\n    now: {json.dumps((rows.get(aid) or {}).get(k))[:600]}")
    return 1 if any(diff.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
