"""Cross-article person linking, recomputed over the whole warehouse after every load."""
from __future__ import annotations

import duckdb
import pyarrow as pa

from transforms.person_link import Overrides, link_names, person_id, split_canonical


def relink_people(con: duckdb.DuckDBPyConnection, overrides=None) -> None:
    """Rebuild `article_people` and `people` from `person_mentions`, and quotes' person_id.

    The result depends only on the set of mentions (and the overrides), never on load order.
    """
    ov = overrides or Overrides()
    counts = dict(con.execute("select name_in_article, count(*) from person_mentions group by 1").fetchall())
    split_rows: list[tuple[str, str, str]] = []
    if ov.splits:
        # Only the articles named by a split can hold a split pair: a small query.
        for aid, name in con.execute("select article_id, name_in_article from person_mentions "
                                     "where article_id in (select unnest(?::varchar[]))",
                                     [sorted({aid for aid, _ in ov.splits})]).fetchall():
            canonical = split_canonical(aid, name, ov)
            if canonical is not None:
                split_rows.append((aid, name, canonical))
                counts[name] -= 1
    names = link_names({n: c for n, c in counts.items() if c > 0}, ov)
    ids = {canonical: person_id(canonical) for canonical in set(names.values()) | {c for *_, c in split_rows}}
    con.register("name_map_arrow", pa.table({
        "name_in_article": list(names), "person_name": list(names.values()),
        "person_id": [ids[c] for c in names.values()]}))
    con.register("split_map_arrow", pa.table({
        "article_id": pa.array([a for a, _, _ in split_rows], pa.string()),
        "name_in_article": pa.array([n for _, n, _ in split_rows], pa.string()),
        "person_name": pa.array([c for *_, c in split_rows], pa.string()),
        "person_id": pa.array([ids[c] for *_, c in split_rows], pa.string())}))
    con.execute("create or replace temp table person_map as "
                "select pm.article_id, pm.name_in_article, coalesce(s.person_name, n.person_name) as person_name, "
                "coalesce(s.person_id, n.person_id) as person_id "
                "from person_mentions pm left join split_map_arrow s using (article_id, name_in_article) "
                "left join name_map_arrow n on n.name_in_article = pm.name_in_article and s.article_id is null "
                "where coalesce(s.person_id, n.person_id) <> ''")
    con.unregister("name_map_arrow")
    con.unregister("split_map_arrow")
    con.execute("create or replace temp table linked_mentions as select pm.*, m.person_id, m.person_name "
                "from person_mentions pm join person_map m using (article_id, name_in_article)")
    con.execute("delete from article_people")
    con.execute(
        "insert into article_people select article_id, person_id, "
        "arg_min(name_in_article, coalesce(first_offset, 2147483647)), sum(mention_count)::integer, "
        "arg_min(role, coalesce(first_offset, 2147483647)) filter (where role is not null), "
        "min(first_offset), max(run_id), max(pipeline_version) "
        "from linked_mentions group by article_id, person_id")
    con.execute("delete from people")
    # Aliases aggregated once and joined: a correlated subquery per person took most of the
    # relink time at a few thousand articles.
    con.execute(
        "insert into people with forms as (select person_id, unnest(forms) as form from linked_mentions "
        "union select person_id, name_in_article from linked_mentions), "
        "aliases as (select person_id, list(form order by form) as aliases from forms group by person_id) "
        "select l.person_id, min(l.person_name), any_value(a.aliases), count(distinct l.article_id)::integer, "
        "sum(l.mention_count), max(l.run_id), max(l.pipeline_version) "
        "from linked_mentions l join aliases a using (person_id) group by l.person_id")
    # Only quotes whose link changes are written: an updated row group is rewritten at the
    # checkpoint, and most quotes keep their person from one load to the next.
    con.execute("update quotes set person_id = m.person_id from person_map m "
                "where quotes.article_id = m.article_id and quotes.speaker_name_in_article = m.name_in_article "
                "and quotes.person_id is distinct from m.person_id")
    con.execute("update quotes set person_id = null where person_id is not null and not exists "
                "(select 1 from person_map m where m.article_id = quotes.article_id "
                "and m.name_in_article = quotes.speaker_name_in_article)")
