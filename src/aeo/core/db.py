"""Database-level guards that the ORM alone cannot give, the planner's statistics, and a
version of the database that every committed write moves."""

import sqlite3
import threading
import time
from typing import Any

from django.db import connections
from django.db.migrations.operations.base import Operation
from django.db.models import F, Q
from django.db.models.lookups import In

# Rows SQLite reads per index to estimate it: a bounded ANALYZE (milliseconds on the large
# demo), close enough for the planner's choices.
ANALYSIS_LIMIT = 1000


def refresh_statistics(using: str = "default", *, after_bulk_load: bool = False) -> None:
    """Refresh the query planner's statistics on SQLite, which keeps them only when asked
    (PostgreSQL's autovacuum keeps its own). Without them SQLite finds one operator's
    authorizations by reading every active one. Run by `aeo serve`, the demo and the daily
    clock tick. `after_bulk_load` (the large demo): on PostgreSQL, VACUUM ANALYZE at once,
    as autovacuum would in a while (until then a count reads the table, not an index)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql" and after_bulk_load:
            cursor.execute("VACUUM ANALYZE")


_own = threading.local()  # per thread: SQLite connections of its own, by database file


def data_version(using: str = "default") -> Any:
    """A value that changes whenever a write is committed to the database, by any connection
    of any process, and is read in microseconds: what `core.kept` keeps answers for.

    SQLite: `PRAGMA data_version` of a connection of this thread's own, because it changes for
    every connection's commits but that connection's (Django's own writes included).
    PostgreSQL: where the next write-ahead log record goes, which every commit moves before it
    returns (so do writes not yet committed, vacuum and the server's other databases: a
    needless miss, never a stale answer); on a standby, the last record replayed. SQLite in
    memory, or another database: the current second."""
    connection = connections[using]
    path = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and "memory" not in path:
        own = getattr(_own, "connections", None)
        if own is None:
            own = _own.connections = {}
        if path not in own:
            own[path] = sqlite3.connect(path)
        return own[path].execute("PRAGMA data_version").fetchone()[0]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                " ELSE pg_current_wal_insert_lsn() END"
            )
            return cursor.fetchone()[0]
    return int(time.monotonic())


class InlineIn(In):
    """`field IN (constants)` with the constants (strings) written into the SQL, as Django
    writes a partial index's condition, instead of bound. SQLite uses a partial index only for
    a query that repeats the index's condition, and a bound parameter does not repeat it
    (sqlite.org/partialindex.html): filtering by `InlineIn(F(f), values)` lets it use an
    index built with `condition=Q(f__in=values)`."""

    def process_rhs(self, compiler: Any, connection: Any) -> tuple[str, tuple[()]]:
        sql, params = super().process_rhs(compiler, connection)
        if not all(isinstance(p, str) for p in params):
            raise TypeError("InlineIn takes string constants only")
        return sql % tuple("'" + str.__str__(p).replace("'", "''") + "'" for p in params), ()


def partial_condition(field: str, values: list[str]) -> tuple[Q, InlineIn]:
    """`field IN values` stated once, twice over: as a partial index's `condition` (a `Q`) and
    as the filter that lets SQLite use that index (`InlineIn`)."""
    return Q(**{f"{field}__in": values}), InlineIn(F(field), values)


class AppendOnly(Operation):
    """A trigger that refuses UPDATE (and, on PostgreSQL, DELETE) on a history table.

    On SQLite only UPDATE is refused: Django empties SQLite tables with DELETE between
    transactional tests, while PostgreSQL uses TRUNCATE, which row triggers do not see.
    Deleting history through the ORM is refused on both (`AppendOnlyQuerySet`).
    """

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str) -> None:
        self.model_name = model_name

    def deconstruct(self):
        return (self.__class__.__name__, [self.model_name], {})

    def state_forwards(self, app_label, state) -> None:
        pass

    def _table(self, app_label, state) -> str:
        return state.apps.get_model(app_label, self.model_name)._meta.db_table

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        table = self._table(app_label, to_state)
        name = f"{table}_append_only"
        message = f"{table} rows are append-only"
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql"
            )
            schema_editor.execute(
                f'CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON "{table}" '
                f"FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
        elif schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(
                f'CREATE TRIGGER {name} BEFORE UPDATE ON "{table}" '
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        table = self._table(app_label, from_state)
        name = f"{table}_append_only"
        schema_editor.execute(
            f'DROP TRIGGER IF EXISTS {name} ON "{table}"'
            if schema_editor.connection.vendor == "postgresql"
            else f"DROP TRIGGER IF EXISTS {name}"
        )
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")

    def describe(self) -> str:
        return f"Refuse updates of {self.model_name} rows in the database"
