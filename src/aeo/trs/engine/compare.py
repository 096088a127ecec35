"""Release times before and after an MRA's entry into force (the study's Table 2)."""

from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir
from ibis.backends import BaseBackend

from . import progress
from .backends import connect
from .errors import TrsError
from .io import execute, read_declarations
from .periods import Period
from .quality import annotated
from .schema import TRANSPORT_MODES
from .stats import (
    NO_RECORDS,
    STAGES,
    DataQuality,
    Histograms,
    Summary,
    histogram,
    histograms,
    rate_of_change,
    stage_percentiles,
    summary,
    totals,
)

STUDY_MODES = ("sea", "air")  # always shown, as in the study, with "No Records" if need be
PERIODS = ("before", "after")


@dataclass(frozen=True)
class CompareRow:
    stage: int
    transport_mode: str
    before: Summary
    after: Summary

    @property
    def rate_of_change_pct(self) -> float | None:
        return rate_of_change(self.before.mean_s, self.after.mean_s)


@dataclass(frozen=True)
class Comparison:
    importing: str
    partner: str
    before: Period
    after: Period
    all_consignors: bool
    rows: list[CompareRow]
    quality: DataQuality
    # {(stage, "before"|"after", transport_mode): counts per stats.BIN_EDGES bin}, if asked for
    distributions: Histograms | None = None


def compare(
    path: str | Path,
    *,
    importing: str,
    partner: str,
    before: Period,
    after: Period,
    all_consignors: bool = False,
    distributions: bool = False,
    con: BaseBackend | None = None,
    show_progress: bool | None = None,
) -> Comparison:
    """Stage 1 and Stage 2 times by transport mode, before and after, of the partner's imports.

    Only declarations whose consignor is an AEO count, unless `all_consignors`. Data quality
    covers every declaration of the two periods from the partner, whatever its consignor.
    """
    if before.overlaps(after):
        raise TrsError(f"the periods {before} and {after} overlap")
    importing, partner = importing.strip().upper(), partner.strip().upper()
    keys = ["period", "transport_mode"]

    def scope(t: ir.Table) -> ir.Table:
        period = ibis.cases(
            (before.contains(t.period_at), PERIODS[0]),
            (after.contains(t.period_at), PERIODS[1]),
            else_=ibis.null("string"),
        )
        t = t.filter(t.importing_economy == importing, t.partner_economy == partner)
        t = t.mutate(period=period).filter(ibis._.period.notnull())
        selected = t.consignor_aeo.fill_null(False) | all_consignors
        return t.select(*keys, "dq_reason", *STAGES.values(), selected=selected)

    raw = read_declarations(con or connect(), path)
    with progress.status("Computing release times…", show_progress), annotated(raw, scope) as t:
        found, data_quality = totals(t, [*keys, "selected"], list(STAGES.values()))
        percentiles = stage_percentiles(t, keys, t.selected)
        hist = histograms(execute(histogram(t, keys, t.selected)), keys) if distributions else None
    by_key = {(p, mode): total for (p, mode, selected), total in found.items() if selected}
    present = {
        mode
        for (_, mode), total in by_key.items()
        if any(total[f"{c}_count"] for c in STAGES.values())
    }
    modes = [m for m in TRANSPORT_MODES if m in STUDY_MODES or m in present]
    rows = [
        CompareRow(
            stage,
            mode,
            *(
                summary(by_key[p, mode], stage, percentiles.get((p, mode, stage)))
                if (p, mode) in by_key
                else NO_RECORDS
                for p in PERIODS
            ),
        )
        for stage in STAGES
        for mode in modes
    ]
    return Comparison(importing, partner, before, after, all_consignors, rows, data_quality, hist)
