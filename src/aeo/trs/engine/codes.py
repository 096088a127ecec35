"""Code columns kept as small integers while a study runs.

The table a study keeps (`quality.annotated`) holds its code columns as their index in the
code list: one byte instead of sixteen, so the table is a fraction of the size (it stays in
memory longer before spilling) and grouping by it is cheaper. Results are decoded back.
"""

from collections.abc import Sequence
from typing import Any

import ibis
import ibis.expr.types as ir

from .schema import CLEARANCE_MODES, REASONS, TRANSPORT_MODES

CODES: dict[str, tuple[str, ...]] = {
    "transport_mode": TRANSPORT_MODES,
    "clearance_mode": CLEARANCE_MODES,
    "dq_reason": tuple(REASONS),
}


def encode(t: ir.Table) -> ir.Table:
    """`t` with each code column as the code's index (null: not recorded or not a known code,
    which only an excluded declaration can have)."""
    coded = {
        column: ibis.cases(
            *((t[column] == code, i) for i, code in enumerate(codes)), else_=ibis.null("int8")
        ).cast("int8")
        for column, codes in CODES.items()
        if column in t.columns
    }
    return t.mutate(**coded) if coded else t


def decode(columns: Sequence[str], values: Sequence[Any]) -> tuple[Any, ...]:
    """Values of `columns` from an encoded table, with codes as text again."""
    return tuple(
        CODES[c][v] if c in CODES and v is not None else v
        for c, v in zip(columns, values, strict=True)
    )
