"""Bad input is counted by reason or refused with a clear error, never a crash."""

import csv
from pathlib import Path

import pytest

from aeo.trs.engine import InputError, report
from aeo.trs.engine.schema import COLUMNS

GOOD = {
    "declaration_id": "A",
    "importing_economy": "TW",
    "partner_economy": "JP",
    "transport_mode": "air",
    "clearance_mode": "free",
    "importer_aeo": "true",
    "consignor_aeo": "0",
    "arrived_at": "2019-06-01T00:00:00Z",
    "lodged_at": "2019-06-01T01:00:00Z",
    "released_at": "2019-06-01T02:00:00Z",
    "delivered_at": "2019-06-02T00:00:00Z",
}
FAULTS = {
    "missing_id": {"declaration_id": ""},
    "unknown_economy": {"partner_economy": "Japan"},
    "unknown_transport_mode": {"transport_mode": "ship"},
    "unknown_clearance_mode": {"clearance_mode": "green"},
    "invalid_boolean": {"consignor_aeo": "yes"},
    "invalid_timestamp": {"lodged_at": "01/06/2019"},
    "stage1_negative": {"released_at": "2019-06-01T00:59:59Z"},
    "stage2_negative": {"delivered_at": "2019-05-31T00:00:00Z", "released_at": ""},
    "stage1_too_long": {"released_at": "2019-08-01T02:00:00Z", "delivered_at": ""},
    "stage2_too_long": {"delivered_at": "2019-09-01T00:00:00Z"},
}


def write(path: Path, rows: list[dict[str, str]], columns=COLUMNS) -> Path:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_each_fault_is_counted_under_its_reason(tmp_path):
    rows = [GOOD | {"declaration_id": f"ok{i}"} for i in range(3)]
    rows += [GOOD | {"declaration_id": reason} | change for reason, change in FAULTS.items()]
    rows += [GOOD | {"declaration_id": "twice"}] * 2
    result = report(write(tmp_path / "d.csv", rows), by=())
    expected = dict.fromkeys(FAULTS, 1) | {"duplicate_id": 2}
    assert result.quality.excluded == {k: expected.get(k, 0) for k in result.quality.excluded}
    assert (result.quality.rows, result.quality.used) == (len(rows), 3)
    (group,) = result.groups
    assert group.declarations == 3 and group.stages[1].mean_s == 3600


def test_empty_values_are_not_recorded_not_faults(tmp_path):
    row = GOOD | {"arrived_at": "", "delivered_at": "", "importer_aeo": ""}
    result = report(write(tmp_path / "d.csv", [row]), by=("importer_aeo",))
    (group,) = result.groups
    assert group.key == {"importer_aeo": None}
    assert group.stages[1].count == 1 and group.stages[2].count == 0
    assert result.quality.used == 1


def test_a_missing_column_is_named(tmp_path):
    path = write(tmp_path / "d.csv", [GOOD], [c for c in COLUMNS if c != "released_at"])
    with pytest.raises(InputError, match="missing column.*released_at"):
        report(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("absent.csv", None, "no such file"),
        ("broken.parquet", b"not parquet at all", "cannot read"),
        ("data.xlsx", b"", "unknown input format"),
    ],
)
def test_unreadable_input_is_a_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        report(path)


def test_periods_take_the_utc_date_of_lodgment_else_arrival_both_ends_inclusive(tmp_path):
    from datetime import date

    stamps = {
        "first": {"lodged_at": "2019-06-01T00:00:00Z", "released_at": "2019-06-01T01:00:00Z"},
        "last": {"lodged_at": "2019-06-30T23:59:59.9Z", "released_at": "2019-07-01T01:00:00Z"},
        "after": {"lodged_at": "2019-07-01T00:00:00Z", "released_at": "2019-07-01T01:00:00Z"},
        # 2019-06-01 07:00 in Taipei is still 31 May in UTC
        "before": {"lodged_at": "2019-06-01T07:00:00+08:00", "released_at": "2019-06-01T09:00Z"},
        "never lodged": {"lodged_at": "", "released_at": "", "arrived_at": "2019-06-15T00:00Z"},
    }
    rows = [GOOD | {"declaration_id": name} | change for name, change in stamps.items()]
    path = write(tmp_path / "d.csv", rows)
    result = report(path, start=date(2019, 6, 1), end=date(2019, 6, 30), by=())
    assert result.quality.rows == 3  # first, last, never lodged


@pytest.mark.parametrize("few", [True, False], ids=["semi-join", "all-ids"])
def test_a_duplicate_outside_the_scope_excludes_the_copy_inside(tmp_path, monkeypatch, few):
    """Whichever way a study is planned (the rows that can be in scope kept and only their ids
    counted, when few rows can be; every id otherwise), an id also found outside the scope is a
    duplicate."""
    from aeo.trs.engine import quality

    monkeypatch.setattr(quality, "SMALL_SHARE", 1.0 if few else 0.0)
    rows = [GOOD | {"declaration_id": f"ok{i}"} for i in range(4)]
    rows += [GOOD | {"declaration_id": "shared"}]
    rows += [GOOD | {"declaration_id": "shared", "importing_economy": "KR"}]  # out of scope
    rows += [GOOD | {"declaration_id": f"kr{i}", "importing_economy": "KR"} for i in range(20)]
    rows += [GOOD | {"declaration_id": "kr0", "importing_economy": "NZ"}]  # neither in scope
    path = write(tmp_path / "d.csv", rows)
    result = report(path, importing="TW", partner="JP", by=())
    assert result.quality.rows == 5 and result.quality.excluded["duplicate_id"] == 1
    assert result.quality.used == 4
    everything = report(path, by=())
    assert everything.quality.excluded["duplicate_id"] == 4


def test_ids_whose_hashes_clash_are_told_apart_by_their_text(tmp_path, monkeypatch):
    """The duplicate check groups ids by a 64-bit hash; ids that share one (made common here:
    the hash is replaced by the id's length) are counted by their text, so only true copies
    are duplicates."""
    import ibis
    import ibis.expr.datatypes as dt

    from aeo.trs.engine import quality

    @ibis.udf.scalar.builtin(name="length")
    def length(value: str) -> dt.int64:  # type: ignore[empty-body]
        """Every id of the same length clashes."""

    monkeypatch.setattr(quality, "_duckdb_hash", length)
    rows = [GOOD | {"declaration_id": f"id{i}"} for i in range(6)]  # one length: six clash
    rows += [GOOD | {"declaration_id": "id3"}, GOOD | {"declaration_id": "copy"}] * 2
    rows += [GOOD | {"declaration_id": "alone"}]
    path = write(tmp_path / "d.csv", rows)
    result = report(path, by=())
    assert result.quality.rows == 11
    assert result.quality.excluded["duplicate_id"] == 5  # id3 three times, copy twice
    assert result.quality.used == 6
