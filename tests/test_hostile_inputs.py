"""Hostile inputs end as a cleaned article or a `rejects` row with a specific reason; the run goes on.

All inputs are generated here into tmp dirs; one `wirehouse run` (in-process) loads them all.
"""
from __future__ import annotations

import gzip
import json
import os
import random

import duckdb
import pytest

BODY = "The council approved the budget on Monday. Critics said the plan was rushed.\n\n" \
       "Officials expect the first payments in spring."
HOSTILE_NAME = "o'brien\"; drop table articles;--.json"  # paths reach SQL only as bound values
BIG = 30 * 2**20  # a 30 MB body: far past the body cap, far below the memory the run may use


def _line(**rec) -> bytes:
    return json.dumps(rec).encode() + b"\n"


def _words(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    return " ".join(f"{rnd.choice(['rain', 'vote', 'court', 'port', 'deal'])}{rnd.randint(0, 99999)}"
                    for _ in range(n))


def _gzip_bomb(path, byte: bytes, size: int) -> None:
    """~100 KB on disk per 100 MB decompressed."""
    with gzip.open(path, "wb", compresslevel=9) as f:
        chunk = byte * 2**20
        for _ in range(size // 2**20):
            f.write(chunk)


def _truncated_gzip(data: bytes) -> bytes:
    gz = gzip.compress(data)
    return gz[: len(gz) // 2]


def _write_inputs(root) -> None:
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_bytes(b"  \n\n \t\n")
    (root / "empty.jsonl").write_bytes(b"")
    (root / "garbage.txt").write_bytes(random.Random(1).randbytes(5000) + b"\x00")
    (root / "garbage.jsonl").write_bytes(bytes(range(256)) * 40)
    (root / "truncated.txt.gz").write_bytes(_truncated_gzip(
        ("# Long story\n\n" + "\n\n".join(_words(80, i) for i in range(60))).encode()))
    (root / "not-gzip.json.gz").write_bytes(b'{"title": "plain json with a .gz name"}')
    lines = b"".join(_line(title=f"Wire {i}", text=_words(60, i), url=f"https://wire.example/{i}")
                     for i in range(400))
    (root / "truncated.jsonl.gz").write_bytes(_truncated_gzip(lines))
    _gzip_bomb(root / "bomb.txt.gz", b"a", 100 * 2**20)
    _gzip_bomb(root / "bomb.jsonl.gz", b" ", 100 * 2**20)
    (root / "cp1252.txt").write_bytes(
        "# Café prices rise\n\nThe café on the square now charges £5 for tea, up from £3.\n".encode("cp1252"))
    (root / "broken.jsonl").write_bytes(
        _line(title="Good one", text=BODY, url="https://news.example/good-1")
        + b'{"title": "broken", "text": \n'
        + _line(title="Good two", text=BODY + " Two.", url="https://news.example/good-2"))
    with open(root / "huge-body.json", "w") as f:  # one record, 30 MB of body
        json.dump({"title": "Huge", "text": "word " * (BIG // 5), "url": "https://news.example/huge"}, f)
    with open(root / "huge-line.jsonl", "wb") as f:
        f.write(_line(title="Before huge", text=BODY, url="https://news.example/before"))
        f.write(_line(title="Huge line", text="word " * (BIG // 5), url="https://news.example/huge-line"))
        f.write(_line(title="After huge", text=BODY, url="https://news.example/after"))
    depth = 20_000
    (root / "deep.html").write_bytes(
        b"<html><head><title>Deep page</title></head><body>" + b"<div>" * depth
        + b"<p>Text at the bottom of a very deep page, long enough to be a paragraph.</p>"
        + b"</div>" * depth + b"</body></html>")
    (root / "scripts.html").write_text(
        "<html><head><title>Scripted page</title><style>p { color: red } .STYLE_LEAK {}</style>"
        "<script>var SCRIPT_LEAK = 1;</script></head><body><article><h1>Harbour reopens</h1>"
        "<p>The harbour reopened on Tuesday after a week of repairs, the port authority said.</p>"
        "<script>document.write('SCRIPT_LEAK_2')</script><noscript>NOSCRIPT_LEAK</noscript>"
        "<p>Ferries will run a reduced timetable until the end of the month, officials added.</p>"
        "</article></body></html>", encoding="utf-8")
    (root / "dates.jsonl").write_bytes(
        _line(title="Ancient", text=BODY + " Ancient.", date="1066-10-14", url="https://news.example/ancient")
        + _line(title="Future", text=BODY + " Future.", date="3024-01-01", url="https://news.example/future")
        + _line(title="Nonsense date", text=BODY + " Nonsense.", date="99/99/9999",
                url="https://news.example/nonsense"))
    (root / "same-url.jsonl").write_bytes(
        _line(title="Edited", text="First version of the story.", url="https://news.example/same")
        + _line(title="Edited", text="Second, corrected version of the story.",
                url="https://news.example/same?utm_source=x"))
    (root / HOSTILE_NAME).write_bytes(_line(title="Odd name", text=BODY + " Odd.", url="https://news.example/odd"))
    (root / "same-text.jsonl").write_bytes(
        _line(title="Syndicated", text=BODY, url="https://one.example/story")
        + _line(title="Syndicated", text=BODY, url="https://two.example/story"))


@pytest.fixture(scope="module")
def loaded(prefect_api, tmp_path_factory):
    """(exit status, read-only connection) after one run over every hostile input."""
    from flows.cli import main

    root = tmp_path_factory.mktemp("hostile")
    _write_inputs(root / "in")
    (root / "notes.csv").write_text("a,b\n1,2\n")  # named explicitly: an unsupported format
    data = root / "data 'quoted'"  # COPY ... TO takes a literal path, not a parameter
    status = main(["run", str(root / "in"), str(root / "notes.csv"), "--data-dir", str(data)])
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    yield status, con, root
    con.close()


def _reasons(con, name: str) -> dict[str, str]:
    return dict(con.execute("select source_uri, reason from rejects where input_path like ?",
                            [f"%/{name}"]).fetchall())


def test_run_over_hostile_inputs_exits_zero(loaded):
    status, con, _ = loaded
    assert status == 0
    assert con.execute("select status from runs").fetchall() == [("succeeded",)]


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty_file"),
    ("blank.md", "empty_file"),
    ("empty.jsonl", "empty_file"),
    ("garbage.txt", "binary_file"),
    ("garbage.jsonl", "binary_file"),
    ("truncated.txt.gz", "corrupt_gzip"),
    ("not-gzip.json.gz", "corrupt_gzip"),
    ("bomb.txt.gz", "too_large"),
    ("bomb.jsonl.gz", "record_too_large"),
    ("huge-body.json", "body_too_large"),
    ("notes.csv", "unsupported_format"),
])
def test_unusable_file_is_one_reject_with_its_reason(loaded, name, reason):
    _, con, _ = loaded
    assert list(_reasons(con, name).values()) == [reason]


def test_jsonl_broken_line_is_rejected_by_line_number_and_good_lines_load(loaded):
    _, con, root = loaded
    assert _reasons(con, "broken.jsonl") == {f"{root / 'in' / 'broken.jsonl'}#line=2": "bad_json"}
    titles = con.execute("select title from articles where source_uri like '%broken.jsonl%' order by 1").fetchall()
    assert titles == [("Good one",), ("Good two",)]


def test_oversized_jsonl_line_is_rejected_and_its_neighbours_load(loaded):
    _, con, root = loaded
    assert _reasons(con, "huge-line.jsonl") == {f"{root / 'in' / 'huge-line.jsonl'}#line=2": "record_too_large"}
    titles = con.execute("select title from articles where source_uri like '%huge-line.jsonl%' order by 1").fetchall()
    assert titles == [("After huge",), ("Before huge",)]


def test_truncated_jsonl_gzip_keeps_the_lines_before_the_damage(loaded):
    _, con, root = loaded
    assert list(_reasons(con, "truncated.jsonl.gz").items()) == [
        (str(root / "in" / "truncated.jsonl.gz"), "corrupt_gzip")]
    n = con.execute("select count(*) from articles where source_uri like '%truncated.jsonl.gz#line=%'").fetchone()[0]
    assert 0 < n < 400


def test_cp1252_file_keeps_pound_and_e_acute(loaded):
    _, con, _ = loaded
    title, body = con.execute("select title, body from articles where source_uri like '%cp1252.txt'").fetchone()
    assert title == "Café prices rise"
    assert "£5" in body and "café" in body and "\ufffd" not in body


def test_deeply_nested_html_ends_as_article_or_reject(loaded):
    _, con, _ = loaded
    articles = con.execute("select count(*) from articles where source_uri like '%deep.html'").fetchone()[0]
    rejects = _reasons(con, "deep.html")
    assert articles + len(rejects) >= 1
    assert not any(r in ("read_error", "parse_error") for r in rejects.values()), rejects


def test_scripts_and_styles_never_reach_body(loaded):
    _, con, _ = loaded
    body = con.execute("select body from articles where source_uri like '%scripts.html'").fetchone()[0]
    assert "harbour reopened" in body
    assert not any(leak in body for leak in ("LEAK", "color: red", "document.write"))


def test_implausible_dates_are_nulled_and_counted(loaded):
    _, con, _ = loaded
    rows = con.execute("select title, published_at from articles where source_uri like '%dates.jsonl%'").fetchall()
    assert sorted(rows) == [("Ancient", None), ("Future", None), ("Nonsense date", None)]
    nulled = con.execute("select fields_nulled['published_at'] from runs").fetchone()[0]
    assert nulled >= 3


def test_same_url_twice_in_one_run_keeps_one_article_with_the_later_text(loaded):
    _, con, _ = loaded
    rows = con.execute("select url, body from articles where url like 'https://news.example/same%'").fetchall()
    assert rows == [("https://news.example/same", "Second, corrected version of the story.")]


def test_same_text_under_two_urls_keeps_both_and_the_view_pairs_them(loaded):
    _, con, _ = loaded
    rows = con.execute("select url, duplicate_of, count_copies from duplicate_articles "
                       "where url like '%/story' order by url").fetchall()
    assert [r[0] for r in rows] == ["https://one.example/story", "https://two.example/story"]
    assert rows[0][1] == rows[1][1] and {r[2] for r in rows} == {2}


def test_rerun_of_hostile_inputs_changes_nothing(loaded, capsys):
    from flows.cli import main

    _, con, root = loaded
    data = root / "data 'quoted'"
    before = con.execute("select count(*) from rejects").fetchone()[0]
    assert main(["run", str(root / "in"), str(root / "notes.csv"), "--data-dir", str(data)]) == 0
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as fresh:
        assert fresh.execute("select count(*) from rejects").fetchone()[0] == before


def test_loader_bug_costs_one_file_not_the_run(tmp_path, monkeypatch):
    from flows import inputs

    def boom(_raw):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(inputs, "parse_seed", boom)
    path = tmp_path / "a.txt"
    path.write_text("# Title\n\nBody text.\n")
    out = list(inputs.iter_records(path, "text", 2**20, 2**20))
    assert [(u, r.reason) for u, r in out] == [(str(path), "read_error")]


def test_whole_document_json_larger_than_its_cap_is_rejected_unread(tmp_path, monkeypatch):
    from flows import inputs

    monkeypatch.setattr(inputs, "MAX_JSON_DOCUMENT", 1000)
    path = tmp_path / "dump.json.gz"
    _gzip_bomb(path, b" ", 2**20)
    assert [r.reason for _, r in inputs.iter_records(path, "json", 2**30, 2**30)] == ["too_large"]
    assert os.path.getsize(path) < 10_000


def test_hostile_file_name_loads_and_nothing_is_written_outside_the_data_dir(loaded):
    _, con, root = loaded
    assert con.execute("select title from articles where source_uri = ?", [str(root / "in" / HOSTILE_NAME)]
                       ).fetchall() == [("Odd name",)]
    assert sorted(p.name for p in root.iterdir()) == ["data 'quoted'", "in", "notes.csv"]
    assert {p.name for p in (root / "data 'quoted'").iterdir()} <= {
        ".lock", ".staging", "warehouse.duckdb", "parquet"}
