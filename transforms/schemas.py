"""The table contract as pyarrow schemas, and the one conform() every batch goes through."""
from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")
STR_LIST = pa.list_(pa.string())


def _f(name: str, type_: pa.DataType, doc: str, required: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=not required, metadata={"description": doc})


_LINEAGE = [
    _f("run_id", pa.string(), "run that wrote the row", True),
    _f("pipeline_version", pa.string(), "pipeline version that wrote the row", True),
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        _f("article_id", pa.string(), "hash of the canonical url, or of title+body without one", True),
        _f("url", pa.string(), "canonical URL (lower-case scheme/host, no fragment or tracking params)"),
        _f("source_uri", pa.string(), "where the article was read: file path, path#line=N, or fetched URL", True),
        _f("outlet", pa.string(), "the URL's host without www."),
        _f("outlet_name", pa.string(), "outlet display name when known"),
        _f("title", pa.string(), "headline"),
        _f("authors", STR_LIST, "bylines as given: people or agencies", True),
        _f("published_at", TS, "publication time, UTC; a bare date is 00:00 UTC"),
        _f("published_month", pa.string(), "YYYY-MM of published_at, or 'unknown' (partition key)", True),
        _f("language", pa.string(), "ISO 639-1 code detected offline"),
        _f("body", pa.string(), "article text, paragraphs joined by a blank line", True),
        _f("word_count", pa.int32(), "whitespace-separated words in body", True),
        _f("content_hash", pa.string(), "hash of title, body, authors and date", True),
        _f("image_caption", pa.string(), "lead image caption, kept out of body"),
        _f("image_credit", pa.string(), "lead image credit"),
        _f("tags", STR_LIST, "tags or keywords the source declares"),
        _f("ingested_at", TS, "when this version of the article was loaded", True),
        *_LINEAGE,
    ]),
    "person_mentions": pa.schema([
        _f("article_id", pa.string(), "article", True),
        _f("name_in_article", pa.string(), "fullest name the article gives the person", True),
        _f("forms", STR_LIST, "surface forms seen in the article", True),
        _f("mention_count", pa.int32(), "mentions in title and body, all forms", True),
        _f("role", pa.string(), "first title or description given, as written"),
        _f("first_offset", pa.int32(), "offset of the first body mention; null if only in the title"),
        *_LINEAGE,
    ]),
    "article_people": pa.schema([
        _f("article_id", pa.string(), "article", True),
        _f("person_id", pa.string(), "person across the corpus", True),
        _f("name_in_article", pa.string(), "fullest name this article gives the person", True),
        _f("mention_count", pa.int32(), "mentions in title and body, all forms", True),
        _f("role", pa.string(), "first title or description the article gives, as written"),
        _f("first_offset", pa.int32(), "offset into body of the first mention; null if only in title"),
        *_LINEAGE,
    ]),
    "people": pa.schema([
        _f("person_id", pa.string(), "slug of the canonical name", True),
        _f("name", pa.string(), "canonical full name", True),
        _f("aliases", STR_LIST, "every form seen across the corpus", True),
        _f("article_count", pa.int32(), "articles that mention the person", True),
        _f("mention_count", pa.int64(), "mentions across the corpus", True),
        *_LINEAGE,
    ]),
    "quotes": pa.schema([
        _f("quote_id", pa.string(), "hash of article_id and offsets", True),
        _f("article_id", pa.string(), "article", True),
        _f("published_month", pa.string(), "the article's partition key", True),
        _f("person_id", pa.string(), "speaker; null for organizations, unnamed or unresolved"),
        _f("speaker_text", pa.string(), "speaker as written at the cue"),
        _f("speaker_name_in_article", pa.string(), "the article's name for the speaker, if a person"),
        _f("text", pa.string(), "quoted words, marks excluded", True),
        _f("kind", pa.string(), "direct or partial", True),
        _f("verb", pa.string(), "cue verb"),
        _f("start", pa.int32(), "offset into body of the first quoted character", True),
        _f("end", pa.int32(), "offset into body one past the last quoted character", True),
        *_LINEAGE,
    ]),
    "topics": pa.schema([
        _f("topic_id", pa.string(), "kind:slug of the label", True),
        _f("label", pa.string(), "category name or normalized key phrase", True),
        _f("kind", pa.string(), "category or keyphrase", True),
        *_LINEAGE,
    ]),
    "article_topics": pa.schema([
        _f("article_id", pa.string(), "article", True),
        _f("topic_id", pa.string(), "topic", True),
        _f("score", pa.float64(), "strength within the article", True),
        _f("rank", pa.int16(), "1 = best, per kind", True),
        _f("label", pa.string(), "topic label (denormalized for analysts)", True),
        _f("kind", pa.string(), "category or keyphrase", True),
        *_LINEAGE,
    ]),
    "rejects": pa.schema([
        _f("source_uri", pa.string(), "file, path#line=N or URL that could not be used", True),
        _f("reason", pa.string(), "short machine-readable reason", True),
        _f("detail", pa.string(), "one line a person can act on"),
        _f("input_path", pa.string(), "input file or URL the reject came from", True),
        _f("rejected_at", TS, "when", True),
        *_LINEAGE,
    ]),
    "runs": pa.schema([
        _f("run_id", pa.string(), "time-ordered run id", True),
        _f("started_at", TS, "when the run started", True),
        _f("finished_at", TS, "when the run ended"),
        _f("status", pa.string(), "succeeded or failed", True),
        _f("command", pa.string(), "run, scrape, ...", True),
        _f("inputs", STR_LIST, "paths, globs or URLs given", True),
        _f("files_seen", pa.int32(), "input files found", True),
        _f("files_skipped", pa.int32(), "input files unchanged since they were last loaded", True),
        _f("rows_added", pa.map_(pa.string(), pa.int64()), "new rows per table", True),
        _f("rows_replaced", pa.map_(pa.string(), pa.int64()), "rows replaced per table", True),
        _f("rejects", pa.int32(), "rejects written by the run", True),
        _f("fields_nulled", pa.map_(pa.string(), pa.int64()), "unusable fields nulled, per field", True),
        _f("seconds", pa.map_(pa.string(), pa.float64()), "seconds per stage", True),
        _f("error", pa.string(), "why a failed run failed"),
        _f("pipeline_version", pa.string(), "pipeline version of the run", True),
    ]),
    "sources": pa.schema([
        _f("input_path", pa.string(), "input file, absolute path", True),
        _f("size_bytes", pa.int64(), "size when last processed", True),
        _f("mtime_ns", pa.int64(), "modification time when last processed", True),
        _f("file_hash", pa.string(), "blake2b of the file's bytes", True),
        _f("articles", pa.int32(), "articles read from it", True),
        _f("rejects", pa.int32(), "rejects from it", True),
        *_LINEAGE,
    ]),
}

# Tables the workers write as staging Parquet; `_seq` orders records across a run so the
# later of two records for one article wins.
STAGED = ("articles", "person_mentions", "quotes", "article_topics", "rejects")
SEQ = pa.field("_seq", pa.int64(), nullable=False)


class SchemaError(ValueError):
    """A row does not fit its table's schema."""


def required(table: str) -> list[str]:
    """Names of the non-nullable columns of a table."""
    return [f.name for f in SCHEMAS[table] if not f.nullable]


def staging_schema(table: str) -> pa.Schema:
    """A staged table's schema: the contract plus the `_seq` ordering column."""
    return SCHEMAS[table].append(SEQ)


def _first_problem(table: str, rows: list[dict], names: set[str], need: list[str]) -> SchemaError:
    for i, row in enumerate(rows):
        extra = row.keys() - names
        if extra:
            return SchemaError(f"{table}: unknown column(s) {sorted(extra)} in row {i}")
        missing = [n for n in need if row.get(n) is None]
        if missing:
            return SchemaError(f"{table}: null in required column(s) {missing} in row {i}")
    raise AssertionError("no problem found")  # only called after a check failed


def conform(table: str, rows: list[dict], staged: bool = True) -> pa.Table:
    """Rows as an Arrow table of the declared schema; unknown keys or missing required values raise."""
    schema = staging_schema(table) if staged else SCHEMAS[table]
    names = set(schema.names)
    need = [f.name for f in schema if not f.nullable]
    if not all(map(names.issuperset, rows)):
        raise _first_problem(table, rows, names, need)
    # Arrow reads the dicts as one struct array (a missing key is a null, as row.get gives):
    # 2-3x faster than a Python list per column. The per-row search for the first bad row
    # runs only when a check fails.
    columns = pa.array(rows, type=pa.struct(schema)).flatten()
    if any(columns[schema.get_field_index(n)].null_count for n in need):
        raise _first_problem(table, rows, names, need)
    return pa.Table.from_arrays(columns, schema=schema)
