"""History is append-only in the database, not only through the ORM."""

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from aeo.applications.tests.helpers import submitted_application, trader_in_tokyo
from aeo.core.models import AppendOnlyModel, AuditEvent

pytestmark = pytest.mark.django_db

HISTORY_MODELS = sorted(
    (m for m in apps.get_models() if issubclass(m, AppendOnlyModel)), key=lambda m: m._meta.label
)


def test_every_history_table_has_its_trigger():
    """A migration that rebuilds a table (SQLite does for many changes) must keep the trigger."""
    names = {m._meta.label for m in HISTORY_MODELS}
    assert {"core.AuditEvent", "applications.ApplicationEvent"} <= names
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT event_object_table FROM information_schema.triggers")
        guarded = {row[0] for row in cursor.fetchall()}
    assert {m._meta.db_table for m in HISTORY_MODELS} <= guarded


def test_the_database_refuses_to_rewrite_history():
    application = submitted_application(trader_in_tokyo())
    event = application.events.first()
    table = event._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET comment = 'rewritten' WHERE id = %s", [event.pk])  # noqa: S608
    event.refresh_from_db()
    assert event.comment == ""


@pytest.mark.parametrize("model", HISTORY_MODELS, ids=lambda m: m._meta.label)
def test_no_bulk_update_or_delete_path(model):
    with pytest.raises(ValueError, match="append-only"):
        model.objects.all().update(id=0)
    with pytest.raises(ValueError, match="append-only"):
        model.objects.all().delete()


def test_the_audit_trail_is_refused_instance_changes_too():
    submitted_application(trader_in_tokyo())
    audit = AuditEvent.objects.first()
    with pytest.raises(ValueError, match="append-only"):
        audit.save()
    with pytest.raises(ValueError, match="append-only"):
        audit.delete()
