"""Behaviour of warehouse.people.relink_people: the warehouse's people tables follow link_people."""
from __future__ import annotations

import random

import duckdb
import pytest

from transforms.person_link import link_people, parse_overrides, person_id
from warehouse.db import apply_schema
from warehouse.people import relink_people

MENTIONS = [("a1", "Antony Blinken"), ("a2", "Blinken"), ("a3", "Tony Blinken"), ("a3", "Paul Johnson"),
            ("a4", "Paul Johnson"), ("a5", "Johnson"), ("a6", "Sergei Lavrov"), ("a6", "Lavrov")]
OVERRIDES = ("merge | Tony Blinken | Antony Blinken\n"
             "split | a4 | Paul Johnson | Paul Johnson (cricketer)\n"
             "rename | Sergei Lavrov | Sergey Lavrov\n")


def _warehouse(mentions):
    con = duckdb.connect()
    apply_schema(con)
    con.executemany("insert into person_mentions values (?, ?, [?], 1, null, 0, 'r', 'v')",
                    [(a, n, n) for a, n in mentions])
    con.executemany("insert into quotes values (?, ?, 'unknown', null, ?, ?, 'x', 'direct', 'said', 0, 1, 'r', 'v')",
                    [(f"q{i}", a, n, n) for i, (a, n) in enumerate(mentions)])
    return con


@pytest.mark.parametrize("overrides", ["", OVERRIDES])
def test_warehouse_people_are_the_pairwise_linking_of_every_mention(overrides):
    ov = parse_overrides(overrides)
    con = _warehouse(MENTIONS)
    relink_people(con, ov)
    expected = {(a, person_id(c)) for (a, _), c in link_people(MENTIONS, ov).items()}
    assert set(con.execute("select article_id, person_id from article_people").fetchall()) == expected
    speakers = dict(con.execute("select quote_id, person_id from quotes").fetchall())
    linked = link_people(MENTIONS, ov)
    assert speakers == {f"q{i}": person_id(linked[p]) for i, p in enumerate(MENTIONS)}


def test_split_and_merge_and_rename_overrides_reach_the_people_table():
    con = _warehouse(MENTIONS)
    relink_people(con, parse_overrides(OVERRIDES))
    people = dict(con.execute("select name, article_count from people").fetchall())
    assert people["Antony Blinken"] == 3  # a1, a2 (surname), a3 (merged spelling)
    assert people["Paul Johnson (cricketer)"] == 1
    assert people["Sergey Lavrov"] == 1
    assert "Tony Blinken" not in people and "Sergei Lavrov" not in people


def test_relinking_is_independent_of_load_order():
    shuffled = MENTIONS[:]
    random.Random(7).shuffle(shuffled)
    tables = []
    for rows in (MENTIONS, shuffled):
        con = _warehouse(rows)
        relink_people(con, parse_overrides(OVERRIDES))
        tables.append(con.execute("select * from people order by person_id").fetchall())
    assert tables[0] == tables[1]
