"""The analyst views over a warehouse built from samples/ by the pipeline."""
from __future__ import annotations

from importlib.resources import files

import duckdb
import pytest

from warehouse.db import apply_schema, read_only

VIEWS = sorted(p.name[:-4] for p in files("warehouse").joinpath("views").iterdir() if p.name.endswith(".sql"))


@pytest.fixture(scope="module")
def con(samples_warehouse):
    c = read_only(samples_warehouse / "warehouse.duckdb")
    yield c
    c.close()


def _rows(con, query: str, params=None) -> list[dict]:
    cur = con.execute(query, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def test_every_view_file_declares_its_grain_and_ends_with_select_from_final():
    for name in VIEWS:
        text = files("warehouse").joinpath(f"views/{name}.sql").read_text(encoding="utf-8")
        assert text.startswith(f"-- {name}: one row per"), name
        assert f"create or replace view {name} as" in text
        assert text.rstrip().endswith("select * from final"), name


def test_views_apply_twice_on_an_empty_warehouse_and_return_nothing():
    mem = duckdb.connect()
    apply_schema(mem)
    apply_schema(mem)
    for name in VIEWS:
        assert mem.execute(f"select count(*) from {name}").fetchone()[0] == 0


def test_who_said_what_names_the_speaker_role_article_and_outlet(con):
    rows = _rows(con, "select * from who_said_what where speaker = 'Daniel Moss'")
    assert len(rows) == 1
    row = rows[0]
    assert row["quote"].startswith("The water came up faster")
    assert row["role"] == "Fire chief"
    assert row["title"] == "Floods Force Thousands From Homes in River Valley"
    assert row["outlet_name"] == "Valley Times"
    assert row["url"].startswith("https://www.valleytimes.example/")
    assert str(row["published_at"].date()) == "2024-02-11"


def test_who_said_what_has_one_row_per_quote(con):
    assert con.execute("select count(*) from who_said_what").fetchone() == \
        con.execute("select count(*) from quotes").fetchone()


def test_person_stats_counts_articles_quotes_and_co_mentions(con):
    blinken = _rows(con, "select * from person_stats where person_id = 'antony-blinken'")[0]
    assert blinken["count_articles"] == 1
    assert blinken["count_quotes"] == con.execute(
        "select count(*) from quotes where person_id = 'antony-blinken'").fetchone()[0] > 0
    assert blinken["first_seen_at"] == blinken["last_seen_at"]
    assert "Sergei Lavrov" in blinken["top_co_mentioned"]
    assert len(blinken["top_co_mentioned"]) <= 5
    assert con.execute("select count(*) from person_stats").fetchone() == \
        con.execute("select count(*) from people").fetchone()


def test_co_mentions_lists_each_pair_once_with_its_shared_articles(con):
    rows = _rows(con, "select * from co_mentions")
    pairs = [(r["person_id_a"], r["person_id_b"]) for r in rows]
    assert all(a < b for a, b in pairs) and len(pairs) == len(set(pairs))
    jonas = [r for r in rows if {r["person_id_a"], r["person_id_b"]} == {"jonas-weber", "rachel-green"}]
    assert [r["count_articles"] for r in jonas] == [1]


def test_topic_trends_counts_articles_per_topic_and_month(con):
    rows = _rows(con, "select * from topic_trends where kind = 'category'")
    assert rows and all(r["count_articles"] >= 1 for r in rows)
    assert all(r["published_month"] == r["month"].strftime("%Y-%m") for r in rows)
    total = con.execute("select count(*) from article_topics t join articles a using (article_id) "
                        "where t.kind = 'category' and a.published_at is not null").fetchone()[0]
    assert sum(r["count_articles"] for r in rows) == total


def test_outlet_stats_has_one_row_per_outlet_and_counts_add_up(con):
    rows = _rows(con, "select * from outlet_stats")
    assert sum(r["count_articles"] for r in rows) == con.execute("select count(*) from articles").fetchone()[0]
    assert sum(r["count_quotes"] for r in rows) == con.execute("select count(*) from quotes").fetchone()[0]
    valley = [r for r in rows if r["outlet"] == "valleytimes.example"][0]
    assert valley["outlet_name"] == "Valley Times" and valley["count_people"] == 1
