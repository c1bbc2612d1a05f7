"""`wirehouse export`: every table for analysts, read back by pyarrow and DuckDB."""
from __future__ import annotations

import csv

import duckdb
import pyarrow.dataset as ds
import pytest

from warehouse.db import TABLES, read_only


def _query(sql: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def counts(samples_warehouse):
    con = read_only(samples_warehouse / "warehouse.duckdb")
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_parquet_export_reads_back_in_pyarrow_and_duckdb_with_every_row(cli, samples_warehouse, counts, tmp_path):
    out = tmp_path / "export"
    result = cli("export", "--to", out, "--data-dir", samples_warehouse)
    assert result.status == 0, result.err
    for table in TABLES:
        data = ds.dataset(out / table, format="parquet", partitioning="hive")
        assert data.count_rows() == counts[table], table
        got = _query(f"select count(*) from read_parquet('{out / table}/**/*.parquet', "
                     f"hive_partitioning = true)")[0][0]
        assert got == counts[table], table


def test_articles_and_quotes_are_partitioned_by_month_in_hive_layout_with_zstd(cli, samples_warehouse, tmp_path):
    out = tmp_path / "export"
    assert cli("export", "--to", out, "--data-dir", samples_warehouse).status == 0
    for table in ("articles", "quotes"):
        months = sorted(p.name for p in (out / table).iterdir())
        assert "published_month=2024-02" in months and "published_month=unknown" in months
        part = next((out / table / "published_month=2024-02").glob("*.parquet"))
        meta = _query(f"select distinct compression from parquet_metadata('{part}')")
        assert meta == [("ZSTD",)]
        stored = [r[0] for r in _query(f"select name from parquet_schema('{part}')")]
        assert "article_id" in stored and "published_month" not in stored
    months = _query(f"select distinct published_month from read_parquet('{out}/articles/**/*.parquet', "
                    f"hive_partitioning = true) order by 1")
    assert ("2024-02",) in months


def test_data_dictionary_describes_every_exported_column(cli, samples_warehouse, tmp_path):
    out = tmp_path / "export"
    assert cli("export", "--to", out, "--data-dir", samples_warehouse).status == 0
    with open(out / "data_dictionary.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["table"] for r in rows} == set(TABLES)
    assert all(r["description"] for r in rows), [r for r in rows if not r["description"]]
    title = [r for r in rows if (r["table"], r["column"]) == ("articles", "title")][0]
    assert title["type"] == "VARCHAR" and title["description"] == "headline"


def test_csv_export_without_body_drops_article_texts(cli, samples_warehouse, counts, tmp_path):
    out = tmp_path / "csv"
    result = cli("export", "--to", out, "--format", "csv", "--without-body", "--data-dir", samples_warehouse)
    assert result.status == 0, result.err
    with open(out / "articles.csv", encoding="utf-8") as f:
        articles = list(csv.DictReader(f))
    assert len(articles) == counts["articles"] and "body" not in articles[0]
    assert articles[0]["authors"].startswith("[")  # lists as JSON text for spreadsheets
    with open(out / "quotes.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == counts["quotes"]
    dictionary = (out / "data_dictionary.csv").read_text(encoding="utf-8")
    assert "articles,body," not in dictionary


def test_export_twice_replaces_the_previous_export(cli, samples_warehouse, counts, tmp_path):
    out = tmp_path / "export"
    assert cli("export", "--to", out, "--data-dir", samples_warehouse).status == 0
    assert cli("export", "--to", out, "--data-dir", samples_warehouse).status == 0
    assert ds.dataset(out / "articles", format="parquet", partitioning="hive").count_rows() == counts["articles"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_export_without_a_warehouse_says_how_to_make_one(cli, tmp_path):
    result = cli("export", "--to", tmp_path / "out", "--data-dir", tmp_path / "empty")
    assert result.status == 1
    assert "no warehouse" in result.err and "wirehouse run" in result.err
