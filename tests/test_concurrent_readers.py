"""Loads never block readers: a process reading the warehouse keeps working through a `wirehouse run`."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time

from tests.conftest import SAMPLES

# The reader: one read-only connection held for its whole life, querying until told to stop.
READER = """
import sys, time, duckdb
from pathlib import Path
con = duckdb.connect(sys.argv[1], read_only=True)
stop = Path(sys.argv[2])
queries = 0
while True:
    n = con.execute("select count(*) from articles").fetchone()[0]
    con.execute("select outlet, count(*) from articles join quotes using (article_id) group by all").fetchall()
    queries += 1
    if queries == 1:
        print("ready", n, flush=True)
    if stop.exists():
        break
    time.sleep(0.05)
print("done", n, queries, flush=True)
"""


def test_reader_keeps_its_snapshot_through_a_load_and_new_readers_see_the_new_data(cli, tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(SAMPLES / "floods.json", first)
    data = tmp_path / "data"
    assert cli("run", first, "--data-dir", data).status == 0
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(data / "warehouse.duckdb"), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().split() == ["ready", "1"]
        result = cli("run", SAMPLES, "--data-dir", data)
        assert result.status == 0, result.err
        time.sleep(0.5)  # let the reader query the replaced file a few more times
        stop.touch()
        out, err = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait(timeout=10)
    assert reader.returncode == 0, err
    word, count, queries = out.split()
    assert (word, count) == ("done", "1") and int(queries) > 1  # still its snapshot, no error
    after = cli("sql", "select count(*) as n from articles", "--format", "csv", "--data-dir", data)
    assert after.status == 0 and after.out.splitlines()[1] != "1"
    assert int(after.out.splitlines()[1]) > 1
