"""One article row -> its people, quotes and topics rows: the extraction checklist."""
from __future__ import annotations

from time import perf_counter

from transforms.ids import digest
from transforms.keyphrases import key_phrases
from transforms.people import extract_people
from transforms.quotes import extract_quotes
from transforms.topics import categorize, topic_id

# People, quotes and topics are extracted for English only; other languages are loaded
# with their language set and counted, not guessed at.
EXTRACT_LANGUAGES = frozenset({"en"})


def extract_rows(article: dict, timings: dict[str, float] | None = None) -> dict[str, list[dict]]:
    """Rows for person_mentions, quotes and article_topics of one article.

    When `timings` is given, seconds spent per extractor are added to it.
    """
    out: dict[str, list[dict]] = {"person_mentions": [], "quotes": [], "article_topics": []}
    if article["language"] not in EXTRACT_LANGUAGES:
        return out
    aid, title, body = article["article_id"], article["title"] or "", article["body"]
    lineage = {"run_id": article["run_id"], "pipeline_version": article["pipeline_version"]}

    clock = _Clock(timings)
    people = extract_people(title, body)
    clock.lap("people")
    for p in people:
        out["person_mentions"].append({
            "article_id": aid, "name_in_article": p.name, "forms": sorted(set(p.forms) | {p.name}),
            "mention_count": max(1, p.mention_count), "role": p.role, "first_offset": p.first_offset,
            **lineage})

    for q in extract_quotes(body, people):
        out["quotes"].append({
            "quote_id": digest(aid, str(q.start), str(q.end)), "article_id": aid,
            "published_month": article["published_month"], "person_id": None,
            "speaker_text": q.speaker_text, "speaker_name_in_article": q.speaker_name,
            "text": q.text, "kind": q.kind, "verb": q.verb, "start": q.start, "end": q.end, **lineage})

    clock.lap("quotes")
    for ranked in (categorize(title, body), key_phrases(title, body)):
        seen = set()
        for rank, t in enumerate(ranked, start=1):
            tid = topic_id(t.kind, t.label)
            if tid in seen:
                continue
            seen.add(tid)
            out["article_topics"].append({
                "article_id": aid, "topic_id": tid, "score": float(t.score), "rank": rank,
                "label": t.label, "kind": t.kind, **lineage})
    clock.lap("topics")
    return out


class _Clock:
    """Adds the seconds since the last lap to a named total (no-op without a dict)."""

    def __init__(self, totals: dict[str, float] | None):
        self.totals, self.t = totals, perf_counter()

    def lap(self, name: str) -> None:
        if self.totals is not None:
            now = perf_counter()
            self.totals[name] = self.totals.get(name, 0.0) + now - self.t
            self.t = now
