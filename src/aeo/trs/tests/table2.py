"""Declaration-level data behind the APEC study's Table 2 (Chinese Taipei's imports from Japan).

Ten AEO-consignor declarations per transport mode and period whose Stage 1 and Stage 2 times
average exactly the published times, plus declarations the comparison must leave out: other
consignors, another partner, outside the periods, and one of each data-quality fault.
"""

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from aeo.trs.engine.schema import COLUMNS

BEFORE, AFTER = "2018-10-12:2019-05-21", "2019-05-22:2019-12-31"


def seconds(days: int, hours: int, minutes: int, secs: float) -> float:
    return ((days * 24 + hours) * 60 + minutes) * 60 + secs


# (stage, mode) -> (before, after) mean in seconds, as published
PUBLISHED = {
    (1, "sea"): (seconds(0, 12, 17, 26.3), seconds(0, 8, 19, 26.9)),
    (1, "air"): (seconds(0, 0, 47, 52.5), seconds(0, 0, 34, 1.4)),
    (2, "sea"): (seconds(6, 9, 27, 21.8), seconds(3, 6, 21, 53.8)),
    (2, "air"): (seconds(1, 6, 26, 42.1), seconds(1, 13, 48, 43.9)),
}
TEXT = {
    (1, "sea"): ("0 days 12 hours 17 min. 26.3 sec.", "0 days 8 hours 19 min. 26.9 sec."),
    (1, "air"): ("0 days 0 hours 47 min. 52.5 sec.", "0 days 0 hours 34 min. 1.4 sec."),
    (2, "sea"): ("6 days 9 hours 27 min. 21.8 sec.", "3 days 6 hours 21 min. 53.8 sec."),
    (2, "air"): ("1 day 6 hours 26 min. 42.1 sec.", "1 day 13 hours 48 min. 43.9 sec."),
}
# the rate of change that follows from the published times (the study prints -48.63 for sea S2)
RATES = {(1, "sea"): -32.27, (1, "air"): -28.93, (2, "sea"): -48.93, (2, "air"): 24.20}
# Spread of the durations around the mean, per mille; sums to 10,000, so ten of them average 1.
SPREAD_1 = (400, 500, 600, 700, 800, 900, 1000, 1200, 1500, 2400)
SPREAD_2 = (2000, 1300, 400, 900, 600, 1000, 500, 700, 1800, 800)
PERIOD_START = {
    "before": datetime(2018, 10, 15, tzinfo=UTC),
    "after": datetime(2019, 5, 25, tzinfo=UTC),
}
TAIPEI = timezone(timedelta(hours=8))
FAULTS = {
    "stage1_negative": 1,
    "stage2_too_long": 1,
    "duplicate_id": 2,
    "unknown_transport_mode": 1,
    "invalid_timestamp": 1,
    "invalid_boolean": 1,
}


def durations() -> dict[tuple[int, str, str], list[float]]:
    """(stage, mode, period) -> the Stage durations in seconds of the AEO declarations."""
    result = {}
    for (stage, mode), means in PUBLISHED.items():
        spread = SPREAD_1 if stage == 1 else SPREAD_2
        for period, mean in zip(("before", "after"), means, strict=True):
            mean_ms = round(mean * 1000)
            result[stage, mode, period] = [mean_ms * m // 1000 / 1000 for m in spread]
    return result


def _stamp(moment: datetime, style: int) -> str:
    """Timestamps in the three ISO 8601 spellings the input may use."""
    if style == 0:
        return moment.astimezone(TAIPEI).isoformat()
    if style == 1:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.replace(tzinfo=None).isoformat(sep=" ")


def _declaration(number: int, lodged: datetime, s1: float, s2: float, **fields: str) -> dict:
    arrived = lodged - timedelta(seconds=round((s2 - s1) / 4, 3))
    row = {
        "declaration_id": f"TW-{number:05d}",
        "importing_economy": "TW",
        "partner_economy": "JP",
        "transport_mode": "sea",
        "clearance_mode": ("free", "paper", "exam")[number % 3],
        "importer_aeo": ("true", "1", "false")[number % 3],
        "consignor_aeo": "true",
        "arrived_at": _stamp(arrived, number % 3),
        "lodged_at": _stamp(lodged, (number + 1) % 3),
        "released_at": _stamp(lodged + timedelta(seconds=s1), (number + 2) % 3),
        "delivered_at": _stamp(arrived + timedelta(seconds=s2), number % 3),
    }
    return row | fields


def rows() -> list[dict]:
    out = []
    times = durations()
    for mode in ("sea", "air"):
        for period, start in PERIOD_START.items():
            pairs = zip(times[1, mode, period], times[2, mode, period], strict=True)
            for i, (s1, s2) in enumerate(pairs):
                lodged = start + timedelta(days=7 * i, hours=3, seconds=i * 17.25)
                out.append(_declaration(len(out), lodged, s1, s2, transport_mode=mode))
    # left out by the filters, yet valid: other consignors, another partner, outside the periods
    lodged = PERIOD_START["before"] + timedelta(days=3)
    out.append(_declaration(len(out), lodged, 99_000.0, 990_000.0, consignor_aeo="false"))
    out.append(_declaration(len(out), lodged, 99_000.0, 990_000.0, consignor_aeo=""))
    out.append(_declaration(len(out), lodged, 99_000.0, 990_000.0, partner_economy="KR"))
    out.append(_declaration(len(out), lodged - timedelta(days=30), 99_000.0, 990_000.0))
    # one of each data-quality fault, inside the scope
    bad = {"lodged": lodged, "s1": 99_000.0, "s2": 990_000.0}
    out.append(_declaration(len(out), **bad) | {"released_at": "2018-10-01T00:00:00Z"})
    out.append(_declaration(len(out), **bad) | {"delivered_at": "2019-02-01T00:00:00Z"})
    out.append(_declaration(len(out), **bad) | {"declaration_id": "TW-DUP"})
    out.append(_declaration(len(out), **bad) | {"declaration_id": "TW-DUP"})
    out.append(_declaration(len(out), **bad, transport_mode="ship"))
    out.append(_declaration(len(out), **bad, released_at="2018-10-18 25:00"))
    out.append(_declaration(len(out), **bad, importer_aeo="yes"))
    return out


def write_csv(path: Path) -> Path:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows())
    return path
