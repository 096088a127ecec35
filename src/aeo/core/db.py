"""Database-level guards that the ORM alone cannot give, the planner's statistics, and
versions that triggers move with each committed change to the rows that kept answers read."""

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


VERSIONS = "core_version"  # `core.models.Version`'s table, which the triggers write raw


def version(name: str, using: str = "default") -> int | None:
    """The counter `name` (`core.models.Version`) as this connection sees it: moved by every
    committed change to the rows its triggers watch (`MovesVersion`), and only by those. None
    until the first change.

    The counter is written in the transaction of the change it counts, so a read that sees
    the new value sees the change too: an answer read after the version never predates it."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT value FROM {VERSIONS} WHERE name = %s", [name])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else None


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


class MovesVersion(Operation):
    """Triggers that move the counter `version` (`core.models.Version`) with every change to
    one of `fields` of `model` ("app_label.ModelName") and, unless `rows` is false (a row that
    answers read only through another table's, whose triggers see it come and go), every row
    added or removed: the rows and columns that the answers kept under that version read
    (`core.kept`).

    SQLite, one writer at a time: a row trigger moves it at once. PostgreSQL: a deferred
    constraint trigger moves it once per transaction (a transaction-local setting remembers
    that it has), at commit, after every other lock the transaction takes: concurrent writers
    queue for the counter's row only while they commit, and cannot deadlock on it."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, version: str, model: str, fields: list[str], *, rows: bool = True) -> None:
        if not version.isidentifier():
            raise ValueError(f"a version's name is an identifier, not {version!r}")
        self.version, self.model, self.fields, self.rows = version, model, fields, rows

    def deconstruct(self):
        keywords = {} if self.rows else {"rows": False}
        return (self.__class__.__name__, [self.version, self.model, self.fields], keywords)

    def state_forwards(self, app_label, state) -> None:
        pass

    def _names(self, state) -> tuple[str, list[str], str]:
        meta = state.apps.get_model(self.model)._meta
        columns = [meta.get_field(field).column for field in self.fields]
        return meta.db_table, columns, f"{meta.db_table}_moves_{self.version}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        table, columns, name = self._names(to_state)
        # The next value: one more, or the time in microseconds if later, so that a counter
        # emptied (a restore, a test's flush) starts again above every value it had.
        vendor = schema_editor.connection.vendor
        clock = (
            "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
            if vendor == "postgresql"
            else "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
        )
        larger = "GREATEST" if vendor == "postgresql" else "max"
        moved = (  # the name an identifier (__init__), DDL takes no parameters
            f"INSERT INTO {VERSIONS} (name, value) VALUES ('{self.version}', {clock}) "  # noqa: S608
            f"ON CONFLICT (name) DO UPDATE SET value = {larger}({VERSIONS}.value + 1, {clock})"
        )
        listed = ", ".join(f'"{column}"' for column in columns)
        if vendor == "postgresql":
            changed = " OR ".join(f'OLD."{c}" IS DISTINCT FROM NEW."{c}"' for c in columns)
            flag = f"aeo.moved_{self.version}"
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ BEGIN "
                f"IF current_setting('{flag}', true) IS DISTINCT FROM '1' THEN "
                f"PERFORM set_config('{flag}', '1', true); {moved}; "
                "END IF; RETURN NULL; END; $$ LANGUAGE plpgsql"
            )
            deferred = "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
            if self.rows:
                schema_editor.execute(
                    f'CREATE CONSTRAINT TRIGGER {name}_rows AFTER INSERT OR DELETE ON "{table}" '
                    f"{deferred} EXECUTE FUNCTION {name}()"
                )
            schema_editor.execute(
                f'CREATE CONSTRAINT TRIGGER {name}_change AFTER UPDATE OF {listed} ON "{table}" '
                f"{deferred} WHEN ({changed}) EXECUTE FUNCTION {name}()"
            )
        elif vendor == "sqlite":
            changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
            for suffix, event in (("added", "INSERT"), ("removed", "DELETE")) if self.rows else ():
                schema_editor.execute(
                    f'CREATE TRIGGER {name}_{suffix} AFTER {event} ON "{table}" BEGIN {moved}; END'
                )
            schema_editor.execute(
                f'CREATE TRIGGER {name}_change AFTER UPDATE OF {listed} ON "{table}" '
                f"WHEN {changed} BEGIN {moved}; END"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        table, _, name = self._names(from_state)
        if schema_editor.connection.vendor == "postgresql":
            for suffix in ("rows", "change"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS {name}_{suffix} ON "{table}"')
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            for suffix in ("added", "removed", "change"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_{suffix}")

    def describe(self) -> str:
        return f"Move the {self.version} version with changes to {self.model}"
