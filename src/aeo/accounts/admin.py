from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from aeo.accounts.models import ApiToken, User
from aeo.core.admin import AuditedAdmin, ReadOnlyAdmin


@admin.register(User)
class AeoUserAdmin(AuditedAdmin, UserAdmin):
    """Users are created with `aeo adduser`; a change here (a role, an office) is audited.

    Staff and superuser status are not edited here: only superusers (`aeo createsuperuser`)
    use the admin.
    """

    list_display = ("username", "role", "operator", "office", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (
        (None, {"fields": ("username",)}),
        ("Person", {"fields": ("first_name", "last_name", "email", "language")}),
        ("AEO", {"fields": ("role", "operator", "office", "is_active")}),
    )
    readonly_fields = ("username",)
    raw_id_fields = ("operator",)


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
