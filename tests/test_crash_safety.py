"""A run killed (SIGKILL) at any point leaves a data dir the next run completes from.

Real `wirehouse run` subprocesses stop at a named point (flows/testhooks.py) and are killed
there; the rerun (in-process) must end with the same tables as a run never interrupted,
no scratch files, and Parquet holding exactly the warehouse's rows.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pyarrow.dataset as ds
import pytest

from tests.conftest import SAMPLES

STAGES = ("staged", "loading", "loaded")
DATA_TABLES = ("articles", "person_mentions", "article_people", "people", "quotes", "topics",
               "article_topics", "rejects")


def _write_inputs(root):
    """Two input sets: `a` loaded before the crash, `b` added by the run that is killed."""
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    for name in ("floods.json", "harbour-bridge.txt", "plain-headline.txt"):
        shutil.copy(SAMPLES / name, root / "a" / name)
    shutil.copy(SAMPLES / "wire-feed.jsonl.gz", root / "b")
    with open(root / "b" / "extra.jsonl", "w") as f:
        for i in range(30):
            f.write(json.dumps({"title": f"Council vote {i}", "url": f"https://news.example/vote/{i}",
                                "authors": "Jane Roe", "date": f"2024-03-{i % 28 + 1:02d}",
                                "text": f'Mayor Ann Lee said the vote {i} was close. "We will try again," '
                                        f"Lee said on Monday.\n\nThe council meets again next week."}) + "\n")
        f.write("{not json\n")
    (root / "a" / "empty.txt").write_text("")  # a reject, so `rejects` is part of the comparison


def _snapshot(data_dir) -> dict:
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as con:
        snap = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in DATA_TABLES}
        snap["article_ids"] = sorted(r[0] for r in con.execute("select article_id from articles").fetchall())
        snap["content"] = con.execute("select sum(hash(article_id || content_hash)) from articles").fetchone()[0]
    return snap


def _latest_run(data_dir) -> str:
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as con:
        return con.execute("select run_id from runs order by started_at desc limit 1").fetchone()[0]


def _run(*args) -> int:
    from flows.cli import main

    return main([str(a) for a in args])


def _wait_for(path, proc, what: str) -> None:
    deadline = time.monotonic() + 240
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"{what}: exited {proc.returncode} before pausing")
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: never reached {path.name}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def crashed(prefect_api, tmp_path_factory):
    """Per stage: a data dir whose run over a+b was SIGKILLed there, plus the reference state."""
    from warehouse.export import exported_generation

    root = tmp_path_factory.mktemp("crash")
    _write_inputs(root)
    inputs = [root / "a", root / "b"]
    assert _run("run", *inputs, "--data-dir", root / "reference") == 0
    reference = _snapshot(root / "reference")
    assert _run("run", root / "a", "--data-dir", root / "template") == 0
    before = _snapshot(root / "template")
    env = dict(os.environ, PREFECT_API_URL=prefect_api,
               PATH=f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ.get('PATH', '')}")
    procs, left = {}, {}
    for stage in STAGES:  # all three at once: most of their time is start-up
        data = root / f"killed-{stage}"
        shutil.copytree(root / "template", data)
        log = open(root / f"{stage}.log", "wb")
        procs[stage] = (data, subprocess.Popen(
            [os.path.join(os.path.dirname(sys.executable), "wirehouse"), "run", *map(str, inputs),
             "--data-dir", str(data)], env={**env, "WIREHOUSE_TEST_PAUSE_AT": stage},
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True), log)
    try:
        for stage, (data, proc, _) in procs.items():
            _wait_for(data / f".paused-{stage}", proc, stage)
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            (data / f".paused-{stage}").unlink()
            left[stage] = {"staged_parts": len(list((data / ".staging").rglob("*.parquet"))),
                           "copy": (data / ".warehouse.duckdb.new").exists(),
                           "exported": exported_generation(data / "parquet")}
    finally:
        for _, proc, log in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            log.close()
    return {"root": root, "inputs": inputs, "reference": reference, "before": before,
            "dirs": {s: d for s, (d, _, _) in procs.items()}, "left": left}


@pytest.mark.parametrize("stage", STAGES)
def test_killed_run_leaves_the_live_warehouse_whole(crashed, stage):
    from warehouse.checks import run_checks

    data = crashed["dirs"][stage]
    expected = crashed["reference"] if stage == "loaded" else crashed["before"]
    assert _snapshot(data) == expected
    left = crashed["left"][stage]  # the kill really happened mid-way: scratch or lag was left behind
    assert {"staged": left["staged_parts"] > 0, "loading": left["copy"],
            "loaded": left["exported"] != _latest_run(data)}[stage]
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        assert [c for c in run_checks(con) if c["violations"]] == []


@pytest.mark.parametrize("stage", STAGES)
def test_rerun_after_kill_completes_to_the_uninterrupted_state(crashed, stage):
    from warehouse.db import TABLES
    from warehouse.export import compare_counts, exported_generation

    data = crashed["dirs"][stage]
    assert _run("run", *crashed["inputs"], "--data-dir", data) == 0
    assert _snapshot(data) == crashed["reference"]
    assert not (data / ".staging").exists() or not any((data / ".staging").iterdir())
    assert not list(data.glob(".warehouse.duckdb.new*"))
    assert not list((data / "parquet").glob(".*-*"))  # no half-exported table folders
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        assert [c for c in compare_counts(con, data / "parquet", TABLES) if c["violations"]] == []
        latest = con.execute("select run_id from runs order by started_at desc limit 1").fetchone()[0]
        statuses = [r[0] for r in con.execute("select status from runs").fetchall()]
    assert exported_generation(data / "parquet") == latest
    assert statuses == ["succeeded"] * len(statuses)  # a killed run leaves no row at all
    ids = ds.dataset(data / "parquet" / "articles", format="parquet", partitioning="hive")
    assert sorted(ids.to_table(columns=["article_id"]).column(0).to_pylist()) == crashed["reference"]["article_ids"]


def test_crash_midway_through_export_is_repaired_by_recover(prefect_api, tmp_path, monkeypatch):
    """SIGKILL between two tables' folder swaps, simulated in-process: recover re-exports."""
    from warehouse import export
    from warehouse.db import TABLES, read_only

    for name in ("floods.json", "harbour-bridge.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    data = tmp_path / "data"
    assert _run("run", tmp_path, "--data-dir", data) == 0
    real_copy, copied = export._copy_table, []

    def dies_on_fourth_table(con, table, dest):
        if len(copied) == 3:
            dest.mkdir(parents=True)
            (dest / "part_0.parquet").write_bytes(b"PAR1 half-written")
            raise KeyboardInterrupt  # stands in for the kill: nothing after this line runs
        copied.append(table)
        real_copy(con, table, dest)

    monkeypatch.setattr(export, "_copy_table", dies_on_fourth_table)
    con = read_only(data / "warehouse.duckdb")
    with pytest.raises(KeyboardInterrupt):
        export.export_tables(con, data / "parquet", list(TABLES), "generation-of-a-later-run")
    con.close()
    monkeypatch.setattr(export, "_copy_table", real_copy)
    assert export.export_interrupted(data / "parquet", TABLES)
    assert _run("run", tmp_path, "--data-dir", data) == 0  # nothing to load; recover re-exports
    con = read_only(data / "warehouse.duckdb")
    try:
        assert [c for c in export.compare_counts(con, data / "parquet", TABLES) if c["violations"]] == []
    finally:
        con.close()
    assert not export.export_interrupted(data / "parquet", TABLES)


def test_full_disk_fails_the_run_with_exit_1_and_the_next_run_completes(cli, tmp_path, monkeypatch):
    from flows import batch
    from warehouse import export
    from warehouse.db import TABLES, read_only

    def full(*_args, **_kw):
        raise OSError(28, "No space left on device")

    shutil.copy(SAMPLES / "floods.json", tmp_path / "floods.json")
    data = tmp_path / "data"
    assert cli("run", tmp_path / "floods.json", "--data-dir", data).status == 0
    shutil.copy(SAMPLES / "harbour-bridge.txt", tmp_path / "harbour-bridge.txt")
    before = _snapshot(data)
    for stage, (owner, name) in {"staging": (batch.pq, "write_table"), "export": (export, "_copy_table")}.items():
        with monkeypatch.context() as m:
            m.setattr(owner, name, full)
            result = cli("run", tmp_path, "--data-dir", data)
        ours = [line for line in result.err.splitlines() if line.startswith("wirehouse:")]
        assert result.status == 1 and ours == ["wirehouse: run failed: OSError: [Errno 28] No space left on device"]
        if stage == "staging":
            assert _snapshot(data) == before  # nothing loaded, nothing swapped in
    assert cli("run", tmp_path, "--data-dir", data).status == 0
    assert _snapshot(data)["articles"] == 2
    con = read_only(data / "warehouse.duckdb")
    try:
        assert [c for c in export.compare_counts(con, data / "parquet", TABLES) if c["violations"]] == []
        assert con.execute("select list(status order by started_at) from runs").fetchone()[0] == [
            "succeeded", "failed", "failed", "succeeded"]
    finally:
        con.close()
