"""The contract is declared once: pyarrow schemas and DuckDB DDL agree, conform() enforces them."""
from __future__ import annotations

import duckdb
import pytest

from transforms.schemas import SCHEMAS, SchemaError, conform
from warehouse.db import apply_schema


@pytest.fixture
def con():
    c = duckdb.connect()
    apply_schema(c)
    yield c
    c.close()


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_ddl_columns_and_nullability_match_the_arrow_schema(con, table):
    ddl = con.execute("select column_name, is_nullable from information_schema.columns "
                      "where table_name = ? order by ordinal_position", [table]).fetchall()
    arrow = [(f.name, "YES" if f.nullable else "NO") for f in SCHEMAS[table]]
    assert ddl == arrow


def test_every_column_is_documented():
    for schema in SCHEMAS.values():
        for f in schema:
            assert f.metadata and f.metadata.get(b"description"), f.name


def _topic_row(**over):
    row = {"topic_id": "t", "label": "x", "kind": "keyphrase", "run_id": "r", "pipeline_version": "v"}
    return {**row, **over}


def test_conform_rejects_unknown_keys():
    with pytest.raises(SchemaError, match="unknown column"):
        conform("topics", [_topic_row(colour="red")], staged=False)


def test_conform_rejects_null_in_required_column():
    with pytest.raises(SchemaError, match="label"):
        conform("topics", [_topic_row(label=None)], staged=False)


def test_conform_builds_the_declared_schema():
    table = conform("topics", [_topic_row()], staged=False)
    assert table.schema.equals(SCHEMAS["topics"], check_metadata=False)


@pytest.mark.parametrize("rows, message", [
    ([_topic_row(), _topic_row(label=None), _topic_row(colour="red")], r"null in required column\(s\) \['label'\] in row 1"),
    ([_topic_row(), _topic_row(colour="red"), _topic_row(kind=None)], r"unknown column\(s\) \['colour'\] in row 1"),
    ([_topic_row(topic_id=None, kind=None)], r"\['topic_id', 'kind'\] in row 0"),
])
def test_conform_names_the_first_bad_row(rows, message):
    with pytest.raises(SchemaError, match=message):
        conform("topics", rows, staged=False)


def test_conform_fills_absent_optional_columns_with_null():
    row = {"article_id": "a", "name_in_article": "A B", "forms": ["A B"], "mention_count": 1,
           "run_id": "r", "pipeline_version": "v"}
    table = conform("person_mentions", [row], staged=False)
    assert table.column("role").to_pylist() == [None] and table.column("first_offset").null_count == 1


def test_conform_keeps_every_value_as_a_per_column_build_would():
    from datetime import datetime, timezone

    import pyarrow as pa

    when = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)
    rows = [{"run_id": "r1", "started_at": when, "finished_at": None, "status": "succeeded", "command": "run",
             "inputs": ["a", "b"], "files_seen": 2, "files_skipped": 0, "rows_added": {"articles": 3},
             "rows_replaced": {}, "rejects": 1, "fields_nulled": {"url": 1}, "seconds": {"parse": 0.5},
             "pipeline_version": "v"},
            {"run_id": "r2", "started_at": when, "status": "failed", "command": "scrape", "inputs": [],
             "files_seen": 0, "files_skipped": 0, "rows_added": {}, "rows_replaced": {}, "rejects": 0,
             "fields_nulled": {}, "seconds": {}, "error": "boom", "pipeline_version": "v"}]
    schema = SCHEMAS["runs"]
    expected = pa.Table.from_arrays([[r.get(n) for r in rows] for n in schema.names], schema=schema)
    table = conform("runs", rows, staged=False)
    assert table.equals(expected) and table.schema.equals(schema, check_metadata=True)
