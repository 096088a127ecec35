"""Exact percentiles in memory that does not grow with the number of declarations.

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
    read twice: cache it (`Table.cache`) if it is expensive to compute.
    """
    if where is not None:
        t = t.filter(where)
    cell_columns = [*keys, "stage"]
    counts = execute(
        _long(t, keys, stages).group_by([*cell_columns, "bucket"]).aggregate(n=ibis._.count())
    )
    histograms: dict[Cell, dict[int, int]] = defaultdict(dict)
    for row in counts:
        histograms[tuple(row[c] for c in cell_columns)][row["bucket"]] = row["n"]
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


def _bucket(value: ir.FloatingValue) -> ir.IntegerValue:
    return ((value + 1).log2() * RESOLUTION).floor().cast("int32")


def _long(
    t: ir.Table, keys: list[str], stages: dict[int, str], only: dict[int, list[int]] | None = None
) -> ir.Table:
    """One row per (declaration, stage) with a duration: keys, stage, value, bucket.

    `only`: the buckets to keep, per stage (stages not in it are left out).
    """
    parts = []
    for stage, column in stages.items():
        if only is not None and stage not in only:
            continue
        bucket = _bucket(t[column])
        kept = t[column].notnull() if only is None else bucket.isin(only[stage])
        parts.append(
            t.filter(kept).select(
                *keys, stage=ibis.literal(stage, "int8"), value=t[column], bucket=bucket
            )
        )
    return ibis.union(*parts) if len(parts) > 1 else parts[0]


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

    Rows outside the wanted buckets (of any cell) are dropped first, by a filter as cheap as a
    scan; then only the rows of the wanted cells' buckets are sorted.
    """
    if not wanted:
        return []
    chosen: dict[int, set[int]] = defaultdict(set)
    for cell, bucket, _ in wanted:
        chosen[cell[-1]].add(bucket)
    long = _long(t, keys, stages, {stage: sorted(b) for stage, b in chosen.items()})
    columns = [*keys, "stage", "bucket"]
    schema = long.select(*columns).schema().to_pyarrow().append(pa.field("rank", pa.int64()))
    rows = [dict(zip(schema.names, (*cell, b, rank), strict=True)) for cell, b, rank in wanted]
    targets = ibis.memtable(pa.Table.from_pylist(rows, schema))

    def same(left: ir.Table, right: ir.Table, names: list[str]) -> list[ir.BooleanValue]:
        return [left[c].identical_to(right[c]) for c in names]  # group keys may be null

    buckets = targets.select(*columns).distinct()
    inside = long.join(buckets, same(long, buckets, columns), how="semi")
    ranked = inside.mutate(rank=ibis.row_number().over(group_by=columns, order_by=inside.value))
    found = ranked.join(targets, same(ranked, targets, [*columns, "rank"]), how="semi")
    return [
        (tuple(r[c] for c in [*keys, "stage"]), r["bucket"], r["rank"], r["value"])
        for r in execute(found)
    ]
