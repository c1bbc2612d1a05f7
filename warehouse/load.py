"""Loading one run's staging Parquet into the warehouse: one bulk insert per table."""
from __future__ import annotations

from pathlib import Path

import duckdb

from transforms.schemas import STAGED

# Bridge tables staged per article: rows are kept only for the winning version of an article.
BRIDGES = {"person_mentions": ("article_id", "name_in_article"),
           "quotes": ("quote_id",),
           "article_topics": ("article_id", "topic_id")}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> str:
    names = [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = ? "
        "and table_schema = 'main' order by ordinal_position", [table]).fetchall()]
    return ", ".join(f'"{n}"' for n in names)


def _stage_views(con: duckdb.DuckDBPyConnection, staging: Path) -> None:
    for table in STAGED:
        folder = staging / table
        parts = sorted(str(p) for p in folder.glob("*.parquet")) if folder.is_dir() else []
        if parts:
            con.read_parquet(parts, union_by_name=True).create_view(f"stg_{table}", replace=True)
        else:
            con.execute(f"create or replace temp table stg_{table} as "
                        f"select *, 0::bigint as _seq from {table} where false")


def load_staging(con: duckdb.DuckDBPyConnection, staging: Path, processed_inputs: list[str],
                 reprocess: bool) -> dict[str, dict[str, int]]:
    """Replace the staged articles' rows everywhere; return rows added/replaced per table.

    Must run inside the caller's transaction. The later record (higher _seq) of an article
    wins; an article whose content and pipeline version are unchanged is left as it is
    unless `reprocess`.
    """
    _stage_views(con, staging)
    # The winners are picked on a few narrow columns and the whole rows read once, by the insert
    # below: a window over whole rows sorted (and under the memory cap spilled) every body.
    # _seq is unique per staged record, so (article_id, _seq) names one row.
    con.execute("create or replace temp table new_articles as select article_id, max(_seq) as _seq, "
                "arg_max(content_hash, _seq) as content_hash, arg_max(pipeline_version, _seq) as pipeline_version "
                "from stg_articles group by article_id")
    if not reprocess:
        con.execute("delete from new_articles n where exists (select 1 from articles a "
                    "where a.article_id = n.article_id and a.content_hash = n.content_hash "
                    "and a.pipeline_version = n.pipeline_version)")
    replaced = con.execute("select count(*) from new_articles n where exists "
                           "(select 1 from articles a where a.article_id = n.article_id)").fetchone()[0]
    total = con.execute("select count(*) from new_articles").fetchone()[0]
    added = {"articles": total - replaced}
    replaced_rows = {"articles": replaced}
    for table in ("quotes", "person_mentions", "article_topics"):
        replaced_rows[table] = con.execute(
            f"delete from {table} where article_id in (select article_id from new_articles)").fetchone()[0]
    con.execute("delete from articles where article_id in (select article_id from new_articles)")
    cols = _columns(con, "articles")
    con.execute(f"insert into articles ({cols}) select {cols} from (select s.* from stg_articles s "
                f"semi join new_articles n on s.article_id = n.article_id and s._seq = n._seq)")
    for table, key in BRIDGES.items():
        cols = _columns(con, table)
        keys = ", ".join(key)
        n = con.execute(
            f"insert into {table} ({cols}) select {cols} from (select s.* from stg_{table} s "
            f"semi join new_articles n on s.article_id = n.article_id and s._seq = n._seq) "
            f"qualify row_number() over (partition by {keys} order by _seq) = 1").fetchone()[0]
        added[table] = n
    # Re-reading an input replaces its rejects rather than adding more.
    if processed_inputs:
        replaced_rows["rejects"] = con.execute(
            "delete from rejects where input_path in (select unnest(?::varchar[]))",
            [processed_inputs]).fetchone()[0]
    cols = _columns(con, "rejects")
    added["rejects"] = con.execute(
        f"insert into rejects ({cols}) select {cols} from stg_rejects "
        f"qualify row_number() over (partition by source_uri, reason order by _seq desc) = 1").fetchone()[0]
    return {"added": added, "replaced": replaced_rows}


def rebuild_topics(con: duckdb.DuckDBPyConnection, categories: list[tuple[str, str]], run_id: str,
                   version: str) -> None:
    """`topics` as every category plus every key phrase some article still links to."""
    con.execute("create or replace temp table topic_rows as "
                "select topic_id, min(label) as label, min(kind) as kind, max(run_id) as run_id, "
                "max(pipeline_version) as pipeline_version from article_topics group by topic_id")
    # Unlinked categories keep their row, so a rerun that links nothing new changes nothing.
    con.execute("delete from topics where kind <> 'category' or topic_id in (select topic_id from topic_rows)")
    con.execute("insert into topics select topic_id, label, kind, run_id, pipeline_version from topic_rows")
    con.executemany("insert into topics select ?, ?, 'category', ?, ? where not exists "
                    "(select 1 from topics where topic_id = ?)",
                    [(tid, label, run_id, version, tid) for tid, label in categories])


def update_sources(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    """Record processed input files: (path, size, mtime_ns, hash, articles, rejects, run_id, version)."""
    if not rows:
        return
    con.executemany("delete from sources where input_path = ?", [(r[0],) for r in rows])
    con.executemany("insert into sources values (?, ?, ?, ?, ?, ?, ?, ?)", rows)
