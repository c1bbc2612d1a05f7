"""A command-line rerun with nothing to do is recorded without a flow run; any doubt runs the flow."""
from __future__ import annotations

import os
import shutil

import duckdb
import pyarrow.dataset as ds
import pytest

from flows import commands
from flows.lock import data_dir_lock
from tests.conftest import SAMPLES

NO_FLOW = "recorded without a flow run"


@pytest.fixture(scope="module")
def loaded(prefect_api, tmp_path_factory):
    """Inputs and a data dir loaded from them once; tests work on copies of the data dir."""
    from flows.cli import main

    root = tmp_path_factory.mktemp("unchanged")
    inputs = root / "in"
    shutil.copytree(SAMPLES, inputs)
    data = root / "data"
    assert main(["run", str(inputs), "--data-dir", str(data)]) == 0
    return inputs, data


@pytest.fixture
def copy(loaded, tmp_path):
    inputs, data = loaded
    dest = tmp_path / "data"
    shutil.copytree(data, dest)
    return inputs, dest


@pytest.fixture
def flow_calls(monkeypatch):
    """Replace the flow run by a recorder: the tests here only ask whether it would start."""
    calls = []
    monkeypatch.setattr(commands, "run_pipeline", lambda *a, **k: calls.append(a) or 0)
    return calls


def runs(data_dir) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute("select status, files_seen, files_skipped from runs order by started_at").fetchall()
    finally:
        con.close()


def test_unchanged_rerun_is_recorded_in_runs_and_parquet_without_a_flow_run(cli, copy, flow_calls):
    inputs, data = copy
    r = cli("run", inputs, "--data-dir", data)
    assert r.status == 0 and NO_FLOW in r.out and "0 of 6 input file(s) processed" in r.out
    assert flow_calls == []
    assert runs(data) == [("succeeded", 6, 0), ("succeeded", 6, 6)]
    parquet = [str(p) for p in (data / "parquet" / "runs").rglob("*.parquet")]
    assert ds.dataset(parquet, format="parquet").count_rows() == 2


def test_a_touched_input_goes_through_the_flow_to_record_its_new_mtime(cli, copy, flow_calls):
    inputs, data = copy
    seed = inputs / "seed-moscow-times.txt"
    st = seed.stat()
    os.utime(seed, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    try:
        r = cli("run", inputs, "--data-dir", data)
    finally:
        os.utime(seed, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert r.status == 0 and NO_FLOW not in r.out and len(flow_calls) == 1


def test_an_overrides_file_edited_after_the_last_run_goes_through_the_flow(cli, copy, flow_calls):
    inputs, data = copy
    (data / "people_overrides.txt").write_text("rename | Antony Blinken | Antony J. Blinken\n", encoding="utf-8")
    assert NO_FLOW not in cli("run", inputs, "--data-dir", data).out
    assert len(flow_calls) == 1


def test_reprocess_always_goes_through_the_flow(cli, copy, flow_calls):
    inputs, data = copy
    cli("run", inputs, "--reprocess", "--data-dir", data)
    assert len(flow_calls) == 1


def test_a_data_dir_held_by_another_run_goes_through_the_flow_which_waits(cli, copy, flow_calls):
    inputs, data = copy
    with data_dir_lock(data / ".lock", 0):
        r = cli("run", inputs, "--data-dir", data)
    assert NO_FLOW not in r.out and len(flow_calls) == 1


@pytest.mark.parametrize("leftover", ["staging", "failed-run", "parquet-lag"])
def test_work_left_by_a_killed_or_failed_run_goes_through_the_flow(cli, copy, flow_calls, leftover):
    inputs, data = copy
    if leftover == "staging":
        (data / ".staging" / "20260101T000000000000Z-dead00").mkdir(parents=True)
    elif leftover == "failed-run":
        con = duckdb.connect(str(data / "warehouse.duckdb"))
        con.execute("update runs set status = 'failed'")
        con.close()
    else:
        (data / "parquet" / "_state.json").write_text('{"generation": "older"}', encoding="utf-8")
    r = cli("run", inputs, "--data-dir", data)
    assert NO_FLOW not in r.out and len(flow_calls) == 1
