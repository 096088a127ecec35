"""Report statistics against an independent computation on the same durations."""

import numpy as np
import pyarrow.parquet as pq
import pytest

from aeo.trs.engine import report
from aeo.trs.engine.schema import CLEARANCE_MODES, MAX_STAGE_SECONDS


def independent(path):
    """Durations per (transport_mode, clearance_mode) of the valid rows, with numpy."""
    t = pq.read_table(path).to_pandas()
    ids = t.declaration_id.value_counts()
    ok = t.declaration_id.map(ids).eq(1)
    ok &= t.transport_mode.isin(["sea", "air", "road", "rail", "post"])
    ok &= t.clearance_mode.isin(CLEARANCE_MODES) & t.partner_economy.ne("XX")
    s1 = (t.released_at - t.lodged_at).dt.total_seconds()
    s2 = (t.delivered_at - t.arrived_at).dt.total_seconds()
    for s in (s1, s2):
        ok &= ~((s < 0) | (s > MAX_STAGE_SECONDS))
    t = t[ok].assign(s1=s1[ok], s2=s2[ok])
    return {key: group for key, group in t.groupby(["transport_mode", "clearance_mode"])}


def test_groups_match_numpy(synthetic):
    result = report(synthetic, by=("transport_mode", "clearance_mode"))
    expected = independent(synthetic)
    assert {tuple(g.key.values()) for g in result.groups} == set(expected)
    for group in result.groups:
        frame = expected[tuple(group.key.values())]
        assert group.declarations == len(frame)
        for stage, column in ((1, "s1"), (2, "s2")):
            values = frame[column].dropna().to_numpy()
            found = group.stages[stage]
            assert found.count == len(values)
            assert found.mean_s == pytest.approx(values.mean(), rel=1e-12)
            assert found.median_s == pytest.approx(np.median(values), rel=1e-12)
            assert found.p90_s == pytest.approx(np.percentile(values, 90), rel=1e-12)


def test_bottleneck_view_and_clearance_shares(synthetic):
    result = report(synthetic, importing="TW", partner="JP", by=("transport_mode",))
    sea = next(g for g in result.groups if g.key == {"transport_mode": "sea"})
    assert sum(sea.clearance.values()) == sea.declarations
    assert sum(sea.clearance_share_pct.values()) == pytest.approx(100, abs=0.02)
    assert sea.intervals["lodgment_to_release"].mean_s == sea.stages[1].mean_s
    assert all(i.mean_s and i.mean_s > 0 for i in sea.intervals.values())


def test_filters_narrow_the_scope(synthetic):
    from datetime import date

    everything = report(synthetic, by=())
    narrowed = report(synthetic, partner="JP", start=date(2019, 1, 1), end=date(2019, 1, 31))
    assert 0 < narrowed.quality.rows < everything.quality.rows / 10


@pytest.mark.parametrize("share", [0.02, 1.0])
def test_microsecond_timestamps_and_any_share_in_scope_match_numpy(tmp_path, share):
    """Microsecond timestamps (sub-millisecond digits), the pair a small or the whole part of
    the file: exact medians and 90th percentiles still equal numpy's, bit for bit."""
    from aeo.trs.engine import generate

    path = generate(tmp_path / "d.parquet", 30_000, seed=11, pair_share=share, unit="us",
                    dirty_rate=0.01)  # fmt: skip
    table = pq.read_table(path)
    assert table.schema.field("lodged_at").type.unit == "us"
    micros = table.column("lodged_at").cast("int64").to_numpy()
    assert (micros % 1000 != 0).mean() > 0.9
    result = report(path, importing="TW", partner="JP", by=("transport_mode", "clearance_mode"))
    pair = independent(path)
    expected = {
        key: frame[(frame.importing_economy == "TW") & (frame.partner_economy == "JP")]
        for key, frame in pair.items()
    }
    expected = {key: frame for key, frame in expected.items() if len(frame)}
    assert {tuple(g.key.values()) for g in result.groups} == set(expected)
    for group in result.groups:
        frame = expected[tuple(group.key.values())]
        for stage, column in ((1, "s1"), (2, "s2")):
            values = frame[column].dropna().to_numpy()
            found = group.stages[stage]
            assert found.count == len(values)
            assert found.median_s == np.median(values)
            assert found.p90_s == np.percentile(values, 90)
