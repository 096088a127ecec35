"""The report's charts as Vega-Lite specifications (built with altair), and as static SVG.

The specifications are plain dicts: the platform's pages can render them with vega-embed, the
self-contained HTML report inlines them as SVG made by `vl-convert` (no script, no network).
Times are drawn in hours, labelled in the reader's language (`labels.py`).
"""

import os
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import altair as alt

from . import labels
from .compare import PERIODS, Comparison
from .report import Report
from .stats import BIN_EDGES, STAGES

Spec = dict[str, Any]
WIDTH = 620  # px: the plot; the labels come on top of it (the SVG then scales to the page)
COLOURS = {"before": "#8c8c8c", "after": "#1f5fa8"}
STAGE_COLOURS = ("#1f5fa8", "#d9822b")
INTERVAL_COLOURS = ("#9ecae1", "#1f5fa8", "#d9822b")
FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
FONT_DIRECTORIES = ("/usr/share/fonts", "/usr/local/share/fonts")


def _config(chart: alt.Chart | alt.LayerChart | alt.FacetChart) -> Spec:
    return chart.configure(font=FONT).configure_axis(
        labelFontSize=12, titleFontSize=12, labelLimit=320, grid=True, gridColor="#e6e6e6"
    ).configure_legend(labelFontSize=12, titleFontSize=12, orient="top", labelLimit=360
    ).configure_view(stroke=None).to_dict()  # fmt: skip


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else max(seconds, 0) / 3600


def compare_means(c: Comparison, stage: int, lang: str) -> Spec:
    """Grouped horizontal bars: the mean time of each transport mode, before and after."""
    rows = [
        {
            "mode": labels.mode(r.transport_mode, lang),
            "period": labels.word(p, lang),
            "order": i,
            "hours": _hours(getattr(r, p).mean_s),
            "label": labels.duration(getattr(r, p).mean_s, lang),
        }
        for r in c.rows
        if r.stage == stage
        for i, p in enumerate(PERIODS)
    ]
    modes = list(dict.fromkeys(labels.mode(r.transport_mode, lang) for r in c.rows))
    periods = [labels.word(p, lang) for p in PERIODS]
    return _bars(rows, "mode", modes, "period", periods, list(COLOURS.values()), lang)


def report_means(r: Report, lang: str) -> Spec:
    """Grouped horizontal bars: the mean Stage 1 and Stage 2 time of each group."""
    rows = [
        {
            "group": labels.group(g.key, lang),
            "stage": labels.stage(s, lang),
            "order": s,
            "hours": _hours(g.stages[s].mean_s),
            "label": labels.duration(g.stages[s].mean_s, lang),
        }
        for g in r.groups
        for s in STAGES
    ]
    groups = [labels.group(g.key, lang) for g in r.groups]
    stages = [labels.stage(s, lang) for s in STAGES]
    return _bars(rows, "group", groups, "stage", stages, list(STAGE_COLOURS), lang)


def _bars(
    rows: list[dict[str, Any]],
    category: str,
    categories: list[str],
    series: str,
    names: list[str],
    colours: list[str],
    lang: str,
) -> Spec:
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y(f"{category}:N", sort=categories, title=None),
        yOffset=alt.YOffset(f"{series}:N", sort=names),
        x=alt.X("hours:Q", title=labels.word("axis_hours", lang)),
    )
    bars = base.mark_bar(height={"band": 0.9}).encode(
        color=alt.Color(f"{series}:N", sort=names, title=None,
                        scale=alt.Scale(domain=names, range=colours)),
    )  # fmt: skip
    text = base.mark_text(align="left", dx=4, fontSize=11, color="#333").encode(
        text="label:N", x=alt.X("hours:Q", impute=None)
    )
    height = alt.Step(16) if len(names) > 1 else alt.Step(22)
    chart = alt.layer(bars, text).properties(width=WIDTH - 160, height=height)
    return _config(chart)


def bottleneck(r: Report, lang: str) -> Spec:
    """Stacked horizontal bars: the mean intervals from arrival to delivery of each group."""
    names = [labels.word(name, lang) for name in ("arrival_to_lodgment", "lodgment_to_release",
                                                  "release_to_delivery")]  # fmt: skip
    rows = [
        {
            "group": labels.group(g.key, lang),
            "interval": labels.word(name, lang),
            "order": i,
            "hours": _hours(g.intervals[name].mean_s) or 0,
            "label": labels.duration(g.intervals[name].mean_s, lang),
        }
        for g in r.groups
        for i, name in enumerate(
            ("arrival_to_lodgment", "lodgment_to_release", "release_to_delivery")
        )  # fmt: skip
    ]
    groups = [labels.group(g.key, lang) for g in r.groups]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("group:N", sort=groups, title=None),
            x=alt.X("sum(hours):Q", title=labels.word("axis_hours", lang), stack="zero"),
            color=alt.Color(
                "interval:N",
                sort=names,
                title=None,
                scale=alt.Scale(domain=names, range=list(INTERVAL_COLOURS)),
            ),
            order=alt.Order("order:Q"),
        )  # fmt: skip
        .properties(width=WIDTH - 160, height=alt.Step(22))
    )
    return _config(chart)


def bin_labels(lang: str) -> list[str]:
    """`1–5 min`, `1–2 d` ... for stats.BIN_EDGES."""

    def short(seconds: int) -> str:
        for size in (86400, 3600, 60):
            if seconds >= size:
                return f"{seconds / size:g}{'' if lang == 'ja' else ' '}"
        return "0"

    def unit_of(seconds: int) -> str:
        for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
            if seconds >= size:
                return labels.word(f"{unit}_unit", lang)
        return labels.word("seconds_unit", lang)

    found = []
    for a, b in zip(BIN_EDGES, BIN_EDGES[1:], strict=False):
        left = short(a).strip()
        if a and unit_of(a) != unit_of(b):
            left = f"{left}{'' if lang == 'ja' else ' '}{unit_of(a)}"
        found.append(f"{left}–{short(b).strip()}{'' if lang == 'ja' else ' '}{unit_of(b)}")
    return found


def distributions(
    panels: Mapping[str, Mapping[str, Sequence[int]]], colours: Sequence[str], lang: str
) -> Spec:
    """One panel per name: the share of declarations per duration range (`BIN_EDGES`), the
    series side by side; two panels a row."""
    bins = bin_labels(lang)
    rows = [
        {"panel": panel, "range": bins[i], "series": name, "share": n / (sum(counts) or 1) * 100}
        for panel, series in panels.items()
        for name, counts in series.items()
        for i, n in enumerate(counts)
    ]
    names = list(dict.fromkeys(name for series in panels.values() for name in series))
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X(
                "range:N",
                sort=bins,
                title=labels.word("axis_range", lang),
                axis=alt.Axis(labelAngle=-45, labelFontSize=10),
            ),
            xOffset=alt.XOffset("series:N", sort=names),
            y=alt.Y("share:Q", title=labels.word("axis_share", lang)),
            color=alt.Color(
                "series:N",
                sort=names,
                title=None,
                scale=alt.Scale(domain=names, range=list(colours)),
            ),
        )  # fmt: skip
        .properties(width=WIDTH / 2 - 50, height=150)
        .facet(
            facet=alt.Facet(
                "panel:N",
                sort=list(panels),
                title=None,
                header=alt.Header(labelFontSize=12, labelFontWeight="bold"),
            ),
            columns=2,
        )  # fmt: skip
    )
    return _config(chart)


def svg(spec: Spec) -> str:
    """The chart as an SVG element, scaled to the width of the page."""
    import vl_convert

    _fonts()
    drawn = vl_convert.vegalite_to_svg(spec)
    head, rest = drawn.split(">", 1)
    # inline in HTML, the SVG needs no namespace declarations (the parser knows SVG and xlink)
    head = head.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    return f'{head} role="img">{rest}'


@cache
def _fonts() -> None:
    """Let vl-convert measure labels with the system's fonts (Japanese among them)."""
    import vl_convert

    for directory in FONT_DIRECTORIES:
        if os.path.isdir(directory):
            vl_convert.register_font_directory(directory)


def period_colours() -> list[str]:
    return list(COLOURS.values())


def stage_colours() -> list[str]:
    return list(STAGE_COLOURS)
