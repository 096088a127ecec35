"""Exact percentiles in the same pass as the totals, from windows a sample predicts.

A percentile needs the values at one or two ranks of its cell (group and stage). A sample (the
first rows of the file) tells roughly which values those are, so the pass over the declarations
sorts each duration into one of a few ranges of its cell: below the first *window*, inside it,
between two windows, inside the second, above. It counts the durations of every range and keeps
every value inside a window (a few per cent of them). When the pass is done, the counts give
each rank needed: if it falls inside a window (as it does, but for a sample far from the
whole), it is the value at that place in the window's sorted values, exactly as a sort of the
whole cell would find it. A cell whose rank fell outside is left to `quantiles` (two more
queries, for those cells only); so is a cell with too few sample values to place a window.
"""

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

Cell = tuple[Any, ...]  # (*group key values, stage)
Windows = dict[Cell, list[tuple[float, float]]]  # disjoint, in order; both ends inclusive
# A window spans the sample's ranks within Z standard errors of a sample quantile (and 3 ranks
# more) on either side: the percentile of the whole falls outside about once in 10^6 times for
# a random sample.
Z = 5.0
MIN_SAMPLE = 50  # fewer sample values than this in a cell: no window
# At most this many values are kept for the windows (8 bytes each, some 32 MB; DuckDB holds them
# in its aggregate until the pass ends): past it the windows are narrowed, and at last dropped.
BUDGET = 4_000_000
WIDTH = 2  # windows per cell (one per percentile, fewer where they merge)
NONE = (math.inf, math.inf)  # an absent window: no value is in it


def predict(
    sample: dict[Cell, np.ndarray],
    probabilities: Sequence[float],
    scale: float = 1.0,
    budget: int = BUDGET,
) -> Windows:
    """Per cell of the sample's values, the value ranges where the percentiles of the whole are
    expected; open-ended where a range reaches the sample's least or greatest value.

    `scale`: the file's rows per sample row, so that a window is expected to hold `scale` times
    its sample values; the windows are narrowed until they are expected to hold at most `budget`
    values, whatever the number of rows.
    """
    assert len(probabilities) <= WIDTH
    ordered = {
        cell: np.sort(values) for cell, values in sample.items() if len(values) >= MIN_SAMPLE
    }
    for z in (Z, 4.0, 3.0, 2.0):
        windows: Windows = {}
        expected = 0.0
        for cell, values in ordered.items():
            m = len(values)
            spans = []
            for p in probabilities:
                spread = z * math.sqrt(p * (1 - p) / m) + 3 / m
                low, high = math.floor((p - spread) * (m - 1)), math.ceil((p + spread) * (m - 1))
                spans.append((low, high))
            merged: list[tuple[int, int]] = []
            for low, high in sorted(spans):
                if merged and low <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], high))
                else:
                    merged.append((low, high))
            ranges: list[tuple[float, float]] = []
            for low, high in merged:
                start = -math.inf if low <= 0 else float(values[low])
                end = math.inf if high >= m - 1 else float(values[high])
                if ranges and start <= ranges[-1][1]:  # ties joined two windows
                    ranges[-1] = (ranges[-1][0], end)
                else:
                    ranges.append((start, end))
                expected += scale * int(
                    np.searchsorted(values, end, "right") - np.searchsorted(values, start, "left")
                )
            windows[cell] = ranges
        if expected <= budget:
            return windows
    return {}


def padded(ranges: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """`WIDTH` ranges: the cell's, then absent ones."""
    return [*ranges, *[NONE] * (WIDTH - len(ranges))]


def at_ranks(
    counts: dict[Cell, dict[int, int]],
    values: dict[tuple[Cell, int], list[float]],
    probabilities: Sequence[float],
) -> tuple[dict[Cell, list[float]], list[Cell]]:
    """The percentiles of every cell whose ranks fell inside its windows, and the other cells.

    `counts`: per cell, the durations per range (0 below the first window, 1 inside it, 2
    between, 3 inside the second, 4 above); `values`: per (cell, odd range), every value of it.
    """
    from .quantiles import _interpolate, _positions

    found: dict[Cell, list[float]] = {}
    missed = []
    for cell, by_range in counts.items():
        n = sum(by_range.values())
        at: dict[int, float] = {}
        ordered: dict[int, list[float]] = {}
        positions = _positions(n, probabilities)
        for rank in sorted({r for lo, hi, _ in positions for r in (lo, hi)}):
            below = 0
            for code in sorted(by_range):
                inside = by_range[code]
                if below <= rank < below + inside:
                    kept = values.get((cell, code))
                    if code % 2 and kept is not None and len(kept) == inside:
                        if code not in ordered:
                            ordered[code] = sorted(kept)
                        at[rank] = ordered[code][rank - below]
                    break
                below += inside
            if rank not in at:
                break
        else:
            found[cell] = [_interpolate(at[lo], at[hi], f) for lo, hi, f in positions]
            continue
        missed.append(cell)
    return found, missed
