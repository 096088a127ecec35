"""One self-contained HTML file per result: tables and inline SVG charts, nothing fetched."""

from html import escape
from typing import Any

from . import svg
from .compare import PERIODS, Comparison
from .render import Result, heading, tables, value_label
from .report import Report
from .schema import TRANSPORT_MODES
from .stats import BIN_EDGES, STAGES
from .text import INTERVAL_LABELS, duration, mode_label

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 72rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
div.wide { overflow-x: auto; }
td { padding: 0.2rem 0.8rem; border-bottom: 1px solid #ddd; white-space: nowrap; }
tr.head td { font-weight: 600; border-bottom: 2px solid #999; }
figure { margin: 0.5rem 0 1.5rem; } figcaption { font-weight: 600; color: #444; }
p.note { font-size: 0.9rem; color: #555; }
"""


def html(result: Result) -> str:
    title, *subtitle = heading(result)
    body = [f"<h1>{escape(title)}</h1>", *(f"<p>{escape(line)}</p>" for line in subtitle)]
    found = tables(result)
    if isinstance(result, Comparison):  # the study's own table first, then its charts
        lead, found = found[:1], found[1:]
        body += [_section(caption, rows) for caption, rows in lead]
        body += _compare_charts(result)
    else:
        body += _report_charts(result)
    body += [_section(caption, rows) for caption, rows in found]
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{chr(10).join(body)}\n</body></html>\n"
    )


def _section(caption: str, rows: list[list[str]]) -> str:
    return f"<h2>{escape(caption)}</h2>{_table(rows)}"


def _table(rows: list[list[str]]) -> str:
    lines = []
    for i, row in enumerate(rows):
        head = i == 0 or (row[0] == "" and i == 1 and rows[0][0] == "")
        cells = "".join(f"<td>{escape(cell)}</td>" for cell in row)
        lines.append(f'<tr class="head">{cells}</tr>' if head else f"<tr>{cells}</tr>")
    return f'<div class="wide"><table>{"".join(lines)}</table></div>'


def _figure(caption: str, chart: str, note: str = "") -> str:
    after = f'<p class="note">{escape(note)}</p>' if note else ""
    return f"<figure><figcaption>{escape(caption)}</figcaption>{chart}{after}</figure>"


def _bins() -> list[str]:
    def short(seconds: int) -> str:
        for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
            if seconds >= size:
                return f"{seconds / size:g} {unit}"
        return f"{seconds} s"

    return [f"{short(a)}–{short(b)}" for a, b in zip(BIN_EDGES, BIN_EDGES[1:], strict=False)]


def _compare_charts(c: Comparison) -> list[str]:
    out = ["<h2>Mean release time, before and after</h2>"]
    for stage in STAGES:
        rows = [r for r in c.rows if r.stage == stage]
        series = {p.capitalize(): [getattr(r, p).mean_s for r in rows] for p in PERIODS}
        labels = [mode_label(r.transport_mode) for r in rows]
        out.append(_figure(f"Stage {stage}", svg.bars(labels, series, duration)))
    out.append("<h2>Distributions (share of declarations per duration bin)</h2>")
    for (stage, mode), counts in _pairs(c.distributions or {}).items():
        shares = {p.capitalize(): counts.get(p, [0] * (len(BIN_EDGES) - 1)) for p in PERIODS}
        out.append(_figure(f"Stage {stage}, {mode_label(mode)}", svg.histogram(_bins(), shares)))
    return out


def _pairs(hist: dict[tuple[Any, ...], list[int]]) -> dict[tuple[int, str], dict[str, list[int]]]:
    """{(stage, period, mode): counts} as {(stage, mode): {period: counts}}."""
    result: dict[tuple[int, str], dict[str, list[int]]] = {}
    for (stage, period, mode), counts in hist.items():
        result.setdefault((stage, mode), {})[period] = counts
    order = {mode: i for i, mode in enumerate(TRANSPORT_MODES)}
    return dict(sorted(result.items(), key=lambda item: (item[0][0], order[item[0][1]])))


def _report_charts(r: Report) -> list[str]:
    labels = [
        ", ".join(f"{k}={value_label(v)}" for k, v in g.key.items()) or "all" for g in r.groups
    ]
    out = ["<h2>Mean release time per group</h2>"]
    series = {f"Stage {s}": [g.stages[s].mean_s for g in r.groups] for s in STAGES}
    out.append(_figure("Mean of Stage 1 and Stage 2", svg.bars(labels, series, duration)))
    intervals = {
        INTERVAL_LABELS[name]: [g.intervals[name].mean_s for g in r.groups]
        for name in INTERVAL_LABELS
    }
    out.append("<h2>Where the time goes (mean intervals)</h2>")
    chart = svg.stacked(labels, intervals, duration)
    note = "A negative arrival → lodgment (lodged before arrival) is drawn as zero."
    out.append(_figure("Mean intervals from arrival to delivery", chart, note))
    out.append("<h2>Distributions (share of declarations per duration bin)</h2>")
    hist = r.distributions or {}
    for label, group in zip(labels, r.groups, strict=True):
        key = tuple(group.key.values())
        counts = {f"Stage {s}": hist.get((s, *key), [0] * (len(BIN_EDGES) - 1)) for s in STAGES}
        out.append(_figure(label, svg.histogram(_bins(), counts)))
    return out
