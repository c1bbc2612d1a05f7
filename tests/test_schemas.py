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
