"""A query compiled once, run many times: for the hottest read (the public status lookup),
where Django compiling the query each time costs more than the database running it.

The queryset is built and compiled by Django with a placeholder for its one varying value; each
run binds the value in its place and reads the rows through the same compiler, so that they
come back converted exactly as the ORM gives them (dates, decimals, booleans on SQLite). A
value within a pattern (`startswith`) is put in the pattern, and must need no escaping.
"""

from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import QuerySet

_PLACEHOLDER = "aeo.core.prepared:value"


class PreparedQuery:
    """`build(value)` gives the queryset (a `values_list`); `rows(value)` its rows for `value`.
    Compiled at the first run, once per database alias in this process."""

    def __init__(self, build: Callable[[Any], QuerySet]) -> None:
        self.build = build
        self._compiled: dict[str, tuple[Any, str, tuple[Any, ...], int]] = {}

    def _compile(self, using: str) -> tuple[Any, str, tuple[Any, ...], int]:
        compiler = self.build(_PLACEHOLDER).query.get_compiler(using)
        sql, params = compiler.as_sql()
        params = tuple(params)
        used = [i for i, p in enumerate(params) if isinstance(p, str) and _PLACEHOLDER in p]
        if len(used) != 1 or params[used[0]].count(_PLACEHOLDER) != 1:
            raise ValueError("the query must use its value exactly once")
        return compiler, sql, params, used[0]

    def rows(self, value: Any, using: str = "default") -> list[tuple[Any, ...]]:
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        compiler, sql, params, at = compiled
        if params[at] != _PLACEHOLDER:  # within a pattern (`startswith`): Django escapes
            if not isinstance(value, str) or any(c in value for c in "%_\\"):
                raise ValueError("a value within a pattern must need no escaping")
            value = params[at].replace(_PLACEHOLDER, value)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, (*params[:at], value, *params[at + 1 :]))
            return list(compiler.results_iter([cursor.fetchall()], tuple_expected=True))
