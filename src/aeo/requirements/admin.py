"""Read-only: the catalogue changes through its pages' services (drafts, publishing)."""

from django.contrib import admin

from aeo.core.admin import HistoryInline, ReadOnlyAdmin
from aeo.requirements.models import (
    Criterion,
    SelfAssessment,
    SelfAssessmentEvent,
    TemplateVersion,
    TemplateVersionEvent,
)


class TemplateEventInline(HistoryInline):
    model = TemplateVersionEvent


@admin.register(TemplateVersion)
class TemplateVersionAdmin(ReadOnlyAdmin):
    list_display = ("number", "status", "published_at")
    inlines = [TemplateEventInline]


@admin.register(Criterion)
class CriterionAdmin(ReadOnlyAdmin):
    list_display = ("code", "title", "area", "template")
    list_filter = ("template", "area")


class AssessmentEventInline(HistoryInline):
    model = SelfAssessmentEvent


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(ReadOnlyAdmin):
    list_display = ("pk", "operator", "template", "status", "updated_at")
    list_filter = ("status",)
    inlines = [AssessmentEventInline]
