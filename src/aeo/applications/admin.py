from django.contrib import admin

from aeo.applications.models import (
    Application,
    ApplicationEvent,
    Consultation,
    ConsultationEvent,
    SubmittedCheckSheet,
)
from aeo.core.admin import HistoryInline, ReadOnlyAdmin, ReadOnlyInline


class EventInline(HistoryInline):
    model = ApplicationEvent


class CheckSheetInline(ReadOnlyInline):
    model = SubmittedCheckSheet
    fields = ("number", "frozen_at")
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ("pk", "operator", "office", "state", "track", "accepted_on")
    list_filter = ("state", "track", "office")
    inlines = [EventInline, CheckSheetInline]


class ConsultationEventInline(HistoryInline):
    model = ConsultationEvent


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ("subject", "operator", "account_manager", "status", "created_at")
    list_filter = ("status",)
    inlines = [ConsultationEventInline]
