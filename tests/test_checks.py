"""Checks after every load fail the run loudly, naming table and key; `wirehouse sql` cannot write."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import SAMPLES
from warehouse.checks import CheckFailed, raise_on_failures, run_checks
from warehouse.db import TABLES, apply_schema
from warehouse.export import compare_counts


def _our_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("wirehouse:")]


@pytest.fixture
def memory_warehouse():
    con = duckdb.connect(":memory:")
    apply_schema(con)
    yield con
    con.close()


def _article(con, article_id: str) -> None:
    con.execute("insert into articles (article_id, source_uri, authors, published_month, body, word_count, "
                "content_hash, ingested_at, run_id, pipeline_version) values "
                "(?, 'x.txt', [], 'unknown', 'Body.', 1, 'h', now(), 'r', 'v')", [article_id])


def _quote(con, quote_id: str, article_id: str) -> None:
    con.execute("insert into quotes (quote_id, article_id, published_month, text, kind, \"start\", \"end\", "
                "run_id, pipeline_version) values (?, ?, 'unknown', 'words', 'direct', 0, 4, 'r', 'v')",
                [quote_id, article_id])


def test_empty_warehouse_passes_every_check(memory_warehouse):
    assert [c for c in run_checks(memory_warehouse) if c["violations"]] == []


def test_orphan_quote_fails_naming_table_relationship_and_key(memory_warehouse):
    _article(memory_warehouse, "a1")
    _quote(memory_warehouse, "q1", "a1")
    _quote(memory_warehouse, "q2", "ghost-article")
    results = run_checks(memory_warehouse)
    with pytest.raises(CheckFailed, match=r"quotes article_id -> articles\.article_id: 1 violation.*'ghost-article'"):
        raise_on_failures(results)


def test_duplicate_key_is_reported_when_the_ddl_does_not_stop_it(monkeypatch):
    from warehouse import checks

    con = duckdb.connect(":memory:")
    con.execute("create table sources (input_path varchar, size_bytes bigint)")  # no primary key
    con.execute("insert into sources values ('a.txt', 1), ('a.txt', 2)")
    monkeypatch.setattr(checks, "KEYS", {"sources": ["input_path"]})
    monkeypatch.setattr(checks, "RELATIONSHIPS", [])
    results = run_checks(con)
    assert [(r["check"], r["violations"], r["example"]) for r in results if r["violations"]] == [
        ("unique(input_path)", 1, "a.txt")]


def test_parquet_missing_a_table_fails_the_parity_check(memory_warehouse, tmp_path):
    _article(memory_warehouse, "a1")
    results = compare_counts(memory_warehouse, tmp_path / "parquet", TABLES)
    bad = [r for r in results if r["violations"]]
    assert bad[0]["table"] == "articles"  # (the empty tables' missing folders fail too)
    with pytest.raises(CheckFailed, match="articles parquet_rows = duckdb_rows"):
        raise_on_failures(results)


def _loaded(root):
    for name in ("floods.json", "harbour-bridge.txt"):
        shutil.copy(SAMPLES / name, root / name)
    from flows.cli import main

    assert main(["run", str(root), "--data-dir", str(root / "data")]) == 0
    return root, root / "data"


@pytest.fixture
def loaded_dir(prefect_api, tmp_path):
    """A data dir this test may corrupt."""
    return _loaded(tmp_path)


@pytest.fixture(scope="module")
def shared_dir(prefect_api, tmp_path_factory):
    """A data dir the read-only tests share (they must leave it unchanged)."""
    return _loaded(tmp_path_factory.mktemp("checks"))


def test_corrupted_warehouse_row_fails_the_next_run_with_exit_1(cli, loaded_dir):
    inputs, data = loaded_dir
    with duckdb.connect(str(data / "warehouse.duckdb")) as con:
        _quote(con, "q-ghost", "ghost-article")
    result = cli("run", inputs, "--data-dir", data)
    assert result.status == 1
    ours = _our_lines(result.err)  # (Prefect's own log lines may come before it)
    assert len(ours) == 1 and ours[0].startswith("wirehouse: check failed: quotes article_id -> articles")
    assert "'ghost-article'" in ours[0]
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        status, error = con.execute("select status, error from runs order by started_at desc limit 1").fetchone()
    assert status == "failed" and "ghost-article" in error


@pytest.mark.parametrize("statement", [
    "delete from articles",
    "drop table articles",
    "create table x as select 1",
    "attach '{warehouse}' as rw (read_only false)",
])
def test_sql_command_cannot_write_to_the_warehouse(cli, shared_dir, statement):
    _, data = shared_dir
    warehouse = data / "warehouse.duckdb"
    before = cli("sql", "select count(*) as n from articles", "--data-dir", data, "--format", "csv").out
    result = cli("sql", statement.format(warehouse=warehouse), "--data-dir", data)
    assert result.status == 1
    assert result.err.count("\n") == 1 and result.err.startswith("wirehouse: ")
    assert cli("sql", "select count(*) as n from articles", "--data-dir", data, "--format", "csv").out == before
