"""Typing and validating declarations, as Ibis expressions.

`annotate` turns the raw input into one row per declaration with typed values, the moment that
places it in a period (`period_at`: lodgment, else arrival),
the durations in seconds and `dq_reason`: the first data-quality rule the row breaks (null when
it breaks none). Durations of an excluded row are null, so statistics never see it, while the
reason stays available for counting. Codes are taken as written (`TW`, `sea`, `free`): any
other spelling is an unknown code, counted, not guessed at.
"""

import operator
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import reduce

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from .codes import encode
from .io import cache
from .schema import (
    BOOLEAN_COLUMNS,
    CLEARANCE_MODES,
    ECONOMIES,
    ECONOMY_COLUMNS,
    FALSE_VALUES,
    ID,
    MAX_STAGE_SECONDS,
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


@contextmanager
def annotated(raw: ir.Table, select: Callable[[ir.Table], ir.Table]) -> Iterator[ir.Table]:
    """`select(annotate(raw))`, computed once and kept for the several queries of a study.

    `select` keeps the rows and columns the study needs; code columns are kept encoded
    (`codes.encode`). The file is read twice in all: once for the ids that occur more than
    once, once for the rest.
    """
    with cache(duplicate_ids(raw)) as duplicates:
        kept = cache(encode(select(annotate(raw, duplicates))))
    with kept:
        yield kept


def duplicate_ids(raw: ir.Table) -> ir.Table:
    """The ids that occur more than once (a hash aggregate of the ids, which can spill to disk,
    where a window over the ids would hold every column of every row)."""
    ids = raw.group_by(ID).aggregate(n=ibis._.count())
    return ids.filter(ids.n > 1).select(ID)


def annotate(raw: ir.Table, duplicates: ir.Table) -> ir.Table:
    """Typed declarations with `period_at`, durations (seconds) and `dq_reason`.

    `duplicates` is `duplicate_ids(raw)`.
    """
    duplicates = duplicates.mutate(duplicate=ibis.literal(True))
    raw = raw.left_join(duplicates, ID).drop(f"{ID}_right")
    booleans = {c: _boolean(raw[c]) for c in BOOLEAN_COLUMNS}
    timestamps = {c: _timestamp(raw[c]) for c in TIMESTAMP_COLUMNS}
    t = raw.mutate(
        **booleans,
        **timestamps,
        invalid_boolean=_any(_unread(raw[c], booleans[c]) for c in BOOLEAN_COLUMNS),
        invalid_timestamp=_any(_unread(raw[c], timestamps[c]) for c in TIMESTAMP_COLUMNS),
    )
    micros = {c: unix_micros(t[c]) for c in TIMESTAMP_COLUMNS}
    t = t.mutate(
        period_at=t.lodged_at.fill_null(t.arrived_at),
        **{name: (micros[end] - micros[start]) / 1e6 for name, (start, end) in DURATIONS.items()},
    )
    reason = ibis.cases(
        (t[ID].isnull(), "missing_id"),
        (t.duplicate.notnull(), "duplicate_id"),
        (_any(~_known(t[c], ECONOMIES) for c in ECONOMY_COLUMNS), "unknown_economy"),
        (~_known(t.transport_mode, TRANSPORT_MODES), "unknown_transport_mode"),
        (~_known(t.clearance_mode, CLEARANCE_MODES), "unknown_clearance_mode"),
        (t.invalid_boolean, "invalid_boolean"),
        (t.invalid_timestamp, "invalid_timestamp"),
        (t.stage1_s < 0, "stage1_negative"),
        (t.stage2_s < 0, "stage2_negative"),
        (t.stage1_s > MAX_STAGE_SECONDS, "stage1_too_long"),
        (t.stage2_s > MAX_STAGE_SECONDS, "stage2_too_long"),
        else_=ibis.null("string"),
    )
    t = t.mutate(dq_reason=reason).drop("invalid_boolean", "invalid_timestamp", "duplicate")
    valid = t.dq_reason.isnull()
    return t.mutate(
        **{name: ibis.ifelse(valid, t[name], ibis.null("float64")) for name in DURATIONS}
    )


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


def _any(conditions: Iterable[ir.BooleanValue]) -> ir.BooleanValue:
    return reduce(operator.or_, conditions)
