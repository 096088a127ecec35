"""Comparisons and reports as text (laid out as the study does), JSON and CSV; HTML in html.py.

Every format carries the data-quality section: rows in scope, rows used, rows excluded by reason.
CSV holds two blocks separated by an empty line: the statistics, then `reason,rows,description`.
"""

import csv
import io
import json
from typing import Any

from .compare import Comparison
from .errors import TrsError
from .report import Group, Report
from .schema import CLEARANCE_LABELS, CLEARANCE_MODES, REASONS
from .stats import STAGES, DataQuality, Summary, round_s
from .text import INTERVAL_LABELS, duration, mode_label, rate, table

FORMATS = ("text", "json", "csv", "html")
Result = Comparison | Report


def render(result: Result, fmt: str, lang: str = "en") -> str:
    """The result in one of FORMATS; the HTML report in `lang` (en, ja), the others in
    English with the input's codes."""
    if fmt not in FORMATS:
        raise TrsError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "html":
        from .html import html  # the charts (altair, vl-convert) are only needed here
        from .labels import LANGUAGES

        if lang not in LANGUAGES:
            raise TrsError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        return html(result, lang)
    renderer = {"text": _text, "json": _json, "csv": _csv}[fmt]
    return renderer(result)


def as_dict(result: Result) -> dict[str, Any]:
    """The JSON document of a result."""
    if isinstance(result, Comparison):
        return {
            "importing": result.importing,
            "partner": result.partner,
            "all_consignors": result.all_consignors,
            "before": result.before.as_dict(),
            "after": result.after.as_dict(),
            "rows": [
                {
                    "stage": row.stage,
                    "transport_mode": row.transport_mode,
                    "before": row.before.as_dict(),
                    "after": row.after.as_dict(),
                    "rate_of_change_pct": row.rate_of_change_pct,
                }
                for row in result.rows
            ],
            "data_quality": result.quality.as_dict(),
        }
    return {
        "importing": result.importing,
        "partner": result.partner,
        "from": result.start.isoformat() if result.start else None,
        "to": result.end.isoformat() if result.end else None,
        "by": list(result.by),
        "groups": [
            {
                "key": group.key,
                "declarations": group.declarations,
                "clearance_share_pct": group.clearance_share_pct,
                "stages": [{"stage": s, **group.stages[s].as_dict()} for s in STAGES],
                "intervals": {
                    name: {"count": i.count, "mean_s": round_s(i.mean_s)}
                    for name, i in group.intervals.items()
                },
            }
            for group in result.groups
        ],
        "data_quality": result.quality.as_dict(),
    }


def _json(result: Result) -> str:
    return json.dumps(as_dict(result), indent=2, ensure_ascii=False) + "\n"


def _csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if isinstance(result, Comparison):
        writer.writerow(
            ["stage", "transport_mode"]
            + [
                f"{p}_{m}"
                for p in ("before", "after")
                for m in ("count", "mean_s", "median_s", "p90_s")
            ]
            + ["rate_of_change_pct"]
        )
        for row in result.rows:
            cells = [*row.before.as_dict().values(), *row.after.as_dict().values()]
            writer.writerow([row.stage, row.transport_mode, *cells, row.rate_of_change_pct])
    else:
        writer.writerow(
            [*result.by, "stage", "count", "mean_s", "median_s", "p90_s", "declarations"]
            + [f"share_{m}_pct" for m in CLEARANCE_MODES]
            + [f"{name}_mean_s" for name in INTERVAL_LABELS]
        )
        for group in result.groups:
            shares = group.clearance_share_pct
            intervals = [round_s(i.mean_s) for i in group.intervals.values()]
            for stage, summary in group.stages.items():
                writer.writerow(
                    [*map(_csv_value, group.key.values()), stage, *summary.as_dict().values()]
                    + [group.declarations]
                    + [shares[m] for m in CLEARANCE_MODES]
                    + intervals
                )
    writer.writerow([])
    writer.writerow(["reason", "rows", "description"])
    writer.writerow(["in_scope", result.quality.rows, "declarations within the filters"])
    writer.writerow(["used", result.quality.used, "declarations in the statistics"])
    for reason, count in result.quality.excluded.items():
        writer.writerow([reason, count, REASONS[reason]])
    return out.getvalue()


Table = tuple[str, list[list[str]]]  # title, rows (the first one or two are headers)


def _text(result: Result) -> str:
    lines = [*heading(result), ""]
    for title, rows in tables(result):
        lines += [title, "", *table(rows, "  "), ""]
    return "\n".join(lines)


def heading(result: Result) -> list[str]:
    """Title and scope lines."""
    if isinstance(result, Comparison):
        consignors = "all consignors" if result.all_consignors else "AEO consignors"
        return [
            f"Release Times and Rates of Change of {result.importing}'s Imports "
            f"from {result.partner}",
            f"({consignors}; before and after the entry into force of the AEO MRA)",
        ]
    scope = [
        f"importing {result.importing or 'any'}",
        f"partner {result.partner or 'any'}",
        f"from {result.start or 'the first'} to {result.end or 'the last'} declaration",
    ]
    return [
        "Time Release Study report: " + ", ".join(scope),
        f"Grouped by {', '.join(result.by) or 'nothing'}",
    ]


def tables(result: Result) -> list[Table]:
    """The result's tables, data quality last; shared by the text and HTML renderers."""
    found = _compare_tables(result) if isinstance(result, Comparison) else _report_tables(result)
    return [*found, _quality_table(result.quality)]


def _compare_tables(c: Comparison) -> list[Table]:
    def dates(period: Any) -> str:
        return f"({period.start:%Y.%m.%d}~{period.end:%Y.%m.%d})"

    means = [
        ["", "", "Before the Entry into Force", "After the Entry into Force", "Rate of"],
        ["", "", dates(c.before), dates(c.after), "Change (%)"],
    ]
    details = [["", "", "Period", "Declarations", "Mean", "Median", "90th percentile"]]
    for row in c.rows:
        first = row is next(r for r in c.rows if r.stage == row.stage)
        label = [f"Stage {row.stage}" if first else "", mode_label(row.transport_mode)]
        means.append(
            [
                *label,
                duration(row.before.mean_s),
                duration(row.after.mean_s),
                rate(row.rate_of_change_pct),
            ]
        )
        for period, s in (("before", row.before), ("after", row.after)):
            details.append([*label, period, *_summary_cells(s)])
            label = ["", ""]
    return [("Mean release times", means), ("Declarations, median and 90th percentile", details)]


def _summary_cells(s: Summary) -> list[str]:
    return [str(s.count), duration(s.mean_s), duration(s.median_s), duration(s.p90_s)]


def _report_tables(r: Report) -> list[Table]:
    if not r.groups:
        return [("No Records", [[""]])]
    found: list[Table] = []
    for group in r.groups:
        rows = [["", "Declarations", "Mean", "Median", "90th percentile"]]
        rows += [[f"Stage {s}", *_summary_cells(summary)] for s, summary in group.stages.items()]
        rows += [["Mean interval", "Declarations", "Mean", "", ""]]
        rows += [
            [INTERVAL_LABELS[name], str(i.count), duration(i.mean_s), "", ""]
            for name, i in group.intervals.items()
        ]
        shares = group.clearance_share_pct
        rows += [["Clearance mode", "Share (%)", "", "", ""]]
        rows += [[CLEARANCE_LABELS[m], rate(shares[m]), "", "", ""] for m in CLEARANCE_MODES]
        found.append((group_title(group), rows))
    return found


def group_title(group: Group) -> str:
    parts = [f"{k}={value_label(v)}" for k, v in group.key.items()] or ["all declarations"]
    noun = "declaration" if group.declarations == 1 else "declarations"
    return f"{', '.join(parts)}: {group.declarations} {noun}"


def value_label(value: Any) -> str:
    if value is None:
        return "not recorded"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _quality_table(q: DataQuality) -> Table:
    rows = [["", "Rows", ""], ["in scope", str(q.rows), "declarations within the filters"]]
    rows += [["used", str(q.used), "declarations in the statistics"]]
    rows += [[reason, str(n), REASONS[reason]] for reason, n in q.excluded.items()]
    return ("Data quality (an excluded row is counted under the first reason that applies)", rows)


def _csv_value(value: Any) -> Any:
    return str(value).lower() if isinstance(value, bool) else value
