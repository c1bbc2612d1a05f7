"""What a run reports: artifacts with rows, seconds and rejects; a failed run's reason everywhere."""
from __future__ import annotations

import json

import duckdb
import pytest

from tests.conftest import SAMPLES


def _artifacts(key: str) -> list:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        return client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                                     sort=ArtifactSort.CREATED_DESC, limit=200)


def _table(artifact) -> list[dict]:
    # The API hands table artifacts back as JSON text.
    return json.loads(artifact.data) if isinstance(artifact.data, str) else artifact.data


def test_run_publishes_seconds_per_stage_and_rejects_by_reason(samples_warehouse):
    from warehouse.db import read_only

    con = read_only(samples_warehouse / "warehouse.duckdb")
    try:
        run_id, reasons = con.execute("select run_id, (select list(distinct reason order by reason) "
                                      "from rejects) from runs order by started_at limit 1").fetchone()
    finally:
        con.close()
    seconds = [a for a in _artifacts("run-seconds") if run_id in a.description]
    rejects = [a for a in _artifacts("run-rejects") if run_id in a.description]
    assert seconds and rejects
    stages = {row["stage"] for row in _table(seconds[0])}
    assert {"discover", "load", "total"} <= stages
    assert sorted(row["reason"] for row in _table(rejects[0])) == reasons


def test_failed_run_is_failed_with_its_reason_in_the_artifact_and_runs_table(cli, tmp_path):
    from prefect.client.orchestration import get_client

    data = tmp_path / "data"
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.json").write_bytes((SAMPLES / "floods.json").read_bytes())
    assert cli("run", inputs, "--data-dir", data).status == 0
    with duckdb.connect(str(data / "warehouse.duckdb")) as con:
        con.execute("insert into quotes select * replace ('ghost-article' as article_id, 'q-ghost' as quote_id) "
                    "from quotes limit 1")
    (inputs / "b.txt").write_text("A headline\n\nA body that changes the inputs.\n", encoding="utf-8")
    result = cli("run", inputs, "--data-dir", data)
    assert result.status == 1
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        run_id, status, error = con.execute(
            "select run_id, status, error from runs order by started_at desc limit 1").fetchone()
    assert status == "failed" and "ghost-article" in error
    failure = [a for a in _artifacts("run-failure") if run_id in a.description]
    assert failure and "ghost-article" in failure[0].data
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(failure[0].flow_run_id)
    assert run.state.is_failed()
