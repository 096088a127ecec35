"""Typing and validating declarations, as Ibis expressions.

`annotate` turns the raw input into one row per declaration with typed values, the moment that
places it in a period (`period_at`: lodgment, else arrival),
the durations in seconds and `dq_reason`: the first data-quality rule the row breaks, as its
index in `schema.REASONS` (null when it breaks none). Statistics use only rows without a
reason; the others are counted by reason. Codes are taken as written (`TW`, `sea`, `free`): any
other spelling is an unknown code, counted, not guessed at.
"""

import operator
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import reduce

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import pyarrow as pa

from .io import cache, execute
from .schema import (
    BOOLEAN_COLUMNS,
    CLEARANCE_MODES,
    ECONOMIES,
    ECONOMY_COLUMNS,
    FALSE_VALUES,
    ID,
    MAX_STAGE_SECONDS,
    REASONS,
    TIMESTAMP_COLUMNS,
    TRANSPORT_MODES,
    TRUE_VALUES,
)

UTC = dt.Timestamp(timezone="UTC")
DURATIONS = {
    # column: (start, end)
    "arrival_to_lodgment_s": ("arrived_at", "lodged_at"),
    "stage1_s": ("lodged_at", "released_at"),
    "release_to_delivery_s": ("released_at", "delivered_at"),
    "stage2_s": ("arrived_at", "delivered_at"),
}


@ibis.udf.scalar.builtin
def unix_micros(ts: UTC) -> dt.int64:  # type: ignore[valid-type,empty-body]
    """Microseconds since the epoch: exact, unlike epoch seconds (integer on Spark).

    Spark's `unix_micros`; Ibis compiles it to DuckDB's `epoch_us`. PostgreSQL needs a one-line
    SQL function of that name (see docs/trs.md).
    """


@ibis.udf.scalar.builtin(name="hash")
def _duckdb_hash(value: str) -> dt.uint64:  # type: ignore[empty-body]
    """DuckDB's 64-bit hash of a value."""


@ibis.udf.scalar.builtin(name="xxhash64")
def _spark_hash(value: str) -> dt.int64:  # type: ignore[empty-body]
    """Spark's 64-bit hash of a value."""


def id_hash(value: ir.StringValue) -> ir.IntegerValue:
    """A 64-bit hash of the id, by the backend's own function (an unbound expression, as in
    tests of the SQL, gets DuckDB's)."""
    try:
        name = value.get_backend().name
    except Exception:
        name = None
    return _spark_hash(value) if name == "pyspark" else _duckdb_hash(value)


Within = Callable[[ir.Table], list[ir.BooleanValue]]
# Below this share of the file's declarations possibly in scope, those declarations are read once
# and kept (a small table, spilled past the memory limit), and the duplicate check counts only
# their ids (a small hash table, probed by every id of the file): the file is read twice in all.
# Above it, nothing per declaration is kept: one aggregate of every id, then the one pass over
# the declarations reads the file afresh (two reads in all, as one query would). Either way the
# ids are read once more, to count by their text those whose hash occurs more than once.
SMALL_SHARE = 0.2
SAMPLE = 200_000  # the first rows of the file: the share in scope, and where percentiles lie


@dataclass(frozen=True)
class Declarations:
    """A study's declarations (`select(annotate(...))`) and the same for the first `SAMPLE` rows
    of the file (their duplicate check made among themselves: a guide, never a result), with
    `scale`, the file's rows per sample row (estimated)."""

    table: ir.Table
    sample: ir.Table
    scale: float


@contextmanager
def declarations(
    raw: ir.Table,
    within: Within,
    select: Callable[[ir.Table], ir.Table],
    fixed: dict[str, str] | None = None,
    rows: int | None = None,
) -> Iterator[Declarations]:
    """`select(annotate(raw))`, for the queries of a study, and its sample.

    `within` gives conditions on the raw columns that every declaration in scope meets (the
    importing and partner economies): they are applied at the scan, before anything is typed,
    so nothing else of the other rows is read; `fixed` names the economy columns they fix (to
    what). `select` keeps the rows and columns the study needs. `rows`: the file's rows, if
    known (or estimated). The ids that occur more than once (of those that can be in scope) are
    computed first and kept: a small table.
    """
    with cache(raw.limit(SAMPLE)) as head:
        conditions = within(head)
        head_scoped = head.filter(*conditions) if conditions else head
        sample = select(annotate(head_scoped, duplicate_ids(head), fixed))
        read, inside = _share(head, _all(conditions) if conditions else ibis.literal(True))
        scale = max(1.0, (rows or read) / read) if read else 1.0
        conditions = within(raw)
        if conditions and inside <= SMALL_SHARE * read:
            with cache(raw.filter(*conditions)) as scoped:
                ids = raw.filter(raw[ID].isin(scoped.filter(scoped[ID].notnull())[ID]))
                with kept_duplicates(ids, raw) as duplicates:
                    table = select(annotate(scoped, duplicates, fixed))
                    yield Declarations(table, sample, scale)
            return
        with kept_duplicates(raw) as duplicates:
            scoped = raw.filter(*conditions) if conditions else raw
            yield Declarations(select(annotate(scoped, duplicates, fixed)), sample, scale)


@contextmanager
def kept_duplicates(ids: ir.Table, raw: ir.Table | None = None) -> Iterator[ir.Table]:
    """`duplicate_ids`, computed once and kept (a small table) while the study runs: the ids of
    `ids` (rows of `raw`, the whole file) that occur more than once in `raw`."""
    with (
        cache(_repeated_hashes(ids)) as repeated,
        cache(_resolved(ids if raw is None else raw, repeated)) as duplicates,
    ):
        yield duplicates


def duplicate_ids(raw: ir.Table) -> ir.Table:
    """The ids that occur more than once in `raw`.

    First a hash aggregate of the ids' 64-bit hashes, counting only (an 8-byte key and a count:
    no text in the aggregate's state, which keeps it small and cheap to spill; keeping the least
    and greatest id of each hash instead cost 2.5 times as much at 20 million ids), for the
    hashes that occur more than once; then the ids of those hashes only (a few thousand rows,
    found by a hash probe per id) are counted by their text, so that two ids sharing a hash (a
    clash) are told apart and the result is exact.
    """
    return _resolved(raw, _repeated_hashes(raw))


def _repeated_hashes(raw: ir.Table) -> ir.Table:
    ids = raw.filter(raw[ID].notnull())
    found = ids.group_by(hash=id_hash(ids[ID])).aggregate(n=ibis._.count())
    return found.filter(found.n > 1).select("hash")


def _resolved(raw: ir.Table, repeated: ir.Table) -> ir.Table:
    """The ids of `raw` whose hash is `repeated` that occur more than once in `raw`."""
    ids = raw.filter(raw[ID].notnull())
    ids = ids.filter(id_hash(ids[ID]).isin(repeated.hash))
    counted = ids.group_by(ID).aggregate(n=ibis._.count())
    return counted.filter(counted.n > 1).select(ID)


def _share(raw: ir.Table, condition: ir.BooleanValue) -> tuple[int, int]:
    """`raw`'s rows, and how many meet `condition` (a choice of plan, not a result: a poor
    estimate costs time, never exactness)."""
    head = raw.select(inside=condition.fill_null(False).cast("int64"))
    found = execute(head.aggregate(rows=head.count(), inside=head.inside.sum()))[0]
    return found["rows"], found["inside"] or 0


def annotate(raw: ir.Table, duplicates: ir.Table, fixed: dict[str, str] | None = None) -> ir.Table:
    """Typed declarations with `period_at`, durations (seconds) and `dq_reason`.

    `duplicates` is `duplicate_ids(raw)`. `fixed`: economy columns that every row of `raw`
    has the same value in (the study's filter), whose check is then done once, here. Another
    economy column is checked by a join with the table of codes: a hash probe per row, where
    `isin` with 249 codes would compare each value with every code.
    """
    fixed = fixed or {}
    duplicates = duplicates.mutate(duplicate=ibis.literal(True))
    raw = raw.left_join(duplicates, ID).drop(f"{ID}_right")
    known_economy: dict[str, ir.BooleanValue] = {}
    for column in ECONOMY_COLUMNS:
        if column in fixed:
            known_economy[column] = ibis.literal(fixed[column] in ECONOMIES)
            continue
        flag = f"{column}_known"
        codes = ibis.memtable(pa.table({column: sorted(ECONOMIES), flag: [True] * len(ECONOMIES)}))
        raw = raw.left_join(codes, column).drop(f"{column}_right")
        known_economy[column] = raw[flag].notnull()
    booleans = {c: _boolean(raw[c]) for c in BOOLEAN_COLUMNS}
    timestamps = {c: _timestamp(raw[c]) for c in TIMESTAMP_COLUMNS}
    t = raw.mutate(
        **booleans,
        **timestamps,
        **{f"{c}_known": known for c, known in known_economy.items()},
        invalid_boolean=_any(_unread(raw[c], booleans[c]) for c in BOOLEAN_COLUMNS),
        invalid_timestamp=_any(_unread(raw[c], timestamps[c]) for c in TIMESTAMP_COLUMNS),
    )
    micros = {c: unix_micros(t[c]) for c in TIMESTAMP_COLUMNS}
    t = t.mutate(
        period_at=t.lodged_at.fill_null(t.arrived_at),
        **{name: (micros[end] - micros[start]) / 1e6 for name, (start, end) in DURATIONS.items()},
    )
    rules = {
        "missing_id": t[ID].isnull(),
        "duplicate_id": t.duplicate.notnull(),
        "unknown_economy": _any(~t[f"{c}_known"] for c in ECONOMY_COLUMNS),
        "unknown_transport_mode": ~_known(t.transport_mode, TRANSPORT_MODES),
        "unknown_clearance_mode": ~_known(t.clearance_mode, CLEARANCE_MODES),
        "invalid_boolean": t.invalid_boolean,
        "invalid_timestamp": t.invalid_timestamp,
        "stage1_negative": t.stage1_s < 0,
        "stage2_negative": t.stage2_s < 0,
        "stage1_too_long": t.stage1_s > MAX_STAGE_SECONDS,
        "stage2_too_long": t.stage2_s > MAX_STAGE_SECONDS,
    }
    assert list(rules) == list(REASONS)
    # the reason's index in REASONS: a one-byte group key, cheaper to group by than its name
    reason = ibis.cases(
        *((rule, ibis.literal(i, "int8")) for i, rule in enumerate(rules.values())),
        else_=ibis.null("int8"),
    )
    flags = ("invalid_boolean", "invalid_timestamp", "duplicate")
    return t.mutate(dq_reason=reason).drop(*flags, *(f"{c}_known" for c in ECONOMY_COLUMNS))


def _text(value: ir.Value) -> ir.StringValue:
    """Text, with empty text read as not recorded."""
    return value.cast("string").nullif("")


def _boolean(value: ir.Value) -> ir.BooleanValue:
    if value.type().is_boolean():
        return value
    text = _text(value).lower()
    return ibis.cases(
        (text.isin(TRUE_VALUES), True), (text.isin(FALSE_VALUES), False), else_=ibis.null("boolean")
    )


def _timestamp(value: ir.Value) -> ir.TimestampValue:
    """ISO 8601 text or a timestamp, as a UTC timestamp (naive values are taken to be UTC)."""
    if value.type().is_timestamp():
        return value.cast(UTC)
    return _text(value).try_cast(UTC)


def _unread(raw: ir.Value, parsed: ir.Value) -> ir.BooleanValue:
    """A value was recorded but could not be read (only text needs reading)."""
    if not raw.type().is_string():
        return ibis.literal(False)
    return _text(raw).notnull() & parsed.isnull()


def _known(code: ir.StringValue, codes: Iterable[str]) -> ir.BooleanValue:
    return code.isin(sorted(codes)).fill_null(False)


def _all(conditions: Iterable[ir.BooleanValue]) -> ir.BooleanValue:
    return reduce(operator.and_, conditions)


def _any(conditions: Iterable[ir.BooleanValue]) -> ir.BooleanValue:
    return reduce(operator.or_, conditions)
