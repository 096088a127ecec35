"""The APEC study's Table 2, reproduced from declaration-level data."""

import json

import numpy as np
import pytest

from aeo.trs.engine import compare, render
from aeo.trs.engine.stats import round_s

from . import table2


@pytest.fixture(scope="module")
def comparison(table2_csv, periods):
    return compare(table2_csv, importing="TW", partner="JP", **periods)


def test_period_means_equal_the_published_times(comparison):
    rows = {(r.stage, r.transport_mode): r for r in comparison.rows}
    assert set(rows) == set(table2.PUBLISHED)
    for key, (before, after) in table2.PUBLISHED.items():
        assert round_s(rows[key].before.mean_s) == round(before, 1)
        assert round_s(rows[key].after.mean_s) == round(after, 1)
        assert (rows[key].before.count, rows[key].after.count) == (10, 10)


def test_rates_of_change_follow_from_the_times(comparison):
    rates = {(r.stage, r.transport_mode): r.rate_of_change_pct for r in comparison.rows}
    assert rates == table2.RATES
    assert rates[2, "sea"] == -48.93  # the study prints -48.63, which its own times contradict


def test_text_lays_the_table_out_as_the_study(comparison):
    text = render(comparison, "text")
    assert "(2018.10.12~2019.05.21)" in text and "(2019.05.22~2019.12.31)" in text
    for (stage, mode), (before, after) in table2.TEXT.items():
        line = next(
            line
            for line in text.splitlines()
            if f"{mode.capitalize()} Cargo" in line and before in line
        )
        assert after in line and f"{table2.RATES[stage, mode]:.2f}" in line


def test_medians_and_percentiles_match_numpy(comparison):
    """Linear interpolation between closest ranks: numpy's default percentile."""
    durations = table2.durations()
    for row in comparison.rows:
        for period in ("before", "after"):
            values = np.array(durations[row.stage, row.transport_mode, period])
            found = getattr(row, period)
            assert found.median_s == pytest.approx(np.median(values), abs=1e-6)
            assert found.p90_s == pytest.approx(np.percentile(values, 90), abs=1e-6)
            assert round_s(found.median_s) == round_s(float(np.median(values)))
            assert round_s(found.p90_s) == round_s(float(np.percentile(values, 90)))


def test_faulty_declarations_are_counted_not_used(comparison):
    excluded = {k: v for k, v in comparison.quality.excluded.items() if v}
    assert excluded == table2.FAULTS
    # 40 AEO declarations, 2 other consignors, the faults; not KR nor out-of-period ones
    assert comparison.quality.rows == 40 + 2 + sum(table2.FAULTS.values())


def test_all_consignors_adds_the_other_consignors(table2_csv, periods):
    result = compare(table2_csv, importing="TW", partner="JP", all_consignors=True, **periods)
    sea = next(r for r in result.rows if (r.stage, r.transport_mode) == (1, "sea"))
    assert sea.before.count == 12


def test_json_document(comparison):
    doc = json.loads(render(comparison, "json"))
    assert doc["importing"] == "TW" and doc["partner"] == "JP"
    assert doc["before"] == {"from": "2018-10-12", "to": "2019-05-21"}
    row = doc["rows"][2]
    assert (row["stage"], row["transport_mode"]) == (2, "sea")
    assert row["before"]["mean_s"] == 552441.8 and row["after"]["mean_s"] == 282113.8
    assert row["rate_of_change_pct"] == -48.93
    assert set(row["before"]) == {"count", "mean_s", "median_s", "p90_s"}
    assert doc["data_quality"]["excluded"]["duplicate_id"] == 2


def test_periods_without_declarations_say_no_records(table2_csv):
    from aeo.trs.engine import Period

    result = compare(
        table2_csv,
        importing="TW",
        partner="JP",
        before=Period.parse("2017-01-01:2017-12-31"),
        after=Period.parse("2019-05-22:2019-12-31"),
    )
    row = result.rows[0]
    assert row.before.count == 0 and row.before.mean_s is None and row.rate_of_change_pct is None
    assert "No Records" in render(result, "text")
    assert json.loads(render(result, "json"))["rows"][0]["before"]["mean_s"] is None
