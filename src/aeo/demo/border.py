"""Declarations for the demo: a year of Japan's imports and exports around the Chinese
Taipei–Japan MRA's entry into force, lodged through the platform's intake, so that the MRA
monitoring page has before/after figures; and today's declarations waiting in the queues.

Two intake calls: the declarations (lanes assigned at intake, with the parties' benefits),
then their release and delivery times, drawn by lane, transport mode and MRA period, as the
customs system reports them (`update`). Times are synthetic, consistent (arrival ≤ lodgment
≤ release ≤ delivery) and reproducible from the seed.
"""

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from django.conf import settings

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.border import selectors, services
from aeo.border.models import Declaration
from aeo.core.now import now
from aeo.registry.models import CustomsOffice, Operator

PARTNERS = ["TW", "CN", "US", "KR", "TH", "VN", "DE", "AU"]
PARTNER_WEIGHTS = [0.3, 0.25, 0.12, 0.1, 0.07, 0.07, 0.05, 0.04]
HS = ["847130", "851762", "090111", "610910", "300490", "220421", "870323", "940360", "392690"]
OFFICES = {"TOKYO": 0.4, "YOKOHAMA": 0.2, "OSAKA": 0.15, "NAGOYA": 0.1, "KOBE": 0.1, "MOJI": 0.05}
# Mean Stage 1 hours by transport mode and lane (free, paper, exam); the study's sea/air scale.
STAGE1_HOURS = {"sea": (6.0, 15.0, 36.0), "air": (0.6, 1.6, 4.5)}
ARRIVAL_TO_LODGMENT_HOURS = {"sea": 30.0, "air": 5.0}
RELEASE_TO_DELIVERY_HOURS = {"sea": 40.0, "air": 12.0}
MRA_FACTOR = {"stage1": 0.68, "before_lodgment": 0.55}  # partner AEOs after the entry into force
LANES = ("free", "paper", "exam")


def _draw(rng: np.random.Generator, mean: np.ndarray) -> np.ndarray:
    """Log-normal around `mean` (shape 0.6, as the TRS engine's generator)."""
    return rng.lognormal(np.log(mean) - 0.18, 0.6)


def _rows(n: int, seed: int) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    tw = selectors.arrangement_with("TW")
    eif = datetime.combine(tw.entry_into_force, datetime.min.time(), tzinfo=UTC) if tw else now()
    start = eif - timedelta(days=182)
    importers = list(
        Operator.objects.filter(economy_id=settings.AEO_ECONOMY, roles__role="importer")
        .order_by("pk")
        .values_list("tin", flat=True)
    )
    exporters = list(
        Operator.objects.filter(economy_id=settings.AEO_ECONOMY, roles__role="exporter")
        .order_by("pk")
        .values_list("tin", flat=True)
    )
    offices = list(OFFICES)
    lodged = [start + timedelta(seconds=float(s)) for s in rng.uniform(0, 365 * 86400, n)]
    direction = rng.choice(["import", "export"], n, p=[0.75, 0.25])
    mode = rng.choice(["sea", "air"], n, p=[0.55, 0.45])
    partner = rng.choice(PARTNERS, n, p=PARTNER_WEIGHTS)
    aeo_partner = rng.random(n) < np.where(partner == "TW", 0.6, 0.3)
    before = rng.lognormal(0, 0.6, n) * np.array([ARRIVAL_TO_LODGMENT_HOURS[m] for m in mode])
    rows = []
    for i in range(n):
        party = importers if direction[i] == "import" else exporters
        lines = [
            {
                "hs_code": str(rng.choice(HS)),
                "origin": str(partner[i]),
                "value": f"{rng.lognormal(8.5, 1.1):.2f}",
            }
            for _ in range(int(rng.integers(1, 4)))
        ]
        at = lodged[i]
        rows.append(
            {
                "number": f"JP{at:%y%m%d}{i:07d}",
                "office": offices[int(rng.choice(len(offices), p=list(OFFICES.values())))],
                "direction": str(direction[i]),
                "transport_mode": str(mode[i]),
                "trader_tin": party[int(rng.integers(len(party)))] if party else "0000000000000",
                "partner_economy": str(partner[i]),
                "partner_name": f"{partner[i]} Trading {i % 97}",
                "partner_aeo_id": f"{partner[i]}AEO{i % 500:04d}" if aeo_partner[i] else "",
                "lines": lines,
                "arrived_at": (at - timedelta(hours=float(before[i]))).isoformat(),
                "lodged_at": at.isoformat(),
            }
        )
    return rows


def _times(rows: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Release and delivery by lane, transport mode and MRA period (partner AEOs faster after
    the entry into force); arrival moved earlier for them too (pre-arrival lodgment)."""
    rng = np.random.default_rng(seed + 1)
    lanes = dict(
        Declaration.objects.filter(number__in=[r["number"] for r in rows]).values_list(
            "number", "lane"
        )
    )
    tw = selectors.arrangement_with("TW")
    out = []
    for r in rows:
        lane = LANES.index(lanes.get(r["number"]) or "free")
        lodged = datetime.fromisoformat(r["lodged_at"])
        mra = (
            tw is not None
            and bool(r["partner_aeo_id"])
            and r["partner_economy"] == tw.partner
            and r["direction"] in tw.directions
            and tw.in_force(lodged.date())
        )
        stage1 = _draw(rng, np.array(STAGE1_HOURS[r["transport_mode"]][lane]))
        stage1 *= MRA_FACTOR["stage1"] if mra else 1.0
        released = lodged + timedelta(hours=float(stage1))
        delivered = released + timedelta(
            hours=float(_draw(rng, np.array(RELEASE_TO_DELIVERY_HOURS[r["transport_mode"]])))
        )
        arrived = datetime.fromisoformat(r["arrived_at"])
        if mra:
            arrived = lodged - (lodged - arrived) * MRA_FACTOR["before_lodgment"]
        out.append(
            {
                **r,
                "arrived_at": arrived.isoformat(),
                "released_at": released.isoformat(),
                "delivered_at": delivered.isoformat() if rng.random() > 0.01 else None,
            }
        )
    return out


def _today(seed: int, count: int) -> list[dict[str, Any]]:
    """Declarations lodged in the last hours, waiting in the offices' queues."""
    rows = _rows(count, seed + 7)
    stamp = now()
    for i, r in enumerate(rows):
        lodged = stamp - timedelta(minutes=7 * (i + 1))
        r["number"] = f"JP{lodged:%y%m%d}T{i:06d}"
        r["lodged_at"] = lodged.isoformat()
        r["arrived_at"] = (lodged - timedelta(hours=2)).isoformat()
        if i % 9 == 0:
            r["oga_agency"] = "Plant Protection Station (MAFF)"
    return rows


def build_border(*, seed: int = 2026, declarations: int = 20_000) -> int:
    """The demo's declarations, once (a second run adds nothing); returns those added."""
    if Declaration.objects.exists():
        return 0
    actor = User.objects.filter(role=Role.POLICY_OFFICER).order_by("pk").first()
    if not CustomsOffice.objects.filter(economy_id=settings.AEO_ECONOMY, code="TOKYO").exists():
        return 0
    rows = _rows(declarations, seed)
    checked = [services.validate(r, i) for i, r in enumerate(rows, start=1)]
    job = services.import_declarations(actor=actor, rows=checked, source="demo")
    timed = _times(rows, seed)
    services.import_declarations(
        actor=actor,
        rows=[services.validate(r, i) for i, r in enumerate(timed, start=1)],
        source="demo",
        update=True,
    )
    waiting = services.import_declarations(
        actor=actor,
        rows=[services.validate(r, i) for i, r in enumerate(_today(seed, 120), start=1)],
        source="demo",
    )
    return job.created + waiting.created
