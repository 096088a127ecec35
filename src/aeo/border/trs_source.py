"""The Time Release Study on the platform's own declarations, and the MRA monitoring clause.

The declarations are exported by one query, streamed in chunks (a server-side cursor on
PostgreSQL), into the engine's input columns as Parquet; the engine (no Django) reads that
file as it reads any other, so the results are those of a file export of the same rows.
Our imports are the study's imports (importing economy: ours); our exports are the partner's.
A consignor is an AEO where the declaration names the partner's AEO id.
"""

import csv
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings as django_settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from aeo.border import arrangements
from aeo.border.models import Declaration
from aeo.core.errors import DomainError
from aeo.trs.engine import Period, as_dict, compare, render, report
from aeo.trs.engine.schema import COLUMNS

CHUNK = 100_000
_FIELDS = (
    "number",
    "direction",
    "partner_economy",
    "transport_mode",
    "lane",
    "importer_aeo",
    "partner_aeo_id",
    "arrived_at",
    "lodged_at",
    "released_at",
    "delivered_at",
)
_UTC_US = pa.timestamp("us", tz="UTC")
SCHEMA = pa.schema(
    [
        ("declaration_id", pa.string()),
        ("importing_economy", pa.string()),
        ("partner_economy", pa.string()),
        ("transport_mode", pa.string()),
        ("clearance_mode", pa.string()),
        ("importer_aeo", pa.bool_()),
        ("consignor_aeo", pa.bool_()),
        *((name, _UTC_US) for name in ("arrived_at", "lodged_at", "released_at", "delivered_at")),
    ]
)
assert tuple(SCHEMA.names) == COLUMNS  # noqa: S101 - the engine's input, column for column


def _batches(qs: QuerySet[Declaration]):
    ours = django_settings.AEO_ECONOMY
    rows = qs.order_by().values_list(*_FIELDS).iterator(chunk_size=CHUNK)
    columns: list[list[Any]] = [[] for _ in COLUMNS]
    for number, direction, partner, mode, lane, aeo, partner_id, *times in rows:
        imported = direction == "import"
        values = (
            number,
            ours if imported else partner,
            partner if imported else ours,
            mode,
            lane or None,
            aeo,
            bool(partner_id),
            *times,
        )
        for column, value in zip(columns, values, strict=True):
            column.append(value)
        if len(columns[0]) >= CHUNK:
            yield pa.record_batch(columns, schema=SCHEMA)
            columns = [[] for _ in COLUMNS]
    if columns[0]:
        yield pa.record_batch(columns, schema=SCHEMA)


def export_parquet(qs: QuerySet[Declaration], path: Path) -> int:
    """Write the declarations as the engine's input; returns the rows written."""
    written = 0
    with pq.ParquetWriter(path, SCHEMA) as writer:
        for batch in _batches(qs):
            writer.write_batch(batch)
            written += batch.num_rows
        if not written:
            writer.write_table(SCHEMA.empty_table())
    return written


def export_csv(qs: QuerySet[Declaration], path: Path) -> int:
    """The same rows as CSV, ISO 8601 times (the file a study could be handed)."""
    written = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS)
        for batch in _batches(qs):
            for row in zip(
                *(batch.column(i).to_pylist() for i in range(len(COLUMNS))), strict=True
            ):
                out.writerow(
                    ""
                    if v is None
                    else str(v).lower()
                    if isinstance(v, bool)
                    else v.isoformat()
                    if hasattr(v, "isoformat")
                    else v
                    for v in row
                )
            written += batch.num_rows
    return written


def in_scope(partner: str, start: date, end: date) -> QuerySet[Declaration]:
    """Our imports from the partner and exports to it lodged in [start, end] (UTC days, as the
    engine counts them; a day more on each side, the engine places each row itself)."""
    return Declaration.objects.filter(
        partner_economy=partner,
        lodged_at__date__gte=start - timedelta(days=1),
        lodged_at__date__lte=end + timedelta(days=1),
    )


@dataclass(frozen=True)
class Monitoring:
    partner: str
    entry_into_force: date
    targets: dict[int, float]
    comparison: Any  # aeo.trs.engine.Comparison
    lanes: dict[str, Any]  # {"before": Report, "after": Report} by transport × clearance mode

    def target_rows(self) -> list[dict[str, Any]]:
        """Each stage and mode against the clause's target: met, not met, or no records."""
        found = []
        for row in self.comparison.rows:
            target = self.targets.get(row.stage)
            rate = row.rate_of_change_pct
            met = None if rate is None or target is None else rate <= target
            found.append(
                {
                    "stage": row.stage,
                    "transport_mode": row.transport_mode,
                    "rate_of_change_pct": rate,
                    "target_pct": target,
                    "met": met,
                }
            )
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "partner": self.partner,
            "entry_into_force": self.entry_into_force.isoformat(),
            "comparison": as_dict(self.comparison),
            "lanes": {period: as_dict(r) for period, r in self.lanes.items()},
            "targets": self.target_rows(),
        }


def monitor(
    partner: str,
    *,
    entry_into_force: date | None = None,
    days: int = 180,
    targets: dict[int, float] | None = None,
) -> Monitoring:
    """The partner AEOs' imports before and after the arrangement's entry into force (`days`
    each side), by transport mode and lane, against the monitoring clause's targets."""
    partner = partner.upper()
    arrangement = arrangements.arrangement_with(partner)
    eif = entry_into_force or (arrangement.entry_into_force if arrangement else None)
    if eif is None:
        raise DomainError(
            _("Give the entry-into-force date of this arrangement."), field="entry_into_force"
        )
    targets = targets or (arrangement.targets if arrangement else {1: -10.0, 2: -10.0})
    before = Period(eif - timedelta(days=days), eif - timedelta(days=1))
    after = Period(eif, eif + timedelta(days=days - 1))
    ours = django_settings.AEO_ECONOMY
    with tempfile.TemporaryDirectory(prefix="aeo-trs-") as tmp:
        path = Path(tmp) / "declarations.parquet"
        export_parquet(in_scope(partner, before.start, after.end), path)
        comparison = compare(path, importing=ours, partner=partner, before=before, after=after)
        lanes = {
            name: report(
                path,
                importing=ours,
                partner=partner,
                start=period.start,
                end=period.end,
                by=("transport_mode", "clearance_mode", "consignor_aeo"),
            )
            for name, period in (("before", before), ("after", after))
        }
    return Monitoring(partner, eif, targets, comparison, lanes)


def outputs(result: Monitoring, lang: str) -> tuple[str, str]:
    """The comparison as CSV and as the self-contained HTML report."""
    return render(result.comparison, "csv"), render(result.comparison, "html", lang)
