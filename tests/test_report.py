"""`wirehouse report`: one self-contained HTML page whose charts render in a headless browser."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(samples_warehouse, tmp_path_factory):
    from flows.cli import main

    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--out", str(out), "--data-dir", str(samples_warehouse)]) == 0
    return out


def test_report_is_self_contained_with_a_chart_per_section(report):
    html = report.read_text(encoding="utf-8")
    for section in ("Articles per day", "Top quoted people", "Top topics over time", "Outlets", "Run history"):
        assert f"<h2>{section}</h2>" in html
    assert html.count("<svg") == 4
    # nothing to fetch: no scripts, stylesheets, images or fonts from elsewhere
    assert not re.search(r'<(script|link|img|iframe)\b', html)
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "Antony Blinken" in html and "succeeded" in html


def test_report_without_a_warehouse_fails_in_one_line(cli, tmp_path):
    result = cli("report", "--out", tmp_path / "r.html", "--data-dir", tmp_path / "none")
    assert result.status == 1 and len(result.err.strip().splitlines()) == 1


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium here (.ci/run installs it)")
def test_report_charts_render_in_headless_chromium(report, tmp_path):
    png = tmp_path / "shot.png"
    base = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*base, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") == 4 and dom.stdout.count("<path") > 20
    shot = subprocess.run([*base, f"--screenshot={png}", "--window-size=1000,2600", report.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0 and png.exists(), shot.stderr[-2000:]
    from PIL import Image

    image = Image.open(png).convert("RGB")
    pixels = zip(*[iter(image.tobytes())] * 3)
    colored = sum(1 for px in pixels if max(px) - min(px) > 60)
    assert colored > 2000  # the bars and lines are coloured; text and page are grey
