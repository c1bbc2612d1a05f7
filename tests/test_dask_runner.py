"""Results do not depend on where batches run: inline, a local process pool, or a Dask cluster."""
from __future__ import annotations

import gzip
import json

import duckdb
import pytest

from flows.commands import run_pipeline
from flows.plan import make_plan
from flows.settings import Settings

# Columns that name the run rather than the content.
LINEAGE = {"run_id", "ingested_at", "rejected_at"}
TABLES = ("articles", "quotes", "article_people", "article_topics", "people", "topics")

NAMES = ["Maria Alvarez", "John Okafor", "Priya Raman", "Tom Becker", "Lena Fischer"]
TOPICS = ["the city budget", "flood defences", "the new rail line", "school funding"]


def _article(i: int) -> dict:
    who, other = NAMES[i % len(NAMES)], NAMES[(i + 2) % len(NAMES)]
    topic = TOPICS[i % len(TOPICS)]
    body = "\n\n".join([
        f"Council members met on Tuesday to debate {topic}, the {i}th session this year.",
        f'"We cannot wait any longer on {topic}," said {who}, the council\'s finance chair.',
        f"{other}, a local economist, disagreed. \"The numbers do not add up,\" {other.split()[1]} said.",
        f"A vote on {topic} is expected next month, officials said.",
    ])
    return {"url": f"https://news.example.org/2024/0{1 + i % 3}/story-{i}", "title": f"Council weighs {topic} ({i})",
            "authors": "Sam Reporter", "date_publish": f"2024-0{1 + i % 3}-1{i % 9}", "text": body,
            "source_domain": "news.example.org"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """20 generated articles in 4 JSONL files (so 4 batches)."""
    root = tmp_path_factory.mktemp("corpus")
    for shard in range(4):
        with gzip.open(root / f"shard-{shard}.jsonl.gz", "wt", encoding="utf-8") as f:
            for i in range(shard * 5, shard * 5 + 5):
                f.write(json.dumps(_article(i)) + "\n")
    return root


def _tables(data_dir) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] not in LINEAGE]
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(con.execute(f"select {names} from {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def default_tables(corpus, tmp_path_factory, prefect_api):
    # Module-scoped, so before the per-test batch size: the reference run has all files in one batch.
    data = tmp_path_factory.mktemp("default") / "data"
    assert run_pipeline([str(corpus)], data, small=True) == 0
    tables = _tables(data)
    assert tables["articles"] and tables["quotes"] and tables["article_people"] and tables["article_topics"]
    return tables


@pytest.fixture(autouse=True)
def one_batch_per_file(monkeypatch):
    # The 4 small files would share one batch; 1-byte batches make them 4, run on 2 workers.
    monkeypatch.setenv("WIREHOUSE_BATCH_BYTES", "1")


@pytest.fixture
def dask_cluster(prefect_api, monkeypatch):
    """Address of a 2-worker, process-based Dask cluster on loopback."""
    distributed = pytest.importorskip("distributed")
    # Worker processes inherit the environment: point their Prefect client at the session server.
    monkeypatch.setenv("PREFECT_API_URL", prefect_api)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        yield cluster.scheduler_address


def test_dask_cluster_run_gives_the_same_tables_as_the_default_runner(cli, corpus, data_dir, dask_cluster,
                                                                      default_tables):
    r = cli("run", corpus, "--data-dir", data_dir, "--runner", "dask", "--dask-address", dask_cluster)
    assert r.status == 0, r.err
    assert _tables(data_dir) == default_tables


def test_local_process_pool_gives_the_same_tables_as_inline_batches(corpus, data_dir, default_tables, monkeypatch):
    monkeypatch.setenv("WIREHOUSE_WORKERS", "2")
    assert run_pipeline([str(corpus)], data_dir, small=False) == 0
    assert _tables(data_dir) == default_tables


def test_one_big_jsonl_file_split_into_parts_gives_the_same_tables_as_one_batch(tmp_path, monkeypatch, prefect_api):
    # Later records of the same article win, bad lines are rejected: both must survive the split.
    big = tmp_path / "all.jsonl.gz"
    with gzip.open(big, "wt", encoding="utf-8") as f:
        for i in range(20):
            f.write(json.dumps(_article(i)) + "\n")
        f.write("{not json\n")
        edited = _article(3)
        edited["title"] = "Council weighs the city budget again"
        f.write(json.dumps(edited) + "\n")
    results = []
    for parts in (1, 3):
        # The planner estimates 3 bytes of text per gzip byte; batches of a third make 3 parts.
        monkeypatch.setenv("WIREHOUSE_BATCH_BYTES", str(2**30 if parts == 1 else big.stat().st_size + 1))
        data = tmp_path / f"data-{parts}"
        assert len(make_plan([str(big)], Settings(data_dir=data), "v", False).batches) == parts
        assert run_pipeline([str(big)], data, small=True) == 0
        con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
        try:
            rejects = con.execute("select source_uri, reason from rejects order by all").fetchall()
            titles = con.execute("select title from articles where title like '%again'").fetchall()
        finally:
            con.close()
        results.append((_tables(data), rejects))
        assert len(rejects) == 1 and titles
    assert results[0] == results[1]
