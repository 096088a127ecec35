"""Percentiles from the windows a sample predicts: bit for bit numpy's, whether the ranks fall
inside the windows, outside them (the cells looked for again), or no window is placed."""

import numpy as np
import pyarrow as pa
import pytest

from aeo.trs.engine import connect
from aeo.trs.engine.stats import STAGES, measure, predicted_windows, stage_percentiles
from aeo.trs.engine.windows import predict

from .test_quantiles import cells

COLUMNS = list(STAGES.values())


def study_table(data: dict[tuple[str | None, int], list[float]]) -> pa.Table:
    """A study's table: a group key, the reason (none) and the stage durations."""
    rows = []
    for (group, stage), values in data.items():
        for i, value in enumerate(values):
            rows.append({"group": group, "dq_reason": None, "stage1_s": None, "stage2_s": None,
                         "keep": i % 7 != 0, STAGES[stage]: float(value)})  # fmt: skip
    schema = pa.schema([("group", pa.string()), ("dq_reason", pa.int8()),
                        ("stage1_s", pa.float64()), ("stage2_s", pa.float64()),
                        ("keep", pa.bool_())])  # fmt: skip
    return pa.Table.from_pylist(rows, schema)


@pytest.fixture(scope="module")
def data() -> dict[tuple[str | None, int], list[float]]:
    return cells(np.random.default_rng(7))


def percentiles(t, sample, where=None):
    windows = predicted_windows(sample, ["group"], where) if sample is not None else None
    measured = measure(t, ["group"], COLUMNS, ["group"], where, windows=windows)
    return stage_percentiles(t, ["group"], measured, where), measured


@pytest.mark.parametrize("sample", ["whole", "shifted", "none"])
def test_every_cell_equals_numpy_bit_for_bit(data, sample):
    con = connect()
    t = con.create_table("study", study_table(data))
    shifted = {cell: [v * 1.5 + 10 for v in values] for cell, values in data.items()}
    samples = {
        "whole": t,
        "shifted": con.create_table("shifted", study_table(shifted)),
        "none": None,
    }
    found, measured = percentiles(t, samples[sample])
    assert set(found) == set(data)
    for cell, values in data.items():
        assert found[cell] == np.quantile(np.array(values), (0.5, 0.9)).tolist(), cell
    kept = sum(len(v) for v in measured.values.values())
    if sample == "whole":  # the windows held the ranks: a part of the values kept, not all
        assert 0 < kept < sum(len(v) for v in data.values())
    if sample == "none":
        assert kept == 0


def test_where_restricts_the_rows(data):
    t = connect().create_table("study", study_table(data))
    found, _ = percentiles(t, t, where="keep")
    for cell, values in data.items():
        kept = [v for i, v in enumerate(values) if i % 7 != 0]
        if kept:
            assert found[cell] == np.quantile(np.array(kept), (0.5, 0.9)).tolist(), cell
        else:
            assert cell not in found


def test_windows_stay_within_the_budget():
    rng = np.random.default_rng(1)
    sample = {("a", 1): rng.lognormal(9, 1, 10_000), ("b", 1): rng.lognormal(5, 1, 10)}
    wide = predict(sample, (0.5, 0.9), scale=1.0)
    assert set(wide) == {("a", 1)}  # too few sample values in b: no window
    assert len(wide["a", 1]) == 2 and wide["a", 1][0][1] < wide["a", 1][1][0]
    narrow = predict(sample, (0.5, 0.9), scale=1_000.0, budget=500_000)
    width = [b - a for a, b in wide["a", 1]]
    assert all(b - a < w for (a, b), w in zip(narrow["a", 1], width, strict=True))
    assert predict(sample, (0.5, 0.9), scale=1e6, budget=1_000) == {}
