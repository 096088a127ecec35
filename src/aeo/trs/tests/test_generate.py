"""The synthetic data set behaves like release times do."""

import pyarrow.parquet as pq

from aeo.trs.engine import Period, compare, generate, report
from aeo.trs.engine.generate import TABLE_2


def means(path, by):
    return {tuple(g.key.values()): g.stages[1].mean_s for g in report(path, by=by).groups}


def test_rows_are_written_in_chunks(synthetic):
    meta = pq.ParquetFile(synthetic).metadata
    assert meta.num_rows == 20_000 and meta.num_row_groups == 4


def test_believable_orderings(synthetic):
    by_mode = means(synthetic, ("transport_mode",))
    assert by_mode["sea",] > by_mode["air",]
    by_lane = means(synthetic, ("clearance_mode",))
    assert by_lane["exam",] > by_lane["paper",] > by_lane["free",]
    by_aeo = means(synthetic, ("importer_aeo",))
    assert by_aeo[True,] < by_aeo[False,]


def test_partner_aeo_times_fall_after_the_mra(tmp_path):
    path = generate(tmp_path / "d.parquet", 60_000, seed=3)
    result = compare(
        path,
        importing="TW",
        partner="JP",
        before=Period.parse("2018-10-12:2019-05-21"),
        after=Period.parse("2019-05-22:2019-12-31"),
    )
    for row in result.rows:
        if (row.stage, row.transport_mode) in TABLE_2:
            before, after = TABLE_2[row.stage, row.transport_mode]
            assert row.before.mean_s is not None and row.after.mean_s is not None
            # calibrated to Table 2 in expectation; a few thousand rows land within 10 %
            assert abs(row.before.mean_s / before - 1) < 0.1
            assert abs(row.after.mean_s / after - 1) < 0.1


def test_csv_and_parquet_give_the_same_figures(tmp_path):
    parquet = generate(tmp_path / "d.parquet", 3_000, seed=5)
    text = generate(tmp_path / "d.csv", 3_000, seed=5)
    a, b = report(parquet, by=("transport_mode",)), report(text, by=("transport_mode",))
    assert a.quality == b.quality
    # the same up to float summation order, i.e. to the tenth of a second reported
    figures = [[[s.as_dict() for s in g.stages.values()] for g in r.groups] for r in (a, b)]
    assert figures[0] == figures[1]
