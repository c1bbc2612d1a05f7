"""The quality gate inside `make test`: every dev gold set scored, no metric below its floor."""
from __future__ import annotations

from tests.conftest import SHARED, needs_shared


@needs_shared
def test_no_dev_metric_drops_below_its_floor(prefect_api):
    from tests.eval_gate import evaluate, render

    rows, ok = evaluate(SHARED)
    print(render(rows))
    assert rows, "no gold set was scored"
    assert ok, "below floor: " + ", ".join(f"{r['set']}/{r['metric']}={r['ours']}" for r in rows if not r["ok"])
