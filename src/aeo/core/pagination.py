"""Pages whose cost does not grow with the table: a bounded count and a bounded offset.

An exact COUNT(*) reads every matching row, and page n of an OFFSET query reads n pages'
worth of rows first. `BoundedPaginator` counts at most `MAX_COUNTED` rows (a LIMIT inside the
count) and so serves at most that many rows' worth of pages: page 400 costs what page 1 costs
times a constant, at 300 rows or 300,000. Beyond the bound the page says that there are more
(`page_obj.paginator.truncated`) and the user narrows the search or the filters.
"""

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator

MAX_COUNTED = 10_000


class BoundedPaginator(Paginator):
    max_counted = MAX_COUNTED

    @cached_property
    def _counted(self) -> int:
        object_list: Any = self.object_list
        if hasattr(object_list, "query"):  # a queryset: COUNT over a LIMITed subquery
            return object_list[: self.max_counted + 1].count()
        return min(len(object_list), self.max_counted + 1)

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        return min(self._counted, self.max_counted)

    @property
    def truncated(self) -> bool:
        """More rows match than are counted (and paged)."""
        return self._counted > self.max_counted
