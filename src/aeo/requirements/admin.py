from django.contrib import admin

from aeo.requirements.models import Criterion, SelfAssessment, TemplateVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    """Read-only: the catalogue and check sheets change through the services, which audit."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TemplateVersion)
class TemplateVersionAdmin(ReadOnlyAdmin):
    list_display = ("number", "status", "published_at")


@admin.register(Criterion)
class CriterionAdmin(ReadOnlyAdmin):
    list_display = ("code", "title", "area", "template")
    list_filter = ("template", "area")


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(ReadOnlyAdmin):
    list_display = ("pk", "operator", "template", "status", "updated_at")
    list_filter = ("status",)
