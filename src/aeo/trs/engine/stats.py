"""The statistics of a group of declarations, as Ibis aggregations, and their results.

Percentiles are exact and continuous (linear interpolation between the two nearest ranks, the
"type 7" definition, numpy's default); `quantiles.py` computes them in bounded memory.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import ibis
import ibis.expr.types as ir

from .io import execute
from .quantiles import Cell, at_ranks, bucket, column_value, one_row_per_column
from .schema import CLEARANCE_MODES, REASONS, TRANSPORT_MODES

STAGES = {1: "stage1_s", 2: "stage2_s"}
INTERVALS = {
    "arrival_to_lodgment": "arrival_to_lodgment_s",
    "lodgment_to_release": "stage1_s",
    "release_to_delivery": "release_to_delivery_s",
}
MEDIAN, P90 = 0.5, 0.9
REASON_NAMES = tuple(REASONS)  # `dq_reason` is an index into it
CODES = {"transport_mode": TRANSPORT_MODES, "clearance_mode": CLEARANCE_MODES}

# Histogram bins for the distribution charts, in seconds: minutes to weeks, up to the bound.
BIN_EDGES = (0, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 172800, 345600,
             604800, 1209600, 2592000, 5184000)  # fmt: skip
Histograms = dict[tuple[Any, ...], list[int]]


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


def measure(
    t: ir.Table,
    keys: list[str],
    columns: list[str],
    cell_keys: list[str],
    where: ir.BooleanValue | None = None,
    bins: bool = False,
) -> tuple[dict[tuple[Any, ...], Totals], DataQuality, dict[Cell, dict[int, int]], Histograms]:
    """One pass over the declarations: per key, the valid declarations and the count and sum of
    each column's values; the data quality of all declarations; and, per cell (`cell_keys`, a
    subset of `keys`, and stage), the bucket counts of the valid stage durations where `where`
    holds, for `quantiles.at_ranks`; if `bins`, also their counts per `BIN_EDGES` bin, per
    cell (for the distribution charts).

    One row per declaration and stage (a cross join with the stage numbers), grouped by the
    keys, `dq_reason`, the stage and the duration's bucket: plain counts and sums, no state per
    declaration; the other columns are summed on each declaration's first row. Each reason is
    counted by its group, and a caller splits groups by adding a key (clearance mode, AEO
    consignor) rather than by filtering every aggregate.
    """
    stage_of = {c: s for s, c in STAGES.items()}
    stages = [c for c in columns if c in stage_of]
    others = [c for c in columns if c not in stage_of]
    selected = t.dq_reason.isnull() if where is None else t.dq_reason.isnull() & where
    # code columns as their index in the code list: a one-byte group key instead of text (a
    # code not in the list, which only an excluded declaration has, becomes null)
    coded = {
        k: ibis.cases(*((t[k] == code, ibis.literal(i, "int8")) for i, code in enumerate(codes)),
                      else_=ibis.null("int8"))
        for k, codes in CODES.items()
        if k in keys
    }  # fmt: skip
    long = one_row_per_column(t.mutate(kept=selected, **coded), stages, "column")
    value = column_value(long, stages, "column")
    counted = ibis.ifelse(long.kept & value.notnull(), bucket(value), None)
    binned = {"bin": ibis.ifelse(counted.notnull(), value.bucket(BIN_EDGES, close_extreme=True),
                                 None)} if bins else {}  # fmt: skip
    first = long.column == 0
    extra = {f"other{i}": ibis.ifelse(first, long[c], None) for i, c in enumerate(others)}
    grouped = long.select(
        *keys, "dq_reason", "column", value=value, bucket=counted, **binned, **extra
    )
    sums = {f"{name}_{f}": getattr(grouped[name], f)() for name in extra for f in ("count", "sum")}
    found = execute(
        grouped.group_by([*keys, "dq_reason", "column", "bucket", *binned]).aggregate(
            rows=ibis._.count(), n=ibis._.value.count(), total=ibis._.value.sum(), **sums
        )
    )
    by_key: dict[tuple[Any, ...], dict[int, list[dict[str, Any]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    data_quality = DataQuality()
    histograms: dict[Cell, dict[int, int]] = defaultdict(dict)
    per_bin: Histograms = {}
    for row in found:
        for k in coded:
            row[k] = None if row[k] is None else CODES[k][row[k]]
        key, column = tuple(row[k] for k in keys), row["column"]
        reason = None if row["dq_reason"] is None else REASON_NAMES[row["dq_reason"]]
        if column == 0:
            n = row["rows"]
            data_quality += DataQuality(n, {r: n if r == reason else 0 for r in REASONS})
        if reason is not None:
            continue
        by_key[key][column].append(row)
        if row["bucket"] is not None:
            cell = (*(row[k] for k in cell_keys), stage_of[stages[column]])
            cell_histogram = histograms[cell]
            cell_histogram[row["bucket"]] = cell_histogram.get(row["bucket"], 0) + row["n"]
            if bins and row["bin"] is not None:
                per_bin.setdefault(cell, [0] * (len(BIN_EDGES) - 1))[row["bin"]] += row["n"]
    valid: dict[tuple[Any, ...], Totals] = {}
    for key, parts in by_key.items():
        total: Totals = {"rows": sum(row["rows"] for row in parts[0])}
        for i, c in enumerate(stages):
            total[f"{c}_count"] = sum(row["n"] for row in parts[i])
            total[f"{c}_sum"] = math.fsum(row["total"] or 0 for row in parts[i])
        for i, c in enumerate(others):
            total[f"{c}_count"] = sum(row[f"other{i}_count"] for row in parts[0])
            total[f"{c}_sum"] = math.fsum(row[f"other{i}_sum"] or 0 for row in parts[0])
        valid[key] = total
    return valid, data_quality, dict(histograms), per_bin


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
    t: ir.Table,
    keys: list[str],
    histograms: dict[Cell, dict[int, int]],
    where: ir.BooleanValue | None = None,
) -> Percentiles:
    """{(*key values, stage): [median, 90th percentile]} of the (valid) durations, from the
    bucket counts of `measure`."""
    selected = t.dq_reason.isnull() if where is None else t.dq_reason.isnull() & where
    return at_ranks(t.filter(selected), keys, STAGES, (MEDIAN, P90), histograms)


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
