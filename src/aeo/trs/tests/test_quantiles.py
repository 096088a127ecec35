"""Exact percentiles from bucket counts and ranks: bit for bit numpy's, whatever the data."""

import numpy as np
import pyarrow as pa
import pytest

from aeo.trs.engine import connect
from aeo.trs.engine.quantiles import RESOLUTION, quantiles

PROBABILITIES = (0.5, 0.9, 0.0, 1.0, 0.25)
STAGES = {1: "a", 2: "b"}


def edges(n: int) -> list[float]:
    """Durations on and next to bucket edges, where rounding could mislead a range filter."""
    values = []
    for k in range(1000, 1000 + n):
        edge = 2 ** (k / RESOLUTION) - 1
        values += [edge, np.nextafter(edge, 0), np.nextafter(edge, np.inf)]
    return values


def cells(rng: np.random.Generator) -> dict[tuple[str | None, int], list[float]]:
    durations = rng.lognormal(9, 1.2, 5_000).round(6)
    return {
        ("lognormal", 1): list(durations),
        ("lognormal", 2): list(durations[:1_001] * 3),
        ("one", 1): [42.5],
        ("two", 1): [7.0, 3.0],
        ("ties", 1): [3600.0] * 700 + [60.0] * 300 + [86_400.0] * 5,
        ("zeros", 2): [0.0] * 10 + [0.000001, 5_184_000.0],
        ("edges", 1): edges(400),
        (None, 2): list(rng.uniform(0, 100, 333)),  # a null group key
    }


def table(data: dict[tuple[str | None, int], list[float]]) -> pa.Table:
    rows = []
    for (group, stage), values in data.items():
        for i, value in enumerate(values):
            row = {"group": group, "a": None, "b": None, "keep": i % 7 != 0}
            row[STAGES[stage]] = float(value)
            rows.append(row)
    rows.append({"group": "empty", "a": None, "b": None, "keep": True})  # no durations at all
    schema = pa.schema([("group", pa.string()), ("a", pa.float64()), ("b", pa.float64()),
                        ("keep", pa.bool_())])  # fmt: skip
    return pa.Table.from_pylist(rows, schema)


@pytest.fixture(scope="module")
def data() -> dict[tuple[str | None, int], list[float]]:
    return cells(np.random.default_rng(2026))


def test_every_cell_equals_numpy_bit_for_bit(data):
    t = connect().create_table("durations", table(data))
    found = quantiles(t, ["group"], STAGES, PROBABILITIES)
    assert set(found) == set(data)  # the group without durations has no cell
    for cell, values in data.items():
        expected = np.quantile(np.array(values), PROBABILITIES).tolist()
        assert found[cell] == expected, cell


def test_where_restricts_the_rows(data):
    t = connect().create_table("durations", table(data))
    found = quantiles(t, ["group"], STAGES, (0.5, 0.9), where=t.keep)
    for cell, values in data.items():
        kept = [v for i, v in enumerate(values) if i % 7 != 0]
        if kept:
            assert found[cell] == np.quantile(np.array(kept), (0.5, 0.9)).tolist(), cell
        else:
            assert cell not in found


def test_without_keys_and_without_rows():
    con = connect()
    values = [5.0, 1.0, 4.0, 2.0]
    t = con.create_table("one", pa.table({"a": values, "b": [None] * 4}, schema=pa.schema(
        [("a", pa.float64()), ("b", pa.float64())])))  # fmt: skip
    assert quantiles(t, [], STAGES, (0.5,)) == {(1,): [3.0]}
    assert quantiles(t.filter(t.a > 10), [], STAGES, (0.5,)) == {}
