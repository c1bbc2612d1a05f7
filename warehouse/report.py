"""The figures behind `wirehouse report`: plain rows queried from the warehouse and its views."""
from __future__ import annotations

import duckdb

from warehouse.db import sql

TOP = 15

QUERIES = {
    "totals": """
        select (select count(*) from articles) as articles,
               (select count(*) from people) as people,
               (select count(*) from quotes) as quotes,
               (select count(distinct outlet) from articles) as outlets,
               (select min(published_at)::date from articles) as first_day,
               (select max(published_at)::date from articles) as last_day,
               (select count(*) from rejects) as rejects
    """,
    "articles_per_day": """
        select (published_at at time zone 'UTC')::date as day, count(*) as articles
        from articles where published_at is not null
        group by 1 order by 1
    """,
    "top_quoted": f"""
        select name, count_quotes, count_articles
        from person_stats where count_quotes > 0
        order by count_quotes desc, name limit {TOP}
    """,
    "top_topics": """
        with top as (
            select topic_id from topic_trends where kind = 'category'
            group by topic_id order by sum(count_articles) desc, topic_id limit 6
        )
        select label, month, count_articles
        from topic_trends join top using (topic_id)
        order by label, month
    """,
    "outlets": f"""
        select coalesce(outlet_name, outlet) as outlet, count_articles, count_quotes, count_people,
               first_published_at::date as first_day, last_published_at::date as last_day
        from outlet_stats order by count_articles desc, outlet limit {TOP}
    """,
    "runs": """
        select run_id, started_at, status, command, files_seen, files_skipped,
               coalesce(rows_added['articles'], 0) as articles_added, rejects,
               round(coalesce(seconds['total'],
                              epoch(finished_at) - epoch(started_at)), 1) as seconds,
               error
        from runs order by started_at desc limit 50
    """,
}


def _ensure_views(con: duckdb.DuckDBPyConnection) -> None:
    """Temporary copies of the views a warehouse loaded by an older version lacks (it is read-only)."""
    have = {r[0] for r in con.execute("select view_name from duckdb_views()").fetchall()}
    for name in ("person_stats", "topic_trends", "outlet_stats"):
        if name not in have:
            con.execute(sql(f"views/{name}.sql").replace("create or replace view", "create or replace temp view", 1))


def report_data(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """Every figure of the report as a list of row dicts, keyed by QUERIES name."""
    con.execute("set timezone = 'UTC'")
    _ensure_views(con)
    out = {}
    for name, query in QUERIES.items():
        cur = con.execute(query)
        names = [d[0] for d in cur.description]
        out[name] = [dict(zip(names, row)) for row in cur.fetchall()]
    return out
