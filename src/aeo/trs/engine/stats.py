"""The statistics of a group of declarations, as Ibis aggregations, and their results.

Percentiles are exact and continuous (linear interpolation between the two nearest ranks, the
"type 7" definition, numpy's default); `quantiles.py` computes them in bounded memory.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import ibis
import ibis.expr.types as ir

from .io import execute
from .quantiles import quantiles
from .schema import CLEARANCE_MODES, REASONS

STAGES = {1: "stage1_s", 2: "stage2_s"}
INTERVALS = {
    "arrival_to_lodgment": "arrival_to_lodgment_s",
    "lodgment_to_release": "stage1_s",
    "release_to_delivery": "release_to_delivery_s",
}
MEDIAN, P90 = 0.5, 0.9


@dataclass(frozen=True)
class Summary:
    """Count, mean, median and 90th percentile of durations in seconds (None: no records)."""

    count: int
    mean_s: float | None
    median_s: float | None
    p90_s: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "mean_s": round_s(self.mean_s),
            "median_s": round_s(self.median_s),
            "p90_s": round_s(self.p90_s),
        }


NO_RECORDS = Summary(0, None, None, None)


@dataclass(frozen=True)
class DataQuality:
    """Rows of the study's scope, and those excluded from the statistics, by reason."""

    rows: int = 0
    excluded: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REASONS, 0))

    @property
    def used(self) -> int:
        return self.rows - sum(self.excluded.values())

    def __add__(self, other: "DataQuality") -> "DataQuality":
        return DataQuality(
            self.rows + other.rows,
            {reason: self.excluded[reason] + other.excluded[reason] for reason in REASONS},
        )

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "used": self.used, "excluded": dict(self.excluded)}


def stage_metrics(t: ir.Table, where: ir.BooleanValue | None = None) -> dict[str, ir.Scalar]:
    """Per stage: count and mean of the (valid) durations."""
    metrics: dict[str, ir.Scalar] = {}
    for stage, column in STAGES.items():
        value = t[column]
        metrics |= {
            f"s{stage}_count": value.count(where=where),
            f"s{stage}_mean": value.mean(where=where),
        }
    return metrics


Percentiles = dict[tuple[Any, ...], list[float]]


def stage_percentiles(
    t: ir.Table, keys: list[str], where: ir.BooleanValue | None = None
) -> Percentiles:
    """{(*key values, stage): [median, 90th percentile]} of the (valid) durations."""
    return quantiles(t, keys, STAGES, (MEDIAN, P90), where)


def aggregate(
    t: ir.Table, keys: list[str], metrics: dict[str, ir.Scalar]
) -> tuple[list[dict[str, Any]], DataQuality]:
    """The metrics of the valid declarations per key, and the data quality of all of them.

    One query, grouped by `dq_reason` as well: each reason is counted by its group, with no
    per-reason filter to evaluate on every row.
    """
    found = execute(t.group_by([*keys, "dq_reason"]).aggregate(dq_rows=t.count(), **metrics))
    total = DataQuality()
    for row in found:
        reason, n = row["dq_reason"], row["dq_rows"]
        total += DataQuality(n, {r: n if r == reason else 0 for r in REASONS})
    return [row for row in found if row["dq_reason"] is None], total


def profile_metrics(t: ir.Table) -> dict[str, ir.Scalar]:
    """Declarations per clearance mode, and the mean of each interval (for `aggregate`)."""
    metrics: dict[str, ir.Scalar] = {}
    for mode in CLEARANCE_MODES:
        metrics[f"clearance_{mode}"] = t.count(where=t.clearance_mode == mode)
    for name, column in INTERVALS.items():
        metrics[f"{name}_count"] = t[column].count()
        metrics[f"{name}_mean"] = t[column].mean()
    return metrics


def summary(row: dict[str, Any], stage: int, percentiles: list[float] | None) -> Summary:
    """`stage_metrics` of a result row, with its `stage_percentiles` (None: no durations)."""
    median, p90 = percentiles or (None, None)
    return Summary(
        count=row[f"s{stage}_count"] or 0, mean_s=row[f"s{stage}_mean"], median_s=median, p90_s=p90
    )


def round_s(seconds: float | None) -> float | None:
    """Seconds to the tenth, half away from zero, as the study prints them."""
    return None if seconds is None else float(f"{_half_up(seconds, 1)}")


def rate_of_change(before: float | None, after: float | None) -> float | None:
    """(after - before) / before x 100, to two decimals; None when either is missing or zero."""
    if before is None or after is None or before == 0:
        return None
    return float(_half_up((after - before) / before * 100, 2))


def _half_up(value: float, places: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# Histogram bins for the distribution charts, in seconds: minutes to weeks, up to the bound.
BIN_EDGES = (0, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 172800, 345600,
             604800, 1209600, 2592000, 5184000)  # fmt: skip
Histograms = dict[tuple[Any, ...], list[int]]


def histogram(t: ir.Table, keys: list[str], where: ir.BooleanValue | None = None) -> ir.Table:
    """Counts of durations per key, stage and bin (bins follow `BIN_EDGES`)."""
    parts = []
    for stage, column in STAGES.items():
        value = t[column]
        selected = value.notnull() if where is None else value.notnull() & where
        parts.append(
            t.filter(selected)
            .mutate(stage=ibis.literal(stage), bin=value.bucket(BIN_EDGES, close_extreme=True))
            .group_by([*keys, "stage", "bin"])
            .aggregate(n=ibis._.count())
        )
    return ibis.union(*parts)


def histograms(rows: list[dict[str, Any]], keys: list[str]) -> Histograms:
    """`histogram` rows as {(stage, *key values): counts per bin}."""
    result: Histograms = {}
    for row in rows:
        key = (row["stage"], *(row[k] for k in keys))
        counts = result.setdefault(key, [0] * (len(BIN_EDGES) - 1))
        if row["bin"] is not None:
            counts[row["bin"]] += row["n"]
    return result
