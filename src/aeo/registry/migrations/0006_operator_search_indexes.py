"""Indexed operator search (`aeo.registry.selectors.operator_search`).

TIN by exact value and prefix: a pattern index (PostgreSQL) or a NOCASE index (SQLite, whose
LIKE ignores case) serves `tin LIKE 'prefix%'`. Names by any part of three characters or more:
a trigram GIN index on UPPER(legal_name) (PostgreSQL's `icontains`), an FTS5 trigram table
kept by triggers (SQLite, the embedded default).
"""

from django.db import migrations

SQLITE = [
    (
        "CREATE INDEX registry_operator_tin_prefix ON registry_operator (tin COLLATE NOCASE)",
        "DROP INDEX IF EXISTS registry_operator_tin_prefix",
    ),
    (
        "CREATE VIRTUAL TABLE registry_operator_name USING fts5("
        "legal_name, content='registry_operator', content_rowid='id', tokenize='trigram')",
        "DROP TABLE IF EXISTS registry_operator_name",
    ),
    (
        "CREATE TRIGGER registry_operator_name_ai AFTER INSERT ON registry_operator BEGIN "
        "INSERT INTO registry_operator_name(rowid, legal_name) VALUES (new.id, new.legal_name); "
        "END",
        "DROP TRIGGER IF EXISTS registry_operator_name_ai",
    ),
    (
        "CREATE TRIGGER registry_operator_name_ad AFTER DELETE ON registry_operator BEGIN "
        "INSERT INTO registry_operator_name(registry_operator_name, rowid, legal_name) "
        "VALUES ('delete', old.id, old.legal_name); END",
        "DROP TRIGGER IF EXISTS registry_operator_name_ad",
    ),
    (
        "CREATE TRIGGER registry_operator_name_au AFTER UPDATE OF legal_name ON registry_operator "
        "BEGIN "
        "INSERT INTO registry_operator_name(registry_operator_name, rowid, legal_name) "
        "VALUES ('delete', old.id, old.legal_name); "
        "INSERT INTO registry_operator_name(rowid, legal_name) VALUES (new.id, new.legal_name); "
        "END",
        "DROP TRIGGER IF EXISTS registry_operator_name_au",
    ),
    (
        "INSERT INTO registry_operator_name(registry_operator_name) VALUES ('rebuild')",
        "SELECT 1",
    ),
]
POSTGRESQL = [
    ("CREATE EXTENSION IF NOT EXISTS pg_trgm", "SELECT 1"),
    (
        "CREATE INDEX registry_operator_tin_prefix ON registry_operator (tin varchar_pattern_ops)",
        "DROP INDEX IF EXISTS registry_operator_tin_prefix",
    ),
    (
        "CREATE INDEX registry_operator_name_trgm ON registry_operator "
        "USING gin ((UPPER(legal_name::text)) gin_trgm_ops)",
        "DROP INDEX IF EXISTS registry_operator_name_trgm",
    ),
]


def forwards(apps, schema_editor):
    for sql, _ in {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(
        schema_editor.connection.vendor, []
    ):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    for _, sql in reversed(
        {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor, [])
    ):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("registry", "0005_operator_established_on")]

    operations = [migrations.RunPython(forwards, backwards)]
