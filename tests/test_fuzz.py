"""Property tests: the loaders and parsers never raise, and what they return fits the table contract.

(The HTML extractor's own property test lives in tests/test_html.py.)
"""
from __future__ import annotations

import gzip
import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from flows.inputs import iter_records, kind_of
from transforms.article import Rejected, build_article
from transforms.dates import parse_date
from transforms.records import fields_from_json
from transforms.schemas import conform
from transforms.seedfmt import parse_seed
from transforms.text import decode

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)
FUZZ = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])

_line = st.text(st.characters(blacklist_categories=["Cs"]), max_size=60)
_seed_piece = st.one_of(
    _line,
    _line.map(lambda s: f"# {s}"),
    st.lists(_line, max_size=3).map(lambda names: "By " + " and ".join(f"[{n}](#)" for n in names)),
    st.sampled_from(["July 29, 2022", "2022-07-29T10:20:30Z", "29 July 2022", "7/29/22", "Feb 30, 2022",
                     "9999-99-99", "1066-10-14", "3024-01-01"]),
    _line.map(lambda s: f"{s} **{s}**"),
    st.sampled_from(["Original url:", "<https://www.example.com/a?utm_source=x#frag>", "<http://[::1>",
                     "<https://exa mple.com>", "I can't give you an", "assessment of it."]),
)
SEED_DOCS = st.lists(_seed_piece, max_size=12).flatmap(
    lambda parts: st.lists(st.sampled_from(["\n", "\n\n", "\r\n", " \n \n"]), min_size=len(parts),
                           max_size=len(parts)).map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _line)
JSON_VALUES = st.recursive(_json_scalar, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(_line, inner, max_size=4), max_leaves=12)
_KEYS = st.sampled_from(["text", "maintext", "content_original", "content", "body", "title", "authors",
                         "date_publish", "published", "date", "url", "source", "source_domain", "other"])
JSON_RECORDS = st.dictionaries(_KEYS, JSON_VALUES | _line, max_size=8)


def _article_fits_contract(fields, uri: str = "fuzz://x") -> None:
    """build_article either rejects the fields or returns a row conform() accepts."""
    try:
        article, nulled = build_article(fields, source_uri=uri, now=NOW, run_id="r", pipeline_version="v")
    except Rejected as r:
        assert r.reason and isinstance(r.detail, str)
        return
    assert conform("articles", [article], staged=False).num_rows == 1
    assert article["body"].strip() and all(isinstance(n, str) for n in nulled)
    if article["published_at"] is not None:
        assert article["published_at"].tzinfo is not None and article["published_at"] <= NOW.replace(year=2026)


@FUZZ
@given(SEED_DOCS)
def test_seed_parser_never_raises_and_fits_the_contract(doc):
    fields = parse_seed(doc)
    assert set(fields) == {"title", "authors", "date", "image_caption", "image_credit", "paragraphs", "url"}
    assert all(isinstance(p, str) and p for p in fields["paragraphs"])
    _article_fits_contract(fields)


@FUZZ
@given(JSON_RECORDS)
def test_json_record_never_raises_and_fits_the_contract(rec):
    _article_fits_contract(fields_from_json(rec))


@FUZZ
@given(st.text(max_size=100))
def test_date_parser_returns_utc_or_none(text):
    when = parse_date(text)
    assert when is None or when.utcoffset().total_seconds() == 0


@FUZZ
@given(st.text(st.characters(codec="cp1252", blacklist_categories=["Cc", "Cs"]), min_size=1, max_size=80)
       .filter(lambda s: any(ord(c) > 127 for c in s))
       # "ï»¿", "ÿþ", "þÿ" are the bytes of a byte-order mark, which decode() honours by design
       .filter(lambda s: not s.startswith(("\u00ef\u00bb\u00bf", "\u00ff\u00fe", "\u00fe\u00ff"))))
def test_cp1252_text_decodes_back_to_itself(text):
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode(data) == text


_NAMES = st.sampled_from(["a.txt", "a.md", "a.json", "a.jsonl", "a.ndjson", "a.html", "a.txt.gz", "a.jsonl.gz",
                          "a.json.gz"])
_CONTENT = st.one_of(
    st.binary(max_size=600),
    SEED_DOCS.map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(JSON_RECORDS.map(json.dumps), JSON_VALUES.map(json.dumps), _line), max_size=6)
    .map(lambda lines: "\n".join(lines).encode()),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
)


@FUZZ
@given(_NAMES, _CONTENT, st.booleans())
@example("a.json", b"[]", False)
@example("a.jsonl", b"\n\n", False)
def test_file_loader_never_raises_and_yields_records_or_rejects(name, content, truncate):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        if name.endswith(".gz"):
            content = gzip.compress(content)
            content = content[: len(content) // 2] if truncate else content
        path.write_bytes(content)
        out = list(iter_records(path, kind_of(path), max_file=4096, max_record=1024))
    assert out, "every file ends as at least one record or reject"
    for uri, fields in out:
        assert uri.startswith(str(path))
        if isinstance(fields, Rejected):
            assert fields.reason != "read_error", fields.detail  # a loader bug, not a bad input
        else:
            _article_fits_contract(fields, uri)
