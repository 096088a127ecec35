"""Exact percentiles in memory that does not grow with the number of declarations.

A study first looks for them in its one pass (`windows.py`); this is how it finds those of the
cells whose ranks fell outside the windows a sample predicted (and any table's, in two queries).

A database's exact percentile (DuckDB's `quantile_cont`, Spark's `percentile`) keeps every value
of a group in memory until the group is done: 8 bytes a duration, and DuckDB cannot spill that
state to disk. Here two bounded queries find the same values instead:

1. counts of durations per cell (group and stage) and *bucket*, a narrow value range
   (`RESOLUTION` buckets per doubling of the duration: at most a few thousand per cell, however
   many rows there are);
2. the cumulative counts tell which bucket holds each rank a percentile needs, and only the rows
   of those buckets are sorted (`row_number`) to read the values at those ranks.

The percentile is then interpolated as numpy's `percentile` does (its default, Hyndman & Fan
type 7, which DuckDB's `quantile_cont` and Spark's `percentile` also follow): position (n - 1) * p,
and linear interpolation between the two closest ranks, bit for bit as numpy computes it.

The bucket of a row is computed by the same expression in both queries, so a value on a
bucket's edge is never counted in one bucket and looked for in another.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from .io import execute

RESOLUTION = 256  # buckets per doubling: a bucket spans 0.27 % of its durations
Cell = tuple[Any, ...]  # (*group key values, stage)


def quantiles(
    t: ir.Table,
    keys: list[str],
    stages: dict[int, str],
    probabilities: Sequence[float],
    where: ir.BooleanValue | None = None,
) -> dict[Cell, list[float]]:
    """{(*key values, stage): [value at each probability]} for every cell holding a duration.

    `stages` maps a stage number to its column of non-negative durations (null: none). `t` is
    read twice: once for the bucket counts, once for the values at the ranks needed. A study
    counts the buckets in the same query as its totals (`stats.measure`) and calls `at_ranks`.
    """
    if where is not None:
        t = t.filter(where)
    cell_columns = [*keys, "stage"]
    long = _long(t, keys, stages)
    counts = execute(
        long.filter(long.value.notnull())
        .group_by([*cell_columns, "bucket"])
        .aggregate(n=ibis._.count())
    )
    histograms: dict[Cell, dict[int, int]] = defaultdict(dict)
    for row in counts:
        histograms[tuple(row[c] for c in cell_columns)][row["bucket"]] = row["n"]
    return at_ranks(t, keys, stages, probabilities, histograms)


def at_ranks(
    t: ir.Table,
    keys: list[str],
    stages: dict[int, str],
    probabilities: Sequence[float],
    histograms: dict[Cell, dict[int, int]],
) -> dict[Cell, list[float]]:
    """The percentiles of every cell of `histograms` ({cell: {bucket: count}}, as `bucket`
    numbers the durations of `t`): one more query, for the values at the ranks needed."""
    positions = {cell: _positions(sum(h.values()), probabilities) for cell, h in histograms.items()}
    # (cell, bucket, rank within the bucket) -> rank within the cell, for every rank needed
    wanted = {
        (cell, bucket, rank_in_bucket): rank
        for cell, histogram in histograms.items()
        for rank, bucket, rank_in_bucket in _locate(
            histogram, {r for lo, hi, _ in positions[cell] for r in (lo, hi)}
        )
    }
    values = {
        (cell, wanted[cell, bucket, rank]): value
        for cell, bucket, rank, value in _values_at(t, keys, stages, list(wanted))
    }
    return {
        cell: [_interpolate(values[cell, lo], values[cell, hi], f) for lo, hi, f in cell_positions]
        for cell, cell_positions in positions.items()
    }


def bucket(value: ir.FloatingValue) -> ir.IntegerValue:
    """The bucket of a non-negative duration: `RESOLUTION` per doubling."""
    return ((value + 1).log2() * RESOLUTION).floor().cast("int32")


def _long(t: ir.Table, keys: list[str], stages: dict[int, str]) -> ir.Table:
    """One row per declaration and stage: keys, stage, value (null: none), bucket."""
    long = one_row_per_column(t, list(stages.values()), "index")
    number = ibis.cases(*((long.index == i, s) for i, s in enumerate(stages))).cast("int8")
    value = column_value(long, list(stages.values()), "index")
    return long.select(*keys, stage=number, value=value).mutate(bucket=bucket(ibis._.value))


def one_row_per_column(t: ir.Table, columns: list[str], name: str) -> ir.Table:
    """`t` with a row per row and column, numbered by `name` (0, 1, ...): a cross join with the
    small table of those numbers, which DuckDB streams, where unnesting an array of the values
    (a lateral join) would be planned as a join of the table with itself; and not a union of
    one query per column, which would read the declarations once per column."""
    numbers = ibis.memtable(pa.table({name: pa.array(range(len(columns)), pa.int8())}))
    return t.cross_join(numbers)


def column_value(long: ir.Table, columns: list[str], name: str) -> ir.Value:
    """In `one_row_per_column(t, columns, name)`, the value of the row's column."""
    return ibis.cases(*((long[name] == i, long[c]) for i, c in enumerate(columns)))


def _positions(n: int, probabilities: Sequence[float]) -> list[tuple[int, int, float]]:
    """Per probability: the two closest ranks (0-based) and the fraction between them."""
    positions = []
    for p in probabilities:
        position = (n - 1) * p
        lo = math.floor(position)
        positions.append((lo, math.ceil(position), position - lo))
    return positions


def _locate(histogram: dict[int, int], ranks: Iterable[int]) -> list[tuple[int, int, int]]:
    """(rank, its bucket, its rank within the bucket) for ranks of the cell, all 0-based."""
    located = []
    pending = sorted(ranks)
    below = 0
    for bucket in sorted(histogram):
        n = histogram[bucket]
        while pending and pending[0] < below + n:
            rank = pending.pop(0)
            located.append((rank, bucket, rank - below))
        below += n
    return located


def _interpolate(lo: float, hi: float, fraction: float) -> float:
    """numpy's linear interpolation (`percentile`, `quantile`), to the last bit.

    From the nearer end, so that the result stays within [lo, hi] despite rounding.
    """
    if fraction == 0:
        return lo
    if fraction < 0.5:
        return lo + (hi - lo) * fraction
    return hi - (hi - lo) * (1 - fraction)


def _values_at(
    t: ir.Table, keys: list[str], stages: dict[int, str], wanted: list[tuple[Cell, int, int]]
) -> list[tuple[Cell, int, int, float]]:
    """(cell, bucket, rank, value) of the wanted (cell, bucket, rank within the bucket).

    Rows outside the wanted (cell, bucket)s are dropped first, by a semi join with their small
    table, as cheap as a scan; then only the rows of those buckets are sorted.
    """
    if not wanted:
        return []
    long = _long(t, keys, stages)
    columns = [*keys, "stage", "bucket"]
    schema = long.select(*columns).schema().to_pyarrow().append(pa.field("rank", pa.int64()))
    rows = [dict(zip(schema.names, (*cell, b, rank), strict=True)) for cell, b, rank in wanted]
    targets = ibis.memtable(pa.Table.from_pylist(rows, schema))

    def same(left: ir.Table, right: ir.Table, names: list[str]) -> list[ir.BooleanValue]:
        return [left[c].identical_to(right[c]) for c in names]  # group keys may be null

    buckets = targets.select(*columns).distinct()
    inside = long.filter(long.value.notnull()).join(
        buckets, same(long, buckets, columns), how="semi"
    )
    ranked = inside.mutate(rank=ibis.row_number().over(group_by=columns, order_by=inside.value))
    found = ranked.join(targets, same(ranked, targets, [*columns, "rank"]), how="semi")
    return [
        (tuple(r[c] for c in [*keys, "stage"]), r["bucket"], r["rank"], r["value"])
        for r in execute(found)
    ]
