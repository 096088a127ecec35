"""The statistics of a group of declarations, as Ibis aggregations, and their results.

Percentiles are exact and continuous (linear interpolation between the two nearest ranks, the
"type 7" definition, numpy's default); `quantiles.py` computes them in bounded memory.
"""

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import ibis
import ibis.expr.types as ir

from .codes import decode
from .io import execute
from .quantiles import quantiles
from .schema import REASONS

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


Percentiles = dict[tuple[Any, ...], list[float]]
Totals = dict[str, Any]  # "rows", and per column "<column>_count" and "<column>_sum"


def totals(
    t: ir.Table, keys: list[str], columns: list[str]
) -> tuple[dict[tuple[Any, ...], Totals], DataQuality]:
    """Per key: valid declarations, and the count and sum of each column's values; and the data
    quality of all declarations.

    One query with plain counts and sums, grouped by `dq_reason` too: each reason is counted by
    its group, and a caller splits groups by adding a key (clearance mode, AEO consignor) rather
    than by filtering every aggregate.
    """
    metrics = {f"{c}_{f}": getattr(t[c], f)() for c in columns for f in ("count", "sum")}
    found = execute(t.group_by([*keys, "dq_reason"]).aggregate(rows=t.count(), **metrics))
    data_quality = DataQuality()
    valid: dict[tuple[Any, ...], Totals] = {}
    for row in found:
        key = decode([*keys, "dq_reason"], [row[k] for k in [*keys, "dq_reason"]])
        reason, n = key[-1], row["rows"]
        data_quality += DataQuality(n, {r: n if r == reason else 0 for r in REASONS})
        if reason is None:
            valid[key[:-1]] = {k: row[k] for k in ("rows", *metrics)}
    return valid, data_quality


def combine(found: list[Totals], columns: list[str]) -> Totals:
    """Totals added up (the partial sums with `math.fsum`, which adds no rounding of its own)."""
    combined: Totals = {"rows": sum(row["rows"] for row in found)}
    for c in columns:
        combined[f"{c}_count"] = sum(row[f"{c}_count"] for row in found)
        combined[f"{c}_sum"] = math.fsum(row[f"{c}_sum"] or 0 for row in found)
    return combined


def mean(total: Totals, column: str) -> float | None:
    count = total[f"{column}_count"]
    return total[f"{column}_sum"] / count if count else None


def stage_percentiles(
    t: ir.Table, keys: list[str], where: ir.BooleanValue | None = None
) -> Percentiles:
    """{(*key values, stage): [median, 90th percentile]} of the (valid) durations."""
    found = quantiles(t, keys, STAGES, (MEDIAN, P90), where)
    return {decode([*keys, "stage"], cell): values for cell, values in found.items()}


def summary(total: Totals, stage: int, percentiles: list[float] | None) -> Summary:
    """A stage's `totals`, with its `stage_percentiles` (None: no durations)."""
    median, p90 = percentiles or (None, None)
    column = STAGES[stage]
    return Summary(total[f"{column}_count"], mean(total, column), median, p90)


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
        key = (row["stage"], *decode(keys, [row[k] for k in keys]))
        counts = result.setdefault(key, [0] * (len(BIN_EDGES) - 1))
        if row["bin"] is not None:
            counts[row["bin"]] += row["n"]
    return result
