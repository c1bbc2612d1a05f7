"""One side of the HTML speed stage of `make bench`: every page read, gunzipped and extracted, timed.

Usage: html_worker.py {ours|trafilatura} PAGES_DIR OUT.json [CPU]

ours: what the pipeline's parse stage does with an .html.gz file (flows.inputs.iter_records,
i.e. gunzip + transforms.html.extract_html, then transforms.article.build_article); run by the
project's Python with the repository on sys.path.
trafilatura: gunzip, then `trafilatura.extract(page, with_metadata=True, output_format="json")`;
run by the peer venv (bench-out/html-peer-venv), so only the standard library is imported here.

Both sides get the page bytes (each decodes them itself) and read the files inside the timed
loop. The first WARM_UP pages are extracted once before timing, so that lazy imports and
compiled patterns are not charged to the first round. CPU pins the process to that core.
"""
import gzip
import json
import os
import platform
import sys
import time
from pathlib import Path

WARM_UP = 5


def ours():
    """(name, version, extract(path) -> True when the page gave an article)."""
    from datetime import datetime, timezone

    from flows.inputs import iter_records
    from flows.settings import Settings, pipeline_version
    from transforms.article import Rejected, build_article

    now = datetime.now(timezone.utc)
    settings, version = Settings(), pipeline_version()

    def extract(path):
        ok = False
        for uri, fields in iter_records(path, "html", settings.max_file_bytes, settings.max_record_bytes):
            if isinstance(fields, Rejected):
                continue
            try:
                build_article(fields, source_uri=uri, now=now, run_id="bench", pipeline_version=version)
            except Rejected:
                continue
            ok = True
        return ok

    return "wirehouse", version, extract


def trafilatura():
    """(name, version, extract(path) -> True when the page gave a document)."""
    import trafilatura as t

    def extract(path):
        with gzip.open(path, "rb") as f:
            page = f.read()
        return t.extract(page, with_metadata=True, output_format="json") is not None

    return "trafilatura", t.__version__, extract


def main(argv):
    side, pages_dir, out = argv[1], Path(argv[2]), argv[3]
    if len(argv) > 4 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(argv[4])})
    name, version, extract = {"ours": ours, "trafilatura": trafilatura}[side]()
    pages = sorted(pages_dir.glob("*.html.gz"))
    for path in pages[:WARM_UP]:
        extract(path)
    t = time.perf_counter()
    cpu = time.process_time()
    ok = sum(1 for path in pages if extract(path))
    work_s, cpu_s = time.perf_counter() - t, time.process_time() - cpu
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"side": side, "name": name, "version": version, "python": platform.python_version(),
                   "pages": len(pages), "extracted": ok, "work_s": work_s, "cpu_s": cpu_s}, f)


if __name__ == "__main__":
    main(sys.argv)
