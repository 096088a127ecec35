"""Release-time profile of declarations per group: the bottleneck view."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import ibis.expr.types as ir
from ibis.backends import BaseBackend

from . import progress
from .backends import connect
from .errors import TrsError
from .io import estimate_rows, read_declarations
from .periods import day_start
from .quality import declarations
from .schema import CLEARANCE_MODES, TRANSPORT_MODES
from .stats import (
    INTERVALS,
    STAGES,
    DataQuality,
    Histograms,
    Percentiles,
    Summary,
    Totals,
    combine,
    mean,
    measure,
    predicted_windows,
    stage_percentiles,
    summary,
)

BY_COLUMNS = (
    "transport_mode",
    "clearance_mode",
    "importer_aeo",
    "consignor_aeo",
    "partner_economy",
)
MEASURED = list(dict.fromkeys([*STAGES.values(), *INTERVALS.values()]))
_ORDER = {"transport_mode": TRANSPORT_MODES, "clearance_mode": CLEARANCE_MODES}


@dataclass(frozen=True)
class Interval:
    count: int
    mean_s: float | None


@dataclass(frozen=True)
class Group:
    key: dict[str, Any]  # by-column -> value (None: not recorded)
    declarations: int
    clearance: dict[str, int]  # declarations per clearance mode
    stages: dict[int, Summary]
    intervals: dict[str, Interval]  # arrival_to_lodgment, lodgment_to_release, release_to_delivery

    @property
    def clearance_share_pct(self) -> dict[str, float | None]:
        total = self.declarations
        return {m: round(n / total * 100, 2) if total else None for m, n in self.clearance.items()}


@dataclass(frozen=True)
class Report:
    importing: str | None
    partner: str | None
    start: date | None
    end: date | None
    by: tuple[str, ...]
    groups: list[Group]
    quality: DataQuality
    # {(stage, *group key values): counts per stats.BIN_EDGES bin}, if asked for
    distributions: Histograms | None = None


def report(
    path: str | Path,
    *,
    importing: str | None = None,
    partner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    by: tuple[str, ...] = ("transport_mode",),
    distributions: bool = False,
    con: BaseBackend | None = None,
    show_progress: bool | None = None,
) -> Report:
    """Per group and stage: count, mean, median, 90th percentile; clearance shares; intervals."""
    unknown = [column for column in by if column not in BY_COLUMNS]
    if unknown:
        raise TrsError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(BY_COLUMNS)}")
    if start and end and start > end:
        raise TrsError(f"the period {start}:{end} starts after it ends")
    importing = importing.strip().upper() if importing else None
    partner = partner.strip().upper() if partner else None
    keys = list(by)
    split = list(dict.fromkeys([*keys, "clearance_mode"]))  # for the clearance shares

    def within(raw: ir.Table) -> list[ir.BooleanValue]:
        return [
            *([raw.importing_economy == importing] if importing else []),
            *([raw.partner_economy == partner] if partner else []),
        ]

    fixed = {
        column: value
        for column, value in (("importing_economy", importing), ("partner_economy", partner))
        if value
    }

    def scope(t: ir.Table) -> ir.Table:
        conditions = [
            *([t.period_at >= day_start(start)] if start else []),
            *([t.period_at < day_start(end, 1)] if end else []),
        ]
        return (t.filter(*conditions) if conditions else t).select(*split, "dq_reason", *MEASURED)

    raw = read_declarations(con or connect(), path)
    status = progress.status("Computing release times…", show_progress)
    with status, declarations(raw, within, scope, fixed, estimate_rows(path)) as d:
        windows = predicted_windows(d.sample, keys, scale=d.scale)
        measured = measure(d.table, split, MEASURED, keys, bins=distributions, windows=windows)
        percentiles = stage_percentiles(d.table, keys, measured)
    found, data_quality = measured.totals, measured.quality
    hist = {(c[-1], *c[:-1]): n for c, n in measured.bins.items()} if distributions else None
    parts: dict[tuple[Any, ...], list[tuple[str, Totals]]] = defaultdict(list)
    for values, total in found.items():
        row = dict(zip(split, values, strict=True))
        parts[tuple(row[k] for k in keys)].append((row["clearance_mode"], total))
    groups = [_group(dict(zip(keys, k, strict=True)), p, percentiles) for k, p in parts.items()]
    groups.sort(key=_sort_key)
    return Report(importing, partner, start, end, tuple(by), groups, data_quality, hist)


def _group(key: dict[str, Any], parts: list[tuple[str, Totals]], percentiles: Percentiles) -> Group:
    """A group from its totals per clearance mode."""
    total = combine([part for _, part in parts], MEASURED)
    return Group(
        key=key,
        declarations=total["rows"],
        clearance={m: sum(part["rows"] for c, part in parts if c == m) for m in CLEARANCE_MODES},
        stages={
            stage: summary(total, stage, percentiles.get((*key.values(), stage)))
            for stage in STAGES
        },
        intervals={
            name: Interval(total[f"{column}_count"], mean(total, column))
            for name, column in INTERVALS.items()
        },
    )


def _sort_key(group: Group) -> tuple[Any, ...]:
    """Codes in their usual order, AEO before non-AEO, not recorded last."""
    parts: list[Any] = []
    for column, value in group.key.items():
        order = _ORDER.get(column, ())
        if value is None:
            parts.append((2, ""))
        elif isinstance(value, bool):
            parts.append((0, not value))
        else:
            parts.append((0, order.index(value) if value in order else value))
    return tuple(parts)
