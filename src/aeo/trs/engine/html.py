"""One self-contained HTML file per result: tables and charts (inline SVG), nothing fetched.

The charts are Vega-Lite specifications (`charts.py`) drawn to SVG when the file is written, so
it needs no script and no network. Labels are words in the reader's language (`labels.py`), the
layout fits a laptop screen and prints on A4 (portrait).
"""

from html import escape
from typing import Any

from . import charts, labels
from .compare import PERIODS, Comparison
from .render import Result
from .report import Report
from .schema import CLEARANCE_MODES, TRANSPORT_MODES
from .stats import BIN_EDGES, STAGES, DataQuality, Summary

STYLE = """
:root { color: #1b1b1b; font-family: system-ui, "Noto Sans CJK JP", "Hiragino Sans",
  "Yu Gothic", Meiryo, sans-serif; font-size: 15px; line-height: 1.45; }
body { margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 62rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem; } h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem;
  border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
p.scope { margin: 0 0 1rem; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0 1rem;
  font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid #888; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; }
tbody th { min-width: 9rem; }
caption { text-align: left; font-weight: 600; padding: 0.4rem 0 0.2rem; }
tbody th { font-weight: 600; }
figure { margin: 0.5rem 0 1.5rem; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 0.3rem; }
figure svg { display: block; width: 100%; height: auto; }
p.note { font-size: 0.9rem; color: #555; margin-top: 0.2rem; }
@media print {
  @page { size: A4 portrait; margin: 14mm 12mm; }
  :root { font-size: 10pt; } body { max-width: none; padding: 0; }
  h2 { break-after: avoid; } table, tr { break-inside: avoid; }
}
"""


def html(result: Result, lang: str = "en") -> str:
    if lang not in labels.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if isinstance(result, Comparison):
        title, scope = _compare_heading(result, lang)
        body = _compare_body(result, lang)
    else:
        title, scope = _report_heading(result, lang)
        body = _report_body(result, lang)
    body.append(_quality(result.quality, lang))
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        f'<h1>{escape(title)}</h1>\n<p class="scope">{escape(scope)}</p>\n'
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _w(key: str, lang: str, **values: Any) -> str:
    return labels.word(key, lang, **values)


# ---------------------------------------------------------------- comparison


def _compare_heading(c: Comparison, lang: str) -> tuple[str, str]:
    def dates(period: Any) -> str:
        return f"{period.start:%Y-%m-%d} – {period.end:%Y-%m-%d}"

    consignors = _w("all_consignors" if c.all_consignors else "aeo_consignors", lang)
    title = _w("compare_title", lang, importing=c.importing, partner=c.partner)
    scope = _w("compare_subtitle", lang, consignors=consignors, before=dates(c.before),
               after=dates(c.after))  # fmt: skip
    return title, scope


def _compare_body(c: Comparison, lang: str) -> list[str]:
    head = [_w("transport_mode", lang), _w("before", lang), _w("after", lang), _w("rate", lang)]
    numeric = [False, True, True, True]
    means: list[str] = [f"<h2>{escape(_w('mean_times', lang))}</h2>"]
    for stage in STAGES:
        rows = [
            [
                labels.mode(r.transport_mode, lang),
                labels.duration(r.before.mean_s, lang),
                labels.duration(r.after.mean_s, lang),
                "—" if r.rate_of_change_pct is None else f"{r.rate_of_change_pct:.2f}",
            ]
            for r in c.rows
            if r.stage == stage
        ]
        means.append(_table(head, rows, numeric, caption=labels.stage(stage, lang)))
    out = means
    out.append(f"<h2>{escape(_w('chart_means_compare', lang))}</h2>")
    out += [
        _figure(labels.stage(s, lang), charts.svg(charts.compare_means(c, s, lang))) for s in STAGES
    ]
    details_head = [_w("transport_mode", lang), _w("period", lang), *_summary_head(lang)]
    out.append(f"<h2>{escape(_w('details', lang))}</h2>")
    for stage in STAGES:
        rows = [
            [labels.mode(r.transport_mode, lang) if p == PERIODS[0] else "", _w(p, lang),
             *_summary_cells(getattr(r, p), lang)]
            for r in c.rows
            if r.stage == stage
            for p in PERIODS
        ]  # fmt: skip
        details = _table(details_head, rows, [False, False, True, True, True, True],
                         caption=labels.stage(stage, lang))  # fmt: skip
        out.append(details)
    if c.distributions:
        out.append(f"<h2>{escape(_w('chart_distribution', lang))}</h2>")
        order = {mode: i for i, mode in enumerate(TRANSPORT_MODES)}
        pairs: dict[tuple[int, str], dict[str, list[int]]] = {}
        for (stage, period, mode), counts in c.distributions.items():
            pairs.setdefault((stage, mode), {})[period] = counts
        panels: dict[str, dict[str, list[int]]] = {}
        for (stage, mode), found in sorted(pairs.items(), key=lambda i: (i[0][0], order[i[0][1]])):
            series = {_w(p, lang): found.get(p, [0] * (len(BIN_EDGES) - 1)) for p in PERIODS}
            panels[f"{labels.stage(stage, lang)} — {labels.mode(mode, lang)}"] = series
        spec = charts.distributions(panels, charts.period_colours(), lang)
        out.append(_figure("", charts.svg(spec)))
    return out


# ---------------------------------------------------------------- report


def _report_heading(r: Report, lang: str) -> tuple[str, str]:
    if r.start or r.end:
        period = _w("period_from_to", lang, start=r.start or _w("first_date", lang),
                    end=r.end or _w("last_date", lang))  # fmt: skip
    else:
        period = _w("whole_period", lang)
    by = _w("and", lang).join(_column(c, lang) for c in r.by) or _w("no_grouping", lang)
    scope = _w(
        "report_scope",
        lang,
        importing=r.importing or _w("any_economy", lang),
        partner=r.partner or _w("any_economy", lang),
        period=period,
        by=by,
    )
    return _w("report_title", lang), scope


def _column(column: str, lang: str) -> str:
    return {
        "transport_mode": _w("transport_mode", lang),
        "clearance_mode": _w("clearance_mode", lang),
        "importer_aeo": f"{_w('importer_aeo', lang)} AEO",
        "consignor_aeo": f"{_w('consignor_aeo', lang)} AEO",
        "partner_economy": _w("partner_economy", lang),
    }.get(column, column)


def _report_body(r: Report, lang: str) -> list[str]:
    if not r.groups:
        return [f"<p>{escape(_w('no_records', lang))}</p>"]
    names = [labels.group(g.key, lang) for g in r.groups]
    out = [f"<h2>{escape(_w('chart_means_report', lang))}</h2>"]
    out.append(_figure("", charts.svg(charts.report_means(r, lang))))
    for stage in STAGES:
        rows = [
            [name, *_summary_cells(g.stages[stage], lang)]
            for name, g in zip(names, r.groups, strict=True)
        ]
        head = [_w("group", lang), *_summary_head(lang)]
        table = _table(head, rows, [False, True, True, True, True],
                       caption=labels.stage(stage, lang))  # fmt: skip
        out.append(table)
    out.append(f"<h2>{escape(_w('chart_bottleneck', lang))}</h2>")
    out.append(_figure("", charts.svg(charts.bottleneck(r, lang)), _w("bottleneck_note", lang)))
    interval_names = ("arrival_to_lodgment", "lodgment_to_release", "release_to_delivery")
    rows = [
        [name, *(labels.duration(g.intervals[i].mean_s, lang) for i in interval_names)]
        for name, g in zip(names, r.groups, strict=True)
    ]
    head = [_w("group", lang), *(_w(i, lang) for i in interval_names)]
    out.append(_table(head, rows, [False, True, True, True], caption=_w("mean_interval", lang)))
    rows = [
        [name, *("—" if (v := g.clearance_share_pct[m]) is None else f"{v:.2f}"
                 for m in CLEARANCE_MODES)]
        for name, g in zip(names, r.groups, strict=True)
    ]  # fmt: skip
    head = [_w("group", lang), *(labels.lane(m, lang) for m in CLEARANCE_MODES)]
    caption = f"{_w('clearance_mode', lang)} — {_w('share_pct', lang)}"
    out.append(_table(head, rows, [False, True, True, True], caption=caption))
    if r.distributions is not None:
        out.append(f"<h2>{escape(_w('chart_distribution', lang))}</h2>")
        panels = {
            name: {
                labels.stage(s, lang): r.distributions.get(
                    (s, *group.key.values()), [0] * (len(BIN_EDGES) - 1)
                )
                for s in STAGES
            }
            for name, group in zip(names, r.groups, strict=True)
        }
        spec = charts.distributions(panels, charts.stage_colours(), lang)
        out.append(_figure("", charts.svg(spec)))
    return out


# ---------------------------------------------------------------- shared


def _summary_head(lang: str) -> list[str]:
    return [_w(k, lang) for k in ("declarations", "mean", "median", "p90")]


def _summary_cells(s: Summary, lang: str) -> list[str]:
    return [f"{s.count:,}"] + [labels.duration(v, lang) for v in (s.mean_s, s.median_s, s.p90_s)]


def _quality(q: DataQuality, lang: str) -> str:
    rows = [
        ["in_scope", f"{q.rows:,}", _w("in_scope", lang)],
        ["used", f"{q.used:,}", _w("used", lang)],
        *([reason, f"{n:,}", labels.reason(reason, lang)] for reason, n in q.excluded.items()),
    ]
    head = [_w("reason", lang), _w("rows", lang), ""]
    return f"<h2>{escape(_w('quality', lang))}</h2>" + _table(head, rows, [False, True, False])


def _table(head: list[str], rows: list[list[str]], numeric: list[bool], caption: str = "") -> str:
    def cell(tag: str, text: str, n: bool) -> str:
        return f'<{tag} class="n">{escape(text)}</{tag}>' if n else f"<{tag}>{escape(text)}</{tag}>"

    top = f"<caption>{escape(caption)}</caption>" if caption else ""
    thead = "".join(cell("th", h, n) for h, n in zip(head, numeric, strict=True))
    body = "".join(
        "<tr>"
        + cell("th", row[0], numeric[0])
        + "".join(cell("td", v, n) for v, n in zip(row[1:], numeric[1:], strict=True))
        + "</tr>"
        for row in rows
    )
    return f"<table>{top}<thead><tr>{thead}</tr></thead><tbody>{body}</tbody></table>"


def _figure(caption: str, chart: str, note: str = "") -> str:
    top = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    after = f'<p class="note">{escape(note)}</p>' if note else ""
    return f"<figure>{top}{chart}{after}</figure>"
