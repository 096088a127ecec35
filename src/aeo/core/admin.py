"""The admin's bases: it can read everything and cannot go around the services.

Workflow objects and their histories are `ReadOnlyAdmin`: they change only through their
services (and so their maps, histories and audit). Reference data (economies, offices) are
`AuditedAdmin`: a change is saved by `aeo.core.services.save_reference_data`, validated and
audited like any other write; nothing is deleted.
"""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from aeo.core import services
from aeo.core.models import AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class HistoryInline(ReadOnlyInline):
    """A workflow object's history, under the object."""

    fields = ("at", "actor", "event", "from_state", "to_state", "comment")
    readonly_fields = fields


class AuditedAdmin(admin.ModelAdmin):
    """Changes go through the audited service; nothing is added or deleted here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        services.save_reference_data(
            actor=request.user,
            obj=obj,
            before={name: form.initial.get(name) for name in form.changed_data},
        )


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "object_id")
