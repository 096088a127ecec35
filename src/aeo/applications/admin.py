from django.contrib import admin

from aeo.applications.models import Application, ApplicationEvent, Consultation


class EventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor", "action", "from_state", "to_state", "comment")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only: applications move only through their services, so every move is recorded."""

    list_display = ("pk", "operator", "office", "state", "track", "accepted_on")
    list_filter = ("state", "track", "office")
    inlines = [EventInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ("subject", "operator", "account_manager", "status", "created_at")
    list_filter = ("status",)
