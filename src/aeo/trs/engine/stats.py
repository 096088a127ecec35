"""The statistics of a group of declarations, as Ibis aggregations, and their results.

Percentiles are exact and continuous (linear interpolation between the two nearest ranks, the
"type 7" definition, numpy's default), in bounded memory: in the pass of the totals, from the
windows a sample predicts (`windows.py`), else by `quantiles.py`.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .io import execute_columns, execute_table
from .quantiles import Cell, quantiles
from .schema import CLEARANCE_MODES, REASONS, TRANSPORT_MODES
from .windows import WIDTH, Windows, padded, predict
from .windows import at_ranks as at_window_ranks

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


@dataclass
class Measured:
    """What `measure` finds: totals per key, data quality, per cell the durations per range of
    its windows and the values inside them (`windows.at_ranks`), and the counts per `BIN_EDGES`
    bin per cell (if asked for)."""

    totals: dict[tuple[Any, ...], Totals]
    quality: DataQuality
    ranges: dict[Cell, dict[int, int]]
    values: dict[tuple[Cell, int], list[float]]
    bins: Histograms


def measure(
    t: ir.Table,
    keys: list[str],
    columns: list[str],
    cell_keys: list[str],
    where: str | None = None,
    bins: bool = False,
    windows: Windows | None = None,
) -> Measured:
    """One pass over the declarations: per key, the valid declarations and the count and sum of
    each column's values; the data quality of all declarations; and, per cell (`cell_keys`, a
    subset of `keys`, and stage), for the valid stage durations where the boolean column
    `where` holds, their counts per range of the cell's `windows` and every value inside them;
    if `bins`, also their counts per `BIN_EDGES` bin (for the distribution charts).

    One row per declaration, grouped by the keys, `dq_reason` and the range (a small number,
    0 to 4) of each stage duration: plain counts and sums, and the windows' values, no state per
    declaration otherwise. The windows come from a left join with their small table, one row per
    cell (a hash probe per declaration). Each reason is counted by its group, and a caller
    splits groups by adding a key (clearance mode, AEO consignor) rather than by filtering
    every aggregate.
    """
    stage_of = {c: s for s, c in STAGES.items()}
    stages = [c for c in columns if c in stage_of]
    others = [c for c in columns if c not in stage_of]
    selected = t.dq_reason.isnull() if where is None else t.dq_reason.isnull() & t[where]
    # code columns as their index in the code list: a one-byte group key instead of text (a
    # code not in the list, which only an excluded declaration has, becomes null)
    coded = {
        k: ibis.cases(*((t[k] == code, ibis.literal(i, "int8")) for i, code in enumerate(codes)),
                      else_=ibis.null("int8"))
        for k, codes in CODES.items()
        if k in keys
    }  # fmt: skip
    t = t.mutate(kept=selected, **coded)
    t = _with_windows(t, cell_keys, stages, windows or {}, {s: stage_of[s] for s in stages})
    ranges = {
        f"range{i}": ibis.ifelse(
            t.kept & t[c].notnull(),
            ibis.cases(
                (t[c] < t[f"w{i}_a0"], 0), (t[c] <= t[f"w{i}_b0"], 1),
                (t[c] < t[f"w{i}_a1"], 2), (t[c] <= t[f"w{i}_b1"], 3), else_=4,
            ).cast("int8"),
            None,
        )
        for i, c in enumerate(stages)
    }  # fmt: skip
    binned = {
        f"bin{i}": ibis.ifelse(
            t.kept & t[c].notnull(), t[c].bucket(BIN_EDGES, close_extreme=True), None
        )
        for i, c in enumerate(stages)
        if bins
    }
    t = t.mutate(**ranges, **binned)
    aggregates: dict[str, ir.Value] = {"rows": t.count()}
    for i, c in enumerate([*stages, *others]):
        aggregates[f"n{i}"] = t[c].count()
        aggregates[f"total{i}"] = t[c].sum()
    for i, c in enumerate(stages):
        aggregates[f"values{i}"] = t[c].collect(where=t[f"range{i}"].isin((1, 3)))
    found = execute_columns(
        t.group_by([*keys, "dq_reason", *ranges, *binned]).aggregate(**aggregates)
    )
    # the rows found, column by column (thousands of rows: no dictionary per row)
    for k in coded:
        found[k] = [None if v is None else CODES[k][v] for v in found[k]]
    size = len(found["rows"])
    key_of = list(zip(*(found[k] for k in keys), strict=True)) if keys else [()] * size
    cell_index = [keys.index(k) for k in cell_keys]
    excluded = dict.fromkeys(REASONS, 0)
    in_scope = 0
    counts: dict[tuple[Any, ...], list[int]] = {}  # per key: rows, then n per column
    partial: dict[tuple[Any, ...], list[list[float]]] = {}  # per key and column: partial sums
    per_range: dict[Cell, dict[int, int]] = defaultdict(dict)
    values: dict[tuple[Cell, int], list[float]] = defaultdict(list)
    per_bin: Histograms = {}
    width = len(stages) + len(others)
    for i, (reason, rows) in enumerate(zip(found["dq_reason"], found["rows"], strict=True)):
        in_scope += rows
        if reason is not None:
            excluded[REASON_NAMES[reason]] += rows
            continue
        key = key_of[i]
        if key not in counts:
            counts[key], partial[key] = [0] * (width + 1), [[] for _ in range(width)]
        counted, sums = counts[key], partial[key]
        counted[0] += rows
        for j in range(width):
            counted[j + 1] += found[f"n{j}"][i]
            sums[j].append(found[f"total{j}"][i] or 0)
        for j, c in enumerate(stages):
            code = found[f"range{j}"][i]
            if code is None:
                continue
            n = found[f"n{j}"][i]
            cell = (*(key[x] for x in cell_index), stage_of[c])
            cell_ranges = per_range[cell]
            cell_ranges[code] = cell_ranges.get(code, 0) + n
            if code % 2:
                values[cell, code].extend(found[f"values{j}"][i] or [])
            if bins and found[f"bin{j}"][i] is not None:
                per_bin.setdefault(cell, [0] * (len(BIN_EDGES) - 1))[found[f"bin{j}"][i]] += n
    valid: dict[tuple[Any, ...], Totals] = {}
    for key, counted in counts.items():
        total: Totals = {"rows": counted[0]}
        for j, c in enumerate([*stages, *others]):
            total[f"{c}_count"] = counted[j + 1]
            total[f"{c}_sum"] = math.fsum(partial[key][j])
        valid[key] = total
    data_quality = DataQuality(in_scope, excluded)
    return Measured(valid, data_quality, dict(per_range), dict(values), per_bin)


def _with_windows(
    t: ir.Table, cell_keys: list[str], stages: list[str], windows: Windows, stage: dict[str, int]
) -> ir.Table:
    """`t` with each stage's windows (`w<i>_a0`, `w<i>_b0`, `w<i>_a1`, `w<i>_b1`: the ends of
    the first and second window of stage column i), by a left join with the table of windows
    (group keys may be null, so they are matched as identical, not equal). A cell without
    windows has none: all its durations fall in range 0."""
    cells = {cell[:-1] for cell in windows}
    fields = [pa.field(f"w_{k}", t[k].type().to_pyarrow()) for k in cell_keys]
    names = [f"w{i}_{end}{j}" for i in range(len(stages)) for j in range(WIDTH) for end in "ab"]
    rows = []
    for cell in cells:
        row: dict[str, Any] = {
            f"w_{k}": v for k, v in zip(cell_keys, _encode(cell_keys, cell), strict=True)
        }
        for i, c in enumerate(stages):
            ranges = padded(windows.get((*cell, stage[c]), []))
            for j, (a, b) in enumerate(ranges):
                row[f"w{i}_a{j}"], row[f"w{i}_b{j}"] = a, b
        rows.append(row)
    schema = pa.schema([*fields, *(pa.field(n, pa.float64()) for n in names)])
    if not rows:  # no windows at all: every duration in range 0
        return t.mutate(**{n: ibis.literal(math.inf) for n in names})
    table = ibis.memtable(pa.Table.from_pylist(rows, schema))
    if not cell_keys:
        return t.cross_join(table)
    joined = t.left_join(table, [t[k].identical_to(table[f"w_{k}"]) for k in cell_keys])
    return joined.drop(*(f"w_{k}" for k in cell_keys))


def _encode(keys: list[str], values: tuple[Any, ...]) -> tuple[Any, ...]:
    """Key values as `measure` groups them (a code as its index in its list)."""
    return tuple(
        CODES[k].index(v) if k in CODES and v is not None else v
        for k, v in zip(keys, values, strict=True)
    )


def predicted_windows(
    sample: ir.Table,
    cell_keys: list[str],
    where: str | None = None,
    scale: float = 1.0,
) -> Windows:
    """Where the sample's valid durations put the percentiles of each cell (`windows.predict`);
    `scale`: the file's rows per sample row."""
    selected = (
        sample.dq_reason.isnull() if where is None else sample.dq_reason.isnull() & sample[where]
    )
    found = execute_table(sample.filter(selected).select(*cell_keys, *STAGES.values()))
    sample_values: dict[Cell, np.ndarray] = {}
    for stage, column in STAGES.items():
        recorded = found.filter(pc.is_valid(found[column]))
        if not cell_keys:
            if recorded.num_rows:
                sample_values[(stage,)] = recorded[column].to_numpy()
            continue
        lists = recorded.group_by(cell_keys, use_threads=False).aggregate([(column, "list")])
        keys_of = zip(*(lists[k].to_pylist() for k in cell_keys), strict=True)
        for key, values in zip(keys_of, lists[f"{column}_list"], strict=True):
            sample_values[(*key, stage)] = values.values.to_numpy()
    return predict(sample_values, (MEDIAN, P90), scale)


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
    t: ir.Table, keys: list[str], measured: Measured, where: str | None = None
) -> Percentiles:
    """{(*key values, stage): [median, 90th percentile]} of the (valid) durations: from the
    windows' values of `measure`, and, for the cells whose ranks fell outside them, by
    `quantiles.quantiles` (two more queries, on those cells only)."""
    found, missed = at_window_ranks(measured.ranges, measured.values, (MEDIAN, P90))
    if missed:
        selected = t.dq_reason.isnull() if where is None else t.dq_reason.isnull() & t[where]
        t = t.filter(selected)
        cells = [ibis.and_(*(t[k].identical_to(v) for k, v in zip(keys, cell, strict=True)))
                 for cell in {c[:-1] for c in missed}]  # fmt: skip
        if keys:
            t = t.filter(ibis.or_(*cells))
        stages = {s: STAGES[s] for s in sorted({c[-1] for c in missed})}
        rest = quantiles(t, keys, stages, (MEDIAN, P90))
        found |= {cell: rest[cell] for cell in missed if cell in rest}
    return found


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
