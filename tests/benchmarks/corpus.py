"""Scaled copies of a JSONL corpus: the same articles again under new URLs (so new article ids)."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path


def shards(corpus: Path) -> list[Path]:
    """The corpus's JSONL(.gz) files, sorted."""
    return sorted(p for p in corpus.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz")))


def _vary(url: str, copy: int) -> str:
    # A query parameter survives URL canonicalization (a #fragment would not), so each copy
    # gets its own article ids while the text, and so the work per article, stays the same.
    return f"{url}{'&' if '?' in url else '?'}wh_copy={copy}"


def write_scaled(corpus: Path, dest: Path, times: int) -> int:
    """Write `times` copies of every shard into dest (copy 0 verbatim); returns the lines written."""
    dest.mkdir(parents=True, exist_ok=True)
    lines = 0
    for shard in shards(corpus):
        stem = shard.name.removesuffix(".gz").removesuffix(".jsonl")
        shutil.copyfile(shard, dest / shard.name)
        opener = gzip.open if shard.name.endswith(".gz") else open
        with opener(shard, "rt", encoding="utf-8") as f:
            n = sum(1 for _ in f)
        lines += n
        for copy in range(1, times):
            out = dest / f"{stem}-copy{copy}.jsonl.gz"
            with opener(shard, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8",
                                                                         compresslevel=1) as dst:
                for line in src:
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    if rec.get("url"):
                        rec["url"] = _vary(rec["url"], copy)
                    else:  # no url: the id comes from title+body, so vary the title
                        rec["title"] = f"{rec.get('title') or ''} (copy {copy})"
                    dst.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    lines += 1
    return lines
