from django.contrib import admin

from aeo.registry.models import CustomsOffice, Economy, Operator, OperatorRoleAssignment, Region


@admin.register(Economy)
class EconomyAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "programme_name",
        "programme_launch_year",
        "validity_years",
        "sme_employee_cap",
    )
    search_fields = ("code", "name")


@admin.register(CustomsOffice)
class CustomsOfficeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "economy", "kind", "has_aeo_unit")
    list_filter = ("economy", "kind")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "economy", "office")
    list_filter = ("economy", "office")


class RoleInline(admin.TabularInline):
    model = OperatorRoleAssignment
    extra = 0


@admin.register(Operator)
class OperatorAdmin(admin.ModelAdmin):
    """Read-only here: operators change through the registry pages so that every edit is audited."""

    list_display = ("legal_name", "tin", "economy", "employee_count")
    search_fields = ("legal_name", "tin")
    list_filter = ("economy",)
    inlines = [RoleInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
