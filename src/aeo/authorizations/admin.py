from django.contrib import admin

from aeo.authorizations.models import Authorization


@admin.register(Authorization)
class AuthorizationAdmin(admin.ModelAdmin):
    """Read-only: status changes go through the service so that each one is recorded."""

    list_display = ("aeo_number", "operator", "aeo_type", "status", "valid_from", "valid_to")
    list_filter = ("status", "aeo_type")
    search_fields = ("aeo_number", "operator__legal_name", "operator__tin")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
