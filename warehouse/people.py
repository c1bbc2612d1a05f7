"""Cross-article person linking, recomputed over the whole warehouse after every load."""
from __future__ import annotations

import duckdb
import pyarrow as pa

from transforms.person_link import link_people, person_id


def relink_people(con: duckdb.DuckDBPyConnection, overrides=None) -> None:
    """Rebuild `article_people` and `people` from `person_mentions`, and quotes' person_id.

    The result depends only on the set of mentions (and the overrides), never on load order.
    """
    pairs = con.execute("select article_id, name_in_article from person_mentions "
                        "order by article_id, name_in_article").fetchall()
    linked = link_people(pairs, overrides)
    names = [linked.get((a, n), n) for a, n in pairs]
    ids = {name: person_id(name) for name in set(names)}  # a person is named in many articles
    mapping = pa.table({
        "article_id": [a for a, _ in pairs],
        "name_in_article": [n for _, n in pairs],
        "person_name": names,
        "person_id": [ids[name] for name in names],
    })
    con.register("person_map_arrow", mapping)
    con.execute("create or replace temp table person_map as select * from person_map_arrow "
                "where person_id <> ''")
    con.unregister("person_map_arrow")
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
    con.execute("update quotes set person_id = null where person_id is not null")
    con.execute("update quotes set person_id = m.person_id from person_map m "
                "where quotes.article_id = m.article_id and quotes.speaker_name_in_article = m.name_in_article")
