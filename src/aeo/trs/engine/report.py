"""Release-time profile of declarations per group: the bottleneck view."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import ibis.expr.types as ir
from ibis.backends import BaseBackend

from . import progress
from .backends import connect
from .errors import TrsError
from .io import execute, read_declarations
from .periods import day_start
from .quality import annotated
from .schema import CLEARANCE_MODES, TRANSPORT_MODES
from .stats import (
    INTERVALS,
    STAGES,
    DataQuality,
    Histograms,
    Percentiles,
    Summary,
    aggregate,
    histogram,
    histograms,
    profile_metrics,
    stage_metrics,
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
    columns = [*keys, "clearance_mode", "dq_reason", *STAGES.values(), *INTERVALS.values()]

    def scope(t: ir.Table) -> ir.Table:
        conditions = [
            *([t.importing_economy == importing] if importing else []),
            *([t.partner_economy == partner] if partner else []),
            *([t.period_at >= day_start(start)] if start else []),
            *([t.period_at < day_start(end, 1)] if end else []),
        ]
        return (t.filter(*conditions) if conditions else t).select(*dict.fromkeys(columns))

    raw = read_declarations(con or connect(), path)
    with progress.status("Computing release times…", show_progress), annotated(raw, scope) as t:
        found, data_quality = aggregate(t, keys, stage_metrics(t) | profile_metrics(t))
        percentiles = stage_percentiles(t, keys)
        hist = histograms(execute(histogram(t, keys)), keys) if distributions else None
    groups = sorted((_group(row, keys, percentiles) for row in found), key=_sort_key)
    return Report(importing, partner, start, end, tuple(by), groups, data_quality, hist)


def _group(row: dict[str, Any], keys: list[str], percentiles: Percentiles) -> Group:
    key = {k: row[k] for k in keys}
    return Group(
        key=key,
        declarations=row["dq_rows"],
        clearance={mode: row[f"clearance_{mode}"] for mode in CLEARANCE_MODES},
        stages={
            stage: summary(row, stage, percentiles.get((*key.values(), stage))) for stage in STAGES
        },
        intervals={name: Interval(row[f"{name}_count"], row[f"{name}_mean"]) for name in INTERVALS},
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
