from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from aeo.accounts.models import ApiToken, User


@admin.register(User)
class AeoUserAdmin(UserAdmin):
    list_display = ("username", "role", "operator", "office", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("AEO", {"fields": ("role", "operator", "office")}))
    raw_id_fields = ("operator",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("key_hash", "prefix", "created_at", "last_used_at")
