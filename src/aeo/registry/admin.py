from django.contrib import admin

from aeo.core.admin import AuditedAdmin, ReadOnlyAdmin, ReadOnlyInline
from aeo.registry.models import (
    AEOType,
    CustomsOffice,
    Economy,
    Operator,
    OperatorRoleAssignment,
    Region,
)


@admin.register(Economy)
class EconomyAdmin(AuditedAdmin):
    list_display = (
        "code",
        "name",
        "programme_name",
        "programme_launch_year",
        "validity_years",
        "sme_employee_cap",
    )
    search_fields = ("code", "name")


@admin.register(AEOType)
class AEOTypeAdmin(AuditedAdmin):
    list_display = ("economy", "code", "name_en", "name_ja", "position")
    list_filter = ("economy",)


@admin.register(CustomsOffice)
class CustomsOfficeAdmin(AuditedAdmin):
    list_display = ("code", "name", "economy", "kind", "has_aeo_unit")
    list_filter = ("economy", "kind")


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ("code", "name", "economy", "office")
    list_filter = ("economy", "office")


class RoleInline(ReadOnlyInline):
    model = OperatorRoleAssignment


@admin.register(Operator)
class OperatorAdmin(ReadOnlyAdmin):
    """Read-only: operators are registered and changed through the registry's services (TIN
    check, audit)."""

    list_display = ("legal_name", "tin", "economy", "employee_count")
    search_fields = ("legal_name", "tin")
    list_filter = ("economy",)
    inlines = [RoleInline]
