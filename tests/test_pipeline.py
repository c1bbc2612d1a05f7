"""The pipeline end to end (one Prefect test server per session): runs, reruns, edits, CLI."""
from __future__ import annotations

import json
import shutil

import duckdb
import pyarrow.dataset as ds
import pytest

from tests.conftest import SAMPLES
from warehouse.db import TABLES

CONTENT = {  # per table: columns that must not change on a rerun (run_id/ingested_at excluded)
    "articles": "article_id, url, title, body, authors, published_at, content_hash",
    "person_mentions": "article_id, name_in_article, mention_count, role",
    "article_people": "article_id, person_id, mention_count, role, first_offset",
    "people": "person_id, name, aliases",
    "quotes": "quote_id, person_id, text, kind, speaker_text",
    "topics": "topic_id, label, kind",
    "article_topics": "article_id, topic_id, score, rank",
    "rejects": "source_uri, reason",
}


def snapshot(data_dir) -> dict:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return {t: sorted(map(str, con.execute(f"select {cols} from {t}").fetchall())) for t, cols in CONTENT.items()}
    finally:
        con.close()


def parquet_count(data_dir, table) -> int:
    files = [str(p) for p in (data_dir / "parquet" / table).rglob("*.parquet")]
    return ds.dataset(files, format="parquet").count_rows() if files else 0


def db_count(data_dir, table) -> int:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def samples(tmp_path):
    dest = tmp_path / "in"
    shutil.copytree(SAMPLES, dest)
    return dest


def test_seed_run_gives_one_complete_article(cli, data_dir):
    r = cli("run", SAMPLES / "seed-moscow-times.txt", "--data-dir", data_dir)
    assert r.status == 0, r.err
    row = json.loads(cli("sql", "select title, authors, published_at, url, outlet, body from articles",
                         "--format", "json", "--data-dir", data_dir).out)
    assert row["title"] == "Blinken Holds 'Frank' Discussion With Russian FM on Prisoners, Ukraine"
    assert row["authors"] == ["AFP"] and row["outlet"] == "themoscowtimes.com"
    assert row["published_at"].startswith("2022-07-29")
    assert row["body"].startswith("US Secretary of State Antony Blinken spoke Friday")


def test_rerun_on_same_inputs_changes_nothing(cli, data_dir, samples):
    assert cli("run", samples, "--data-dir", data_dir).status == 0
    before = snapshot(data_dir)
    r = cli("run", samples, "--data-dir", data_dir)
    assert r.status == 0 and "0 of 6 input file(s) processed" in r.out
    assert snapshot(data_dir) == before


def test_every_parquet_folder_holds_exactly_its_table(cli, data_dir, samples):
    assert cli("run", samples, "--data-dir", data_dir).status == 0
    for table in TABLES:
        assert parquet_count(data_dir, table) == db_count(data_dir, table), table
    assert (data_dir / "parquet" / "articles" / "published_month=2022-07").is_dir()
    assert (data_dir / "parquet" / "articles" / "published_month=unknown").is_dir()


def test_edited_input_replaces_its_article_rows_everywhere(cli, data_dir, samples):
    assert cli("run", samples, "--data-dir", data_dir).status == 0
    seed = samples / "seed-moscow-times.txt"
    seed.write_text(seed.read_text().replace('"But it was important that he heard directly," Blinken said.\n\n', ""))
    assert cli("run", samples, "--data-dir", data_dir).status == 0
    out = cli("sql", "select count(*) as n from quotes where text like 'But it was important%'",
              "--format", "json", "--data-dir", data_dir).out
    assert json.loads(out)["n"] == 0
    assert db_count(data_dir, "articles") == 8


def test_reprocess_forces_a_full_pass_with_same_ids(cli, data_dir, samples):
    assert cli("run", samples, "--data-dir", data_dir).status == 0
    before = snapshot(data_dir)
    r = cli("run", samples, "--reprocess", "--data-dir", data_dir)
    assert r.status == 0 and "6 of 6 input file(s) processed" in r.out
    assert snapshot(data_dir) == before


def test_bad_records_land_in_rejects_and_the_run_succeeds(cli, data_dir, samples):
    assert cli("run", samples, "--data-dir", data_dir).status == 0
    rows = cli("sql", "select reason from rejects order by reason", "--format", "csv", "--data-dir", data_dir).out
    assert rows.split() == ["reason", "bad_json", "empty_body"]


def test_other_languages_are_loaded_but_not_extracted(cli, data_dir, samples):
    assert cli("run", samples, "--data-dir", data_dir).status == 0
    out = cli("sql", "select a.language, count(q.quote_id) as quotes, count(t.topic_id) as topics from articles a "
              "left join quotes q using (article_id) left join article_topics t using (article_id) "
              "where a.language = 'es' group by 1", "--format", "json", "--data-dir", data_dir).out
    assert json.loads(out) == {"language": "es", "quotes": 0, "topics": 0}


def test_runs_table_records_each_run(cli, data_dir, samples):
    cli("run", samples, "--data-dir", data_dir)
    cli("run", samples, "--data-dir", data_dir)
    out = cli("sql", "select status, files_seen, files_skipped from runs order by started_at",
              "--format", "csv", "--data-dir", data_dir).out
    assert out.split() == ["status,files_seen,files_skipped", "succeeded,6,0", "succeeded,6,6"]


@pytest.mark.parametrize("args", [
    ["run", "/no/such/file.txt"],
    ["run", "--no-such-flag", "x"],
    ["frobnicate"],
    ["sql"],
])
def test_cli_misuse_prints_one_line_and_exits_2(cli, args):
    r = cli(*args)
    assert r.status == 2
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_bad_query_prints_duckdb_error_in_one_line(cli, data_dir, samples):
    cli("run", samples / "plain-headline.txt", "--data-dir", data_dir)
    r = cli("sql", "select nope from articles", "--data-dir", data_dir)
    assert r.status == 1 and len(r.err.strip().splitlines()) == 1 and "nope" in r.err


def test_sql_is_read_only(cli, data_dir, samples):
    cli("run", samples / "plain-headline.txt", "--data-dir", data_dir)
    r = cli("sql", "delete from articles", "--data-dir", data_dir)
    assert r.status == 1 and "read-only" in r.err.lower()
    assert db_count(data_dir, "articles") == 1


@pytest.mark.parametrize("fmt, check", [
    ("table", lambda out: "(1 row)" in out and "title" in out.splitlines()[0]),
    ("csv", lambda out: out.splitlines()[0] == "title,n"),
    ("json", lambda out: json.loads(out)["n"] == 1),
])
def test_sql_output_formats(cli, data_dir, samples, fmt, check):
    cli("run", samples / "plain-headline.txt", "--data-dir", data_dir)
    r = cli("sql", "select title, 1 as n from articles", "--format", fmt, "--data-dir", data_dir)
    assert r.status == 0 and check(r.out)


SEED_PEOPLE = [
    ("Antony Blinken", "US Secretary of State"), ("Sergei Lavrov", "Russian Foreign Minister"),
    ("Brittney Griner", "basketball star"), ("Paul Whelan", "former Marine"),
    ("Viktor Bout", "convicted Russian arms smuggler"), ("Vladimir Putin", "Russian President"),
]


def test_seed_people_quotes_and_topics_in_the_warehouse(cli, data_dir):
    assert cli("run", SAMPLES / "seed-moscow-times.txt", "--data-dir", data_dir).status == 0
    people = cli("sql", "select p.name, ap.role from article_people ap join people p using (person_id) "
                 "order by p.name", "--format", "json", "--data-dir", data_dir).out
    assert sorted((r["name"], r["role"]) for r in map(json.loads, people.splitlines())) == sorted(SEED_PEOPLE)
    quotes = [json.loads(line) for line in cli(
        "sql", "select p.name, q.kind, q.text, q.start, q.\"end\", a.body from quotes q "
        "left join people p using (person_id) join articles a using (article_id) order by q.start",
        "--format", "json", "--data-dir", data_dir).out.splitlines()]
    assert {q["name"] for q in quotes} == {"Antony Blinken"}
    texts = [q["text"] for q in quotes]
    assert "I can't give you an assessment of whether I think things are any more or less likely." in texts
    assert "sham referendums" in texts and any(t.startswith("gobbling up as much Ukrainian territory") for t in texts)
    assert {q["kind"] for q in quotes if q["text"] == "sham referendums"} == {"partial"}
    for q in quotes:  # offsets point at the quoted words in body
        assert q["body"][q["start"]:q["end"]].replace("\n\n", " ") == q["text"]
    top = json.loads(cli("sql", "select label from article_topics where kind = 'category' and rank = 1",
                         "--format", "json", "--data-dir", data_dir).out)["label"]
    assert top in ("politics", "conflict, war and peace")
    n_phrases = json.loads(cli("sql", "select count(*) as n from article_topics where kind = 'keyphrase'",
                               "--format", "json", "--data-dir", data_dir).out)["n"]
    assert 3 <= n_phrases <= 10
