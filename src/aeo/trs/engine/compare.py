"""Release times before and after an MRA's entry into force (the study's Table 2)."""

from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir
from ibis.backends import BaseBackend

from . import progress
from .backends import connect
from .errors import TrsError
from .io import estimate_rows, read_declarations
from .periods import Period
from .quality import declarations
from .schema import TRANSPORT_MODES
from .stats import (
    NO_RECORDS,
    STAGES,
    DataQuality,
    Histograms,
    Summary,
    measure,
    predicted_windows,
    rate_of_change,
    stage_percentiles,
    summary,
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

    def within(raw: ir.Table) -> list[ir.BooleanValue]:
        return [raw.importing_economy == importing, raw.partner_economy == partner]

    fixed = {"importing_economy": importing, "partner_economy": partner}

    def scope(t: ir.Table) -> ir.Table:
        period = ibis.cases(  # the index in PERIODS: a one-byte group key
            (before.contains(t.period_at), ibis.literal(0, "int8")),
            (after.contains(t.period_at), ibis.literal(1, "int8")),
            else_=ibis.null("int8"),
        )
        t = t.mutate(period=period).filter(ibis._.period.notnull())
        selected = t.consignor_aeo.fill_null(False) | all_consignors
        return t.select(*keys, "dq_reason", *STAGES.values(), selected=selected)

    raw = read_declarations(con or connect(), path)
    status = progress.status("Computing release times…", show_progress)
    with status, declarations(raw, within, scope, fixed, estimate_rows(path)) as d:
        split = [*keys, "selected"]
        windows = predicted_windows(d.sample, keys, "selected", d.scale)
        measured = measure(
            d.table, split, list(STAGES.values()), keys, "selected", distributions, windows
        )
        percentiles = stage_percentiles(d.table, keys, measured, "selected")
    found, data_quality, bins = measured.totals, measured.quality, measured.bins
    found = {(PERIODS[p], *rest): total for (p, *rest), total in found.items()}
    percentiles = {(PERIODS[p], *rest): v for (p, *rest), v in percentiles.items()}
    hist = {(s, PERIODS[p], m): n for (p, m, s), n in bins.items()} if distributions else None
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
