"""How a run is cut into batches: enough of them that no worker idles at the end of a big run."""
from pathlib import Path

from flows.plan import MIN_BATCH_BYTES, _batch_target, _batches

MB = 2**20


def _shards(n: int, text_bytes: int) -> list[tuple[Path, str, int]]:
    return [(Path(f"/corpus/shard-{i:02d}.jsonl.gz"), "json", text_bytes) for i in range(n)]


def test_a_big_corpus_of_a_few_shards_is_cut_into_many_batches_per_worker():
    todo = _shards(7, 36 * MB)  # seven shards, each a little over one default batch of text
    batches = _batches(todo, _batch_target(todo, 32 * MB, workers=2))
    assert len(batches) >= 2 * 8
    # Every record of every shard is read exactly once: each shard's parts are 0..k-1 of k.
    parts = {}
    for (entry,) in batches:
        j, k = entry[3]["part"]
        parts.setdefault(entry[0], []).append((j, k))
    assert all(sorted(p) == [(j, len(p)) for j in range(len(p))] for p in parts.values())
    assert len(parts) == 7


def test_a_small_run_stays_in_few_batches():
    todo = _shards(3, MB)  # 3 MB of text: splitting it would only add task runs
    assert _batch_target(todo, 32 * MB, workers=2) == MIN_BATCH_BYTES
    assert len(_batches(todo, _batch_target(todo, 32 * MB, workers=2))) == 1


def test_the_configured_batch_size_stays_the_upper_bound():
    todo = _shards(100, 36 * MB)
    assert _batch_target(todo, 32 * MB, workers=2) == 32 * MB
