"""cProfile of each extractor (people, quotes, categories, key phrases) on a sample of AllSides articles.

`python -m tests.benchmarks.profile_extractors --shared ../shared -n 500` prints, per extractor,
its seconds per article and the functions where it spends its own time; the full stats go
to bench-out/profile-<extractor>.txt.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
from datetime import datetime, timezone
from pathlib import Path
from time import perf_counter

from flows.inputs import iter_records
from transforms.article import Rejected, build_article

REPO = Path(__file__).resolve().parents[2]


def sample_articles(corpus: Path, n: int) -> list[dict]:
    """The first n usable articles of the corpus's first shard(s), as `articles` rows."""
    now = datetime.now(timezone.utc)
    out: list[dict] = []
    for shard in sorted(corpus.glob("*.jsonl*")):
        for uri, fields in iter_records(shard, "json", 2**31, 2**23):
            if isinstance(fields, Rejected):
                continue
            try:
                article, _ = build_article(fields, source_uri=uri, now=now, run_id="p", pipeline_version="p")
            except Rejected:
                continue
            if article["language"] == "en":
                out.append(article)
            if len(out) >= n:
                return out
    return out


def main(argv: list[str] | None = None) -> int:
    """Entry point: profile each extractor in turn."""
    from transforms.keyphrases import key_phrases
    from transforms.people import extract_people
    from transforms.quotes import extract_quotes
    from transforms.topics import categorize

    p = argparse.ArgumentParser(prog="profile_extractors", description=__doc__)
    p.add_argument("--shared", default=str(REPO.parent / "shared"))
    p.add_argument("-n", type=int, default=500)
    p.add_argument("--top", type=int, default=8)
    p.add_argument("--out", default=str(REPO / "bench-out"))
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    corpus = Path(args.shared) / "corpora" / "allsides"
    articles = sample_articles(corpus, args.n)
    try:
        people = {a["article_id"]: extract_people(a["title"] or "", a["body"]) for a in articles}
    except Exception as e:  # an extractor mid-edit must not hide the others' profiles
        print(f"people extractor failed ({type(e).__name__}: {e}); quotes profiled without people")
        people = {a["article_id"]: [] for a in articles}
    jobs = {
        "parse": lambda a: None,  # replaced below: reading + build_article of the whole sample
        "people": lambda a: extract_people(a["title"] or "", a["body"]),
        "quotes": lambda a: extract_quotes(a["body"], people[a["article_id"]]),
        "categories": lambda a: categorize(a["title"] or "", a["body"]),
        "keyphrases": lambda a: key_phrases(a["title"] or "", a["body"]),
    }
    for name, job in jobs.items():
        if name == "parse":
            def run_all():
                sample_articles(corpus, args.n)
        else:
            def run_all(job=job):
                for a in articles:
                    job(a)
        t = perf_counter()
        try:
            run_all()
        except Exception as e:
            print(f"\n== {name}: failed ({type(e).__name__}: {e})")
            continue
        plain = perf_counter() - t
        prof = cProfile.Profile()
        prof.enable()
        run_all()
        prof.disable()
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("tottime")
        stats.print_stats(40)
        (out / f"profile-{name}.txt").write_text(buf.getvalue(), encoding="utf-8")
        print(f"\n== {name}: {1000 * plain / len(articles):.2f} ms/article unprofiled; own time, top {args.top}:")
        rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[: args.top]
        total = sum(v[2] for v in stats.stats.values()) or 1
        for (file, line, func), (cc, nc, tt, ct, _) in rows:
            print(f"  {100 * tt / total:5.1f}%  {tt:6.2f} s  {nc:>8} calls  {file}:{line} {func}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
