"""Synthetic declarations for demos, tests and benchmarks, written in chunks (any size).

The model: Stage 1 = lodgment → release; Stage 2 = arrival → lodgment + Stage 1 + release →
delivery. Each interval is a log-normal draw (shape `SIGMA`) around a mean that depends on the
transport mode (sea slower than air), the clearance lane (exam slower than paper slower than
free) and AEO status (an AEO importer is faster and gets the green lane more often). After an
MRA's entry into force, declarations whose consignor is a partner's AEO get the AEO lanes and
the MRA factor.

Calibration: for Chinese Taipei's imports from Japan with an AEO consignor, the expected Stage 1
and Stage 2 means by transport mode before and after the TW-JP MRA (2019-05-22) are the APEC
study's Table 2 times; large samples land within a few tenths of a percent of them.
A small share of rows is deliberately faulty (`dirty_rate`) so data-quality checks have work.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from . import progress
from .errors import TrsError
from .io import FORMATS
from .schema import CLEARANCE_MODES, COLUMNS

FIRST_LODGMENT = datetime(2018, 10, 12, tzinfo=UTC)
LAST_LODGMENT = datetime(2019, 12, 31, 23, 59, 59, tzinfo=UTC)
MRAS = {("TW", "JP"): date(2019, 5, 22)}  # importing, partner -> entry into force
IMPORTING = {"TW": 0.85, "JP": 0.05, "KR": 0.05, "NZ": 0.05}
PARTNERS = {"JP": 0.30, "CN": 0.20, "US": 0.15, "KR": 0.10, "HK": 0.08, "SG": 0.05, "AU": 0.05,
            "DE": 0.04, "VN": 0.03}  # fmt: skip
MODES = {"sea": 0.46, "air": 0.46, "post": 0.05, "road": 0.02, "rail": 0.01}
IMPORTER_AEO, CONSIGNOR_AEO = 0.25, 0.35
LANES = {"base": (0.70, 0.22, 0.08), "aeo": (0.85, 0.13, 0.02)}  # free, paper, exam
LANE_FACTOR = np.array([1.0, 2.5, 6.0])
IMPORTER_AEO_FACTOR = 0.7
SIGMA = 0.6
MISSING_DELIVERY, MISSING_ARRIVAL = 0.01, 0.005  # not recorded (valid)

H, D = 3600.0, 86400.0
# Table 2 of the APEC study (seconds): (stage, mode) -> (before, after)
TABLE_2 = {
    (1, "sea"): (44246.3, 29966.9),
    (1, "air"): (2872.5, 2041.4),
    (2, "sea"): (552441.8, 282113.8),
    (2, "air"): (109602.1, 136123.9),
}
ARRIVAL_TO_LODGMENT = {"sea": 1.5 * D, "air": 6 * H, "post": 1 * D, "road": 1 * H, "rail": 6 * H}
UNCALIBRATED_STAGE1 = {"post": 3 * H, "road": 4 * H, "rail": 8 * H}  # free lane, non-AEO
UNCALIBRATED_RELEASE_TO_DELIVERY = {"post": 2 * D, "road": 6 * H, "rail": 1 * D}
UNITS = ("ms", "us")
FAULTS = ("stage1_negative", "stage2_too_long", "duplicate_id", "unknown_transport_mode",
          "unknown_economy", "unknown_clearance_mode")  # fmt: skip


@dataclass(frozen=True)
class Means:
    """Mean (seconds) of Stage 1 in the free lane for a non-AEO importer, and of release →
    delivery, with the factors applied to partner-AEO declarations under an MRA."""

    stage1: float
    stage1_mra: float
    release_to_delivery: float
    release_to_delivery_mra: float


def _lane_factor(lanes: str) -> float:
    return float(np.dot(LANES[lanes], LANE_FACTOR))


def calibrate() -> dict[str, Means]:
    """Per transport mode, the means that make the TW-JP AEO-consignor figures equal Table 2."""
    importer = IMPORTER_AEO * IMPORTER_AEO_FACTOR
    # expected Stage 1 multiplier of an AEO-consignor declaration, before and after the MRA
    before = importer * _lane_factor("aeo") + (1 - IMPORTER_AEO) * _lane_factor("base")
    after = (importer + 1 - IMPORTER_AEO) * _lane_factor("aeo")
    means = {}
    for mode in MODES:
        if (1, mode) not in TABLE_2:
            s1 = UNCALIBRATED_STAGE1[mode]
            r2d = UNCALIBRATED_RELEASE_TO_DELIVERY[mode]
            means[mode] = Means(s1, 1.0, r2d, 1.0)
            continue
        (s1_before, s1_after), (s2_before, s2_after) = TABLE_2[1, mode], TABLE_2[2, mode]
        a2l = ARRIVAL_TO_LODGMENT[mode]
        s1 = s1_before / before
        r2d_before, r2d_after = s2_before - a2l - s1_before, s2_after - a2l - s1_after
        means[mode] = Means(s1, s1_after / (s1 * after), r2d_before, r2d_after / r2d_before)
    return means


def generate(
    out: str | Path,
    rows: int,
    *,
    seed: int = 0,
    chunk_rows: int = 1_000_000,
    dirty_rate: float = 0.001,
    pair_share: float | None = None,
    unit: str = "ms",
    show_progress: bool | None = None,
) -> Path:
    """Write `rows` declarations to `out` (.parquet or .csv), `chunk_rows` at a time.

    `pair_share`: the share of declarations that are TW's imports from JP (the pair the study
    compares), instead of the model's own mix (about 26 %); the other declarations keep the
    model's mix without that pair. `unit`: the Parquet timestamps' unit, "ms" or "us".
    """
    out = Path(out)
    if out.suffix.lower() not in FORMATS:
        raise TrsError(f"{out}: unknown output format; expected .csv or .parquet")
    if rows < 0:
        raise TrsError("the number of rows cannot be negative")
    if pair_share is not None and not 0 <= pair_share <= 1:
        raise TrsError("the pair's share must be between 0 and 1")
    if unit not in UNITS:
        raise TrsError(f"unknown timestamp unit {unit!r}; expected one of {', '.join(UNITS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    schema = _schema(unit)
    means = calibrate()
    writer: pq.ParquetWriter | pacsv.CSVWriter
    if out.suffix.lower() == ".parquet":
        writer = pq.ParquetWriter(out, schema, compression="zstd")
    else:
        writer = pacsv.CSVWriter(out, schema)
    with writer, progress.bar(f"Generating {out.name}", rows, show_progress) as advance:
        for index, start in enumerate(range(0, rows, chunk_rows)):
            size = min(chunk_rows, rows - start)
            rng = np.random.default_rng([seed, index])
            writer.write_table(_chunk(rng, start, size, means, dirty_rate, schema, pair_share))
            advance(size)
        if rows == 0:
            writer.write_table(schema.empty_table())
    return out


def _schema(unit: str = "ms") -> pa.Schema:
    types = {"importer_aeo": pa.bool_(), "consignor_aeo": pa.bool_()}
    timestamp = pa.timestamp(unit, tz="UTC")
    return pa.schema(
        [(c, types.get(c, timestamp if c.endswith("_at") else pa.string())) for c in COLUMNS]
    )


def _choice(rng: np.random.Generator, weights: dict[str, float], size: int) -> np.ndarray:
    """Indices into `weights`' keys, drawn with its weights."""
    return rng.choice(len(weights), size=size, p=np.array(list(weights.values())))


def _codes(weights: dict[str, float]) -> np.ndarray:
    return np.array(list(weights), dtype="U8")  # wide enough for the faulty codes


def _lognormal(rng: np.random.Generator, mean: np.ndarray) -> np.ndarray:
    """Draws with the given means (a log-normal's mean is exp(mu + sigma^2 / 2))."""
    return mean * rng.lognormal(-(SIGMA**2) / 2, SIGMA, size=mean.shape)


def _chunk(
    rng: np.random.Generator,
    start: int,
    size: int,
    means: dict[str, Means],
    dirty_rate: float,
    schema: pa.Schema,
    pair_share: float | None = None,
) -> pa.Table:
    importing = _codes(IMPORTING)[_choice(rng, IMPORTING, size)]
    partner = _codes(PARTNERS)[_choice(rng, PARTNERS, size)]
    partner = np.where(partner == importing, "US", partner)
    if pair_share is not None:
        pair = ("TW", "JP")
        partner = np.where((importing == pair[0]) & (partner == pair[1]), "KR", partner)
        chosen = rng.random(size) < pair_share
        importing, partner = (
            np.where(chosen, pair[0], importing),
            np.where(chosen, pair[1], partner),
        )
    mode_index = _choice(rng, MODES, size)
    mode = _codes(MODES)[mode_index]
    importer_aeo = rng.random(size) < IMPORTER_AEO
    consignor_aeo = rng.random(size) < CONSIGNOR_AEO
    span = (LAST_LODGMENT - FIRST_LODGMENT).total_seconds() * 1000
    lodged = int(FIRST_LODGMENT.timestamp() * 1000) + rng.integers(0, int(span), size)

    under_mra = np.zeros(size, dtype=bool)
    for (imp, par), since in MRAS.items():
        since_ms = datetime(since.year, since.month, since.day, tzinfo=UTC).timestamp() * 1000
        under_mra |= (importing == imp) & (partner == par) & consignor_aeo & (lodged >= since_ms)
    aeo_lanes = importer_aeo | under_mra
    lane = np.where(
        aeo_lanes,
        rng.choice(3, size=size, p=LANES["aeo"]),
        rng.choice(3, size=size, p=LANES["base"]),
    )
    field = {
        name: np.array([getattr(means[m], name) for m in MODES])[mode_index]
        for name in Means.__annotations__
    }
    s1_mean = field["stage1"] * LANE_FACTOR[lane] * np.where(importer_aeo, IMPORTER_AEO_FACTOR, 1.0)
    s1_mean *= np.where(under_mra, field["stage1_mra"], 1.0)
    r2d_mean = field["release_to_delivery"] * np.where(
        under_mra, field["release_to_delivery_mra"], 1.0
    )
    a2l_mean = np.array([ARRIVAL_TO_LODGMENT[m] for m in MODES])[mode_index]
    ms = {name: np.round(_lognormal(rng, m) * 1000).astype(np.int64)
          for name, m in (("s1", s1_mean), ("a2l", a2l_mean), ("r2d", r2d_mean))}  # fmt: skip
    released = lodged + ms["s1"]
    arrived = lodged - ms["a2l"]
    delivered = released + ms["r2d"]

    ids = start + rng.permutation(size)  # unique, in no particular order within a chunk
    columns = {
        "declaration_id": ids,
        "importing_economy": importing,
        "partner_economy": partner,
        "transport_mode": mode,
        "clearance_mode": np.array(CLEARANCE_MODES, dtype="U8")[lane],
        "importer_aeo": importer_aeo,
        "consignor_aeo": consignor_aeo,
        "arrived_at": arrived,
        "lodged_at": lodged,
        "released_at": released,
        "delivered_at": delivered,
    }
    _spoil(rng, columns, dirty_rate)
    missing = {
        "arrived_at": rng.random(size) < MISSING_ARRIVAL,
        "delivered_at": rng.random(size) < MISSING_DELIVERY,
    }
    if schema.field("lodged_at").type.unit == "us":  # with digits below the millisecond
        for name in ("arrived_at", "lodged_at", "released_at", "delivered_at"):
            columns[name] = columns[name] * 1000 + rng.integers(0, 1000, size)
    arrays = {
        name: _arrow(name, values, missing.get(name), schema) for name, values in columns.items()
    }
    return pa.table(arrays, schema=schema)


def _spoil(rng: np.random.Generator, columns: dict[str, np.ndarray], rate: float) -> None:
    """Make a `rate` share of rows faulty, each with one fault of FAULTS in turn."""
    rows = np.flatnonzero(rng.random(len(columns["lodged_at"])) < rate)
    for fault, picked in zip(
        FAULTS, (rows[i :: len(FAULTS)] for i in range(len(FAULTS))), strict=True
    ):
        if fault == "stage1_negative":
            columns["released_at"][picked] = columns["lodged_at"][picked] - 3_600_000
        elif fault == "stage2_too_long":
            columns["delivered_at"][picked] = columns["arrived_at"][picked] + 90 * 86_400_000
        elif fault == "duplicate_id":
            columns["declaration_id"][picked] = columns["declaration_id"][picked - (picked > 0)]
        else:
            column, bad = {
                "unknown_transport_mode": ("transport_mode", "ship"),
                "unknown_economy": ("partner_economy", "XX"),
                "unknown_clearance_mode": ("clearance_mode", "green"),
            }[fault]
            columns[column][picked] = bad


def _arrow(
    name: str, values: np.ndarray, missing: np.ndarray | None, schema: pa.Schema
) -> pa.Array:
    kind = schema.field(name).type
    if name == "declaration_id":
        digits = pc.utf8_lpad(pc.cast(pa.array(values), pa.string()), 10, "0")
        return pc.binary_join_element_wise("D", digits, "")
    return pa.array(values, type=kind, mask=missing)
