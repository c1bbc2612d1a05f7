"""The unit of parallel work: a batch of input files -> staging Parquet, in a worker process."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from time import perf_counter

import pyarrow.parquet as pq

from flows.inputs import iter_records
from transforms.article import Rejected, build_article
from transforms.extract import extract_rows
from transforms.schemas import STAGED, conform

# Records per file in the input's order: a later record for the same article wins.
SEQ_STRIDE = 10_000_000
# Staging parts are read whole, once, by the load and then deleted: column statistics
# (for skipping row groups) are never used, and after zstd dictionary pages save ~0.2% of
# the bytes (most string columns are unique per row); the two cost ~15% of the Parquet write.
_STAGING_PARQUET = {"write_statistics": False, "use_dictionary": False}


class _Stager:
    """Buffers rows per table and writes them as numbered Parquet parts (tmp name, then rename)."""

    def __init__(self, root: Path, batch_id: str):
        self.root, self.batch_id, self.part = root, batch_id, 0
        self.rows: dict[str, list[dict]] = {t: [] for t in STAGED}
        self.counts = {t: 0 for t in STAGED}

    def add(self, table: str, rows: list[dict]) -> None:
        self.rows[table].extend(rows)

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if not rows:
                continue
            folder = self.root / table
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"{self.batch_id}-{self.part:05d}.parquet"
            tmp = folder / f".{final.name}.tmp"
            pq.write_table(conform(table, rows), tmp, compression="zstd", compression_level=1,
                           **_STAGING_PARQUET)
            os.replace(tmp, final)
            self.counts[table] += len(rows)
            rows.clear()
        self.part += 1


def process_batch(spec: dict) -> dict:
    """Parse and extract every record of the batch's files; return counts and stage seconds.

    spec: batch_id, files [[path, kind, file_index(, origin)]], staging, run_id, pipeline_version,
    now (ISO), flush_every, max_file_bytes, max_record_bytes.
    """
    now = datetime.fromisoformat(spec["now"])
    lineage = {"run_id": spec["run_id"], "pipeline_version": spec["pipeline_version"]}
    stager = _Stager(Path(spec["staging"]), spec["batch_id"])
    seconds = {"parse": 0.0, "people": 0.0, "quotes": 0.0, "topics": 0.0, "write": 0.0}
    nulled: dict[str, int] = {}
    per_file: dict[str, list[int]] = {}
    pending = 0
    for path_s, kind, file_index, *origin in spec["files"]:
        # origin: scraped pages {"source_uri": URL requested, "url": URL after redirects};
        # a part of a big JSON-lines file {"part": [j, k]} (see flows/plan.py)
        origin = origin[0] if origin else {}
        path = Path(path_s)
        counts = per_file.setdefault(path_s, [0, 0])
        seq = file_index * SEQ_STRIDE
        t = perf_counter()
        part = tuple(origin["part"]) if "part" in origin else None
        for uri, fields in iter_records(path, kind, spec["max_file_bytes"], spec["max_record_bytes"],
                                        origin.get("url"), part):
            uri = origin.get("source_uri", uri)
            seq += 1
            if fields is None:  # another batch's part of this file
                continue
            try:
                if isinstance(fields, Rejected):
                    raise fields
                article, bad = build_article(fields, source_uri=uri, now=now, **lineage)
            except Rejected as r:
                stager.add("rejects", [{"source_uri": uri, "reason": r.reason, "detail": r.detail[:500],
                                        "input_path": path_s, "rejected_at": now, "_seq": seq, **lineage}])
                counts[1] += 1
                continue
            except Exception as e:  # a parser bug must cost one record, never the run
                stager.add("rejects", [{"source_uri": uri, "reason": "parse_error",
                                        "detail": f"{type(e).__name__}: {e}"[:500], "input_path": path_s,
                                        "rejected_at": now, "_seq": seq, **lineage}])
                counts[1] += 1
                continue
            for name in bad:
                nulled[name] = nulled.get(name, 0) + 1
            seconds["parse"] += perf_counter() - t
            try:
                extracted = extract_rows(article, seconds)
            except Exception as e:  # keep the article, record why its extraction is missing
                extracted = {}
                stager.add("rejects", [{"source_uri": uri, "reason": "extract_error",
                                        "detail": f"{type(e).__name__}: {e}"[:500], "input_path": path_s,
                                        "rejected_at": now, "_seq": seq, **lineage}])
            article["_seq"] = seq
            stager.add("articles", [article])
            for table, rows in extracted.items():
                for r in rows:
                    r["_seq"] = seq
                stager.add(table, rows)
            counts[0] += 1
            pending += 1
            if pending >= spec["flush_every"]:
                t = perf_counter()
                stager.flush()
                seconds["write"] += perf_counter() - t
                pending = 0
            t = perf_counter()
    t = perf_counter()
    stager.flush()
    seconds["write"] += perf_counter() - t
    return {"batch_id": spec["batch_id"], "rows": stager.counts, "seconds": seconds,
            "nulled": nulled, "per_file": per_file}


def stage_rejects(staging: Path, rows: list[dict], now: datetime, lineage: dict) -> int:
    """Stage rejects found outside the batches (URLs that could not be fetched); returns the count.

    rows: source_uri, reason, detail; input_path defaults to source_uri.
    """
    stager = _Stager(staging, "fetch")
    stager.add("rejects", [{"source_uri": r["source_uri"], "reason": r["reason"],
                            "detail": (r.get("detail") or "")[:500],
                            "input_path": r.get("input_path") or r["source_uri"], "rejected_at": now, "_seq": seq,
                            **lineage} for seq, r in enumerate(rows)])
    stager.flush()
    return len(rows)
