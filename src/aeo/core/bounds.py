"""Bounded numbers, dates and pages for the API: what no column can hold answers 422.

A 64-bit integer column holds at most 2**63 - 1; SQLite raises OverflowError on a larger
Python int and PostgreSQL compares it as numeric. Years 1 and 9999 overflow when a time zone
moves them across the calendar's edge. Every id, page and date of the API is bounded here.
"""

import math
from datetime import UTC, date, datetime
from typing import Annotated, Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator

from aeo.core import keyset
from aeo.core.errors import DomainError
from aeo.core.pagination import (
    MAX_COUNTED,
    KnownRows,
    Search,
    by_ids,
    matches_ids,
    rows_at,
    rows_by_id,
)

MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9
MAX_PAGE = int(getattr(settings, "NINJA_PAGINATION_MAX_LIMIT", 200))
MIN_YEAR = 1900
MAX_YEAR = 2999

# A database id in a path (`/operators/{operator_id}`) or a body.
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]
IdValue = Annotated[int, Field(ge=1, le=MAX_ID)]


def _years(message: str) -> str:
    return message % {"first": MIN_YEAR, "last": MAX_YEAR}


def check_datetime(value: datetime) -> datetime:
    if timezone.is_naive(value):
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValueError(_years(_("Give a time between the years %(first)s and %(last)s.")))
        return value
    utc = value.astimezone(UTC) if MIN_YEAR <= value.year <= MAX_YEAR else None
    if utc is None or not MIN_YEAR <= utc.year <= MAX_YEAR:
        raise ValueError(_years(_("Give a time between the years %(first)s and %(last)s.")))
    return value


def check_date(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(_years(_("Give a date between the years %(first)s and %(last)s.")))
    return value


BoundedDateTime = Annotated[datetime, AfterValidator(check_datetime)]
BoundedDate = Annotated[date, AfterValidator(check_date)]


class Pagination(LimitOffsetPagination):
    """LimitOffsetPagination with both numbers bounded (ninja bounds neither offset), and the
    keyset way to page deep: each page's `next` is given as `after` for the page after it."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_PAGE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
        after: str | None = Field(
            None,
            max_length=2000,
            description="the `next` of the page before: the page after it, as fast at any "
            "depth as the first (offset is then ignored)",
        )

    class Output(Schema):
        items: list[Any]
        count: int
        next: str | None = Field(
            description="give it as `after` for the page after this one; null on the last page"
        )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE, **kwargs)

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        limit = min(pagination.limit, MAX_PAGE)
        if isinstance(queryset, KnownRows):
            known_rows = queryset.rows
            if pagination.after is None and len(known_rows) <= limit:
                page = known_rows[pagination.offset : pagination.offset + limit]
                return {"items": page, "count": len(known_rows), "next": None}
            queryset = queryset.queryset()
        search = queryset if isinstance(queryset, Search) else None
        if search is not None:
            queryset = search.queryset
        fields = keyset.ordering(queryset) if isinstance(queryset, QuerySet) else None
        if fields:  # ties broken by id: the same order whichever way one pages
            queryset = queryset.order_by(*fields)
        items, counted = None, None
        if pagination.after is not None:
            try:
                if fields is None:
                    raise keyset.BadCursor(pagination.after)
                rows = keyset.rows_after(queryset, fields, pagination.after)
            except keyset.BadCursor:
                message = _("Give the `next` of a page of this list.")
                raise DomainError(message, field="after", code="invalid_cursor") from None
            if search is not None and by_ids(rows):  # the matches after the cursor first, as below
                items = rows_by_id(search.rows, matches_ids(rows, MAX_COUNTED)[: limit + 1])
            else:
                items = list(rows[: limit + 1])
        elif search is not None and by_ids(queryset):  # the page from the matches' ids,
            # when it lies in them
            ids = matches_ids(queryset, MAX_COUNTED)
            end = pagination.offset + limit + 1
            if len(ids) <= MAX_COUNTED or end <= len(ids):
                items = rows_by_id(search.rows, ids[pagination.offset : end])
                counted = len(ids) if len(ids) <= MAX_COUNTED else None
        if items is None:
            items = rows_at(queryset, pagination.offset, limit + 1)
        more, items = len(items) > limit, items[:limit]
        # A first page or a last one that is not empty (by offset) tells the count itself: a
        # lookup answered in one page costs no COUNT.
        known = pagination.after is None and not more and (items or not pagination.offset)
        if counted is None:
            counted = pagination.offset + len(items) if known else self._items_count(queryset)
        return {
            "items": items,
            "count": counted,
            "next": keyset.cursor_after(items[-1], fields) if more and fields else None,
        }


MAX_JSON_INT = 2**53  # what every JSON reader (and a float column) holds exactly


def _check_json_numbers(value: Any) -> Any:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, bool):
            continue
        if isinstance(item, int) and abs(item) > MAX_JSON_INT:
            raise ValueError(_("Give a number between -2^53 and 2^53."))
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError(_("Give a finite number."))
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


# Any JSON value whose numbers a database can store (no NaN, no Infinity, no 100-digit ints).
BoundedJson = Annotated[Any, AfterValidator(_check_json_numbers)]
