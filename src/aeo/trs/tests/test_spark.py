"""The same Ibis expressions on PySpark give the same figures as on DuckDB."""

import pytest

from aeo.trs.engine import compare, connect, report

pytestmark = pytest.mark.spark


def figures(result):
    rows = getattr(result, "rows", None) or getattr(result, "groups", [])
    return [vars(r) for r in rows], result.quality


def test_compare_on_spark_matches_duckdb(spark, table2_csv, periods):
    args = {"importing": "TW", "partner": "JP", **periods}
    on_spark = compare(table2_csv, con=connect("pyspark", session=spark), **args)
    on_duckdb = compare(table2_csv, **args)
    assert on_spark.quality == on_duckdb.quality
    for a, b in zip(on_spark.rows, on_duckdb.rows, strict=True):
        for period in ("before", "after"):
            x, y = getattr(a, period), getattr(b, period)
            assert x.count == y.count
            for field in ("mean_s", "median_s", "p90_s"):  # exact percentile, not approx
                assert getattr(x, field) == pytest.approx(getattr(y, field), rel=1e-12)
        assert a.rate_of_change_pct == b.rate_of_change_pct


def test_report_on_spark_matches_duckdb(spark, synthetic):
    args = {"by": ("transport_mode", "clearance_mode")}
    on_spark = report(synthetic, con=connect("pyspark", session=spark), **args)
    on_duckdb = report(synthetic, **args)
    assert on_spark.quality == on_duckdb.quality
    assert [g.key for g in on_spark.groups] == [g.key for g in on_duckdb.groups]
    for a, b in zip(on_spark.groups, on_duckdb.groups, strict=True):
        assert a.declarations == b.declarations and a.clearance == b.clearance
        for stage in a.stages:
            x, y = a.stages[stage], b.stages[stage]
            assert x.count == y.count
            assert x.median_s == pytest.approx(y.median_s, rel=1e-12)
            assert x.p90_s == pytest.approx(y.p90_s, rel=1e-12)
            assert x.mean_s == pytest.approx(y.mean_s, rel=1e-12)
