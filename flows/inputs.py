"""Finding input files and reading them as raw records, with size caps on everything read."""
from __future__ import annotations

import glob
import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from transforms.article import Rejected
from transforms.records import fields_from_json
from transforms.seedfmt import parse_seed
from transforms.text import decode, looks_binary

TEXT_EXT = (".txt", ".md")
JSON_EXT = (".json", ".jsonl", ".ndjson")
HTML_EXT = (".html", ".htm")
SUPPORTED = TEXT_EXT + JSON_EXT + HTML_EXT
# A whole-document .json is parsed in memory (Python objects take ~5x its bytes);
# bigger dumps must be JSON Lines, which are streamed line by line.
MAX_JSON_DOCUMENT = 256 * 2**20


class UsageError(Exception):
    """A command-line mistake: reported in one line, exit status 2."""


def kind_of(path: Path) -> str | None:
    """'text', 'json' or 'html' from the extension (a trailing .gz ignored), else None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for exts, kind in ((TEXT_EXT, "text"), (JSON_EXT, "json"), (HTML_EXT, "html")):
        if name.endswith(exts):
            return kind
    return None


def discover(args: list[str]) -> tuple[list[Path], list[Path]]:
    """Input files (sorted, unique) and explicitly named files of unsupported type.

    Raises UsageError for a path or glob that matches nothing.
    """
    found: set[Path] = set()
    unsupported: set[Path] = set()
    for arg in args:
        matches = [Path(m) for m in glob.glob(arg, recursive=True)] if glob.has_magic(arg) else [Path(arg)]
        if not matches or not any(m.exists() for m in matches):
            raise UsageError(f"no such file, folder or glob match: {arg}")
        for m in matches:
            if m.is_dir():
                for f in m.rglob("*"):
                    if f.is_file() and not f.name.startswith(".") and kind_of(f):
                        found.add(f.resolve())
            elif m.is_file():
                (found if kind_of(m) else unsupported).add(m.resolve())
    return sorted(found), sorted(unsupported)


def file_hash(path: Path) -> str:
    """blake2b of the file's bytes, read in chunks."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def read_bytes(path: Path, cap: int) -> bytes:
    """The file's (decompressed) bytes; Rejected when larger than cap or corrupt gzip."""
    try:
        with _open(path) as f:
            data = f.read(cap + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise Rejected("corrupt_gzip" if path.name.lower().endswith(".gz") else "unreadable",
                       f"{type(e).__name__}: {e}") from None
    if len(data) > cap:
        raise Rejected("too_large", f"more than {cap:,} bytes after decompression")
    return data


# fields None: a record of another part of the file (iter_records' part)
Record = tuple[str, "dict | Rejected | None"]


def _json_fields(obj, uri: str) -> dict | Rejected:
    if not isinstance(obj, dict):
        return Rejected("bad_record", f"JSON value is a {type(obj).__name__}, not an object")
    return fields_from_json(obj)


def _iter_jsonl(path: Path, max_file: int, max_record: int,
                part: tuple[int, int] | None = None) -> Iterator[Record]:
    """Records of a JSON-lines file; with part=(j, k), only every k-th record from the j-th is parsed.

    The others are yielded as (uri, None), and file-level rejects only by part 0, so that
    every part numbers the records alike and the parts together hold each record once.
    """
    j, k = part or (0, 1)
    file_level = j == 0
    total = 0
    records = 0
    line_uri = f"{path}#line="
    try:
        with _open(path) as f:
            n = 0
            while True:
                line = f.readline(max_record + 1)
                if not line:
                    break
                n += 1
                total += len(line)
                uri = f"{line_uri}{n}"
                if total > max_file:
                    yield uri, (Rejected("too_large", f"file exceeds {max_file:,} bytes after decompression")
                                if file_level else None)
                    return
                if len(line) > max_record and not line.endswith(b"\n"):
                    # Skip the rest of an oversized line without holding it in memory.
                    while line and not line.endswith(b"\n"):
                        line = f.readline(max_record + 1)
                        total += len(line)
                        if total > max_file:
                            yield uri, (Rejected("too_large", f"file exceeds {max_file:,} bytes after decompression")
                                        if file_level else None)
                            return
                    mine = records % k == j
                    records += 1
                    yield uri, Rejected("record_too_large", f"line longer than {max_record:,} bytes") if mine else None
                    continue
                if line.isspace():  # (line is not empty here)
                    continue
                if records == 0 and looks_binary(line):
                    # Garbage would otherwise cost one reject per "line": one for the file says it all.
                    yield str(path), Rejected("binary_file", "the file is not text") if file_level else None
                    return
                mine = records % k == j
                records += 1
                if not mine:
                    yield uri, None
                    continue
                try:
                    obj = json.loads(decode(line))
                except ValueError as e:
                    yield uri, Rejected("bad_json", f"line {n}: {e}")
                    continue
                yield uri, _json_fields(obj, uri)
    except (OSError, EOFError, zlib.error) as e:
        yield str(path), (Rejected("corrupt_gzip" if path.name.lower().endswith(".gz") else "unreadable",
                                   f"after {total:,} bytes: {type(e).__name__}: {e}") if file_level else None)
        return
    if records == 0:
        yield str(path), Rejected("empty_file", "the file has no records") if file_level else None


def iter_records(path: Path, kind: str, max_file: int, max_record: int,
                 page_url: str | None = None, part: tuple[int, int] | None = None) -> Iterator[Record]:
    """(source_uri, raw fields or Rejected) for every record in one input file.

    page_url: where an HTML file was fetched from (scrape), for pages that do not say.
    part: (j, k) to read only the j-th of k interleaved parts of a JSON-lines file (see
    splittable); records of the other parts come as (uri, None).

    A loader or parser bug costs the rest of this file (one `read_error` reject), never the run.
    """
    try:
        yield from _iter_records(path, kind, max_file, max_record, page_url, part)
    except Exception as e:
        yield str(path), Rejected("read_error", f"{type(e).__name__}: {e}") if not part or part[0] == 0 else None


def splittable(path: Path, kind: str) -> bool:
    """True for JSON-lines files, which one batch per part can share (iter_records' part)."""
    return kind == "json" and not path.name.lower().removesuffix(".gz").endswith(".json")


def _iter_records(path: Path, kind: str, max_file: int, max_record: int,
                  page_url: str | None = None, part: tuple[int, int] | None = None) -> Iterator[Record]:
    if kind == "unsupported":
        yield str(path), Rejected("unsupported_format", f"no loader for {path.suffix or 'files without an extension'}; "
                                  f"use one of {', '.join(SUPPORTED)} (optionally .gz)")
        return
    if splittable(path, kind):
        yield from _iter_jsonl(path, max_file, max_record, part)
        return
    try:
        data = read_bytes(path, min(max_file, MAX_JSON_DOCUMENT) if kind == "json" else max_record)
    except Rejected as r:
        yield str(path), r
        return
    uri = str(path)
    if not data.strip():
        yield uri, Rejected("empty_file", "the file is empty")
        return
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield uri, Rejected("binary_file", "the file is not text")
        return
    if kind == "text":
        yield uri, parse_seed(decode(data))
    elif kind == "html":
        from transforms.html import extract_html

        fields = extract_html(data, page_url)
        fields["date"] = fields.pop("published_at", None)
        yield uri, {**fields, "mend_breaks": False}
    else:
        try:
            obj = json.loads(decode(data))
        except ValueError as e:
            yield uri, Rejected("bad_json", str(e))
            return
        items = obj if isinstance(obj, list) else [obj]
        if not items:
            yield uri, Rejected("empty_file", "the JSON array has no records")
        for i, item in enumerate(items, start=1):
            yield (f"{uri}#item={i}" if isinstance(obj, list) else uri), _json_fields(item, uri)
