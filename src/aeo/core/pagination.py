"""Pages whose cost does not grow with the table: a bounded count and a bounded offset.

An exact COUNT(*) reads every matching row, and page n of an OFFSET query reads n pages'
worth of rows first. `BoundedPaginator` counts at most `MAX_COUNTED` rows (a LIMIT inside the
count) and so serves at most that many rows' worth of pages: page 400 costs what page 1 costs
times a constant, at 300 rows or 300,000. Beyond the bound the page says that there are more
(`page_obj.paginator.truncated`) and the user narrows the search or the filters. A page past
the first reads the ids of the rows it skips, not the rows (`rows_at`); a search reads the ids
of its matches first (`Search`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

MAX_COUNTED = 10_000


def by_ids(object_list: Any) -> bool:
    """Whether `object_list` is a queryset of model instances, whose rows can be read by id."""
    return (
        isinstance(object_list, QuerySet)
        and getattr(object_list, "_fields", None) is None  # values(): not instances
        and not object_list.query.distinct
        and object_list.query.group_by is None
        and not object_list.query.combinator
    )


def matches_ids(queryset: QuerySet, bound: int) -> list[Any]:
    """The ids of the first `bound` + 1 rows of `queryset`, in its order (they count the rows
    too, up to the bound). Asked for all of its matches rather than one page's, the database
    finds every match before it orders them, whatever its planner guesses. Given one page's
    LIMIT, PostgreSQL walks the index that serves the order and filters each row: where the
    matches bunch in that order (a word that begins the names holding it), it read 92,000 of
    100,000 operators to find 25. For a search (`Search`); for a list without
    one, reading 10,000 ids costs more than counting them."""
    return list(queryset.values_list("pk", flat=True)[: bound + 1])


def rows_by_id(object_list: QuerySet, ids: list[Any]) -> list[Any]:
    """The rows of `object_list` with these ids, in their order (with its joins and prefetches)."""
    found = object_list.order_by().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def rows_at(object_list: Any, offset: int, count: int) -> list[Any]:
    """`count` rows of `object_list` from `offset` on. For a page past the first of a queryset
    of model instances, the rows before it are read as ids only (from the index that serves the
    order, without the row or its joins), then the page's rows by id: a deep page costs an
    index walk, not `offset` whole rows."""
    if not offset or not by_ids(object_list):
        return list(object_list[offset : offset + count])
    return rows_by_id(
        object_list, list(object_list.values_list("pk", flat=True)[offset : offset + count])
    )


@dataclass(frozen=True)
class KnownRows:
    """Every row of a list, read a faster way than its queryset (a query compiled once), and
    the queryset, built only when a page needs what a list of rows cannot give: a cursor
    (`next`, `after`) past a page that does not hold them all."""

    rows: list[Any]
    queryset: Callable[[], QuerySet]


@dataclass(frozen=True)
class Search:
    """A search's queryset, which `BoundedPaginator` and the API's `Pagination` page by its
    matches' ids (`matches_ids`), and `rows`, the queryset the page's rows are read from by
    those ids: the same rows without the search's filters, which would find every match again
    (a name's 3,825 matches, 7 ms, for the two rows of a page)."""

    queryset: QuerySet
    rows: QuerySet


def searched(queryset: QuerySet, q: str, rows: QuerySet) -> QuerySet | Search:
    """`queryset` as a `Search` when `q` searches for something, else as it is. `rows`: what
    `queryset` searches (the rows its user may see, with its joins), without the search."""
    return Search(queryset, rows) if q.strip() else queryset


class BoundedPaginator(Paginator):
    """Django's paginator over at most `max_counted` rows. For a `Search`, the count and the
    page come from the matches' ids (`matches_ids`), then the page's rows by id."""

    max_counted = MAX_COUNTED

    def __init__(self, object_list: Any, *args: Any, **kwargs: Any) -> None:
        self.search = object_list if isinstance(object_list, Search) else None
        super().__init__(self.search.queryset if self.search else object_list, *args, **kwargs)

    @cached_property
    def _ids(self) -> list[Any] | None:
        object_list: Any = self.object_list
        if self.search is None or not by_ids(object_list):
            return None
        return matches_ids(object_list, self.max_counted)

    @cached_property
    def _counted(self) -> int:
        object_list: Any = self.object_list
        if self._ids is not None:
            return len(self._ids)
        if hasattr(object_list, "query"):  # a queryset: COUNT over a LIMITed subquery, whose
            # rows need no order (sorting every match cost more than counting them)
            return object_list.order_by()[: self.max_counted + 1].count()
        return min(len(object_list), self.max_counted + 1)

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        return min(self._counted, self.max_counted)

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self.search is not None and self._ids is not None:
            rows = rows_by_id(self.search.rows, self._ids[bottom:top])
        else:
            rows = rows_at(self.object_list, bottom, top - bottom)
        return Page(rows, number, self)

    @property
    def truncated(self) -> bool:
        """More rows match than are counted (and paged)."""
        return self._counted > self.max_counted
