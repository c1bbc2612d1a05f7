"""JSON/JSONL/text loaders: key variants, gzip, folders, globs, bad lines."""
from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from flows.inputs import UsageError, discover, iter_records
from transforms.article import Rejected, build_article, paragraphs_of
from transforms.language import _WORD, _words, detect_language
from transforms.records import fields_from_json
from transforms.seedfmt import rejoin

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
CAP = 10 * 2**20


@pytest.mark.parametrize("record, body", [
    ({"text": "T", "maintext": "M", "content": "C"}, "T"),
    ({"maintext": "M", "content_original": "O"}, "M"),
    ({"content_original": "O", "content": "C"}, "O"),
    ({"content": "C", "body": "B"}, "C"),
    ({"body": "B"}, "B"),
])
def test_body_key_first_present_wins(record, body):
    assert fields_from_json(record)["body"] == body


@pytest.mark.parametrize("record, authors", [
    ({"authors": ["Ann Lee", "Bo Kim"]}, ["Ann Lee", "Bo Kim"]),
    ({"authors": "Ann Lee, Bo Kim and Cy Young"}, ["Ann Lee", "Bo Kim", "Cy Young"]),
    ({"authors": ""}, []),
])
def test_authors_from_list_or_joined_string(record, authors):
    row, _ = build_article({**fields_from_json({**record, "text": "Body."})}, source_uri="x", now=NOW,
                           run_id="r", pipeline_version="v")
    assert row["authors"] == authors


@pytest.mark.parametrize("key", ["date_publish", "published", "date"])
def test_date_keys(key):
    f = fields_from_json({key: "2020-05-01T12:00:00Z", "text": "x"})
    row, _ = build_article(f, source_uri="x", now=NOW, run_id="r", pipeline_version="v")
    assert row["published_at"] == datetime(2020, 5, 1, 12, tzinfo=timezone.utc)


def test_outlet_name_from_source_or_source_domain():
    assert fields_from_json({"source": "Example News"})["outlet_name"] == "Example News"
    assert fields_from_json({"source_domain": "example.com"})["outlet_name"] == "example.com"


@pytest.mark.parametrize("value", ["0001-01-01", "2050-01-01", "not a date"])
def test_unusable_date_is_nulled_and_counted_article_kept(value):
    row, nulled = build_article({"body": "Body.", "date": value}, source_uri="x", now=NOW, run_id="r",
                                pipeline_version="v")
    assert row["published_at"] is None and nulled == ["published_at"]


def test_empty_body_is_rejected_with_reason():
    with pytest.raises(Rejected) as e:
        build_article({"title": "T", "body": "  "}, source_uri="x", now=NOW, run_id="r", pipeline_version="v")
    assert e.value.reason == "empty_body"


def _records(path: Path, kind: str) -> list:
    return list(iter_records(path, kind, CAP, CAP))


def test_jsonl_gz_good_lines_load_and_broken_line_is_rejected_by_number(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wt") as f:
        f.write(json.dumps({"text": "one"}) + "\n{broken\n" + json.dumps({"text": "three"}) + "\n")
    recs = _records(p, "json")
    assert [uri.rsplit("#", 1)[1] for uri, _ in recs] == ["line=1", "line=2", "line=3"]
    assert isinstance(recs[1][1], Rejected) and recs[1][1].reason == "bad_json"
    assert recs[2][1]["body"] == "three"


def test_json_file_with_one_record_or_a_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "solo"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "a"}, {"text": "b"}]))
    assert _records(tmp_path / "one.json", "json")[0][1]["body"] == "solo"
    assert [r["body"] for _, r in _records(tmp_path / "many.json", "json")] == ["a", "b"]


def test_text_gz_is_read(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(gzip.compress("# Title\n\nBody here.".encode()))
    assert _records(p, "text")[0][1]["title"] == "Title"


def test_cp1252_text_is_decoded_without_mangling(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("# Caf\u00e9\n\nIt costs \u00a35 \u2013 cheap.".encode("cp1252"))
    fields = _records(p, "text")[0][1]
    assert fields["title"] == "Caf\u00e9" and fields["paragraphs"] == ["It costs \u00a35 \u2013 cheap."]


def test_discover_folders_recursively_and_globs(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ("a.txt", "sub/b.jsonl", "sub/deeper/c.html.gz", "sub/notes.csv", "sub/.hidden.txt"):
        (tmp_path / name).write_text("x")
    files, _ = discover([str(tmp_path)])
    assert sorted(f.name for f in files) == ["a.txt", "b.jsonl", "c.html.gz"]
    files, _ = discover([str(tmp_path / "**" / "*.jsonl")])
    assert [f.name for f in files] == ["b.jsonl"]


def test_discover_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        discover([str(tmp_path / "nope.txt")])


@pytest.mark.parametrize("body, paragraphs", [
    ("one  two \n three\n\nfour\u2003five", ["one two three", "four five"]),
    ("tab\there\u00a0\u00a0and\u3000there\n \t\nnext", ["tab here and there", "next"]),
    ("plain words\n\n  padded  ", ["plain words", "padded"]),
    ("line\u2028separator kept\n\n\u2028", ["line\u2028separator kept"]),
    ("bell\x07 and\r\nreturn", ["bell and", "return"]),
])
def test_body_spaces_fold_within_paragraphs(body, paragraphs):
    assert paragraphs_of(body, mend_breaks=False) == paragraphs


@pytest.mark.parametrize("paragraphs, mended", [
    (["He said the", "talks went well."], ["He said the talks went well."]),
    (["Prices rose,", "analysts said."], ["Prices rose, analysts said."]),
    (["It ended.", "then more"], ["It ended.", "then more"]),
    (["An open end", "But a capital"], ["An open end", "But a capital"]),
    (["ends in a newline\n", "and more"], ["ends in a newline\n and more"]),
])
def test_mid_sentence_breaks_are_mended(paragraphs, mended):
    assert rejoin(paragraphs) == mended


@pytest.mark.parametrize("paragraphs, mended", [
    (["Ends open", "z is ASCII lower case"], ["Ends open z is ASCII lower case"]),
    (["Ends open", "\u00e9 is not ASCII"], ["Ends open", "\u00e9 is not ASCII"]),
    (["Ends open", "{ sorts after z"], ["Ends open", "{ sorts after z"]),
    (["Ends open", "` sorts before a"], ["Ends open", "` sorts before a"]),
    (["", "a"], ["", "a"]),
    (["Ends open", ""], ["Ends open", ""]),
])
def test_rejoin_mends_only_before_an_ascii_lower_case_start(paragraphs, mended):
    assert rejoin(paragraphs) == mended


# Every character str.split() splits on, in runs and at paragraph ends.
_SPACE_CHARS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000"


@pytest.mark.parametrize("body", [
    "One two.\n\nThree  four \n\n\n five",
    "Tabs\tand\u00a0no-break\u2009thin spaces",
    "Line\u2028separator and next\x85line and ogham\u1680space",
    "\u2029 leading and trailing \u2028",
    "carriage\r\nreturns\rhere\n \n\tindented",
])
def test_word_count_is_the_number_of_whitespace_separated_words(body):
    row, _ = build_article({"body": body}, source_uri="x", now=NOW, run_id="r", pipeline_version="v")
    assert row["word_count"] == len(row["body"].split())


@settings(deadline=None, max_examples=200)
@given(st.text(st.sampled_from([*_SPACE_CHARS, "a", "B", ".", ",", "\u00e9"]), min_size=1, max_size=40))
def test_word_count_matches_split_for_any_whitespace(body):
    try:
        row, _ = build_article({"body": body}, source_uri="x", now=NOW, run_id="r", pipeline_version="v")
    except Rejected:
        return
    assert row["word_count"] == len(row["body"].split())


@pytest.mark.parametrize("text", [
    "Don\u2019t \u201cstop\u201d\u2014now\u2026 or \u2018later\u2019 \u2013 2024_x",
    "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u201cquoted\u201d",
    "\u00b2 squared, \u00bd half, \u0661\u0662 Arabic digits, \u65e5\u672c\u8a9e",
    "300 \u212a (a Kelvin sign lower-cases to ASCII k) \u2019 and \u0130stanbul",
])
def test_language_sample_words_are_the_runs_of_letters(text):
    assert _words(text) == _WORD.findall(text.lower())


def test_english_body_with_typographic_quotes_is_english():
    body = ("The minister said \u201cwe will not back down\u201d \u2014 and that the plan, which was "
            "announced on Monday, is the best deal for the country\u2019s workers in years.")
    assert detect_language("A title", body) == "en"
