"""`wirehouse report` as one self-contained HTML page: inline SVG charts, no scripts, no network."""
from __future__ import annotations

import io
import re
from datetime import date, datetime, timezone
from html import escape

import matplotlib

matplotlib.use("Agg")  # no display here; must precede pyplot
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

plt.rcParams.update({"svg.fonttype": "path", "font.size": 9, "axes.spines.top": False,
                     "axes.spines.right": False, "figure.dpi": 96})

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; }
h1 { margin-bottom: 0.2rem; } .meta { color: #666; margin-top: 0; }
.totals { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 1rem 0; }
.totals div { background: #f3f5f8; padding: 0.6rem 1rem; border-radius: 6px; }
.totals b { display: block; font-size: 1.4rem; }
figure { margin: 0; } figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.failed { color: #b00020; font-weight: 600; } .empty { color: #888; font-style: italic; }
"""


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    # Drop the XML prolog and doctype: inline SVG in HTML takes only the <svg> element.
    return buf.getvalue()[buf.getvalue().index("<svg"):]


def _empty(title: str) -> str:
    return f'<p class="empty">No data for “{escape(title)}” yet.</p>'


def chart_articles_per_day(rows: list[dict]) -> str:
    """Articles per publication day as an inline SVG bar chart."""
    if not rows:
        return _empty("articles per day")
    fig, ax = plt.subplots(figsize=(9, 2.8))
    ax.bar([r["day"] for r in rows], [r["articles"] for r in rows], width=1.0, color="#3b6ea8")
    ax.set_ylabel("articles")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.autofmt_xdate()
    return _svg(fig)


def chart_barh(rows: list[dict], label: str, value: str, xlabel: str, color: str) -> str:
    """A horizontal bar chart, largest at the top, as inline SVG."""
    if not rows:
        return _empty(xlabel)
    rows = list(reversed(rows))
    fig, ax = plt.subplots(figsize=(9, 0.28 * len(rows) + 0.8))
    ax.barh([str(r[label])[:40] for r in rows], [r[value] for r in rows], color=color)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return _svg(fig)


def chart_topics(rows: list[dict]) -> str:
    """Articles per month for the leading categories, one line each, as inline SVG."""
    if not rows:
        return _empty("topics over time")
    fig, ax = plt.subplots(figsize=(9, 3.2))
    for label in sorted({r["label"] for r in rows}):
        points = [(r["month"], r["count_articles"]) for r in rows if r["label"] == label]
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", markersize=3, label=label)
    ax.set_ylabel("articles per month")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.autofmt_xdate()
    return _svg(fig)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        return f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def html_table(rows: list[dict], title: str) -> str:
    """Rows as an escaped HTML table (numbers right-aligned)."""
    if not rows:
        return _empty(title)
    names = list(rows[0])
    head = "".join(f"<th>{escape(n)}</th>" for n in names)
    body = []
    for r in rows:
        cells = []
        for n in names:
            v = r[n]
            cls = ' class="n"' if isinstance(v, (int, float)) and not isinstance(v, bool) else ""
            if n == "status" and v == "failed":
                cls = ' class="failed"'
            cells.append(f"<td{cls}>{escape(_cell(v))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_report(data: dict[str, list[dict]], title: str = "wirehouse report") -> str:
    """The whole report page as an HTML string."""
    t = data["totals"][0]
    span = f"{_cell(t['first_day'])} – {_cell(t['last_day'])}" if t["first_day"] else "no dated articles"
    totals = "".join(f"<div><b>{_cell(t[k])}</b>{k}</div>"
                     for k in ("articles", "people", "quotes", "outlets", "rejects"))
    sections = [
        ("Articles per day", chart_articles_per_day(data["articles_per_day"])),
        ("Top quoted people", chart_barh(data["top_quoted"], "name", "count_quotes", "quotes", "#c26a2b")),
        ("Top topics over time", chart_topics(data["top_topics"])),
        ("Outlets", chart_barh(data["outlets"], "outlet", "count_articles", "articles", "#4c8c4a")
         + html_table(data["outlets"], "outlets")),
        ("Run history", html_table(data["runs"], "runs")),
    ]
    body = "".join(f'<section id="{re.sub(r"[^a-z]+", "-", name.lower())}"><h2>{escape(name)}</h2>'
                   f"<figure>{content}</figure></section>" for name, content in sections)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
            f"<h1>{escape(title)}</h1><p class=\"meta\">Generated {generated}; articles published {span}.</p>"
            f'<div class="totals">{totals}</div>{body}</body></html>\n')
