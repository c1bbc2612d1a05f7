"""Data-quality checks after every load: not null, unique keys, relationships, Parquet = DuckDB."""
from __future__ import annotations

import duckdb

KEYS = {
    "articles": ["article_id"], "person_mentions": ["article_id", "name_in_article"],
    "article_people": ["article_id", "person_id"], "people": ["person_id"], "quotes": ["quote_id"],
    "topics": ["topic_id"], "article_topics": ["article_id", "topic_id"],
    "rejects": ["source_uri", "reason"], "runs": ["run_id"], "sources": ["input_path"],
}
# (child table, child column, parent table, parent column)
RELATIONSHIPS = [
    ("article_people", "article_id", "articles", "article_id"),
    ("article_people", "person_id", "people", "person_id"),
    ("person_mentions", "article_id", "articles", "article_id"),
    ("quotes", "article_id", "articles", "article_id"),
    ("quotes", "person_id", "people", "person_id"),
    ("article_topics", "article_id", "articles", "article_id"),
    ("article_topics", "topic_id", "topics", "topic_id"),
]


class CheckFailed(Exception):
    """A data-quality check found violations; the message names the table and a key."""


def _required_columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = ? and "
        "table_schema = 'main' and is_nullable = 'NO'", [table]).fetchall()]


def run_checks(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every check's result: table, check, violations, example key."""
    results = []
    for table, key in KEYS.items():
        for col in _required_columns(con, table):
            row = con.execute(f'select count(*), any_value(({", ".join(key)})::varchar) from {table} '
                              f'where "{col}" is null').fetchone()
            results.append({"table": table, "check": f"not_null({col})", "violations": row[0],
                            "example": row[1]})
        cols = ", ".join(key)
        row = con.execute(f"select count(*), any_value(k) from (select ({cols})::varchar as k "
                          f"from {table} group by {cols} having count(*) > 1)").fetchone()
        results.append({"table": table, "check": f"unique({cols})", "violations": row[0], "example": row[1]})
    for child, ccol, parent, pcol in RELATIONSHIPS:
        row = con.execute(f"select count(*), any_value(c.{ccol}) from {child} c where c.{ccol} is not null "
                          f"and not exists (select 1 from {parent} p where p.{pcol} = c.{ccol})").fetchone()
        results.append({"table": child, "check": f"{ccol} -> {parent}.{pcol}", "violations": row[0],
                        "example": row[1]})
    return results


def raise_on_failures(results: list[dict]) -> None:
    """Raise CheckFailed naming the first failing table, check and key."""
    bad = [r for r in results if r["violations"]]
    if bad:
        r = bad[0]
        more = f" (+{len(bad) - 1} more failing checks)" if len(bad) > 1 else ""
        raise CheckFailed(f"check failed: {r['table']} {r['check']}: {r['violations']} violation(s), "
                          f"e.g. key {r['example']!r}{more}")
