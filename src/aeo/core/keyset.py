"""Keyset pages: the page after a given row, as fast at row 90,000 as at row 100.

OFFSET n reads and drops n rows first. A cursor names the last row of a page by the values of
the list's order (plus its id, so that ties are broken), and the next page is the rows after
those values: an index range read, whatever the depth. A cursor is opaque to clients (base64
of the JSON values); one that does not decode, or does not fit the list, answers 422.
"""

import base64
import binascii
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet

MAX_INT = 2**63 - 1  # what a 64-bit column holds


class BadCursor(ValueError):
    pass


def ordering(queryset: QuerySet) -> list[str] | None:
    """The list's order as field paths ("-issued_at", "operator__legal_name") ending with the
    id; None where the order holds an expression (no cursor then)."""
    query = queryset.query
    declared = query.order_by or (queryset.model._meta.ordering if query.default_ordering else [])
    fields: list[Any] = list(declared)
    if not all(isinstance(f, str) and f != "?" for f in fields):
        return None
    names = [f.lstrip("-") for f in fields]
    if not {"pk", "id"} & set(names):
        fields.append("-pk" if fields and fields[-1].startswith("-") else "pk")
    return fields


def _value(obj: Model, path: str) -> Any:
    for part in path.lstrip("-").split("__"):
        obj = getattr(obj, part)
    return obj


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def cursor_after(obj: Model, fields: list[str]) -> str | None:
    """The cursor of the page after `obj`; None where one of its order values is null."""
    values = [_plain(_value(obj, f)) for f in fields]
    if any(v is None or isinstance(v, Model) for v in values):
        return None
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _storable(text: str) -> bool:
    """Text every database takes: no NUL, no unpaired surrogate, not over 1,000 characters."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text and len(text) <= 1000


def rows_after(queryset: QuerySet, fields: list[str], cursor: str) -> QuerySet:
    """The rows after the cursor's row, in the list's order."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise BadCursor(cursor) from exc
    if not isinstance(values, list) or len(values) != len(fields):
        raise BadCursor(cursor)
    for v in values:
        if isinstance(v, bool) or not isinstance(v, str | int | float):
            raise BadCursor(cursor)
        if isinstance(v, int) and abs(v) > MAX_INT or isinstance(v, str) and not _storable(v):
            raise BadCursor(cursor)
    # a >= x (a range an index on the first field reads from x on), and then the rows past the
    # cursor's: (a > x) or (a = x and b > y) or …
    first = fields[0]
    after = Q(**{f"{first.lstrip('-')}__{'lte' if first.startswith('-') else 'gte'}": values[0]})
    past = Q()
    for i, field in enumerate(fields):
        name = field.lstrip("-")
        step = Q(**{f"{name}__{'lt' if field.startswith('-') else 'gt'}": values[i]})
        for earlier, value in zip(fields[:i], values[:i], strict=False):
            step &= Q(**{earlier.lstrip("-"): value})
        past |= step
    try:
        return queryset.filter(after & past)
    except (ValueError, TypeError, ValidationError) as exc:  # a value the field cannot take
        raise BadCursor(cursor) from exc
